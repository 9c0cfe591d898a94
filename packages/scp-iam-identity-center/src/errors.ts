import { ApiError } from "@identity-clients/core";

/**
 * The service does not document its error bodies: `body` is the parsed JSON when the answer was JSON, otherwise
 * its text (undefined when empty). Secrets in it (`bind_credential`, passwords, echoed keys) are redacted by the
 * core. Where SCP services declare a 400 body it is an array of {@link ScpValidationError}.
 */
export type ScpErrorBody = unknown;

/** One entry of the validation-error array other SCP services declare for 400 answers. */
export interface ScpValidationError {
  /** Where the problem is, e.g. `["body", "name"]`. */
  loc?: (string | number)[] | null;
  msg?: string | null;
  /** The problem's kind, e.g. `value_error.missing` (the official SDK's model spells the key `type_`). */
  type?: string | null;
  type_?: string | null;
  ctx?: Record<string, unknown> | null;
}

/** A non-2xx answer from the IAM Identity Center API. */
export class ScpApiError extends ApiError<ScpErrorBody> {}
Object.defineProperty(ScpApiError.prototype, "name", { value: "ScpApiError", writable: true, configurable: true });

const REQUEST_ID_HEADERS = ["x-request-id", "x-scp-request-id", "x-trace-id", "x-b3-traceid"];
const MAX_LISTED_PROBLEMS = 5;

type Described = { code?: string; detail?: string; requestId?: string };

/**
 * Pulls a code, message and request id out of an error answer: the validation arrays SCP services declare
 * (`[{ loc, msg, type }]` → `body.name: field required`), the `{ code, message }` and
 * `{ errors: [{ code, message | detail }] }` shapes, and the usual request id headers.
 */
export function describeScpError(body: unknown, response: Response): Described {
  const described: Described = Array.isArray(body) ? describeValidationErrors(body) : describeObject(body);
  for (const header of REQUEST_ID_HEADERS) {
    const value = response.headers.get(header);
    if (value) {
      described.requestId = value;
      break;
    }
  }
  if (!described.requestId && isObject(body) && typeof body.request_id === "string") described.requestId = body.request_id;
  return described;
}

function describeObject(body: unknown): Described {
  const first = isObject(body) && Array.isArray(body.errors) && isObject(body.errors[0]) ? body.errors[0] : body;
  const described: Described = {};
  if (isObject(first)) {
    const code = first.code ?? first.error_code;
    const detail = first.message ?? first.msg ?? first.detail ?? first.error_msg;
    if (typeof code === "string" || typeof code === "number") described.code = String(code);
    if (typeof detail === "string") described.detail = detail;
  }
  return described;
}

function describeValidationErrors(items: unknown[]): Described {
  const problems = items.filter(isObject).map((item) => {
    const location = Array.isArray(item.loc) ? item.loc.filter((part) => typeof part === "string" || typeof part === "number") : [];
    const message = typeof item.msg === "string" ? item.msg : typeof item.type === "string" ? item.type : "invalid";
    return location.length > 0 ? `${location.join(".")}: ${message}` : message;
  });
  if (problems.length === 0) return {};
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS).join("; ");
  const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more)` : "";
  const first = items.find(isObject);
  const kind = first?.type ?? first?.type_;
  return { detail: `${shown}${more}`, ...(typeof kind === "string" ? { code: kind } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
