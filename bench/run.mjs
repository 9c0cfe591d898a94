#!/usr/bin/env node
// `pnpm bench`: builds every package (turbo), then runs each comparison in a process of its own, one after
// the other (nothing else of ours runs meanwhile), and writes BENCHMARKS.md, bench/results/overhead.svg and
// bench/results/results.json. Not part of `pnpm test` or CI: timings are reported, never asserted.
//   --only overhead,signing   run some comparisons and print their results; write nothing
//   --render                  rewrite BENCHMARKS.md and the chart from bench/results/results.json; measure nothing
//   BENCH_SCALE=0.2           fewer iterations (a quick, noisier look)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, release, tmpdir, totalmem, type } from "node:os";
import { join, relative } from "node:path";
import { benchRoot, PROVIDERS, repoRoot } from "./lib/providers.mjs";
import { renderChart, renderMarkdown } from "./lib/report.mjs";

const resultsDir = join(benchRoot, "results");

/** Writes BENCHMARKS.md, the chart and results.json. */
function writeReport(all) {
  mkdirSync(resultsDir, { recursive: true });
  const chart = join(resultsDir, "overhead.svg");
  writeFileSync(chart, renderChart(all.overhead));
  writeFileSync(join(resultsDir, "results.json"), `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(join(repoRoot, "BENCHMARKS.md"), renderMarkdown(all, relative(repoRoot, chart)));
}

if (process.argv.includes("--render")) {
  writeReport(JSON.parse(readFileSync(join(resultsDir, "results.json"), "utf8")));
  console.log("bench: rewrote BENCHMARKS.md and bench/results/overhead.svg from bench/results/results.json");
  process.exit(0);
}

const started = Date.now();
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? undefined : new Set(process.argv[onlyAt + 1]?.split(","));
const wanted = (name) => only === undefined || only.has(name);

const comparisons = [
  ...PROVIDERS.map(({ folder }) => ({ name: "overhead", key: folder, script: "overhead.mjs", args: [folder] })),
  { name: "signing", script: "signing.mjs" },
  { name: "cold-start", script: "cold-start.mjs" },
  { name: "footprint", script: "footprint.mjs" },
  { name: "codegen", script: "codegen.mjs" },
].filter(({ name }) => wanted(name));

const machine = {
  date: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: cpus().length,
  memoryGiB: totalmem() / 1024 ** 3,
  os: `${type()} ${release()}`,
  node: process.version,
  loadAverage: loadavg()[0],
};

const turbo = createRequire(join(repoRoot, "package.json")).resolve("turbo/bin/turbo");
console.log("bench: building (turbo run build)");
const build = spawnSync(process.execPath, [turbo, "run", "build", "--output-logs=errors-only"], {
  cwd: repoRoot,
  stdio: "inherit",
  env: { TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", ...process.env },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const work = mkdtempSync(join(tmpdir(), "identity-clients-bench-"));
const results = {};
try {
  for (const comparison of comparisons) {
    const label = comparison.key ? `${comparison.name} ${comparison.key}` : comparison.name;
    const out = join(work, `${comparison.name}-${comparison.key ?? "all"}.json`);
    const t0 = Date.now();
    console.log(`bench: ${label}`);
    const child = spawnSync(
      process.execPath,
      [join(benchRoot, "comparisons", comparison.script), ...(comparison.args ?? []), "--out", out],
      {
        cwd: repoRoot,
        stdio: "inherit",
      },
    );
    if (child.status !== 0) throw new Error(`${label} failed (exit ${child.status ?? child.signal})`);
    const result = JSON.parse(readFileSync(out, "utf8"));
    if (!comparison.key) results[comparison.name] = result;
    else {
      results[comparison.name] ??= [];
      results[comparison.name].push(result);
    }
    console.log(`bench: ${label} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (process.exitCode !== 1) {
  const all = {
    machine: { ...machine, loadAverageAtEnd: loadavg()[0] },
    elapsedSeconds: (Date.now() - started) / 1000,
    overhead: results.overhead,
    signing: results.signing,
    coldStart: results["cold-start"],
    footprint: results.footprint,
    codegen: results.codegen,
  };
  if (only !== undefined) {
    console.log(JSON.stringify(all, null, 2));
  } else {
    writeReport(all);
    for (const row of all.overhead) {
      const official = row.officialSpeedup === undefined ? "" : `, ${row.officialSpeedup}× faster than the official SDK`;
      console.log(`bench: ${row.label}: client ${row.ratio.median}× raw fetch (median)${official}`);
    }
    console.log(`bench: Huawei signer ${all.signing.huawei.ratio}× the official signer`);
    console.log(
      `bench: wrote BENCHMARKS.md, bench/results/overhead.svg and bench/results/results.json in ${all.elapsedSeconds.toFixed(0)} s`,
    );
  }
}
