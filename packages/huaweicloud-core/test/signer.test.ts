import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalQuery, canonicalUri, EMPTY_BODY_SHA256, formatSdkDate, percentEncode, signRequest } from "../src/index.js";

// Huawei Cloud's published example (API signing guide): AK/SK, request and expected signature.
const VECTOR = {
  ak: "QTWAOYTTINDUT2QVKYUC",
  sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
  url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  date: new Date("2019-11-15T03:36:55Z"),
  signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
};

describe("signRequest", () => {
  it("reproduces the published vector", () => {
    const signed = signRequest({
      method: "GET",
      url: VECTOR.url,
      headers: { "Content-Type": "application/json", Host: "service.region.example.com" },
      ak: VECTOR.ak,
      sk: VECTOR.sk,
      date: VECTOR.date,
    });

    expect(signed.sdkDate).toBe("20191115T033655Z");
    expect(signed.authorization).toBe(
      `SDK-HMAC-SHA256 Access=${VECTOR.ak}, SignedHeaders=content-type;host;x-sdk-date, Signature=${VECTOR.signature}`,
    );
    expect(signed.canonicalRequest).toBe(
      [
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n",
        "content-type;host;x-sdk-date",
        EMPTY_BODY_SHA256,
      ].join("\n"),
    );
    expect(signed.stringToSign).toMatch(/^SDK-HMAC-SHA256\n20191115T033655Z\n[0-9a-f]{64}$/);
  });

  it("takes the host from the URL when no Host header is given", () => {
    const { ak, sk, date } = VECTOR;
    const withHeader = signRequest({
      method: "GET",
      url: VECTOR.url,
      headers: { "content-type": "application/json", host: "service.region.example.com" },
      ak,
      sk,
      date,
    });
    const fromUrl = signRequest({ method: "GET", url: VECTOR.url, headers: { "content-type": "application/json" }, ak, sk, date });
    expect(fromUrl.host).toBe("service.region.example.com");
    expect(fromUrl.authorization).toBe(withHeader.authorization);
  });

  it("hashes the exact body bytes; a string is its UTF-8 bytes", () => {
    const base = { method: "POST", url: "https://h.example/v1/x", ak: "AK", sk: "SK", date: VECTOR.date };
    const text = '{"name":"é 😀"}';
    const fromString = signRequest({ ...base, body: text });
    const fromBytes = signRequest({ ...base, body: new TextEncoder().encode(text) });
    const fromBuffer = signRequest({ ...base, body: new TextEncoder().encode(text).buffer as ArrayBuffer });
    const reordered = signRequest({ ...base, body: '{ "name":"é 😀"}' });

    expect(fromString.canonicalRequest.split("\n").at(-1)).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
    expect(fromBytes.authorization).toBe(fromString.authorization);
    expect(fromBuffer.authorization).toBe(fromString.authorization);
    expect(reordered.authorization).not.toBe(fromString.authorization);
    expect(signRequest({ ...base, body: "" }).canonicalRequest.endsWith(EMPTY_BODY_SHA256)).toBe(true);
    expect(signRequest({ ...base, body: null }).canonicalRequest.endsWith(EMPTY_BODY_SHA256)).toBe(true);
  });

  it("uses X-Sdk-Content-Sha256 instead of hashing the body when it is given", () => {
    const signed = signRequest({
      method: "PUT",
      url: "https://h.example/v1/x",
      headers: { "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" },
      body: "anything",
      ak: "AK",
      sk: "SK",
      date: VECTOR.date,
    });
    expect(signed.canonicalRequest.split("\n").at(-1)).toBe("UNSIGNED-PAYLOAD");
    expect(signed.signedHeaders).toBe("host;x-sdk-content-sha256;x-sdk-date");
  });

  it("changes the signature with every signed input", () => {
    const base = {
      method: "POST",
      url: "https://h.example/v1/x?a=1",
      headers: { "x-domain-id": "d1" },
      body: "{}",
      ak: "AK",
      sk: "SK",
      date: VECTOR.date,
    };
    const reference = signRequest(base).authorization;
    const variants = [
      { method: "PUT" },
      { url: "https://h.example/v1/y?a=1" },
      { url: "https://h.example/v1/x?a=2" },
      { url: "https://other.example/v1/x?a=1" },
      { headers: { "x-domain-id": "d2" } },
      { body: "{ }" },
      { sk: "SK2" },
      { date: new Date(VECTOR.date.getTime() + 1000) },
    ];
    for (const variant of variants) expect(signRequest({ ...base, ...variant }).authorization).not.toBe(reference);
  });

  it("redacts the security token in the returned canonical request but signs its real value", () => {
    const base = { method: "GET", url: "https://h.example/v1/x", ak: "AK", sk: "SK", date: VECTOR.date };
    const one = signRequest({ ...base, headers: { "X-Security-Token": "secret-token-1" } });
    const two = signRequest({ ...base, headers: { "X-Security-Token": "secret-token-2" } });

    expect(one.canonicalRequest).toContain("x-security-token:[REDACTED]\n");
    expect(`${one.canonicalRequest}${one.stringToSign}${one.authorization}`).not.toContain("secret-token-1");
    expect(one.authorization).not.toBe(two.authorization);
    expect(one.authorization).not.toContain("SK");
  });

  it("rejects an invalid date", () => {
    expect(() => signRequest({ method: "GET", url: "https://h.example/", ak: "AK", sk: "SK", date: new Date(Number.NaN) })).toThrow(
      TypeError,
    );
  });
});

