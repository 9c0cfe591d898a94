import { ApiError } from "@identity-clients/core";

/**
 * SCP does not document this service's error bodies: `body` is the parsed JSON when the answer was JSON,
 * otherwise its text (undefined when empty). Secrets in it (`bind_credential`, echoed keys) are redacted by the core.
 */
export type ScpErrorBody = unknown;

/** A non-2xx answer from the IAM Identity Center API. */
export class ScpApiError extends ApiError<ScpErrorBody> {}
Object.defineProperty(ScpApiError.prototype, "name", { value: "ScpApiError", writable: true, configurable: true });

const REQUEST_ID_HEADERS = ["x-request-id", "x-scp-request-id", "x-trace-id", "x-b3-traceid"];

/**
 * Pulls a code, message and request id out of an undocumented error answer: the `{ code, message }` and
 * `{ errors: [{ code, message | detail }] }` shapes other SCP services use, and the usual request id headers.
 */
export function describeScpError(body: unknown, response: Response): { code?: string; detail?: string; requestId?: string } {
  const first = isObject(body) && Array.isArray(body.errors) && isObject(body.errors[0]) ? body.errors[0] : body;
  const described: { code?: string; detail?: string; requestId?: string } = {};
  if (isObject(first)) {
    const code = first.code ?? first.error_code;
    const detail = first.message ?? first.detail ?? first.error_msg;
    if (typeof code === "string" || typeof code === "number") described.code = String(code);
    if (typeof detail === "string") described.detail = detail;
  }
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
