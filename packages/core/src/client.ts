import createClient, { type MaybeOptionalInit, type Middleware, type ParseAsResponse } from "openapi-fetch";
import type { ResponseObjectMap, SuccessResponse } from "openapi-typescript-helpers";
import { ApiError, type ApiErrorInit, ConfigurationError, IdentityClientError, TimeoutError } from "./errors.js";
import { readBaseUrl, readDuration, readFunction, readHeaders } from "./options.js";
import { checkPathParams } from "./path-params.js";
import { createRedactor, secretValuesIn } from "./redact.js";
import { DEFAULT_MAX_RESPONSE_BYTES, parseJsonBody } from "./response-body.js";
import { type RetryOptions, readRetryOptions } from "./retry.js";
import { type CallContext, createTransport, isLoopback, startTimer, type TransportProvider } from "./transport.js";

/** Options every provider client accepts. */
export interface CommonClientOptions {
  /** Overrides the provider's endpoint, e.g. a regional endpoint, a proxy or a local mock. */
  baseUrl?: string;
  /** Milliseconds one attempt (request and response body) may take. Default 30 000. */
  timeoutMs?: number;
  /** Milliseconds a whole call may take, retries and waits included. Default 120 000. */
  deadlineMs?: number;
  /** Retry policy, or `false` for a single attempt. Default: 3 attempts, backoff from 100 ms, waits capped at 20 s. */
  retry?: RetryOptions | false;
  /** Largest response body accepted, in bytes. Default 16 MiB. */
  maxResponseBytes?: number;
  /** Allows plain `http://` to hosts other than loopback (credentials then travel unencrypted). Default false. */
  allowInsecureHttp?: boolean;
  /** Receives one redacted line per request, response and retry, e.g. `console`. */
  logger?: { debug(message: string): void };
  /** Extra headers sent on every request. */
  headers?: Record<string, string>;
  /** The `fetch` to send requests with. Default: the platform's `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The names of the common options, for `readOptions()` in provider packages. */
export const COMMON_OPTION_NAMES = [
  "baseUrl",
  "timeoutMs",
  "deadlineMs",
  "retry",
  "maxResponseBytes",
  "allowInsecureHttp",
  "logger",
  "headers",
  "fetch",
] as const satisfies readonly (keyof CommonClientOptions)[];

/** What a provider package tells the core about itself. */
export interface ProviderDefinition<ErrorBody = unknown> extends TransportProvider {
  /** Name used in error messages, e.g. "Siit". */
  name: string;
  packageName: string;
  packageVersion: string;
  defaultBaseUrl: string;
  /** Pulls the provider's error code, message and request id out of a non-2xx response (body already redacted). */
  describeError?(body: unknown, response: Response): Pick<ApiErrorInit, "code" | "detail" | "requestId">;
  /** Builds the error thrown for a non-2xx response; lets a provider use its own subclass. */
  createError?(init: ApiErrorInit<ErrorBody>): ApiError<ErrorBody>;
  /** Field names the spec marks secret (`format: password`, `x-secret`); redacted wherever they appear. */
  secretFields?: readonly string[];
  /** The 2xx statuses each operation (`METHOD /path`) documents without a body; empty bodies elsewhere are errors. */
  bodylessResponses?: Readonly<Record<string, readonly number[]>>;
  /** The client's secret strings (keys, tokens), scrubbed from anything shown. Called per call, so rotated secrets count. */
  secretValues?(): Iterable<string>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 120_000;

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
export type MediaType = `${string}/${string}`;
type PathsWithMethod<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [M in Method]: unknown } ? Path : never;
}[keyof Paths];
// As in openapi-typescript-helpers, which openapi-fetch's own method types use.
// biome-ignore lint/complexity/noBannedTypes: `{} extends Pick<T, K>` is how a key is tested for optionality.
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> = RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;
/** The init argument of a call: optional when nothing in it is required. */
export type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/**
 * A successful call: the typed body of the 2xx response, and the response itself (for headers). The body type is
 * openapi-fetch's without its `Readable<>` step, which only matters for read/write markers (not generated here)
 * and would turn an open enum's `(string & {})` into an object type.
 */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as openapi-fetch's FetchResponse.
