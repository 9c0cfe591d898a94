import createClient, { type MaybeOptionalInit, type Middleware, type ParseAsResponse } from "openapi-fetch";
import type { ResponseObjectMap, SuccessResponse } from "openapi-typescript-helpers";
import { CallScope } from "./call-scope.js";
import { ApiError, type ApiErrorInit, ConfigurationError, IdentityClientError, TimeoutError } from "./errors.js";
import { readBaseUrl, readDuration, readFunction, readHeaders } from "./options.js";
import { checkPathParams } from "./path-params.js";
import { createRedactor, type Redactor, secretHeaderValues, secretValuesIn } from "./redact.js";
import { buildRequest } from "./request-builder.js";
import { bodyText, DEFAULT_MAX_RESPONSE_BYTES, parseErrorBody, parseJsonBody } from "./response-body.js";
import { type RetryOptions, readRetryOptions } from "./retry.js";
import { type CallContext, createTransport, isLoopback, type TransportProvider } from "./transport.js";

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
  const callerFetch = readFunction<(request: Request) => Promise<Response>>("fetch", options.fetch);
  const headers = readHeaders("headers", options.headers);
  const defaultHeaders = { ...headers, "User-Agent": formatUserAgent(provider.packageName, provider.packageVersion) };
  const inner = createClient<Paths>({ baseUrl, headers: defaultHeaders });
  const middleware = new Set<Middleware>();
  const baseRedactor = createRedactor({ secretFields: provider.secretFields });
  const send = createTransport({
    provider,
    fetch: callerFetch,
    timeoutMs,
    retry,
    maxResponseBytes,
    allowInsecureHttp,
    log: logger && ((line) => logger.debug(`[identity-clients ${provider.name}] ${line}`)),
  });

  async function call(method: (typeof METHODS)[number], path: string, init: CallInit = {}) {
    const operation = `${method} ${path}`;
    checkPathParams(operation, path, init.params?.path);
    const scope = new CallScope(deadlineMs, init.signal);
    // Built only when something is shown (an error, a log line): most calls never need it.
    let redactor: Redactor | undefined;
    let redactedHeaders = 0;
    const context: CallContext = {
      operation,
      method,
      scope,
      deadlineAt: Date.now() + deadlineMs,
      sentHeaders: [],
      get redactor() {
        if (!redactor) {
          const bodySecrets = init.body === undefined ? [] : secretValuesIn(init.body, provider.secretFields);
          redactor = baseRedactor.with([...(provider.secretValues?.() ?? []), ...bodySecrets]);
        }
        for (; redactedHeaders < this.sentHeaders.length; redactedHeaders++) {
          redactor = redactor.with(secretHeaderValues(this.sentHeaders[redactedHeaders]!));
        }
        return redactor;
      },
      attempts: 0,
      retries: [],
    };
    try {
      // Calls openapi-fetch would build the same way go straight to the transport: no Request, no middleware pass.
      const request = middleware.size === 0 ? buildRequest(baseUrl, defaultHeaders, method, path, init) : undefined;
      if (request) {
        const answer = await send(request, context);
        const { response } = answer;
        const text = bodyText(answer.body);
        if (!response.ok) throw apiError(response, parseErrorBody(text), context);
        return { data: parseSuccess(method, operation, response, text, context), response };
      }
      return await callThroughOpenApiFetch(method, path, init, context);
    } catch (error) {
      throw annotate(failure(error, scope, operation), context);
    } finally {
      scope.clear();
    }
  }

  /** The openapi-fetch path, for middleware and for options only it knows (serializers, `parseAs`, a per-call fetch). */
  async function callThroughOpenApiFetch(method: (typeof METHODS)[number], path: string, init: CallInit, context: CallContext) {
    const parseJson = init.parseAs === undefined;
    const result = await inner.request(
      method.toLowerCase() as never,
      path as never,
      {
        ...init,
        signal: context.scope.signal,
        parseAs: parseJson ? "stream" : init.parseAs,
        fetch: async (request: Request) => {
          const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
          const answer = await send({ method: request.method, url: request.url, headers: new Headers(request.headers), body }, context);
          const { status, statusText, headers } = answer.response;
          return new Response(answer.body as BodyInit | null, { status, statusText, headers });
        },
      } as never,
    );
    const { response, error } = result as { response: Response; error?: unknown };
    if (!response.ok) throw apiError(response, error, context);
    if (!parseJson) return { data: (result as { data?: unknown }).data, response };
    return { data: parseSuccess(method, context.operation, response, await response.text(), context), response };
  }

  function parseSuccess(method: string, operation: string, response: Response, text: string, context: CallContext): unknown {
    const bodyless =
      method === "HEAD" ||
      response.status === 204 ||
      response.status === 205 ||
      !!provider.bodylessResponses?.[operation]?.includes(response.status);
    return parseJsonBody(text, response, bodyless, { provider: provider.name, operation, redactText: context.redactor.text });
  }

  function failure(error: unknown, scope: CallScope, operation: string): unknown {
    if (error instanceof IdentityClientError) return error;
    if (scope.deadlinePassed) return new TimeoutError(provider.name, operation, deadlineMs, "deadline");
    return error; // the caller's own abort reason, or an error from the caller's middleware
  }

  function apiError(response: Response, parsedBody: unknown, context: CallContext): ApiError<ErrorBody> {
    const body = context.redactor.value(parsedBody) as ErrorBody;
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

  const client: Record<string, unknown> = {
    use(...added: Middleware[]) {
      inner.use(...added);
      for (const one of added) middleware.add(one);
    },
    eject(...removed: Middleware[]) {
      inner.eject(...removed);
      for (const one of removed) middleware.delete(one);
    },
  };
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
