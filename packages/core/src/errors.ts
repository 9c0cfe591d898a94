/**
 * The errors every identity-clients package throws. One small hierarchy, so callers can
 * `catch (e) { if (e instanceof IdentityClientError) ... }` and then narrow by class.
 * Messages are built only from values that are safe to print: no keys, tokens or headers.
 */
export class IdentityClientError extends Error {
  /** Requests sent for this call, retries included (0 when nothing was sent). Set on errors from a call. */
  declare attempts?: number;
  /** The retries made before giving up, with the wait before each and why it was retried. */
  declare retries?: RetryRecord[];

  /** Own fields as plain data (Headers become objects), for logs: `JSON.stringify(error)`. Values are already redacted. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      json[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    }
    if (this.cause !== undefined) json.cause = causeJson(this.cause);
    return json;
  }

  // util.inspect (console.log, REPL): the stack, then the same fields as toJSON.
  [Symbol.for("nodejs.util.inspect.custom")](_depth: number, options: object, inspect: (value: unknown, options: object) => string) {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`} ${inspect(fields, options)}`;
  }
}

export interface RetryRecord {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** Why it was retried, e.g. `status 503`, `network error ECONNRESET`, `attempt timed out`. */
  reason: string;
  /** Milliseconds waited before the next attempt. */
  delayMs: number;
}

/** A client option is missing or invalid. Thrown when the client is constructed, before any request. */
export class ConfigurationError extends IdentityClientError {
  /** The option at fault, as the caller spells it (e.g. `apiKey`, `baseUrl`). */
  readonly option: string;

  constructor(option: string, problem: string) {
    super(`Invalid client option \`${option}\`: ${problem}`);
    this.option = option;
  }
}

export interface ApiErrorInit<Body = unknown> {
  /** Provider name for messages, e.g. "Siit". */
  provider: string;
  /** The operation as `METHOD /path/{template}`: never the filled-in URL, which may carry ids. */
  operation: string;
  status: number;
  statusText: string;
  body: Body;
  headers: Headers;
  /** The provider's machine-readable error code, when it sends one. */
  code?: string | undefined;
  /** The provider's human-readable message, when it sends one. */
  detail?: string | undefined;
  requestId?: string | undefined;
}

/** The API answered with a non-2xx status. */
export class ApiError<Body = unknown> extends IdentityClientError {
  readonly provider: string;
  readonly operation: string;
  readonly status: number;
  readonly statusText: string;
  /** The response body, secrets redacted: parsed JSON when it was JSON, otherwise the text (undefined when empty). */
  readonly body: Body;
  /** The response headers (rate-limit and request-id headers live here); cookies and tokens redacted. */
  readonly headers: Headers;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit<Body>) {
    super(describeApiError(init));
    this.provider = init.provider;
    this.operation = init.operation;
    this.status = init.status;
    this.statusText = init.statusText;
    this.body = init.body;
    this.headers = init.headers;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
  }
}

function describeApiError(init: ApiErrorInit<unknown>): string {
  const status = init.statusText ? `${init.status} ${init.statusText}` : String(init.status);
  let message = `${init.provider} API error ${status} on ${init.operation}`;
  if (init.code) message += ` [${init.code}]`;
  if (init.detail) message += `: ${init.detail}`;
  if (init.requestId) message += ` (request id ${init.requestId})`;
  return message;
}

/** The call's own arguments are unusable (e.g. an empty path parameter); nothing was sent. */
export class InvalidRequestError extends IdentityClientError {
  readonly operation: string;
  /** The parameter or option at fault. */
  readonly parameter: string;

  constructor(operation: string, parameter: string, problem: string, kind = "path parameter") {
    super(`Invalid request ${operation}: ${kind} \`${parameter}\` ${problem}; nothing was sent`);
    this.operation = operation;
    this.parameter = parameter;
  }
}

/** No response arrived: DNS failure, refused or reset connection, TLS failure. */
export class NetworkError extends IdentityClientError {
  readonly operation: string;
  /** The system error code when there is one, e.g. `ECONNREFUSED`, `ECONNRESET`. */
  readonly code: string | undefined;

  constructor(provider: string, operation: string, cause: unknown) {
    super(`${provider} API request ${operation} failed before a response arrived: ${causeSummary(cause)}`, { cause });
    this.operation = operation;
    this.code = systemErrorCode(cause);
  }
}

