#!/usr/bin/env node
// `pnpm test:node24`: the unit and contract tests of every package again, on Node 24 (the registry package
// `node@24`, pinned in scripts/runtimes/install.mjs and cached in .cache/runtimes/ with the other runtimes
// `pnpm test:runtimes` uses), beside the machine's Node. Run after `pnpm build`.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installRuntime, RUNTIME_PACKAGES } from "./runtimes/install.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const node24 = await installRuntime(RUNTIME_PACKAGES.node24);
const version = execFileSync(node24, ["--version"], { encoding: "utf8" }).trim();

const packages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")) && JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts?.test);

let failed = 0;
for (const dir of packages) {
  const vitest = join(dirname(createRequire(join(dir, "package.json")).resolve("vitest/package.json")), "vitest.mjs");
  console.log(`\n=== ${dir.slice(root.length + 1)} on Node ${version}`);
  // The JSON report belongs to the Node 20 run that `pnpm test` sums; this run only prints.
  const result = spawnSync(node24, [vitest, "run", "--reporter=default", "--outputFile.json=/dev/null"], { cwd: dir, stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
console.log(
  failed === 0 ? `\nNode ${version}: all ${packages.length} package(s) pass.` : `\nNode ${version}: ${failed} package(s) failed.`,
);
process.exitCode = failed === 0 ? 0 : 1;
