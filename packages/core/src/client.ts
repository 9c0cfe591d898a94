import { type MaybeOptionalInit, type MergedOptions, type Middleware, type ParseAsResponse, removeTrailingSlash } from "openapi-fetch";
import type { ResponseObjectMap, SuccessResponse } from "openapi-typescript-helpers";
import { CallScope } from "./call-scope.js";
import { ApiError, type ApiErrorInit, ConfigurationError, IdentityClientError, InvalidRequestError, TimeoutError } from "./errors.js";
import { isMiddleware, runMiddleware } from "./middleware.js";
import { readBaseUrl, readDuration, readFunction, readHeaders } from "./options.js";
import { checkPathParams } from "./path-params.js";
import { createRedactor, type Redactor, secretHeaderValues, secretValuesIn } from "./redact.js";
import { type RequestOptions, type SerializedRequest, serializeRequest, serializersOf, withBodyBytes } from "./request-builder.js";
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
export interface ApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType> extends ClientOf<Paths> {
  GET: ApiMethod<Paths, "get", Media>;
  PUT: ApiMethod<Paths, "put", Media>;
  POST: ApiMethod<Paths, "post", Media>;
  DELETE: ApiMethod<Paths, "delete", Media>;
  OPTIONS: ApiMethod<Paths, "options", Media>;
  HEAD: ApiMethod<Paths, "head", Media>;
  PATCH: ApiMethod<Paths, "patch", Media>;
  TRACE: ApiMethod<Paths, "trace", Media>;
  /** Removes middleware added with `use()`. */
  eject(...middleware: Middleware[]): void;
}

/** The key of a client's type-only `paths` property. */
declare const clientPaths: unique symbol;

/**
 * What named operations and paginators know of a client: which paths it has (a property that exists only in
 * the types), and that it is one. Cheaper for the compiler than matching the whole {@link ApiClient}.
 */
