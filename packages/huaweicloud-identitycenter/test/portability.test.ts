// What differs between server-side runtimes (`pnpm test:runtimes` runs the packed package in each). Without
// node:crypto (a Cloudflare Worker without nodejs_compat) the Web Crypto signer must give the same signature as the
// node:crypto one, and a client loaded there must sign with it; where reading the environment throws (Deno without
// --allow-env) a client given its credentials must not need it.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { ConfigurationError, createHuaweiCloudIdentityCenterClient, signRequest } from "../src/index.js";
import { canSignSynchronously, type SignRequestInput, signRequestWithWebCrypto } from "../src/signer.js";

const DATE = new Date("2019-11-15T03:36:55Z");
const utf8 = new TextEncoder();

describe("signRequestWithWebCrypto", () => {
  it("reproduces Huawei Cloud's published vector", async () => {
    const signed = await signRequestWithWebCrypto({
      method: "GET",
      url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
      headers: { "Content-Type": "application/json", Host: "service.region.example.com" },
      ak: "QTWAOYTTINDUT2QVKYUC",
      sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
      date: DATE,
    });
    expect(signed.authorization).toMatch(/Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe$/);
  });

  // Property test: 200 generated requests, each signed both ways; well under a second on a quiet machine.
  it("gives what signRequest gives, for any request, body form, security token and key", async () => {
    const text = fc.string({ unit: "grapheme", maxLength: 12 });
    const body = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      text,
      text.map((value) => utf8.encode(value)),
      text.map((value) => utf8.encode(value).buffer as ArrayBuffer),
    );
    const headers = fc.record(
      {
        "content-type": fc.constant("application/json"),
        "x-domain-id": fc.stringMatching(/^[0-9a-f]{1,32}$/),
        "x-security-token": fc.stringMatching(/^[A-Za-z0-9+/=]{1,40}$/),
        "x-sdk-content-sha256": fc.constant("UNSIGNED-PAYLOAD"),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "post", "PUT", "DELETE"),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(text, text), { maxLength: 3 }),
        headers,
        body,
        text.filter((sk) => sk.length > 0),
        async (method, segments, query, signedHeaders, payload, sk) => {
          const search = query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
          const input: SignRequestInput = {
            method,
            url: `https://h.example/v1/${segments.map(encodeURIComponent).join("/")}${search ? `?${search}` : ""}`,
            headers: signedHeaders as Record<string, string>,
            body: payload,
            ak: "AK",
            sk,
            date: DATE,
          };
          expect(await signRequestWithWebCrypto(input)).toEqual(signRequest(input));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("where the runtime has no node:crypto", () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.resetModules();
    await server?.close();
    server = undefined;
  });

  /** The package loaded afresh while process.getBuiltinModule("node:crypto") answers nothing, as in a Worker without nodejs_compat. */
  async function importWithoutNodeCrypto() {
    const getBuiltinModule = process.getBuiltinModule.bind(process);
    vi.spyOn(process, "getBuiltinModule").mockImplementation((id: string) => (id === "node:crypto" ? undefined : getBuiltinModule(id)));
    vi.resetModules();
    return {
      index: await import("../src/index.js"),
      signer: await import("../src/signer.js"),
    };
  }

  it("loads; signRequest says why it cannot sign synchronously; the client signs with Web Crypto, as the server recomputes", async () => {
    expect(canSignSynchronously).toBe(true);
    const { index, signer } = await importWithoutNodeCrypto();
    expect(signer.canSignSynchronously).toBe(false);
    const input = { method: "GET", url: "https://h.example/v1/instances", ak: "AK", sk: "SK", date: DATE };
    expect(thrownBy(() => index.signRequest(input), index.IdentityClientError).message).toMatch(
      /^signRequest needs node:crypto, which this runtime lacks \(on Cloudflare Workers, enable nodejs_compat\)/,
    );

    server = await startLocalServer((_request, response) =>
      json(response, 201, { application_instance: { application_instance_id: "a1" } }),
    );
    const date = new Date("2026-11-23T10:00:00Z");
    const client = index.createHuaweiCloudIdentityCenterClient({
      ak: "AK",
      sk: "SK-web-crypto",
      securityToken: "token-1",
      domainId: "d1",
      endpoint: server.url,
      clock: () => date,
    });
    await client.POST("/v1/instances/{instance_id}/application-instances", {
      params: { path: { instance_id: "ins-1" } },
      body: { name: "Payroll", template_id: "tpl-1" },
    });
    const [received] = server.requests;
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "x-domain-id", "x-security-token", "host"]) headers[name] = String(received!.headers[name]);
    const expected = signRequest({
      method: "POST",
      url: `${server.url}${received!.url}`,
      headers,
      body: received!.body,
      ak: "AK",
      sk: "SK-web-crypto",
      date,
    });
    expect(received!.headers.authorization).toBe(expected.authorization);
  });
});

describe("where reading the environment throws (Deno without --allow-env)", () => {
  it("creates a client from its options, and reports a credential it cannot read from the environment as missing", async () => {
    const env = process.env;
    process.env = new Proxy(env, {
      get(_target, name) {
        throw new Error(`NotCapable: Requires env access to "${String(name)}"`);
      },
    });
    const server = await startLocalServer((_request, response) => json(response, 200, { instances: [] }));
    try {
      const client = createHuaweiCloudIdentityCenterClient({ ak: "AK", sk: "SK", domainId: "d1", endpoint: server.url });
      expect(thrownBy(() => createHuaweiCloudIdentityCenterClient({ ak: "AK", sk: "SK" }), ConfigurationError).message).toBe(
        "Invalid client option `domainId`: it is required; pass `domainId` or set HUAWEICLOUD_SDK_DOMAIN_ID",
      );
      process.env = env;
      await client.GET("/v1/instances");
      expect(server.requests[0]!.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AK, /);
    } finally {
      process.env = env;
      await server.close();
    }
  });
});
