import { describe, expect, it } from "vitest";
import { CATEGORIES, type CpuProfile, categorize, categoryOf, perCall } from "../lib/profile.mjs";
import { readDiagnostics } from "../lib/tsc-diagnostics.mjs";

describe("categoryOf", () => {
  it.each([
    [{ functionName: "call", url: "file:///repo/packages/core/dist/client.js" }, "our core"],
    [
      { functionName: "signRequest", url: "file:///repo/packages/huaweicloud-core/dist/signer.js" },
      "our provider package (signing, options)",
    ],
    [
      {
        functionName: "createFinalURL",
        url: "file:///repo/node_modules/.pnpm/openapi-fetch@0.17.0/node_modules/openapi-fetch/dist/index.mjs",
      },
      "openapi-fetch (serializers)",
    ],
    [{ functionName: "Hmac", url: "node:internal/crypto/hash" }, "crypto (digests, HMAC)"],
    [{ functionName: "fetch", url: "node:internal/deps/undici/undici" }, "fetch itself (undici)"],
    [{ functionName: "pull", url: "node:internal/webstreams/readablestream" }, "web streams"],
    [{ functionName: "createAbortSignal", url: "node:internal/abort_controller" }, "abort signals and events"],
    [{ functionName: "insert", url: "node:internal/timers" }, "timers"],
    [{ functionName: "writev", url: "" }, "native (socket writes, JSON, V8 builtins)"],
    [{ functionName: "(garbage collector)", url: "" }, "garbage collection"],
    [{ functionName: "(idle)", url: "" }, "idle"],
    [{ functionName: "viaFetch", url: "file:///repo/bench/comparisons/overhead.mjs" }, "bench harness"],
    [{ functionName: "emit", url: "node:events" }, "abort signals and events"],
    [{ functionName: "Readable.read", url: "node:internal/streams/readable" }, "other Node.js internals"],
  ])("%o is %s", (frame, category) => {
    expect(categoryOf(frame)).toBe(category);
    expect([...CATEGORIES, "idle"]).toContain(category);
  });
});

describe("categorize and perCall", () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: "(root)", url: "" } },
      { id: 2, callFrame: { functionName: "call", url: "file:///r/packages/core/dist/client.js" } },
      { id: 3, callFrame: { functionName: "(idle)", url: "" } },
    ],
    samples: [2, 3, 2, 2],
    timeDeltas: [100, 400, 100, 0],
  };

  it("sums each sample's time into its own frame's category", () => {
    const totals = categorize(profile);
    expect(totals["our core"]).toBe(200);
    expect(totals.idle).toBe(400);
    expect(Object.keys(totals)).toEqual([...CATEGORIES, "idle"]);
  });

  it("adds up profiles and divides by the calls they covered", () => {
    expect(perCall([categorize(profile), categorize(profile)], 4)["our core"]).toBe(100);
    expect(() => perCall([], 0)).toThrow(/positive number of calls/);
  });
});

describe("readDiagnostics", () => {
  const output = [
    "Files:                         187",
    "Lines of Library:            42166",
    "Lines of Definitions:        60733",
    "Lines of TypeScript:            93",
    "Types:                       23199",
    "Instantiations:              97119",
    "Memory used:               135344K",
    "Check time:                  1.69s",
    "Total time:                  3.85s",
  ].join("\n");

  it("reads files, lines, types, instantiations and the check time in milliseconds", () => {
    expect(readDiagnostics(output)).toEqual({ files: 187, lines: 60_826, types: 23_199, instantiations: 97_119, checkMs: 1690 });
  });

  it("fails on output that is not tsc's diagnostics", () => {
    expect(() => readDiagnostics("error TS2307")).toThrow(/printed no "Files"/);
  });
});
