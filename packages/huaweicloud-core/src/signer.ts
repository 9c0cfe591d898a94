import {
  canUseNodeCrypto,
  hex,
  hmacSha256,
  hmacSha256WebCrypto,
  IdentityClientError,
  REDACTED,
  sha256Hex,
  sha256HexWebCrypto,
} from "@identity-clients/core";

/** The name of Huawei Cloud's AK/SK request-signing algorithm. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** Lowercase hex SHA-256 of an empty body. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface SignRequestInput {
  /** HTTP method; signed upper-cased. */
  method: string;
  /** The request URL exactly as it is sent (path and query already percent-encoded, as `fetch` sends them). */
  url: string | URL;
  /**
   * The headers to sign, besides `Host` and `X-Sdk-Date` which the signer adds. Every header given here is
   * signed, so pass only the ones the request really carries, with the values it carries. A `host` entry
   * overrides the URL's host; an `x-sdk-content-sha256` entry replaces the payload hash (e.g. `UNSIGNED-PAYLOAD`).
   */
  headers?: Headers | Record<string, string> | undefined;
  /** The exact body bytes sent (a string is taken as UTF-8). Absent or empty: the empty-body hash. */
  body?: Uint8Array | ArrayBuffer | string | null | undefined;
  /** Access key id. */
  ak: string;
  /** Secret access key; only used as the HMAC key. */
  sk: string;
  /** The signing time; becomes `X-Sdk-Date`. */
  date: Date;
}

export interface SignedRequest {
  /** The `Authorization` header value: `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex>`. */
  authorization: string;
  /** The `X-Sdk-Date` header value the signature covers, e.g. `20240102T030405Z`. */
  sdkDate: string;
  /** The `Host` header value the signature covers. */
  host: string;
  /** The signed header names, lowercase, `;`-separated. */
  signedHeaders: string;
  /**
   * The canonical request, for comparing with the one a gateway reports in an `APIGW.0301` error.
   * The value of `x-security-token` is shown as `[REDACTED]`; the signature covers the real value.
   */
  canonicalRequest: string;
  /** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`. */
  stringToSign: string;
}

const REDACTED_HEADERS = ["x-security-token"];

/**
 * Signs a request with Huawei Cloud's `SDK-HMAC-SHA256` algorithm. Pure: same input, same output; no clock,
 * no environment, no network.
 *
 * Synchronous, so it needs `node:crypto` (Node, Bun, Deno, Cloudflare Workers with `nodejs_compat`); elsewhere it
 * throws an `IdentityClientError`, and the clients (`createHuaweiCloudIdentityCenterClient`,
 * `createHuaweiCloudIdentityStoreClient`) sign with Web Crypto instead.
 *
 * @example
 * const { authorization, sdkDate } = signRequest({
 *   method: "GET",
 *   url: "https://identitycenter.myhuaweicloud.com/v1/instances?limit=10",
 *   headers: { "content-type": "application/json", "x-domain-id": domainId },
 *   ak, sk, date: new Date(),
 * });
 */
export function signRequest(input: SignRequestInput): SignedRequest {
  if (!canUseNodeCrypto) {
    throw new IdentityClientError(
      "signRequest needs node:crypto, which this runtime lacks (on Cloudflare Workers, enable nodejs_compat); the Huawei Cloud clients sign with Web Crypto there",
    );
  }
  const request = canonicalize(input);
  const canonicalRequest = request.canonicalPrefix + (request.payloadHash ?? sha256Hex(request.body));
  const stringToSign = `${SIGNING_ALGORITHM}\n${request.sdkDate}\n${sha256Hex(canonicalRequest)}`;
  const signature = hmacSha256(input.sk, stringToSign, "hex");
  return signed(input, request, canonicalRequest, stringToSign, signature);
}

/** {@link signRequest} with Web Crypto, which every runtime has. */
export async function signRequestWithWebCrypto(input: SignRequestInput): Promise<SignedRequest> {
  const request = canonicalize(input);
  const canonicalRequest = request.canonicalPrefix + (request.payloadHash ?? (await sha256HexWebCrypto(request.body)));
  const stringToSign = `${SIGNING_ALGORITHM}\n${request.sdkDate}\n${await sha256HexWebCrypto(canonicalRequest)}`;
  const signature = hex(await hmacSha256WebCrypto(input.sk, stringToSign));
  return signed(input, request, canonicalRequest, stringToSign, signature);
}

interface CanonicalParts {
  sdkDate: string;
  host: string;
  signedHeaders: string;
  headers: Map<string, string>;
  /** The canonical request up to the payload hash. */
  canonicalPrefix: string;
  /** The payload hash when it needs no digest (given, or the empty body's); else `body` is hashed. */
  payloadHash: string | undefined;
  body: string | Uint8Array<ArrayBuffer>;
}

function canonicalize(input: SignRequestInput): CanonicalParts {
  const url = typeof input.url === "string" ? new URL(input.url) : input.url;
  const sdkDate = formatSdkDate(input.date);
  const headers = readHeaders(input.headers);
  const host = headers.get("host") ?? url.host;
  headers.set("host", host);
  headers.set("x-sdk-date", sdkDate);

  const names = [...headers.keys()].sort(compareCodeUnits);
  const signedHeaders = names.join(";");
  let headerBlock = "";
  for (const name of names) headerBlock += `${name}:${headers.get(name)}\n`;
  const body = payload(input.body);
  const payloadHash = headers.get("x-sdk-content-sha256") ?? (body.length === 0 ? EMPTY_BODY_SHA256 : undefined);
  const canonicalPrefix =
    `${input.method.toUpperCase()}\n${canonicalUri(url.pathname)}\n${canonicalQuery(url.search)}\n` + `${headerBlock}\n${signedHeaders}\n`;
  return { sdkDate, host, signedHeaders, headers, canonicalPrefix, payloadHash, body };
}

