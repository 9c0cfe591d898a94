/** Siit's rate-limit headers (60 requests a minute by default), as any answer carries them, whatever its status. */
export interface RateLimit {
  /** `X-SiitApi-Limit`: requests allowed per period. */
  limit: number | undefined;
  /** `X-SiitApi-Remaining`: requests left in the current period. */
  remaining: number | undefined;
  /** `X-SiitApi-Reset`: when requests are accepted again; only sent once you have been rate-limited. */
  resetAt: Date | undefined;
}

/**
 * Reads the rate-limit headers from a response (or its headers), of any status. Undefined when none is present.
 * `receivedAt` (epoch ms) anchors a reset given as seconds from now; it defaults to the response's `Date`
 * header, else to the current time.
 */
export function readRateLimit(source: Response | Headers, receivedAt?: number): RateLimit | undefined {
  const headers = source instanceof Headers ? source : source.headers;
  const limit = readInteger(headers.get("x-siitapi-limit"));
  const remaining = readInteger(headers.get("x-siitapi-remaining"));
  const resetAt = readReset(headers.get("x-siitapi-reset"), () => receivedAt ?? (Date.parse(headers.get("date") ?? "") || Date.now()));
  if (limit === undefined && remaining === undefined && resetAt === undefined) return undefined;
  return { limit, remaining, resetAt };
}

function readInteger(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

// Seconds since 2001-09-09: anything smaller is no Unix timestamp of a reset, but a number of seconds to wait.
const SMALLEST_UNIX_SECONDS = 1e9;
const SMALLEST_UNIX_MILLISECONDS = 1e12;

/**
 * The docs call the reset value "a timestamp" without a unit or format, so any of these is accepted: Unix
 * seconds (`1737368460`, also with a fraction), Unix milliseconds (`1737368460123`), seconds from now (`42`),
 * or a date string (ISO 8601 or an HTTP date).
 */
function readReset(value: string | null, receivedAt: () => number): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let time: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const number = Number(text);
    if (number < SMALLEST_UNIX_SECONDS) time = receivedAt() + number * 1000;
    else time = number < SMALLEST_UNIX_MILLISECONDS ? number * 1000 : number;
  } else {
    // ISO 8601, or an HTTP date (which starts with the day's name); not whatever else Date.parse would guess at.
    time = /^(\d{4}-\d\d-\d\d|[a-z]{3},? )/i.test(text) ? Date.parse(text) : Number.NaN;
  }
  return Number.isFinite(time) ? new Date(Math.round(time)) : undefined;
}