/**
 * The call ran out of time: one attempt exceeded `timeoutMs` (`kind: "attempt"`, after any retries), or the
 * whole call, retries and waits included, exceeded `deadlineMs` (`kind: "deadline"`).
 */
export class TimeoutError extends IdentityClientError {
  readonly operation: string;
  readonly timeoutMs: number;
  readonly kind: "attempt" | "deadline";

  constructor(provider: string, operation: string, timeoutMs: number, kind: "attempt" | "deadline" = "attempt") {
    const what = kind === "deadline" ? "exceeded its deadline of" : "timed out after";
    super(`${provider} API request ${operation} ${what} ${timeoutMs} ms`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
    this.kind = kind;
  }
}

export type ResponseParseProblem = "invalid-json" | "not-json" | "empty" | "truncated" | "too-large";

export interface ResponseParseErrorInit {
  provider: string;
  operation: string;
  status: number;
  problem: ResponseParseProblem;
  contentType: string | undefined;
  /** The start of the body, already redacted. */
  snippet?: string | undefined;
  /** The size limit, for `too-large`. */
  limitBytes?: number | undefined;
  cause?: unknown;
}

/**
 * A response arrived but its body is unusable: not JSON (an HTML error page, the wrong content type),
 * invalid or empty JSON where the spec promises a body, cut off mid-way, or larger than `maxResponseBytes`.
 */
export class ResponseParseError extends IdentityClientError {
  readonly operation: string;
  readonly status: number;
  readonly problem: ResponseParseProblem;
  readonly contentType: string | undefined;
  readonly snippet: string | undefined;

  constructor(init: ResponseParseErrorInit) {
    super(describeParseProblem(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.operation = init.operation;
    this.status = init.status;
    this.problem = init.problem;
    this.contentType = init.contentType;
    this.snippet = init.snippet;
  }
}

function describeParseProblem(init: ResponseParseErrorInit): string {
  const type = init.contentType ?? "no content type";
  const problems: Record<ResponseParseProblem, string> = {
    "invalid-json": `is not valid JSON (${type})`,
    "not-json": `is ${type}, not JSON`,
    empty: "is empty where the API documents a JSON body",
    truncated: "was cut off before it was complete",
    "too-large": `exceeds the ${init.limitBytes ?? "configured"}-byte limit (maxResponseBytes)`,
  };
  const snippet = init.snippet ? `: ${JSON.stringify(init.snippet)}` : "";
  return `${init.provider} API response ${init.status} to ${init.operation} ${problems[init.problem]}${snippet}`;
}

// Set on the prototype (not as a class field) so the name is in place when Error captures the stack.
// Names are spelled out because minifiers rename classes.
const errorNames = [
  [IdentityClientError, "IdentityClientError"],
  [ConfigurationError, "ConfigurationError"],
  [ApiError, "ApiError"],
  [InvalidRequestError, "InvalidRequestError"],
  [NetworkError, "NetworkError"],
  [TimeoutError, "TimeoutError"],
  [ResponseParseError, "ResponseParseError"],
] as const;
for (const [errorClass, name] of errorNames) nameErrorClass(errorClass, name);

/**
 * Names an error class outside the list above on its prototype, once. Called by its constructor before `super()`,
 * so the name is in place when Error captures the stack, and a bundle that never makes one leaves the class out
 * (a top-level statement naming it would keep it in every bundle).
 */
export function nameErrorClass(errorClass: { prototype: object }, name: string): void {
  if (!Object.hasOwn(errorClass.prototype, "name")) {
    Object.defineProperty(errorClass.prototype, "name", { value: name, writable: true, configurable: true });
  }
}

function causeSummary(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
  return `${cause.message}${inner}`;
}

// Only the name, message and code of a cause: its other fields (a request, say) are not ours to print.
function causeJson(cause: unknown): unknown {
  if (typeof cause !== "object" || cause === null) return typeof cause === "string" ? cause : String(cause);
  const { name, message } = cause as { name?: unknown; message?: unknown };
  const code = systemErrorCode(cause);
  return { name: String(name), message: String(message), ...(code ? { code } : {}) };
}

/** The Node system error code of an error or of its cause (undici wraps it: `fetch failed` → cause.code). */
export function systemErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
