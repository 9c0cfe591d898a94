import { ConfigurationError } from "@identity-clients/core";

/** Lifecycle status of an API version, as the SCP reference publishes it. */
export type ApiVersionStatus = "CURRENT" | "SUPPORTED" | "DEPRECATED" | "PLANNED";

export interface ApiVersionEntry {
  readonly version: string;
  readonly status: ApiVersionStatus;
  /**
   * The "Not Before" date as published (`YYYY-MM-DD`): from this day on the version is no longer supported.
   * Undefined when no date is published (the CURRENT version, and versions SCP has not dated yet).
   */
  readonly notBefore: string | undefined;
  /** Where the version is known from: SCP's published version table, or the official SDK that pins it. */
  readonly source: "reference" | "official-sdk";
}

/**
 * The IAM Identity Center versions this release knows, newest first.
 *
 * 1.0–1.4 and their dates are the table published at
 * https://docs.e.samsungsdscloud.com/en/apireference/management/iam-identity-center/ (it lists 1.4 as CURRENT).
 * 1.5 and 1.6 are not in that table: Samsung's official Go SDK (library `iam-identity-center/1.6`, used by the
 * official Terraform provider) sends `Scp-Api-Version: iam-identity-center 1.6` on every call, and its model
 * names date the changes (`…V1Dot5`, `…V1Dot6`). How their status was decided: SCP's lifecycle says PLANNED
 * versions cannot be called and only the newest callable version is CURRENT, so a version the official SDK calls
 * is not PLANNED, and the newest one is CURRENT; 1.5 and 1.4, superseded but without a published not-before date,
 * are SUPPORTED. When SCP publishes the newer table, a release replaces these with the published values.
 */
export const API_VERSIONS = [
  { version: "1.6", status: "CURRENT", notBefore: undefined, source: "official-sdk" },
  { version: "1.5", status: "SUPPORTED", notBefore: undefined, source: "official-sdk" },
  { version: "1.4", status: "SUPPORTED", notBefore: undefined, source: "reference" },
  { version: "1.3", status: "SUPPORTED", notBefore: "2026-11-30", source: "reference" },
  { version: "1.2", status: "SUPPORTED", notBefore: "2026-09-30", source: "reference" },
  { version: "1.1", status: "DEPRECATED", notBefore: "2026-05-31", source: "reference" },
  { version: "1.0", status: "DEPRECATED", notBefore: "2026-02-23", source: "reference" },
] as const satisfies readonly ApiVersionEntry[];

/** A version this release knows, e.g. `"1.6"`. */
export type KnownApiVersion = (typeof API_VERSIONS)[number]["version"];

/**
 * An API version: one this release knows, or any newer `major.minor` the service may have published since
 * (accepted with a process warning, see {@link decideApiVersion}).
 */
export type ApiVersion = KnownApiVersion | (string & {});

/** The service name that prefixes the version in the `Scp-Api-Version` header. */
export const API_VERSION_SERVICE = "iam-identity-center";

/** How long before its not-before date a version starts warning. */
export const API_VERSION_WARNING_DAYS = 30;

/** The `code` of the process warning emitted for a version close to its not-before date. */
export const API_VERSION_WARNING_CODE = "SCP_API_VERSION_NOT_BEFORE";

/** The `code` of the process warning emitted for a well-formed version newer than this release knows. */
export const API_VERSION_UNKNOWN_WARNING_CODE = "SCP_API_VERSION_UNKNOWN";

const DAY_MS = 86_400_000;
// Samsung Cloud Platform publishes dates for Korea; a date "arrives" at midnight Korea Standard Time (UTC+9).
const KST_OFFSET_MS = 9 * 3_600_000;
// `major.minor` without leading zeros, as SCP writes its versions ("1.4", "1.10", "2.0").
const VERSION_PATTERN = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

/** The instant a published `YYYY-MM-DD` date begins in Korea (KST, UTC+9). */
export function startOfKoreanDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - KST_OFFSET_MS;
}

export interface ApiVersionDecision {
  version: ApiVersion;
  /**
   * Set when the version reaches its not-before date within {@link API_VERSION_WARNING_DAYS} days, or when it is
   * newer than this release knows.
   */
  warning?: { message: string; code: string } | undefined;
}

/** The newest version whose not-before date has not arrived at `now` (undated versions never expire). */
export function newestSupportedVersion(now: number): KnownApiVersion {
  const supported = API_VERSIONS.find((entry) => entry.notBefore === undefined || now < startOfKoreanDay(entry.notBefore));
  return (supported ?? API_VERSIONS[0]).version;
}

/**
 * Applies the version policy at time `now` (epoch ms). `undefined` selects the CURRENT version.
 * - a known version is accepted until its not-before date (00:00 KST), with a warning in its last 30 days, and
 *   is a configuration error (option `apiVersion`) from that date on;
 * - a well-formed `major.minor` newer than every known version is accepted with a warning naming it: the service
 *   publishes versions this release does not know yet, and refusing them would break working setups;
 * - anything else (malformed, not a string, or an unknown version older than the newest known) is a
 *   configuration error listing the known versions.
 */
export function decideApiVersion(value: unknown, now: number): ApiVersionDecision {
  const current = API_VERSIONS.find((entry) => entry.status === "CURRENT") ?? API_VERSIONS[0];
  if (value === undefined) return { version: current.version };
  const known = API_VERSIONS.map((entry) => entry.version).join(", ");
  if (typeof value !== "string") {
    throw new ConfigurationError("apiVersion", `expected a version string such as "${current.version}"; known versions: ${known}`);
  }
  const entry = API_VERSIONS.find((candidate) => candidate.version === value);
  if (!entry) return decideUnknownVersion(value, known);
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

function decideUnknownVersion(value: string, known: string): ApiVersionDecision {
  const parsed = parseVersion(value);
  const newestKnown = API_VERSIONS[0].version;
  if (!parsed) {
    throw new ConfigurationError("apiVersion", `${JSON.stringify(value)} is not a version like "${newestKnown}"; known versions: ${known}`);
  }
  if (compareVersions(parsed, parseVersion(newestKnown) as [number, number]) <= 0) {
    throw new ConfigurationError("apiVersion", `unknown version ${JSON.stringify(value)}; known versions: ${known}`);
  }
  return {
    version: value,
    warning: {
      code: API_VERSION_UNKNOWN_WARNING_CODE,
      message:
        `Samsung Cloud Platform IAM Identity Center API version ${value} is newer than the versions this release knows ` +
        `(up to ${newestKnown}); it is sent as asked, but its answers may carry fields the types do not describe.`,
    },
  };
}

function parseVersion(value: string): [number, number] | undefined {
  const match = VERSION_PATTERN.exec(value);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function compareVersions(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
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
