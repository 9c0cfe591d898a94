// Differential tests: our signer and the official Huawei Cloud Node.js SDK's signer, given the same requests,
// must produce byte-identical Authorization headers. Inputs come from fast-check.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHuaweiCloudIdentityCenterClient, formatSdkDate, signRequest } from "../src/index.js";
import { officialSign } from "./official-signer.js";

const ENDPOINT = "https://identitycenter.myhuaweicloud.com";
const RUNS = { numRuns: 150 };

// Characters a path segment is built from. Left out here (see "where the official signer differs" below):
// space, " ' < > \ ^ ` { | } and control characters, which the official SDK's url.parse() escapes before it
// encodes again, and ? #, which it would read as the start of the query or fragment.
const PATH_ASCII = [..."ABCXYZabcxyz0189-._~!$&()*+,;=:@%[]/"];
const PATH_NON_ASCII = ["é", "ß", "Ω", "中", "文", "😀", "🇨🇳", "\u00a0", "\u2028", "\ufeff"];
const pathChar = fc.oneof(fc.constantFrom(...PATH_ASCII), fc.constantFrom(...PATH_NON_ASCII));
/** A path parameter value the client accepts (not blank, not `.` or `..`). */
const pathParam = fc
  .string({ unit: pathChar, minLength: 1, maxLength: 10 })
  .filter((value) => value.trim() !== "" && value !== "." && value !== "..");
// Query keys and values: any Unicode text, including empty values and characters that need escaping.
const queryText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 8 }), fc.constantFrom("", " ", "+", "a b", "%41", "=&", "é", "😀"));
const queryKey = fc.oneof(fc.constantFrom("limit", "marker", "a", "b", "B", "é"), queryText).filter((key) => key !== "__proto__");
const query = fc.array(fc.tuple(queryKey, fc.array(queryText, { minLength: 1, maxLength: 3 })), { maxLength: 4 });
const jsonBody = fc.dictionary(fc.string({ unit: "grapheme", maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const keyText = (min: number) =>
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), minLength: min, maxLength: 40 });
const securityToken = fc.option(fc.string({ unit: fc.constantFrom(..."ABCDEFabcdef0123456789+/=-_"), minLength: 1, maxLength: 60 }), {
  nil: undefined,
});
const sdkDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true });

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

// Property tests: 150 generated requests, each signed twice (ours and the official SDK's); about a second on a quiet
// machine, so the budget allows for a loaded one.
describe("signRequest and the official signer (GlobalCredentials#processAuthRequest)", { timeout: 60_000 }, () => {
  it("sign every generated request byte-identically", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE"),
        // url.parse() also trims Unicode whitespace off the end of the URL (see below).
        fc.array(pathParam, { minLength: 1, maxLength: 3 }).filter((segments) => segments.at(-1) === segments.at(-1)!.trimEnd()),
        query,
        jsonBody,
        keyText(1),
        keyText(1),
        keyText(1),
        securityToken,
        sdkDate,
        async (method, segments, pairs, data, ak, sk, domainId, token, date) => {
          const hasBody = method === "POST" || method === "PUT";
          const body = hasBody ? JSON.stringify(data) : undefined;
          const ours = signRequest({
            method,
            url: sentUrl(segments, pairs),
            headers: { "content-type": "application/json", "x-domain-id": domainId, ...(token ? { "x-security-token": token } : {}) },
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
            domainId,
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

describe("the client's requests and the official signer", { timeout: 60_000 }, () => {
  interface Captured {
    request: Request;
    body: string;
  }
  function capturingClient(credentials: { ak: string; sk: string; domainId: string; securityToken?: string | undefined }, date: Date) {
    const captured: Captured[] = [];
    const client = createHuaweiCloudIdentityCenterClient({
      ak: credentials.ak,
      sk: credentials.sk,
      domainId: credentials.domainId,
      ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
      clock: () => date,
      fetch: async (request) => {
        captured.push({ request, body: await request.text() });
        return Response.json({});
      },
    });
    return { client, captured };
  }

  it("a PUT with path parameters and a unicode JSON body is signed exactly as the official SDK signs it", async () => {
    await fc.assert(
      fc.asyncProperty(
        pathParam,
        pathParam,
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        keyText(16),
        keyText(30),
        keyText(32),
        securityToken,
        sdkDate,
        async (instanceId, applicationInstanceId, displayName, description, ak, sk, domainId, token, date) => {
          const { client, captured } = capturingClient({ ak, sk, domainId, securityToken: token }, date);
          const body = { display_name: displayName, description };

          await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/display-data", {
            params: { path: { instance_id: instanceId, application_instance_id: applicationInstanceId } },
            body,
          });

          const sent = captured[0]!;
          expect(sent.body).toBe(JSON.stringify(body));
          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/instances/${instanceId}/application-instances/${applicationInstanceId}/display-data`,
            method: "PUT",
            data: body,
            ak,
            sk,
            domainId,
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(sent.request.headers.get("authorization")).toBe(official.Authorization);
          expect(sent.request.headers.get("x-sdk-date")).toBe(official["X-Sdk-Date"]);
          expect(sent.request.headers.get("x-domain-id")).toBe(domainId);
          expect(sent.request.headers.get("x-security-token")).toBe(token ?? null);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a paginated GET with limit and marker is signed exactly as the official SDK signs it", async () => {
    await fc.assert(
      fc.asyncProperty(
        pathParam,
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        fc.option(queryText, { nil: undefined }),
        keyText(16),
        keyText(30),
        keyText(32),
        securityToken,
        sdkDate,
        async (instanceId, limit, marker, ak, sk, domainId, token, date) => {
          const { client, captured } = capturingClient({ ak, sk, domainId, securityToken: token }, date);
          const queryParams = { ...(limit === undefined ? {} : { limit }), ...(marker === undefined ? {} : { marker }) };

          await client.GET("/v1/instances/{instance_id}/application-instances", {
            params: { path: { instance_id: instanceId }, query: queryParams },
          });

          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/instances/${instanceId}/application-instances`,
            method: "GET",
            query: Object.fromEntries(Object.entries(queryParams).map(([key, value]) => [key, String(value)])),
            ak,
            sk,
            domainId,
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(captured[0]!.request.headers.get("authorization")).toBe(official.Authorization);
        },
      ),
      { numRuns: 60 },
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