function signed(
  input: SignRequestInput,
  request: CanonicalParts,
  canonicalRequest: string,
  stringToSign: string,
  signature: string,
): SignedRequest {
  return {
    authorization: `${SIGNING_ALGORITHM} Access=${input.ak}, SignedHeaders=${request.signedHeaders}, Signature=${signature}`,
    sdkDate: request.sdkDate,
    host: request.host,
    signedHeaders: request.signedHeaders,
    canonicalRequest: redactCanonical(canonicalRequest, request.headers),
    stringToSign,
  };
}

/** The canonical request with the values of secret headers (the security token) replaced. */
function redactCanonical(canonicalRequest: string, headers: Map<string, string>): string {
  let redacted = canonicalRequest;
  for (const name of REDACTED_HEADERS) {
    const value = headers.get(name);
    if (value !== undefined) redacted = redacted.replace(`\n${name}:${value}\n`, `\n${name}:${REDACTED}\n`);
  }
  return redacted;
}

/** `X-Sdk-Date` format: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new TypeError("signRequest: `date` must be a valid Date");
  const two = (value: number) => (value < 10 ? `0${value}` : `${value}`);
  return (
    `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`
  );
}

/**
 * Canonical URI: the path percent-decoded, split on `/`, each segment percent-encoded (UTF-8, only
 * `A-Z a-z 0-9 - . _ ~` kept), re-joined, with a trailing `/` added. Decoding first makes the result the
 * same however the sender escaped the path (`%7E` or `~`, `!` or `%21`).
 */
export function canonicalUri(pathname: string): string {
  // Nothing to decode or encode in the usual path of plain ids.
  if (PLAIN_PATH.test(pathname)) return pathname.endsWith("/") ? pathname : `${pathname}/`;
  const bytes = percentDecode(pathname);
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x2f) {
      segments.push(percentEncode(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  const path = segments.join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * Canonical query: `key=value` pairs (percent-decoded, `+` read as a space as in HTML forms, then
 * percent-encoded), sorted by key and, for a repeated key, by value; joined by `&`. A key without `=`
 * has an empty value.
 */
export function canonicalQuery(search: string): string {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query === "") return "";
  const byKey = new Map<string, string[]>();
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const key = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : decodeComponent(pair.slice(equals + 1));
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  const parts: string[] = [];
  for (const key of [...byKey.keys()].sort(compareCodeUnits)) {
    const encodedKey = encodeComponent(key);
    for (const value of byKey.get(key)!.sort(compareCodeUnits)) parts.push(`${encodedKey}=${encodeComponent(value)}`);
  }
  return parts.join("&");
}

/** Percent-encodes UTF-8 bytes (or a string's UTF-8 bytes): only `A-Z a-z 0-9 - . _ ~` stay, hex is upper case. */
export function percentEncode(value: string | Uint8Array): string {
  const bytes = typeof value === "string" ? utf8.encode(value) : value;
  let out = "";
  for (const byte of bytes) out += UNRESERVED[byte] ? String.fromCharCode(byte) : HEX[byte];
  return out;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
// Text made only of unreserved characters (and, for a path, `/`) is its own canonical form.
const PLAIN_COMPONENT = /^[A-Za-z0-9\-._~]*$/;
const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;

function encodeComponent(text: string): string {
  return PLAIN_COMPONENT.test(text) ? text : percentEncode(text);
}
const HEX = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`);
const UNRESERVED = Array.from({ length: 256 }, (_, byte) => /^[A-Za-z0-9\-._~]$/.test(String.fromCharCode(byte)));

function decodeComponent(text: string): string {
  if (PLAIN_COMPONENT.test(text)) return text;
  return utf8Decoder.decode(percentDecode(text.replaceAll("+", " ")));
}

/** `%XX` sequences to bytes, everything else as its UTF-8 bytes; a `%` not followed by two hex digits stays. */
function percentDecode(text: string): Uint8Array {
  const bytes = utf8.encode(text);
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const high = hexValue(bytes[i + 1]);
    const low = hexValue(bytes[i + 2]);
    if (bytes[i] === 0x25 && high >= 0 && low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
    } else {
      out[length++] = bytes[i]!;
    }
  }
  return out.subarray(0, length);
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

function readHeaders(input: SignRequestInput["headers"]): Map<string, string> {
  const headers = new Map<string, string>();
  if (input instanceof Headers) {
    for (const [name, value] of input) headers.set(name, value.trim());
  } else if (input !== undefined) {
    for (const name in input) headers.set(name.toLowerCase(), input[name]!.trim());
  }
  return headers;
}

function payload(body: SignRequestInput["body"]): string | Uint8Array<ArrayBuffer> {
  if (body === undefined || body === null) return "";
  return typeof body === "string" || body instanceof Uint8Array ? (body as string | Uint8Array<ArrayBuffer>) : new Uint8Array(body);
}

/** True where {@link signRequest} can sign synchronously (the runtime has `node:crypto`). */
export const canSignSynchronously = canUseNodeCrypto;

// Plain UTF-16 code-unit order, as JavaScript's default sort (and the official Node.js signer) uses.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
