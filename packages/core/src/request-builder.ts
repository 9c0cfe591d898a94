// Builds a call's request from its init as openapi-fetch's client builds it — the same path, query and body
// serializers (openapi-fetch's own), the same header merging, per-call `baseUrl`, `querySerializer`,
// `pathSerializer` and `bodySerializer` — as a plain object for the transport. No `Request` is made here: only
// middleware needs one (middleware.ts).
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  mergeHeaders,
  type QuerySerializerOptions,
  removeTrailingSlash,
} from "openapi-fetch";
import type { OutgoingRequest } from "./transport.js";

type QuerySerializer = (query: Record<string, unknown>) => string;
type BodySerializer = (body: unknown, headers?: Headers) => unknown;
type PathSerializer = (pathname: string, params: Record<string, unknown>) => string;

/** The options of one call that shape its request (openapi-fetch's request options). */
export interface RequestOptions {
  params?: { path?: object; query?: object; header?: object; cookie?: object };
  body?: unknown;
  headers?: unknown;
  baseUrl?: string;
  querySerializer?: QuerySerializer | QuerySerializerOptions;
  pathSerializer?: PathSerializer;
  bodySerializer?: BodySerializer;
}

/** A request as its serializers made it: the body is still what the body serializer returned. */
export interface SerializedRequest {
  method: string;
  url: string;
  headers: Headers;
  /** A string (JSON, form data), FormData, a Blob, bytes or a stream; undefined for none. */
  body: unknown;
}

const JSON_CONTENT_TYPE = { "Content-Type": "application/json" };
const defaultQuerySerializer = createQuerySerializer();
const utf8 = new TextEncoder();

/** The serializers a call uses: its own, else openapi-fetch's defaults. */
export function serializersOf(init: RequestOptions): {
  querySerializer: QuerySerializer;
  bodySerializer: BodySerializer;
  pathSerializer: PathSerializer;
} {
  const query = init.querySerializer;
  return {
    querySerializer: typeof query === "function" ? query : query ? createQuerySerializer(query) : defaultQuerySerializer,
    bodySerializer: init.bodySerializer ?? (defaultBodySerializer as BodySerializer),
    pathSerializer: init.pathSerializer ?? defaultPathSerializer,
  };
}

export function serializeRequest(
  baseUrl: string,
  defaultHeaders: Record<string, string>,
  method: string,
  path: string,
  init: RequestOptions,
): SerializedRequest {
  const params = init.params ?? {};
  const { querySerializer, bodySerializer, pathSerializer } = serializersOf(init);
  let body: unknown;
  // As openapi-fetch: a custom serializer sees the headers without the default Content-Type; the default one
  // only needs to know whether the caller asked for a form-encoded body, which these headers say as well.
  let headers = mergeHeaders(
    init.body === undefined ? {} : JSON_CONTENT_TYPE,
    defaultHeaders,
    init.headers as never,
    params.header as never,
  );
  if (init.body !== undefined) {
    body = bodySerializer(
      init.body,
      init.bodySerializer ? mergeHeaders(defaultHeaders, init.headers as never, params.header as never) : headers,
    );
    if (body === undefined || body instanceof FormData)
      headers = mergeHeaders(defaultHeaders, init.headers as never, params.header as never);
  }
  const url = createFinalURL(path, {
    baseUrl: init.baseUrl ? removeTrailingSlash(init.baseUrl) : baseUrl,
    params: params as never,
    querySerializer,
    pathSerializer,
  });
  return { method, url, headers, body };
}

/**
 * The request with its body as the exact bytes to send (and to sign). A string is its UTF-8; anything else
 * (FormData, a Blob, a stream) is read the way `fetch` would send it, with the Content-Type it implies when
 * none is set. Synchronous unless there is such a body to read.
 */
export function withBodyBytes(request: SerializedRequest): OutgoingRequest | Promise<OutgoingRequest> {
  const { method, url, headers, body } = request;
  if (body === undefined || body === null) return { method, url, headers, body: null };
  if (typeof body === "string") {
    if (!headers.has("content-type")) headers.set("content-type", "text/plain;charset=UTF-8");
    return { method, url, headers, body: utf8.encode(body) };
  }
  const carrier = new Response(body as BodyInit);
  const type = carrier.headers.get("content-type");
  if (type !== null && !headers.has("content-type")) headers.set("content-type", type);
  return carrier.arrayBuffer().then((bytes) => ({ method, url, headers, body: new Uint8Array(bytes) }));
}
