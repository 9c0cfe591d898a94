#!/usr/bin/env node
// Codegen and type-check cost. `node bench/comparisons/codegen.mjs [--out file]`
//   - the wall time of `pnpm generate` (every spec), median of a few runs;
//   - per provider, `tsc --noEmit` over a generated consumer that calls every operation of the spec with its
//     example arguments (bench/.typecheck/<provider>.ts), median of a few runs, next to the same tsc over an
//     empty module (the compiler's own start-up and lib files). A consumer that does not compile fails the bench.
//     tsc runs with --extendedDiagnostics: its check time, types and instantiations say where the time goes.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { exampleCalls } from "../../scripts/example-calls.mjs";
import { consumerSource } from "../lib/consumer.mjs";
import { log, scaled, writeResult } from "../lib/measure.mjs";
import { benchRoot, loadSpec, PROVIDERS, repoRoot } from "../lib/providers.mjs";
import { median } from "../lib/stats.mjs";
import { readDiagnostics } from "../lib/tsc-diagnostics.mjs";

const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const typescriptVersion = require("typescript/package.json").version;
const runs = scaled(5, 3);

function timed(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return { ms, stdout: result.stdout };
}

log(`codegen: pnpm generate, ${runs} runs`);
const generateMs = [];
for (let run = 0; run < runs; run++) generateMs.push(timed("pnpm", ["generate"], repoRoot).ms);

const dir = join(benchRoot, ".typecheck");
mkdirSync(dir, { recursive: true });
function project(name, source) {
  writeFileSync(join(dir, `${name}.ts`), source);
  const config = {
    extends: "../../tsconfig.base.json",
    compilerOptions: { noEmit: true, types: ["node"], declaration: false, declarationMap: false, sourceMap: false },
    files: [`${name}.ts`],
  };
  writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  return join(dir, `tsconfig.${name}.json`);
}

const subjects = [
  { name: "empty", label: "an empty module (tsc start-up, lib and @types/node)", operations: 0, config: project("empty", "export {};\n") },
  ...PROVIDERS.map((provider) => {
    const calls = exampleCalls(loadSpec(provider.folder));
    const source = consumerSource({
      packageName: provider.packageName,
      factory: provider.factory,
      options: provider.options("https://example.invalid"),
      calls,
    });
    return {
      name: provider.folder,
      label: provider.packageName,
      operations: calls.length,
      lines: source.split("\n").length,
      config: project(provider.folder, source),
    };
  }),
];
log(`codegen: tsc --noEmit over ${subjects.map(({ name }) => name).join(", ")}, ${runs} runs each`);
const typecheckMs = subjects.map(() => []);
const checkMs = subjects.map(() => []);
const diagnostics = [];
for (let run = 0; run < runs; run++) {
  for (const [index, subject] of subjects.entries()) {
    const { ms, stdout } = timed(process.execPath, [tsc, "-p", subject.config, "--extendedDiagnostics"], dir);
    typecheckMs[index].push(ms);
    diagnostics[index] = readDiagnostics(stdout);
    checkMs[index].push(diagnostics[index].checkMs);
  }
}

writeResult({
  runs,
  typescript: typescriptVersion,
  generateMs: median(generateMs),
  typecheck: subjects.map((subject, index) => ({
    name: subject.name,
    label: subject.label,
    operations: subject.operations,
    lines: subject.lines,
    ms: median(typecheckMs[index]),
    diagnostics: { ...diagnostics[index], checkMs: median(checkMs[index]) },
  })),
});
