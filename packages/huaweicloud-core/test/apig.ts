// A stand-in for Huawei Cloud's API gateway (APIG) on loopback: it verifies each request's AK/SK signature the way
// the gateway does, from what it received — the raw method, path, query, headers and body bytes — with the SK it
// knows, and answers 401 APIGW.0301 when it does not verify. Written apart from src/signer.ts (its own canonical
// form, built with encodeURIComponent), so a mistake in the signer is not repeated here. The Huawei provider
// packages send every operation of their spec through it.
import { createHash, createHmac } from "node:crypto";
import type { ServerResponse } from "node:http";
import { json, type LocalServer, type RecordedRequest, startLocalServer } from "../../../scripts/local-server.mjs";

export interface ApigRules {
  /** The SK of each AK the gateway knows. */
  secretKeys: Record<string, string>;
  /** Headers that must be present and signed, with the value each must have, e.g. `{ "x-project-id": "…" }`. */
  required: Record<string, string>;
  /** The gateway's clock; X-Sdk-Date must be within 15 minutes of it. Default `Date.now()`. */
  now?: () => number;
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const SDK_DATE = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;
const FIFTEEN_MINUTES = 15 * 60_000;

/** RFC 3986: only A-Z a-z 0-9 - . _ ~ stay; everything else is %XX of its UTF-8 bytes, upper-case hex. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// As Huawei's Go signer reads the path (Go's decoded URL.Path split on "/"): an encoded %2F in a parameter is a
// separator here too.
function canonicalPath(rawPath: string): string {
  const path = decodeURIComponent(rawPath)
    .split("/")
    .map((segment) => encode(segment))
    .join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

function canonicalQueryOf(rawQuery: string): string {
  if (rawQuery === "") return "";
  const pairs = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const [key = "", ...rest] = pair.split("=");
      const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, " "));
      return [decode(key), decode(rest.join("="))] as const;
    });
  pairs.sort(([k1, v1], [k2, v2]) => (k1 === k2 ? (v1 < v2 ? -1 : v1 > v2 ? 1 : 0) : k1 < k2 ? -1 : 1));
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join("&");
}

/** Every reason the gateway would reject `request` (empty when it verifies). */
export function apigProblems(request: RecordedRequest, rules: ApigRules): string[] {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const match = AUTHORIZATION.exec(header("authorization") ?? "");
  if (!match) return [`Authorization is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…: ${header("authorization")}`];
  const [, ak = "", signedList = "", signature] = match;
  const sk = rules.secretKeys[ak];
  if (sk === undefined) return [`unknown access key ${ak}`];

  const problems: string[] = [];
  const signed = signedList.split(";");
  const sdkDate = header("x-sdk-date") ?? "";
  const date = SDK_DATE.exec(sdkDate);
  if (!date) problems.push(`X-Sdk-Date ${JSON.stringify(sdkDate)} is not YYYYMMDDTHHMMSSZ`);
  else {
    const [, y, mo, d, h, mi, s] = date.map(Number) as number[];
    const skew = Math.abs(Date.UTC(y!, mo! - 1, d, h, mi, s) - (rules.now?.() ?? Date.now()));
    if (skew > FIFTEEN_MINUTES) problems.push(`X-Sdk-Date ${sdkDate} is ${Math.round(skew / 60_000)} minutes off`);
  }
  if ([...signed].sort().join(";") !== signedList) problems.push(`SignedHeaders ${signedList} are not sorted`);
  const mustSign = ["host", "x-sdk-date", ...Object.keys(rules.required)];
  if (header("x-security-token") !== undefined) mustSign.push("x-security-token");
  for (const name of mustSign) if (!signed.includes(name)) problems.push(`${name} is not signed`);
  for (const [name, value] of Object.entries(rules.required)) {
    if (header(name) !== value) problems.push(`${name} is ${JSON.stringify(header(name))}, expected ${JSON.stringify(value)}`);
  }
  for (const name of signed) if (header(name) === undefined) problems.push(`signed header ${name} was not received`);

  const queryAt = request.url.indexOf("?");
  const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? "" : request.url.slice(queryAt + 1);
  const payloadHash = header("x-sdk-content-sha256") ?? createHash("sha256").update(Buffer.from(request.body, "utf8")).digest("hex");
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(rawPath),
    canonicalQueryOf(rawQuery),
    signed.map((name) => `${name}:${(header(name) ?? "").trim()}\n`).join(""),
    signedList,
    payloadHash,
  ].join("\n");
  const stringToSign = `SDK-HMAC-SHA256\n${sdkDate}\n${createHash("sha256").update(canonicalRequest, "utf8").digest("hex")}`;
  const expected = createHmac("sha256", Buffer.from(sk, "utf8")).update(stringToSign, "utf8").digest("hex");
  if (expected !== signature) problems.push(`signature does not verify; canonical request: ${canonicalRequest.replaceAll("\n", "|")}`);
  return problems;
}

export interface ApigServer extends LocalServer {
  /** Each request that did not verify, with why. */
  rejected: { method: string; url: string; problems: string[] }[];
}

/**
 * A loopback gateway: every request is verified by {@link apigProblems}; one that fails gets 401 APIGW.0301 (and is
 * listed in `rejected`), one that verifies is answered by `answer`.
 */
export async function startApigServer(rules: ApigRules, answer: (request: RecordedRequest, response: ServerResponse) => void) {
  const rejected: ApigServer["rejected"] = [];
  const server: LocalServer = await startLocalServer((request, response) => {
    const problems = apigProblems(request, rules);
    if (problems.length === 0) return answer(request, response);
    rejected.push({ method: request.method, url: request.url, problems });
    json(response, 401, { error_code: "APIGW.0301", error_msg: `verify aksk signature fail: ${problems.join("; ")}`, request_id: "apig" });
  });
  return Object.assign(server, { rejected }) as ApigServer;
}
