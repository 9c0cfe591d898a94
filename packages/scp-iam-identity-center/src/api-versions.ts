import { ConfigurationError } from "@identity-clients/core";

/** Lifecycle status of an API version, as the SCP reference publishes it. */
export type ApiVersionStatus = "CURRENT" | "SUPPORTED" | "DEPRECATED" | "PLANNED";

export interface ApiVersionEntry {
  readonly version: string;
  readonly status: ApiVersionStatus;
  /**
   * The "Not Before" date as published (`YYYY-MM-DD`): from this day on the version is no longer supported.
   * Undefined for the CURRENT version.
   */
  readonly notBefore: string | undefined;
}

/**
 * The IAM Identity Center version table as published at
 * https://docs.e.samsungsdscloud.com/en/apireference/management/iam-identity-center/ (newest first).
 * The service moves it over time; a new release of this package updates it.
 */
export const API_VERSIONS = [
  { version: "1.4", status: "CURRENT", notBefore: undefined },
  { version: "1.3", status: "SUPPORTED", notBefore: "2026-11-30" },
  { version: "1.2", status: "SUPPORTED", notBefore: "2026-09-30" },
  { version: "1.1", status: "DEPRECATED", notBefore: "2026-05-31" },
  { version: "1.0", status: "DEPRECATED", notBefore: "2026-02-23" },
] as const satisfies readonly ApiVersionEntry[];

/** A version this package knows, e.g. `"1.4"`. */
export type ApiVersion = (typeof API_VERSIONS)[number]["version"];

/** The service name that prefixes the version in the `Scp-Api-Version` header. */
export const API_VERSION_SERVICE = "iam-identity-center";

/** How long before its not-before date a version starts warning. */
export const API_VERSION_WARNING_DAYS = 30;

/** The `code` of the process warning emitted for a version close to its not-before date. */
export const API_VERSION_WARNING_CODE = "SCP_API_VERSION_NOT_BEFORE";

const DAY_MS = 86_400_000;
// Samsung Cloud Platform publishes dates for Korea; a date "arrives" at midnight Korea Standard Time (UTC+9).
const KST_OFFSET_MS = 9 * 3_600_000;

/** The instant a published `YYYY-MM-DD` date begins in Korea (KST, UTC+9). */
export function startOfKoreanDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - KST_OFFSET_MS;
}

export interface ApiVersionDecision {
  version: ApiVersion;
  /** Set when the version reaches its not-before date within {@link API_VERSION_WARNING_DAYS} days. */
  warning?: { message: string; code: string } | undefined;
}

/** The newest version whose not-before date has not arrived at `now` (the CURRENT one has none). */
export function newestSupportedVersion(now: number): ApiVersion {
  const supported = API_VERSIONS.find((entry) => entry.notBefore === undefined || now < startOfKoreanDay(entry.notBefore));
  return (supported ?? API_VERSIONS[0]).version;
}

/**
 * Applies the version policy at time `now` (epoch ms): unknown versions and versions whose not-before date
 * has arrived are configuration errors (option `apiVersion`); a version within 30 days of its date comes with
 * a warning. `undefined` selects the CURRENT version.
 */
export function decideApiVersion(value: unknown, now: number): ApiVersionDecision {
  const current = API_VERSIONS.find((entry) => entry.status === "CURRENT") ?? API_VERSIONS[0];
  if (value === undefined) return { version: current.version };
  const known = API_VERSIONS.map((entry) => entry.version).join(", ");
  if (typeof value !== "string") {
    throw new ConfigurationError("apiVersion", `expected a version string such as "${current.version}"; known versions: ${known}`);
  }
  const entry = API_VERSIONS.find((candidate) => candidate.version === value);
  if (!entry) {
    throw new ConfigurationError("apiVersion", `unknown version ${JSON.stringify(value)}; known versions: ${known}`);
  }
  if (entry.notBefore === undefined) return { version: entry.version };
  const cutoff = startOfKoreanDay(entry.notBefore);
  if (now >= cutoff) {
    throw new ConfigurationError(
      "apiVersion",
      `version ${entry.version} (${entry.status}) is no longer supported since its not-before date ${entry.notBefore}; ` +
        `use ${newestSupportedVersion(now)}, the newest supported version`,
    );
  }
  if (now >= cutoff - API_VERSION_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil((cutoff - now) / DAY_MS);
    return {
      version: entry.version,
      warning: {
        code: API_VERSION_WARNING_CODE,
        message:
          `Samsung Cloud Platform IAM Identity Center API version ${entry.version} stops being supported on ` +
          `${entry.notBefore} (in ${days} day${days === 1 ? "" : "s"}); move to ${newestSupportedVersion(now)}.`,
      },
    };
  }
  return { version: entry.version };
}

const warned = new Set<string>();

/** Emits the decision's warning once per process and version (through `process.emitWarning` where it exists). */
export function warnOnce(decision: ApiVersionDecision): void {
  if (!decision.warning || warned.has(decision.version)) return;
  warned.add(decision.version);
  const processLike = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } }).process;
  processLike?.emitWarning?.(decision.warning.message, { type: "Warning", code: decision.warning.code });
}

/** The `Scp-Api-Version` header value for a version. */
export function apiVersionHeader(version: ApiVersion): string {
  return `${API_VERSION_SERVICE} ${version}`;
}
