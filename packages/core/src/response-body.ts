// Reads and checks response bodies: a size cap while reading, and JSON that is really JSON.
import { ResponseParseError, type ResponseParseErrorInit } from "./errors.js";

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

// Statuses whose responses cannot carry a body (the Response constructor rejects one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type ProblemContext = Omit<ResponseParseErrorInit, "problem" | "contentType" | "status">;

/**
 * Reads the whole body of a response into memory, stopping at `limitBytes`; null for a status that has no body.
 * The attempt's abort signal keeps governing the read: an abort rejects with its reason, a connection that drops
 * mid-body is a `truncated` ResponseParseError.
 */
export async function readBody(
  response: Response,
  limitBytes: number,
  signal: AbortSignal,
  context: ProblemContext,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const problem = (problem: "truncated" | "too-large", cause?: unknown) =>
    new ResponseParseError({ ...context, status: response.status, problem, contentType: contentTypeOf(response), limitBytes, cause });
  const truncated = (error: unknown) => {
    throw signal.aborted ? error : problem("truncated", error);
  };
  const length = response.headers.get("content-length");
  if (length !== null && Number(length) > limitBytes) {
    await response.body?.cancel().catch(() => {});
    throw problem("too-large");
  }
  if (NULL_BODY_STATUSES.has(response.status) || response.body === null) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  // A declared length is enforced by fetch itself: the body can be read in one piece.
  if (length !== null) return new Uint8Array(await response.arrayBuffer().catch(truncated));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(truncated);
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      throw problem("too-large");
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

const utf8 = new TextDecoder();

/** The body as text (UTF-8, as fetch's `text()` decodes it). */
export function bodyText(bytes: Uint8Array | null): string {
  return bytes === null || bytes.byteLength === 0 ? "" : utf8.decode(bytes);
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
  const contentType = contentTypeOf(response);
  if (text.trim() === "") {
    if (bodyless) return undefined;
    throw parseProblem("empty", text, response, contentType, context);
  }
  if (contentType !== undefined && !isJsonType(contentType)) throw parseProblem("not-json", text, response, contentType, context);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw parseProblem("invalid-json", text, response, contentType, context, error);
  }
}

function parseProblem(
  problem: "invalid-json" | "not-json" | "empty",
  text: string,
  response: Response,
  contentType: string | undefined,
  context: ProblemContext & { redactText: (text: string) => string },
  cause?: unknown,
): ResponseParseError {
  const { redactText, ...where } = context;
  return new ResponseParseError({ ...where, status: response.status, problem, contentType, snippet: snippetOf(text, redactText), cause });
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
