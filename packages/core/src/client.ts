import createClient, { type FetchResponse, type MaybeOptionalInit, type Middleware } from "openapi-fetch";
import { ApiError, NetworkError, TimeoutError, type ApiErrorInit } from "./errors.js";
import { readBaseUrl, readDuration, readFunction, readHeaders } from "./options.js";
import { checkPathParams } from "./path-params.js";

/** Options every provider client accepts. */
export interface CommonClientOptions {
  /** Overrides the provider's endpoint, e.g. a regional endpoint, a proxy or a local mock. */
  baseUrl?: string;
  /** Milliseconds a whole call (request and response body) may take. Default 30 000. */
  timeoutMs?: number;
  /** Extra headers sent on every request. */
  headers?: Record<string, string>;
  /** The `fetch` to send requests with. Default: the platform's `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The names of the common options, for `readOptions()` in provider packages. */
export const COMMON_OPTION_NAMES = ["baseUrl", "timeoutMs", "headers", "fetch"] as const satisfies readonly (keyof CommonClientOptions)[];

/** What a provider package tells the core about itself. */
export interface ProviderDefinition<ErrorBody = unknown> {
  /** Name used in error messages, e.g. "Siit". */
  name: string;
  packageName: string;
  packageVersion: string;
  defaultBaseUrl: string;
  /** Adds credentials to an outgoing request (a copy: the caller's middleware never sees them). */
  authenticate(request: Request): Request | Promise<Request>;
  /** Pulls the provider's error code, message and request id out of a non-2xx response. */
  describeError?(body: unknown, response: Response): Pick<ApiErrorInit, "code" | "detail" | "requestId">;
  /** Builds the error thrown for a non-2xx response; lets a provider use its own subclass. */
  createError?(init: ApiErrorInit<ErrorBody>): ApiError<ErrorBody>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type MediaType = `${string}/${string}`;
type PathsWithMethod<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [M in Method]: unknown } ? Path : never;
}[keyof Paths];
// As in openapi-typescript-helpers, which openapi-fetch's own method types use.
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> = RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;
type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** A successful call: the typed body of the 2xx response, and the response itself (for headers). */
export type ApiResult<Operation extends Record<string | number, any>, Init, Media extends MediaType> = {
  data: Extract<FetchResponse<Operation, Init, Media>, { data: unknown }>["data"];
  response: Response;
};

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

type CallInit = { signal?: AbortSignal | null; params?: { path?: Record<string, unknown> }; [key: string]: unknown };

export function createApiClient<Paths extends Record<string, any>, ErrorBody = unknown>(
  options: CommonClientOptions,
  provider: ProviderDefinition<ErrorBody>,
): ApiClient<Paths> {
  const baseUrl = readBaseUrl("baseUrl", options.baseUrl, provider.defaultBaseUrl);
  const timeoutMs = readDuration("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const platformFetch = readFunction<typeof globalThis.fetch>("fetch", options.fetch) ?? globalThis.fetch;
  const headers = readHeaders("headers", options.headers);
  const userAgent = formatUserAgent(provider.packageName, provider.packageVersion);
  const inner = createClient<Paths>({ baseUrl, headers: { ...headers, "User-Agent": userAgent } });

  // Runs once per attempt with the request exactly as openapi-fetch built it.
  async function send(request: Request, operation: string): Promise<Response> {
    const outgoing = await provider.authenticate(request.clone());
    try {
      return await platformFetch(outgoing);
    } catch (error) {
      if (outgoing.signal.aborted) throw error;
      throw new NetworkError(provider.name, operation, error);
    }
  }

  async function call(method: (typeof METHODS)[number], path: string, init: CallInit = {}) {
    const operation = `${method} ${path}`;
    checkPathParams(operation, path, init.params?.path);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const fetch = (request: Request) => send(request, operation);
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      result = await inner.request(method.toLowerCase() as never, path as never, { ...init, signal, fetch } as never);
    } catch (error) {
      if (timeout.aborted && !init.signal?.aborted) throw new TimeoutError(provider.name, operation, timeoutMs);
      throw error;
    }
    const { response } = result;
    if (!response.ok) {
      const described = provider.describeError?.(result.error, response);
      const errorInit: ApiErrorInit<ErrorBody> = {
        provider: provider.name,
        operation,
        status: response.status,
        statusText: response.statusText,
        body: result.error as ErrorBody,
        headers: response.headers,
        code: described?.code,
        detail: described?.detail,
        requestId: described?.requestId ?? response.headers.get("x-request-id") ?? undefined,
      };
      throw provider.createError ? provider.createError(errorInit) : new ApiError(errorInit);
    }
    return { data: result.data, response };
  }

  const client = { use: inner.use, eject: inner.eject } as Record<string, unknown>;
  for (const method of METHODS) {
    client[method] = (path: string, init?: CallInit) => call(method, path, init);
  }
  return client as unknown as ApiClient<Paths>;
}

function formatUserAgent(packageName: string, packageVersion: string): string {
  const node = (globalThis as { process?: { version?: string } }).process?.version;
  const product = `${packageName.replace(/^@/, "").replace("/", "-")}/${packageVersion}`;
  return node ? `${product} node/${node.replace(/^v/, "")}` : product;
}
