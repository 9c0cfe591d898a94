import { describe, expect, it } from "vitest";
import { type BenchResults, kB, micros, type OverheadResult, renderChart, renderMarkdown } from "../lib/report.mjs";

const side = (medianMs: number) => ({
  medianMs,
  p99Ms: medianMs * 3,
  meanMs: medianMs * 1.2,
  requestsPerSecond: Math.round(1000 / medianMs),
});
const overhead = (provider: string, label: string, fetchMs: number, clientMs: number): OverheadResult => ({
  provider,
  label,
  operations: 5,
  requestsPerSide: 6000,
  fetch: side(fetchMs),
  openapiFetch: side(fetchMs * 1.2),
  client: side(clientMs),
  ratio: { median: Math.round((clientMs / fetchMs) * 1000) / 1000, p99: 1, requestsPerSecond: 1 },
  openapiFetchRatio: { median: 1.2, p99: 1.2, requestsPerSecond: 0.83 },
  cpuPerCallMs: { openapiFetch: 0.03, client: 0.09 },
});

const results: BenchResults = {
  machine: { date: "2026-11-23T20:00:00Z", cpu: "Test CPU", cores: 2, memoryGiB: 8, os: "Linux 6", node: "v20.20.2", loadAverage: 0.5 },
  elapsedSeconds: 200,
  overhead: [overhead("siit", "Siit", 0.2, 0.21), overhead("acme", "Acme <Cloud>", 0.25, 0.5)],
  signing: {
    inputs: 20,
    officialPackage: "@huaweicloud/huaweicloud-sdk-core@3.1.211",
    huawei: { oursOpsPerSecond: 200_000, officialOpsPerSecond: 50_000, ratio: 4, digestFloorOpsPerSecond: 300_000, floorRatio: 6 },
    scp: { opsPerSecond: 500_000, hmacFloorOpsPerSecond: 550_000, ratioToFloor: 0.909 },
  },
  coldStart: {
    runs: 15,
    targets: [
      { name: "node (imports nothing)", official: false, baseline: true, importMs: 0, processMs: 50 },
      { name: "@identity-clients/siit", official: false, baseline: false, importMs: 15, processMs: 70 },
      { name: "@huaweicloud/huaweicloud-sdk-core@3.1.211 (official)", official: true, baseline: false, importMs: 40, processMs: 100 },
    ],
  },
  footprint: {
    bundleTargetBytes: 10240,
    packages: [
      {
        name: "@identity-clients/siit",
        tarballBytes: 25_000,
        installedBytes: 560_000,
        dependencies: ["@identity-clients/core", "openapi-fetch"],
        oneCallBundleBytes: 9_000,
        allExportsBundleBytes: 9_500,
      },
      {
        name: "@identity-clients/acme",
        tarballBytes: 30_000,
        installedBytes: 600_000,
        dependencies: ["@identity-clients/core"],
        oneCallBundleBytes: 11_000,
        allExportsBundleBytes: 12_000,
      },
      {
        name: "@huaweicloud/huaweicloud-sdk-core@3.1.211",
        official: true,
        installedBytes: 13_000_000,
        dependencies: Array.from({ length: 44 }, (_, i) => `dep${i}`),
      },
    ],
  },
  codegen: {
    runs: 3,
    typescript: "5.9.3",
    generateMs: 1500,
    typecheck: [
      { name: "empty", label: "an empty module", operations: 0, ms: 900 },
      { name: "siit", label: "@identity-clients/siit", operations: 7, lines: 19, ms: 1000 },
    ],
  },
};

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(results, "bench/results/overhead.svg");

  it("judges each target against its threshold", () => {
    expect(markdown).toContain("| Siit: client within 1.10× raw fetch (median) | 1.05× | met |");
    expect(markdown).toContain("| Acme <Cloud>: client within 1.10× raw fetch (median) | 2.00× | **missed** |");
    expect(markdown).toContain("| Huawei signer ≥ 3.00× the official signer's ops/s | 4.00× | met |");
    expect(markdown).toContain("| @identity-clients/siit: ≤ 10.00 kB min+gz with dependencies (one-call consumer) | 8.79 kB | met |");
    expect(markdown).toContain(
      "| @identity-clients/acme: ≤ 10.00 kB min+gz with dependencies (one-call consumer) | 10.74 kB | **missed** |",
    );
  });

  it("says why the missed targets are missed, and nothing when every target is met", () => {
    expect(markdown).toContain("Where a target is missed:");
    expect(markdown).toContain("is already 1.20×–1.20× raw fetch here");
    expect(markdown).toContain("**Bundle size.**");
    const allMet: BenchResults = {
      ...results,
      overhead: [overhead("siit", "Siit", 0.2, 0.21)],
      footprint: { ...results.footprint, packages: results.footprint.packages.filter((row) => row.name !== "@identity-clients/acme") },
    };
    expect(renderMarkdown(allMet, "chart.svg")).not.toContain("Where a target is missed");
  });

  it("states the machine, how to reproduce, and links the chart", () => {
    expect(markdown).toContain("| CPU | Test CPU (2 logical cores) |");
    expect(markdown).toContain("| Node.js | v20.20.2 |");
    expect(markdown).toContain("pnpm bench");
    expect(markdown).toContain("](bench/results/overhead.svg)");
  });

  it("reports medians, p99s, requests/s and ratios per provider", () => {
    expect(markdown).toContain("| Siit | 5 | 200 µs | 210 µs | 1.05× | 600 µs | 630 µs |");
    expect(markdown).toContain("| 200,000 | 4.00× |");
    expect(markdown).toContain("| 1,000 ms (+100 ms over the empty module) |");
    expect(markdown).toContain("| @huaweicloud/huaweicloud-sdk-core@3.1.211 | – | 12.40 MB | 44 | – | – |");
    // Acme: client 500 µs, raw fetch 250, openapi-fetch 300; CPU per call 90 vs 30 µs.
    expect(markdown).toContain("| Acme <Cloud> | 250 µs | 50 µs | 60 µs | 140 µs |");
  });
});

describe("renderChart", () => {
  const svg = renderChart(results.overhead);

  it("is one svg element with a bar per provider and side, labels escaped", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg.match(/<rect x="260"/g)).toHaveLength(6);
    expect(svg).toContain("Acme &lt;Cloud&gt;");
    expect(svg).not.toContain("Acme <Cloud>");
  });

  it("draws bars in proportion to the medians", () => {
    const widths = [...svg.matchAll(/<rect x="260" y="[\d.]+" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    // Siit: fetch 0.2, openapi-fetch 0.24, client 0.21; Acme: fetch 0.25, openapi-fetch 0.3, client 0.5.
    expect(widths[5]! / widths[0]!).toBeCloseTo(0.5 / 0.2, 1);
    expect(widths[2]! / widths[0]!).toBeCloseTo(0.21 / 0.2, 1);
  });
});

describe("formatting", () => {
  it("shows microseconds and kilobytes", () => {
    expect(micros(0.3714)).toBe("371 µs");
    expect(kB(10 * 1024)).toBe("10.00 kB");
  });
});