export type ApiResult<Operation extends Record<string | number, any>, Init, Media extends MediaType> = {
  data: ParseAsResponse<SuccessResponse<ResponseObjectMap<Operation>, Media>, Init>;
  response: Response;
};

// biome-ignore lint/suspicious/noExplicitAny: generated `paths` interfaces are not assignable to Record<string, unknown>.
export type ApiMethod<Paths extends Record<string, any>, Method extends HttpMethod, Media extends MediaType> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<ApiResult<Paths[Path][Method], Init, Media>>;

/**
 * The openapi-fetch client surface (`GET`, `POST`, ... with the same typed paths, params and bodies),
 * except that a call resolves only on a 2xx response and rejects with a typed error otherwise.
 */
// biome-ignore lint/suspicious/noExplicitAny: as for ApiMethod.
export interface ApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType> {
  GET: ApiMethod<Paths, "get", Media>;
  PUT: ApiMethod<Paths, "put", Media>;
  POST: ApiMethod<Paths, "post", Media>;
  DELETE: ApiMethod<Paths, "delete", Media>;
  OPTIONS: ApiMethod<Paths, "options", Media>;
  HEAD: ApiMethod<Paths, "head", Media>;
  PATCH: ApiMethod<Paths, "patch", Media>;
  TRACE: ApiMethod<Paths, "trace", Media>;
  /** Adds openapi-fetch middleware. It sees requests before credentials are added. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type CallInit = {
  signal?: AbortSignal | null;
  params?: { path?: Record<string, unknown> };
  body?: unknown;
  parseAs?: string;
  [key: string]: unknown;
};

// biome-ignore lint/suspicious/noExplicitAny: as for ApiMethod.
export function createApiClient<Paths extends Record<string, any>, ErrorBody = unknown>(
  options: CommonClientOptions,
  provider: ProviderDefinition<ErrorBody>,
): ApiClient<Paths> {
  const baseUrl = readBaseUrl("baseUrl", options.baseUrl, provider.defaultBaseUrl);
  const allowInsecureHttp = readFlag("allowInsecureHttp", options.allowInsecureHttp);
  const { protocol, hostname } = new URL(baseUrl);
  if (protocol === "http:" && !allowInsecureHttp && !isLoopback(hostname)) {
    throw new ConfigurationError(
      "baseUrl",
      `plain http:// to ${hostname} would send credentials unencrypted; use https, or set \`allowInsecureHttp: true\``,
    );
  }
  const timeoutMs = readDuration("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const deadlineMs = readDuration("deadlineMs", options.deadlineMs, DEFAULT_DEADLINE_MS);
  const maxResponseBytes = readDuration("maxResponseBytes", options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES);
  const retry = readRetryOptions("retry", options.retry);
  const logger = readLogger("logger", options.logger);
  const platformFetch = readFunction<typeof globalThis.fetch>("fetch", options.fetch) ?? globalThis.fetch;
  const headers = readHeaders("headers", options.headers);
  const userAgent = formatUserAgent(provider.packageName, provider.packageVersion);
  const inner = createClient<Paths>({ baseUrl, headers: { ...headers, "User-Agent": userAgent } });
  const baseRedactor = createRedactor({ secretFields: provider.secretFields });
  const send = createTransport({
    provider,
    // Called on its own, not as `config.fetch(...)`: workerd's fetch throws "Illegal invocation" on any other `this`.
    fetch: (request) => platformFetch(request),
    timeoutMs,
    retry,
    maxResponseBytes,
    allowInsecureHttp,
    log: logger && ((line) => logger.debug(`[identity-clients ${provider.name}] ${line}`)),
  });

  async function call(method: (typeof METHODS)[number], path: string, init: CallInit = {}) {
    const operation = `${method} ${path}`;
    checkPathParams(operation, path, init.params?.path);
    // Aborts on the caller's signal (with its reason) or when the deadline passes.
    const deadline = startTimer(deadlineMs, init.signal ?? undefined);
    const signal = deadline.signal;
    const secrets = [...(provider.secretValues?.() ?? []), ...secretValuesIn(init.body, provider.secretFields)];
    const context: CallContext = {
      operation,
      method,
      signal,
      deadlineAt: Date.now() + deadlineMs,
      redactor: baseRedactor.with(secrets),
      attempts: 0,
      retries: [],
    };
    const parseJson = init.parseAs === undefined;
    try {
      const result = await inner.request(
        method.toLowerCase() as never,
        path as never,
        {
          ...init,
          signal,
          parseAs: parseJson ? "stream" : init.parseAs,
          fetch: (request: Request) => send(request, context),
        } as never,
      );
      const { response } = result as { response: Response };
      if (!response.ok) throw apiError(result as { error?: unknown; response: Response }, context);
      if (!parseJson) return { data: (result as { data?: unknown }).data, response };
      const bodyless =
        method === "HEAD" || [204, 205].includes(response.status) || !!provider.bodylessResponses?.[operation]?.includes(response.status);
      const text = await response.text();
      const data = parseJsonBody(text, response, bodyless, { provider: provider.name, operation, redactText: context.redactor.text });
      return { data, response };
    } catch (error) {
      throw annotate(failure(error, init.signal, deadline.timedOut(), operation), context);
    } finally {
      deadline.clear();
    }
  }

  function failure(error: unknown, callerSignal: AbortSignal | null | undefined, deadlinePassed: boolean, operation: string): unknown {
    if (error instanceof IdentityClientError) return error;
    if (deadlinePassed && !callerSignal?.aborted) return new TimeoutError(provider.name, operation, deadlineMs, "deadline");
    return error; // the caller's own abort reason, or an error from the caller's middleware
  }

  function apiError(result: { error?: unknown; response: Response }, context: CallContext): ApiError<ErrorBody> {
    const { response } = result;
    const body = context.redactor.value(result.error) as ErrorBody;
    const described = provider.describeError?.(body, response);
    const errorInit: ApiErrorInit<ErrorBody> = {
      provider: provider.name,
      operation: context.operation,
      status: response.status,
      statusText: response.statusText,
      body,
      headers: new Headers(context.redactor.headers(response.headers)),
      code: described?.code,
      detail: described?.detail,
      requestId: described?.requestId ?? response.headers.get("x-request-id") ?? undefined,
    };
    return provider.createError ? provider.createError(errorInit) : new ApiError(errorInit);
  }

  const client = { use: inner.use, eject: inner.eject } as Record<string, unknown>;
  for (const method of METHODS) {
    client[method] = (path: string, init?: CallInit) => call(method, path, init);
  }
  return client as unknown as ApiClient<Paths>;
}

function annotate(error: unknown, context: CallContext): unknown {
  if (error instanceof IdentityClientError) {
    error.attempts = context.attempts;
    error.retries = context.retries;
  }
  return error;
}

function readFlag(option: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new ConfigurationError(option, `expected true or false, got ${typeof value}`);
  return value;
}

function readLogger(option: string, value: unknown): { debug(message: string): void } | undefined {
  if (value === undefined) return undefined;
  if (typeof (value as { debug?: unknown } | null)?.debug !== "function") {
    throw new ConfigurationError(option, "expected an object with a debug(message) method, e.g. console");
  }
  return value as { debug(message: string): void };
}

function formatUserAgent(packageName: string, packageVersion: string): string {
  const node = (globalThis as { process?: { version?: string } }).process?.version;
  const product = `${packageName.replace(/^@/, "").replace("/", "-")}/${packageVersion}`;
  return node ? `${product} node/${node.replace(/^v/, "")}` : product;
}
