/** The kinds of difference the check reports (`*-relaxed`: optional in the spec, required in the SDK). */
export type DifferenceKind =
  | "missing-operation"
  | "invented-operation"
  | "method"
  | "path"
  | "missing-parameter"
  | "invented-parameter"
  | "parameter-type"
  | "parameter-required"
  | "parameter-enum"
  | "missing-request-body"
  | "invented-request-body"
  | "request-content-type"
  | "missing-response-body"
  | "invented-response-body"
  | "missing-response-header"
  | "missing-field"
  | "invented-field"
  | "type"
  | "enum"
  | "request-required-relaxed"
  | "request-required-tightened"
  | "response-required-relaxed"
  | "response-required-tightened";
export const DIFFERENCES: readonly DifferenceKind[];
export const FACTS_FILE: "sdk-facts.json";

export interface Difference {
  difference: DifferenceKind | "stale-accepted" | "invalid-accepted";
  /** What differs, e.g. `PageInfoDto.next_marker` or `ListInstances parameter query limit`. */
  subject: string;
  message: string;
  operation?: string;
  /** `<in> <name>`, e.g. `query limit` or `header X-Security-Token`. */
  parameter?: string;
  model?: string;
  field?: string;
}

/** A difference the spec keeps on purpose: an operation (and parameter) or a model field, and why. */
export type AcceptedDifference = { difference: DifferenceKind; reason: string } & (
  | { operation: string; parameter?: string }
  | { model: string; field: string }
);

export interface SdkFacts {
  source?: string;
  operations: {
    operationId: string;
    method: string;
    path: string;
    pathParams?: { name: string; type?: string }[];
    queryParams?: { name: string; type?: string; required?: boolean }[];
    headerParams?: { name: string; type?: string; required?: boolean }[];
    requestBody: string | null;
    response: string | null;
    responseHeaders?: (string | { name: string })[];
    contentType?: string;
  }[];
  models: Record<string, { fields: { json: string; type: string; required: boolean }[] }>;
  enums: Record<string, string[]>;
  accepted?: AcceptedDifference[];
  [key: string]: unknown;
}

/** The providers whose spec folder has an sdk-facts.json, sorted. */
export function providersWithFacts(root?: string): string[];
/** Reads specs/<provider>/openapi.yaml and sdk-facts.json; every difference not accepted, and every stale accepted entry. */
export function checkProvider(provider: string, options?: { root?: string }): Difference[];
/** The same for a parsed spec and parsed facts. */
export function checkSpec(spec: unknown, facts: SdkFacts): Difference[];
/** Every difference, accepted or not (model differences once per model field). */
export function diffSpec(spec: unknown, facts: SdkFacts): Difference[];
/** One readable line: `<subject>: <difference>: <message>`. */
export function formatDifference(difference: Difference): string;
