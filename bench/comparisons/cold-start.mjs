#!/usr/bin/env node
// Cold start: a fresh Node process imports one package. Reports the import itself (timed inside the process)
// and the whole process (spawn to exit), against a bare `node` that imports nothing, a module that exports one
// constant (what any first `import()` costs: the ES module loader's own start) and the official Huawei core SDK.
// Targets are imported in turn, round after round, so drift hits all alike.
// `node bench/comparisons/cold-start.mjs [--out file]`
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { log, scaled, writeResult } from "../lib/measure.mjs";
import { benchRoot, PROVIDERS } from "../lib/providers.mjs";
import { median } from "../lib/stats.mjs";

const require = createRequire(import.meta.url);
const official = "@huaweicloud/huaweicloud-sdk-core";
const targets = [
  { name: "node (imports nothing)", specifier: undefined },
  { name: "a one-line module (the ES module loader's start)", specifier: "./lib/one-line.mjs", floor: true },
  { name: "@identity-clients/core", specifier: "@identity-clients/core" },
  { name: "@identity-clients/huaweicloud-core", specifier: "@identity-clients/huaweicloud-core" },
  ...PROVIDERS.map(({ packageName }) => ({ name: packageName, specifier: packageName })),
  { name: `${official}@${require(`${official}/package.json`).version} (official)`, specifier: official, official: true },
];

function once(target) {
  const script = target.specifier
    ? `const t = performance.now(); await import(${JSON.stringify(target.specifier)}); process.stdout.write(String(performance.now() - t));`
    : `process.stdout.write("0");`;
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: benchRoot, encoding: "utf8" });
  const processMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`importing ${target.name} failed:\n${result.stderr}`);
  return { importMs: Number(result.stdout), processMs };
}

const rounds = scaled(20, 3);
log(`cold start: ${targets.length} targets, ${rounds} fresh processes each`);
const samples = targets.map(() => ({ importMs: [], processMs: [] }));
for (const target of targets) once(target); // fills the file system cache
for (let round = 0; round < rounds; round++) {
  for (const [index, target] of targets.entries()) {
    const { importMs, processMs } = once(target);
    samples[index].importMs.push(importMs);
    samples[index].processMs.push(processMs);
  }
}
writeResult({
  runs: rounds,
  targets: targets.map((target, index) => ({
    name: target.name,
    official: target.official === true,
    baseline: target.specifier === undefined,
    floor: target.floor === true,
    importMs: median(samples[index].importMs),
    processMs: median(samples[index].processMs),
  })),
});
