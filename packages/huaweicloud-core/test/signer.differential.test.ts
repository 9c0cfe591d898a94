// Differential tests: our signer and the official Huawei Cloud Node.js SDK's signer, given the same requests,
// must produce byte-identical Authorization headers, for domain-scoped (X-Domain-Id) and project-scoped
// (X-Project-Id) credentials. Inputs come from fast-check.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CredentialScope, formatSdkDate, signHuaweiCloudRequest, signRequest } from "../src/index.js";
import { keyText, pathParam, queryText, sdkDate, securityToken } from "./arbitraries.js";
import { officialSign } from "./official-signer.js";

const ENDPOINT = "https://identitycenter.myhuaweicloud.com";
const RUNS = { numRuns: 150 };

const queryKey = fc.oneof(fc.constantFrom("limit", "marker", "a", "b", "B", "é"), queryText).filter((key) => key !== "__proto__");
const query = fc.array(fc.tuple(queryKey, fc.array(queryText, { minLength: 1, maxLength: 3 })), { maxLength: 4 });
const jsonBody = fc.dictionary(fc.string({ unit: "grapheme", maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });

/** The URL the way openapi-fetch and fetch send it: each path parameter and query part encodeURIComponent-ed. */
function sentUrl(segments: string[], pairs: [string, string[]][]): string {
  const path = segments.map(encodeURIComponent).join("/");
  const search = pairs
    .flatMap(([key, values]) => values.map((value) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`))
    .join("&");
  return `${ENDPOINT}/v1/${path}${search ? `?${search}` : ""}`;
}

/** The same query as the official SDK takes it: an object, a repeated key holding an array. */
function officialQuery(pairs: [string, string[]][]): Record<string, string | string[]> {
  const merged = new Map<string, string[]>();
  for (const [key, values] of pairs) merged.set(key, [...(merged.get(key) ?? []), ...values]);
  return Object.fromEntries([...merged].map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

/** Which official credentials class signs: GlobalCredentials (X-Domain-Id) or BasicCredentials (X-Project-Id). */
const scope = fc.constantFrom("domain", "project") as fc.Arbitrary<CredentialScope>;
const scopeHeader = (which: CredentialScope) => (which === "domain" ? "x-domain-id" : "x-project-id");
const officialScope = (which: CredentialScope, id: string) => (which === "domain" ? { domainId: id } : { projectId: id });

// Property tests: 150 generated requests, each signed twice (ours and the official SDK's); about a second on a quiet
// machine, so the budget allows for a loaded one.
describe("signRequest and the official signer (GlobalCredentials and BasicCredentials#processAuthRequest)", { timeout: 60_000 }, () => {
  it("sign every generated request byte-identically, with X-Domain-Id or X-Project-Id", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE"),
        // url.parse() also trims Unicode whitespace off the end of the URL (see below).
        fc.array(pathParam, { minLength: 1, maxLength: 3 }).filter((segments) => segments.at(-1) === segments.at(-1)!.trimEnd()),
        query,
        jsonBody,
        keyText(1),
        keyText(1),
        scope,
        keyText(1),
        securityToken,
        sdkDate,
        async (method, segments, pairs, data, ak, sk, which, scopeId, token, date) => {
          const hasBody = method === "POST" || method === "PUT";
          const body = hasBody ? JSON.stringify(data) : undefined;
          const ours = signRequest({
            method,
            url: sentUrl(segments, pairs),
            headers: { "content-type": "application/json", [scopeHeader(which)]: scopeId, ...(token ? { "x-security-token": token } : {}) },
            body,
            ak,
            sk,
            date,
          });
          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/${segments.join("/")}`,
            method,
            query: officialQuery(pairs),
            data: hasBody ? data : undefined,
            ak,
            sk,
            ...officialScope(which, scopeId),
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(ours.authorization).toBe(official.Authorization);
        },
      ),
      RUNS,
    );
  });
});

