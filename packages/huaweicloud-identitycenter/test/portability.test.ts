// What differs between server-side runtimes (`pnpm test:runtimes` runs the packed package in each). Without
// node:crypto (a Cloudflare Worker without nodejs_compat) the Web Crypto signer must give the same signature as the
// node:crypto one, and a client loaded there must sign with it; where reading the environment throws (Deno without
// --allow-env) a client given its credentials must not need it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { ConfigurationError, createHuaweiCloudIdentityCenterClient, signRequest } from "../src/index.js";

const DATE = new Date("2019-11-15T03:36:55Z");

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
    return { index: await import("../src/index.js") };
  }

  it("loads; signRequest says why it cannot sign synchronously; the client signs with Web Crypto, as the server recomputes", async () => {
    const { index } = await importWithoutNodeCrypto();
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
