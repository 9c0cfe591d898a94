// openapi-fetch middleware, run by the core as openapi-fetch runs it: `onRequest` in order (it may replace the
// request, or answer it itself), then the request is sent, then `onError` (on a failure) and `onResponse` in
// reverse order. The request middleware sees is a `Request` built before credentials are added; calls without
// middleware never build one.
import type { MergedOptions, Middleware } from "openapi-fetch";

/** Throws as openapi-fetch's `use()` does for something that is not middleware; false for a value to skip. */
export function isMiddleware(value: unknown): value is Middleware {
  if (!value) return false;
  if (typeof value !== "object" || !("onRequest" in value || "onResponse" in value || "onError" in value)) {
    throw new Error("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
  }
  return true;
}

/** What openapi-fetch hands each middleware besides the request. */
export interface MiddlewareContext {
  schemaPath: string;
  params: Record<string, unknown>;
  options: MergedOptions;
}

/** Runs the middleware around `send`; resolves to the final response. */
export async function runMiddleware(
  middleware: readonly Middleware[],
  initial: Request,
  context: MiddlewareContext,
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  const callback = { ...context, id: Math.random().toString(36).slice(2, 11) };
  let request = initial;
  for (const one of middleware) {
    if (typeof one.onRequest !== "function") continue;
    const result = await one.onRequest({ ...callback, request });
    if (!result) continue;
    if (result instanceof Response) return result;
    if (!(result instanceof Request)) throw new Error("onRequest: must return new Request() or Response() when modifying the request");
    request = result;
  }
  let response: Response;
  try {
    response = await send(request);
  } catch (error) {
    response = await recover(middleware, error, { ...callback, request });
  }
  for (let i = middleware.length - 1; i >= 0; i--) {
    const onResponse = middleware[i]!.onResponse;
    if (typeof onResponse !== "function") continue;
    const result = await onResponse({ ...callback, request, response });
    if (!result) continue;
    if (!(result instanceof Response)) throw new Error("onResponse: must return new Response() when modifying the response");
    response = result;
  }
  return response;
}

/** `onError` in reverse order: a middleware may answer with a Response or replace the error. */
async function recover(
  middleware: readonly Middleware[],
  error: unknown,
  callback: MiddlewareContext & { id: string; request: Request },
): Promise<Response> {
  let failure = error;
  for (let i = middleware.length - 1; i >= 0; i--) {
    const onError = middleware[i]!.onError;
    if (typeof onError !== "function") continue;
    const result = await onError({ ...callback, error: failure });
    if (!result) continue;
    if (result instanceof Response) return result;
    if (!(result instanceof Error)) throw new Error("onError: must return new Response() or instance of Error");
    failure = result;
  }
  throw failure;
}
