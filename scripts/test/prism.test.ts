import { describe, expect, it } from "vitest";
import { startPrism } from "../prism.mjs";

// Prism is a Node process that loads and parses a spec before it listens: about 2.5 s on a quiet 2-core machine.
// The budget allows for the machine running other suites (and their Prism mocks) beside it.
describe("startPrism", { timeout: 60_000 }, () => {
  it("serves the spec on a loopback port until stopped", async () => {
    const prism = await startPrism("siit");
    try {
      expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(`${prism.url}/v1/applications`, { headers: { Authorization: "Bearer x" } });
      expect(ok.status).toBe(200);
      const unauthenticated = await fetch(`${prism.url}/v1/applications`);
      expect(unauthenticated.status).toBe(401);
    } finally {
      await prism.stop();
    }
    await expect(fetch(`${prism.url}/v1/applications`)).rejects.toThrow();
  });

  it("fails with Prism's output, not a hang, when Prism cannot start", async () => {
    await expect(startPrism("no-such-provider")).rejects.toThrow(
      /Prism for specs\/no-such-provider\/openapi\.yaml exited \(code \d+, signal null\) before it was ready/,
    );
  });

  it("gives up after readyTimeoutMs", async () => {
    await expect(startPrism("siit", { readyTimeoutMs: 1 })).rejects.toThrow(/was not ready after 1 ms/);
  });
});
