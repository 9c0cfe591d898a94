// Builds a call's request as openapi-fetch would — the same URL (its path and query serializers), headers and JSON
// body — as a plain object for the transport, without the `Request` openapi-fetch makes. Calls that need more of
// openapi-fetch (its other options, a non-JSON body) are left to it: `buildRequest` returns undefined for them.
import { createFinalURL, createQuerySerializer, defaultPathSerializer, mergeHeaders } from "openapi-fetch";
import type { OutgoingRequest } from "./transport.js";

type Init = { params?: { path?: object; query?: object; header?: object }; body?: unknown; headers?: unknown; signal?: unknown };

/** The init options a plain call has; any other (e.g. `parseAs`, serializers, a per-call `baseUrl` or `fetch`) goes through openapi-fetch. */
const PLAIN_OPTIONS = new Set(["params", "body", "headers", "signal"]);
const JSON_CONTENT_TYPE = { "Content-Type": "application/json" };
const querySerializer = createQuerySerializer();
const utf8 = new TextEncoder();

export function buildRequest(
  baseUrl: string,
  defaultHeaders: Record<string, string>,
  method: string,
  path: string,
  init: Init,
): OutgoingRequest | undefined {
  for (const key in init) if (!PLAIN_OPTIONS.has(key)) return undefined;
  const { body } = init;
  if (body !== undefined && !isJsonValue(body)) return undefined;
  const params = (init.params ?? {}) as Parameters<typeof createFinalURL>[1]["params"];
  const headers = mergeHeaders(
    body === undefined ? {} : JSON_CONTENT_TYPE,
    defaultHeaders,
    init.headers as never,
    init.params?.header as never,
  );
  // A form-encoded body is openapi-fetch's to serialize.
  if (body !== undefined && headers.get("content-type") === "application/x-www-form-urlencoded") return undefined;
  const url = createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer: defaultPathSerializer });
  return { method, url, headers, body: body === undefined ? null : utf8.encode(JSON.stringify(body)) };
}

/** A body openapi-fetch's default serializer turns into JSON: not FormData, a Blob, a stream or bytes. */
function isJsonValue(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return true;
  const tag = Object.prototype.toString.call(body);
  return tag === "[object Object]" || tag === "[object Array]";
}
