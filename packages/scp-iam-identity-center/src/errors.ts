import { ApiError, type ApiErrorInit } from "@identity-clients/core";

/**
 * SCP does not document this service's error bodies: `body` is the parsed JSON when the answer was JSON,
 * otherwise its text (undefined when empty). Any `bind_credential` in it is replaced by `"[redacted]"`.
 */
export type ScpErrorBody = unknown;

/** A non-2xx answer from the IAM Identity Center API. */
export class ScpApiError extends ApiError<ScpErrorBody> {
  constructor(init: ApiErrorInit<ScpErrorBody>) {
    super({ ...init, body: redact(init.body) });
  }
}
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
    if (typeof detail === "string") described.detail = redactText(detail);
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

const SECRET_KEYS = new Set(["bind_credential", "secret_key", "secretKey", "password"]);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.has(key) ? "[redacted]" : redact(inner)]));
  }
  return typeof value === "string" ? redactText(value) : value;
}

// A text body or message may echo the request: mask a `"bind_credential": "..."` pair inside it.
function redactText(text: string): string {
  return text.replace(/("?bind_credential"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|[^\s,}&]+)/g, '$1"[redacted]"');
}
