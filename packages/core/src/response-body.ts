// Reads and checks response bodies: a size cap while reading, and JSON that is really JSON.
import { ResponseParseError, type ResponseParseErrorInit } from "./errors.js";

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

// Statuses whose responses cannot carry a body (the Response constructor rejects one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type ProblemContext = Omit<ResponseParseErrorInit, "problem" | "contentType" | "status">;

/**
 * Reads the whole body of a response, stopping at `limitBytes`, and returns an equivalent response
 * whose body is in memory. The caller's abort signal (the attempt's) keeps governing the read.
 */
export async function bufferResponse(
  response: Response,
  limitBytes: number,
  signal: AbortSignal,
  context: ProblemContext,
): Promise<Response> {
  const problem = (problem: "truncated" | "too-large", cause?: unknown) =>
    new ResponseParseError({ ...context, status: response.status, problem, contentType: contentTypeOf(response), limitBytes, cause });
  const declared = Number(response.headers.get("content-length"));
  if (declared > limitBytes) {
    await response.body?.cancel().catch(() => {});
    throw problem("too-large");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw signal.aborted ? error : problem("truncated", error);
      });
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => {});
        throw problem("too-large");
      }
      chunks.push(value);
    }
  }
  const body = NULL_BODY_STATUSES.has(response.status) ? null : concat(chunks, size);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Parses a 2xx body as JSON. An empty body is `undefined` only where the spec documents no content
 * (`bodyless`); anything that is not JSON is a ResponseParseError with a redacted snippet.
 */
export function parseJsonBody(
  text: string,
  response: Response,
  bodyless: boolean,
  context: ProblemContext & { redactText: (text: string) => string },
): unknown {
  const { redactText, ...where } = context;
  const contentType = contentTypeOf(response);
  const fail = (problem: "invalid-json" | "not-json" | "empty", cause?: unknown) =>
    new ResponseParseError({ ...where, status: response.status, problem, contentType, snippet: snippetOf(text, redactText), cause });
  if (text.trim() === "") {
    if (bodyless) return undefined;
    throw fail("empty");
  }
  if (contentType !== undefined && !isJsonType(contentType)) throw fail("not-json");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail("invalid-json", error);
  }
}

/** The body of an error response: parsed JSON when it is JSON, otherwise its text; undefined when empty. */
export function parseErrorBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function contentTypeOf(response: Response): string | undefined {
  return response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() || undefined;
}

function isJsonType(type: string): boolean {
  return type === "application/json" || type.endsWith("+json");
}

function snippetOf(text: string, redactText: (text: string) => string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const redacted = redactText(trimmed.slice(0, 200));
  return trimmed.length > 200 ? `${redacted}…` : redacted;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
