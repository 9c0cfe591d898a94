/** Siit's rate-limit headers (60 requests a minute by default). */
export interface RateLimit {
  /** `X-SiitApi-Limit`: requests allowed per period. */
  limit: number | undefined;
  /** `X-SiitApi-Remaining`: requests left in the current period. */
  remaining: number | undefined;
  /** `X-SiitApi-Reset`: when requests are accepted again; only sent once you have been rate-limited. */
  resetAt: Date | undefined;
}

/** Reads the rate-limit headers from a response (or its headers). Undefined when none is present. */
export function readRateLimit(source: Response | Headers): RateLimit | undefined {
  const headers = source instanceof Headers ? source : source.headers;
  const limit = readInteger(headers.get("x-siitapi-limit"));
  const remaining = readInteger(headers.get("x-siitapi-remaining"));
  const resetAt = readTimestamp(headers.get("x-siitapi-reset"));
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  return { limit, remaining, resetAt };
}

function readInteger(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

// The docs call the reset value a timestamp without a unit: accept Unix seconds, Unix milliseconds or a date string.
function readTimestamp(value: string | null): Date | undefined {
  if (value === null || value.trim() === "") return undefined;
  const numeric = readInteger(value);
  const date = numeric === undefined ? new Date(value) : new Date(numeric < 1e12 ? numeric * 1000 : numeric);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