describe("canonical parts", () => {
  it("formats X-Sdk-Date as UTC YYYYMMDDTHHMMSSZ", () => {
    expect(formatSdkDate(new Date("2024-01-02T03:04:05.678Z"))).toBe("20240102T030405Z");
  });

  it("percent-encodes everything but A-Z a-z 0-9 - . _ ~, with upper-case hex and %20 for space", () => {
    expect(percentEncode("Az09-._~")).toBe("Az09-._~");
    expect(percentEncode(" !*'()+/:=&é😀")).toBe("%20%21%2A%27%28%29%2B%2F%3A%3D%26%C3%A9%F0%9F%98%80");
  });

  it("canonical URI: each segment decoded then encoded once, with a trailing slash", () => {
    expect(canonicalUri("/v1/instances")).toBe("/v1/instances/");
    expect(canonicalUri("/v1/instances/")).toBe("/v1/instances/");
    expect(canonicalUri("/")).toBe("/");
    expect(canonicalUri("/v1/a%20b/%7E!'()*/%C3%A9")).toBe("/v1/a%20b/~%21%27%28%29%2A/%C3%A9/");
    expect(canonicalUri("/v1/%zz")).toBe("/v1/%25zz/");
  });

  it("canonical query: sorted by key then value, empty values kept, + read as space", () => {
    expect(canonicalQuery("")).toBe("");
    expect(canonicalQuery("?marker=m&limit=2")).toBe("limit=2&marker=m");
    expect(canonicalQuery("?b=2&a=3&b=1&a=")).toBe("a=&a=3&b=1&b=2");
    expect(canonicalQuery("?flag&x=a+b&y=a%2Bb")).toBe("flag=&x=a%20b&y=a%2Bb");
    expect(canonicalQuery("?k%C3%A9=%E4%B8%AD")).toBe("k%C3%A9=%E4%B8%AD");
  });
});

describe("formatSdkDate", () => {
  it.each([
    ["2019-11-15T03:36:55.999Z", "20191115T033655Z"],
    ["2026-01-02T03:04:05.000Z", "20260102T030405Z"],
    ["2026-12-31T23:59:59.000Z", "20261231T235959Z"],
  ])("formats %s as UTC YYYYMMDDTHHMMSSZ", (iso, expected) => {
    expect(formatSdkDate(new Date(iso))).toBe(expected);
  });

  it("rejects an invalid date", () => {
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(TypeError);
  });
});