export interface ClientOf<Paths> {
  readonly [clientPaths]?: Paths;
  /** Adds openapi-fetch middleware, run in the order added. It sees requests before credentials are added. */
  use(...middleware: Middleware[]): void;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type CallInit = RequestOptions & {
  signal?: AbortSignal | null;
  params?: { path?: Record<string, unknown> };
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
  middleware?: Middleware[];
  Request?: typeof Request;
  [key: string]: unknown;
};

// biome-ignore lint/suspicious/noExplicitAny: as for ApiMethod.
export function createApiClient<Paths extends Record<string, any>, ErrorBody = unknown>(
  options: CommonClientOptions,
  provider: ProviderDefinition<ErrorBody>,
): ApiClient<Paths> {
  const baseUrl = removeTrailingSlash(readBaseUrl("baseUrl", options.baseUrl, provider.defaultBaseUrl));
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
  const middleware: Middleware[] = [];
  const baseRedactor = createRedactor({ secretFields: provider.secretFields });
  const send = createTransport({
    provider,
    fetch: callerFetch,
    timeoutMs,
    retry,
    maxResponseBytes,
    allowInsecureHttp,
    trustedOrigin: baseUrl,
    log: logger && ((line) => logger.debug(`[identity-clients ${provider.name}] ${line}`)),
  });

  async function call(method: (typeof METHODS)[number], path: string, init: CallInit = {}) {
    const operation = `${method} ${path}`;
    checkPathParams(operation, path, init.params?.path);
    if (init.parseAs !== undefined && !PARSE_AS.has(init.parseAs)) {
      throw new InvalidRequestError(operation, "parseAs", `must be one of ${[...PARSE_AS].join(", ")}`, "option");
    }
    const scope = new CallScope(Date.now() + deadlineMs, init.signal);
    // Built only when something is shown (an error, a log line): most calls never need it.
    let redactor: Redactor | undefined;
    let redactedHeaders = 0;
    const context: CallContext = {
      operation,
      method,
      scope,
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
      const serialized = serializeRequest(baseUrl, defaultHeaders, method, path, init);
      const all = init.middleware?.length ? [...middleware, ...init.middleware] : middleware;
      let response: Response;
      let body: Uint8Array | null;
      if (all.length === 0) {
        const built = withBodyBytes(serialized);
        ({ response, body } = await send(built instanceof Promise ? await built : built, context));
      } else {
        response = await sendThroughMiddleware(all, serialized, path, init, context);
        body = response.body === null ? null : new Uint8Array(await response.arrayBuffer());
      }
      if (!response.ok) throw apiError(response, parseErrorBody(bodyText(body)), context);
      if (init.parseAs === undefined || init.parseAs === "json") {
        return { data: parseSuccess(method, operation, response, bodyText(body), context), response };
      }
      return { data: await parseAs(init.parseAs, method, response, body), response };
    } catch (error) {
      throw annotate(failure(error, scope, operation), context);
    } finally {
      scope.clear();
    }
  }

  /** The call with middleware: a `Request` for it to see and change, sent (with credentials) by the transport. */
  async function sendThroughMiddleware(
    all: readonly Middleware[],
    serialized: SerializedRequest,
    path: string,
    init: CallInit,
    context: CallContext,
  ): Promise<Response> {
    // As openapi-fetch builds it: its own options out, any other RequestInit member in (and onto the Request).
    const extra: Record<string, unknown> = {};
    for (const key in init) if (!OPENAPI_FETCH_OPTIONS.has(key)) extra[key] = init[key];
    const RequestClass = init.Request ?? Request;
    const request = new RequestClass(serialized.url, {
      redirect: "follow",
      ...extra,
      method: serialized.method,
      headers: serialized.headers,
      body: (serialized.body ?? null) as BodyInit | null,
      signal: context.scope.signal,
    });
    for (const key in extra) if (!(key in request)) (request as unknown as Record<string, unknown>)[key] = extra[key];
    const options = Object.freeze({
      baseUrl: init.baseUrl ?? baseUrl,
      fetch: (callerFetch ?? fetch) as typeof fetch,
      parseAs: init.parseAs ?? "json",
      ...serializersOf(init),
    }) as MergedOptions;
    return runMiddleware(all, request, { schemaPath: path, params: init.params ?? {}, options }, async (sent) => {
      const body = sent.body === null ? null : new Uint8Array(await sent.arrayBuffer());
      const answer = await send({ method: sent.method, url: sent.url, headers: new Headers(sent.headers), body }, context);
      const { status, statusText, headers } = answer.response;
      return new Response(answer.body as BodyInit | null, { status, statusText, headers });
    });
  }

  function parseSuccess(method: string, operation: string, response: Response, text: string, context: CallContext): unknown {
    const bodyless =
      method === "HEAD" ||
      response.status === 204 ||
      response.status === 205 ||
      !!provider.bodylessResponses?.[operation]?.includes(response.status);
    return parseJsonBody(text, response, bodyless, {
      provider: provider.name,
      operation,
      redactText: (shown) => context.redactor.text(shown),
    });
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
      for (const one of added) if (isMiddleware(one)) middleware.push(one);
    },
    eject(...removed: Middleware[]) {
      for (const one of removed) {
        const at = middleware.indexOf(one);
        if (at !== -1) middleware.splice(at, 1);
      }
    },
  };
  for (const method of METHODS) {
    client[method] = (path: string, init?: CallInit) => call(method, path, init);
  }
  return client as unknown as ApiClient<Paths>;
}

// openapi-fetch's own per-call options; every other member of a call's init is RequestInit for the Request.
const OPENAPI_FETCH_OPTIONS = new Set([
  "baseUrl",
  "fetch",
  "Request",
  "headers",
  "params",
  "parseAs",
  "querySerializer",
  "bodySerializer",
  "pathSerializer",
  "body",
  "middleware",
  "signal",
]);

const PARSE_AS = new Set(["json", "text", "blob", "arrayBuffer", "stream"]);

/** A 2xx body as `parseAs` asks (openapi-fetch's rules): nothing for a 204, a HEAD or an empty body. */
function parseAs(as: "text" | "blob" | "arrayBuffer" | "stream", method: string, response: Response, body: Uint8Array | null): unknown {
  if (response.status === 204 || method === "HEAD" || body === null || body.byteLength === 0) return undefined;
  const copy = new Response(body as BodyInit, { headers: response.headers });
  return as === "stream" ? copy.body : copy[as]();
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
