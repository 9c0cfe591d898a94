/**
 * The errors every identity-clients package throws. One small hierarchy, so callers can
 * `catch (e) { if (e instanceof IdentityClientError) ... }` and then narrow by class.
 * Messages are built only from values that are safe to print: no keys, tokens or headers.
 */
export class IdentityClientError extends Error {}

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
  /** The response body: parsed JSON when it was JSON, otherwise the text (undefined when empty). */
  readonly body: Body;
  /** The response headers (rate-limit and request-id headers live here). */
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
  /** The parameter at fault. */
  readonly parameter: string;

  constructor(operation: string, parameter: string, problem: string) {
    super(`Invalid request ${operation}: path parameter \`${parameter}\` ${problem}; nothing was sent`);
    this.operation = operation;
    this.parameter = parameter;
  }
}

/** No response arrived: DNS failure, refused or reset connection, TLS failure. */
export class NetworkError extends IdentityClientError {
  readonly operation: string;

  constructor(provider: string, operation: string, cause: unknown) {
    super(`${provider} API request ${operation} failed before a response arrived: ${causeSummary(cause)}`, { cause });
    this.operation = operation;
  }
}

/** The request took longer than the client's `timeoutMs`. */
export class TimeoutError extends IdentityClientError {
  readonly operation: string;
  readonly timeoutMs: number;

  constructor(provider: string, operation: string, timeoutMs: number) {
    super(`${provider} API request ${operation} timed out after ${timeoutMs} ms`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
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
] as const;
for (const [errorClass, name] of errorNames) {
  Object.defineProperty(errorClass.prototype, "name", { value: name, writable: true, configurable: true });
}

function causeSummary(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
  return `${cause.message}${inner}`;
}
