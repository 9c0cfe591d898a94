// The loopback gateway the provider packages verify every operation with must itself be right: it accepts Huawei's
// published signing example and rejects what the real gateway would reject.
import { describe, expect, it } from "vitest";
import type { RecordedRequest } from "../../../scripts/local-server.mjs";
import { signHuaweiCloudRequest } from "../src/index.js";
import { apigProblems } from "./apig.js";

// Huawei Cloud's published example (API signing guide).
const VECTOR: RecordedRequest = {
  method: "GET",
  url: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  headers: {
    "content-type": "application/json",
    host: "service.region.example.com",
    "x-sdk-date": "20191115T033655Z",
    authorization:
      "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
  },
  body: "",
};
const VECTOR_RULES = {
  secretKeys: { QTWAOYTTINDUT2QVKYUC: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" },
  required: {},
  now: () => Date.parse("2019-11-15T03:40:00Z"),
};

const SK = "apig-test-sk-0123456789";
const NOW = Date.parse("2026-03-04T05:06:07Z");
const RULES = { secretKeys: { AK1: SK }, required: { "x-project-id": "p-1" }, now: () => NOW };

/** A request as the gateway would receive it, signed by signHuaweiCloudRequest. */
async function received(
  init: { url?: string; body?: string; token?: string; scope?: "domain" | "project" } = {},
): Promise<RecordedRequest> {
  const url = `https://identitystore.ap-southeast-1.myhuaweicloud.com${init.url ?? "/v1/identity-stores/d-1/users?limit=2&marker=a%20b"}`;
  const signed = {
    method: init.body === undefined ? "GET" : "POST",
    url,
    headers: new Headers(),
    body: init.body === undefined ? null : new TextEncoder().encode(init.body),
  };
  const credentials = {
    ak: "AK1",
    sk: SK,
    securityToken: init.token,
    scope: init.scope ?? "project",
    scopeId: "p-1",
    expiresAt: undefined,
  } as const;
  signHuaweiCloudRequest(signed, credentials, new Date(NOW));
  const { pathname, search, host } = new URL(signed.url);
  return {
    method: signed.method,
    url: `${pathname}${search}`,
    headers: Object.fromEntries([...signed.headers, ["host", host]]),
    body: init.body ?? "",
  };
}

describe("the loopback API gateway's signature check", () => {
  it("accepts Huawei's published signing example", () => {
    expect(apigProblems(VECTOR, VECTOR_RULES)).toEqual([]);
  });

  it("accepts what signHuaweiCloudRequest signs: path, encoded query, body, X-Project-Id, security token", async () => {
    expect(apigProblems(await received(), RULES)).toEqual([]);
    expect(
      apigProblems(await received({ url: "/v1/identity-stores/d-1/users/a%C3%A9%20b", body: '{"name":"é 😀"}', token: "t" }), RULES),
    ).toEqual([]);
  });

  it.each([
    ["a changed body", (r: RecordedRequest) => ({ ...r, body: `${r.body} ` }), "signature does not verify"],
    ["a changed query", (r: RecordedRequest) => ({ ...r, url: r.url.replace("limit=2", "limit=3") }), "signature does not verify"],
    ["a changed path", (r: RecordedRequest) => ({ ...r, url: r.url.replace("d-1", "d-2") }), "signature does not verify"],
    ["another project id", (r: RecordedRequest) => ({ ...r, headers: { ...r.headers, "x-project-id": "p-2" } }), "x-project-id is"],
    ["a stale X-Sdk-Date", (r: RecordedRequest) => ({ ...r, headers: { ...r.headers, "x-sdk-date": "20260304T044000Z" } }), "minutes off"],
    [
      "an unsigned security token",
      (r: RecordedRequest) => ({ ...r, headers: { ...r.headers, "x-security-token": "added" } }),
      "x-security-token is not signed",
    ],
    ["no Authorization", (r: RecordedRequest) => ({ ...r, headers: { ...r.headers, authorization: undefined } }), "Authorization is not"],
  ])("rejects %s", async (_label, tamper, problem) => {
    const problems = apigProblems(tamper(await received({ body: '{"a":1}' })), RULES);
    expect(problems.join("\n")).toContain(problem);
  });

  it("rejects a request signed with another SK, or scoped to the domain where the project is required", async () => {
    expect(apigProblems(await received(), { ...RULES, secretKeys: { AK1: "another-sk" } }).join("\n")).toContain(
      "signature does not verify",
    );
    expect(apigProblems(await received({ scope: "domain" }), RULES).join("\n")).toContain("x-project-id is not signed");
  });

  it("takes X-Sdk-Content-Sha256 instead of the body hash when it is sent", async () => {
    const request = await received({ body: "{}" });
    const unsigned = { ...request, headers: { ...request.headers, "x-sdk-content-sha256": "UNSIGNED-PAYLOAD" } };
    expect(apigProblems(unsigned, RULES).join("\n")).toContain("signature does not verify");
  });
});