describe("signHuaweiCloudRequest (what each client does to an attempt) and the official signer", { timeout: 60_000 }, () => {
  it("adds the scope header, Content-Type, X-Sdk-Date and the token, and signs them exactly as the official SDK", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE"),
        fc.array(pathParam, { minLength: 1, maxLength: 3 }).filter((segments) => segments.at(-1) === segments.at(-1)!.trimEnd()),
        query,
        jsonBody,
        keyText(16),
        keyText(30),
        scope,
        keyText(32),
        securityToken,
        sdkDate,
        async (method, segments, pairs, data, ak, sk, which, scopeId, token, date) => {
          const hasBody = method === "POST" || method === "PUT";
          // As openapi-fetch builds it: a JSON body comes with its content type; a GET has none (the signer adds it).
          const signed = {
            method,
            url: sentUrl(segments, pairs),
            headers: new Headers(hasBody ? { "content-type": "application/json" } : {}),
            body: hasBody ? new TextEncoder().encode(JSON.stringify(data)) : null,
          };
          const credentials = { ak, sk, securityToken: token, scope: which, scopeId, expiresAt: undefined };

          signHuaweiCloudRequest(signed, credentials, date);

          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/${segments.join("/")}`,
            method,
            query: officialQuery(pairs),
            data: hasBody ? data : undefined,
            ak,
            sk,
            ...officialScope(which, scopeId),
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(signed.headers.get("authorization")).toBe(official.Authorization);
          expect(signed.headers.get("x-sdk-date")).toBe(official["X-Sdk-Date"]);
          expect(signed.headers.get(scopeHeader(which))).toBe(scopeId);
          expect(signed.headers.get(scopeHeader(which === "domain" ? "project" : "domain"))).toBeNull();
          expect(signed.headers.get("x-security-token")).toBe(token ?? null);
          if (hasBody) expect(new TextDecoder().decode(signed.body ?? new Uint8Array())).toBe(JSON.stringify(data));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("where the official Node.js signer differs from the documented algorithm", () => {
  // Node's legacy url.parse(), which the official SDK runs on the URL before encoding each path segment,
  // already escapes these characters; the SDK then encodes the `%` again. We follow the documented algorithm
  // (each segment percent-encoded once, as Huawei's Go SDK and API gateway signers do).
  const require = createRequire(import.meta.url);
  const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as {
    AKSKSigner: { CanonicalURI(path: string): string };
  };
  const { parse } = require("node:url") as { parse(url: string): { pathname: string } };
  const officialCanonicalUri = (rawPath: string) => AKSKSigner.CanonicalURI(parse(`${ENDPOINT}${rawPath}`).pathname);
  const common = { ak: "AK", sk: "SK", domainId: "d1", sdkDate: "20260101T000000Z", endpoint: ENDPOINT, method: "GET" };

  it.each([" ", '"', "'", "<", ">", "^", "`", "{", "|", "}"])(
    "a path parameter with %j is encoded twice by the official signer, once by ours",
    async (character) => {
      const raw = `/v1/instances/a${character}b`;
      const onceEncoded = `/v1/instances/a${encodeURIComponent(character).replace("'", "%27")}b/`;

      expect(
        signRequest({
          method: "GET",
          url: `${ENDPOINT}/v1/instances/${encodeURIComponent(`a${character}b`)}`,
          ak: "AK",
          sk: "SK",
          date: new Date(0),
        }).canonicalRequest.split("\n")[1],
      ).toBe(onceEncoded);
      expect(officialCanonicalUri(raw)).toBe(onceEncoded.replace("%", "%25"));
      // The official signature is exactly ours for a path whose segment really contains the escaped text.
      const official = await officialSign({ ...common, path: raw });
      const ours = signRequest({
        method: "GET",
        url: `${ENDPOINT}${onceEncoded.replace("%", "%25").slice(0, -1)}`,
        headers: { "content-type": "application/json", "x-domain-id": "d1" },
        ak: "AK",
        sk: "SK",
        date: new Date("2026-01-01T00:00:00Z"),
      });
      expect(ours.authorization).toBe(official.Authorization);
    },
  );

  it("a path that ends in Unicode whitespace is trimmed by the official signer; ours keeps it", async () => {
    expect(officialCanonicalUri("/v1/instances/a\u00a0")).toBe("/v1/instances/a/");
    expect(
      signRequest({ method: "GET", url: `${ENDPOINT}/v1/instances/a%C2%A0`, ak: "AK", sk: "SK", date: new Date(0) }).canonicalRequest.split(
        "\n",
      )[1],
    ).toBe("/v1/instances/a%C2%A0/");
  });

  it("a path parameter with ? or # cuts the official SDK's path short; ours encodes it", () => {
    expect(officialCanonicalUri("/v1/instances/a?b")).toBe("/v1/instances/a/");
    expect(officialCanonicalUri("/v1/instances/a#b")).toBe("/v1/instances/a/");
    expect(
      signRequest({
        method: "GET",
        url: `${ENDPOINT}/v1/instances/a%3Fb%23c`,
        ak: "AK",
        sk: "SK",
        date: new Date(0),
      }).canonicalRequest.split("\n")[1],
    ).toBe("/v1/instances/a%3Fb%23c/");
  });
});
