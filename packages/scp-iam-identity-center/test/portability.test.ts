// What differs between server-side runtimes (`pnpm test:runtimes` runs the packed package in each). Without
// node:crypto (a Cloudflare Worker without nodejs_compat) the Web Crypto signer must give the same signature as the
// node:crypto one, and a client loaded there must sign with it; where reading the environment throws (Deno without
// --allow-env) a client given its credentials must not need it.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createScpClient, signScpRequest } from "../src/index.js";
import { canSignSynchronously, signScpRequestWithWebCrypto } from "../src/signer.js";

const BASE = "https://iam-identity-center.kr-west1.e.samsungsdscloud.com";

describe("signScpRequestWithWebCrypto", () => {
  it("reproduces the reference vector", async () => {
    const input = { method: "POST", url: `${BASE}/v1/instances`, timestamp: "1605290625682", accessKey: "2sd2gg=2agbdSD26svcD" };
    expect(await signScpRequestWithWebCrypto({ ...input, secretKey: "test-secret-key" })).toBe(
      "uOA6D3iPwhz9JFHoboOVZSmrZeYsLh6dYIb5cx0npQk=",
    );
  });

  // Property test: 200 generated inputs, each signed both ways; well under a second on a quiet machine.
  it("gives what signScpRequest gives, for any URL, keys, account id and timestamp", async () => {
    const text = fc.string({ unit: "grapheme", maxLength: 16 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "post", "PATCH", "DELETE"),
        text,
        fc.nat(),
        text,
        text.filter((key) => key.length > 0),
        fc.option(text, { nil: undefined }),
        async (method, path, timestamp, accessKey, secretKey, accountId) => {
          const input = { method, url: `${BASE}/${path}`, timestamp, accessKey, secretKey, accountId };
          expect(await signScpRequestWithWebCrypto(input)).toBe(signScpRequest(input));
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
    return { index: await import("../src/index.js"), signer: await import("../src/signer.js") };
  }

  it("loads; signScpRequest says why it cannot sign synchronously; the client signs with Web Crypto, as the server recomputes", async () => {
    expect(canSignSynchronously).toBe(true);
    const { index, signer } = await importWithoutNodeCrypto();
    expect(signer.canSignSynchronously).toBe(false);
    const input = { method: "GET", url: `${BASE}/v1/instances`, timestamp: 1, accessKey: "a", secretKey: "s" };
    expect(thrownBy(() => index.signScpRequest(input), index.IdentityClientError).message).toMatch(
      /^signScpRequest needs node:crypto, which this runtime lacks \(on Cloudflare Workers, enable nodejs_compat\)/,
    );

    server = await startLocalServer((_request, response) => json(response, 200, { instances: [], count: 0 }));
    const now = new Date("2026-11-23T10:00:00Z");
    const scp = index.createScpClient({ accessKey: "ak-1", secretKey: "sk-web-crypto", baseUrl: server.url, clock: () => now });
    await scp.GET("/v1/instances", { params: { query: { size: 20, page: 0 } } });
    const [received] = server.requests;
    expect(received!.headers["scp-signature"]).toBe(
      signScpRequest({
        method: "GET",
        url: `${server.url}${received!.url}`,
        timestamp: String(now.getTime()),
        accessKey: "ak-1",
        secretKey: "sk-web-crypto",
      }),
    );
  });
});

describe("where reading the environment throws (Deno without --allow-env)", () => {
  it("creates a client from its options and signs with them", async () => {
    const env = process.env;
    process.env = new Proxy(env, {
      get(_target, name) {
        throw new Error(`NotCapable: Requires env access to "${String(name)}"`);
      },
    });
    const server = await startLocalServer((_request, response) => json(response, 200, { instances: [], count: 0 }));
    try {
      const scp = createScpClient({ accessKey: "ak-1", secretKey: "sk-1", baseUrl: server.url });
      process.env = env;
      await scp.GET("/v1/instances");
      expect(server.requests[0]!.headers["scp-accesskey"]).toBe("ak-1");
    } finally {
      process.env = env;
      await server.close();
    }
  });
});
