#!/usr/bin/env node
// `pnpm test`: runs generate → build → typecheck and test for every package through turbo, then
// prints one line, `N passed, N failed`, summed from each package's vitest JSON report.
// Extra arguments go to turbo (e.g. `pnpm test --filter @identity-clients/siit`).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_REPORT_FILE } from "./vitest-defaults.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const extraArgs = process.argv.slice(2);
const filtered = extraArgs.some((arg) => arg.startsWith("--filter") || arg === "-F");

const testedPackages = [
  ...readdirSync(join(root, "packages")).map((name) => join(root, "packages", name)),
  join(root, "scripts"),
  join(root, "bench"),
]
  .filter((dir) => existsSync(join(dir, "package.json")))
  .filter((dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts?.test);

// Stale reports must not be counted; turbo restores a package's report when it replays a cached run.
for (const dir of testedPackages) rmSync(join(dir, TEST_REPORT_FILE), { force: true });

// turbo's JS launcher, run with this Node: works the same on every platform, unlike the .bin shims.
const turboBin = createRequire(join(root, "package.json")).resolve("turbo/bin/turbo");
// As many tasks at once as there are cores: each test task starts vitest workers and Prism, so turbo's default of
// 10 at once on a 2-core machine made the suite slower and let timeouts fire that a less crowded run never meets.
const concurrency = extraArgs.some((arg) => arg.startsWith("--concurrency")) ? [] : [`--concurrency=${availableParallelism()}`];
const turbo = spawnSync(process.execPath, [turboBin, "run", "typecheck", "test", "--continue", ...concurrency, ...extraArgs], {
  cwd: root,
  stdio: "inherit",
  env: { TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", ...process.env },
});

let passed = 0;
let failed = 0;
for (const dir of testedPackages) {
  const report = join(dir, TEST_REPORT_FILE);
  if (!existsSync(report)) {
    // Only a full run must report every package; a filtered run skips some on purpose.
    if (!filtered) {
      console.error(`no test report from ${dir.slice(root.length + 1)} (its tests did not run to the end)`);
      failed += 1;
    }
    continue;
  }
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load counts no test as failed, only the file.
  failed += results.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = turbo.status !== 0 || failed > 0 || passed === 0 ? 1 : 0;
