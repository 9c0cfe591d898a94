#!/usr/bin/env node
// `pnpm test:stress [--runs 5]`: is the test suite deterministic on a busy machine?
//
// Clones the committed HEAD twice into a temporary folder and installs both. Clone B runs `pnpm test --force`
// in a loop (the load); clone A runs `pnpm test --force` --runs times beside it. Prints each run's result,
// its wall time and the failing tests' names, keeps the logs of failed runs, and exits 1 when any run failed.
// Not part of CI: it takes about three minutes per run on a 2-core machine.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, keep: { type: "boolean" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", FORCE_COLOR: "0" };
const work = mkdtempSync(join(tmpdir(), "identity-clients-stress-"));
const head = git(repoRoot, "rev-parse", "--short", "HEAD");
if (git(repoRoot, "status", "--porcelain")) console.log("note: uncommitted changes are not part of the stress run (it clones HEAD)");

function git(cwd, ...args) {
  return spawnSync("git", args, { cwd, encoding: "utf8" }).stdout.trim();
}

function prepare(name) {
  const dir = join(work, name);
  const clone = spawnSync("git", ["clone", "--quiet", repoRoot, dir], { stdio: "inherit" });
  if (clone.status !== 0) throw new Error(`git clone into ${dir} failed`);
  const install = spawnSync("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: dir, env, stdio: "ignore" });
  if (install.status !== 0) throw new Error(`pnpm install in ${dir} failed`);
  return dir;
}

/** Runs `pnpm test --force` in `dir`, its output into `log`; resolves to { status, seconds, summary, failures }. */
function runTests(dir, log, onChild = () => undefined) {
  const started = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn("pnpm", ["test", "--force"], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    onChild(child);
    const out = createWriteStream(log);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("close", (status, signal) => {
      out.end(() => {
        const text = readFileSync(log, "utf8");
        const summary = /^\d+ passed, \d+ failed$/m.exec(text)?.[0] ?? "(no summary line)";
        const failures = [...new Set([...text.matchAll(/(?:FAIL|×)\s+(.+)$/gm)].map((match) => match[1].trim()))];
        resolveRun({ status: status ?? signal, seconds: (Date.now() - started) / 1000, summary, failures });
      });
    });
  });
}

console.log(`stress: HEAD ${head}, ${runs} runs of \`pnpm test --force\` beside a second clone running it in a loop (in ${work})`);
const [a, b] = [prepare("a"), prepare("b")];

let stopping = false;
let loadChild;
let loadRuns = 0;
const load = (async () => {
  while (!stopping) {
    await runTests(b, join(work, "load.log"), (child) => {
      loadChild = child;
    });
    if (!stopping) loadRuns += 1;
  }
})();

const results = [];
for (let run = 1; run <= runs; run++) {
  const log = join(work, `run-${run}.log`);
  const result = await runTests(a, log);
  results.push(result);
  const verdict = result.status === 0 ? "passed" : `FAILED (exit ${result.status}; log ${log})`;
  console.log(`run ${run}/${runs}: ${verdict} in ${result.seconds.toFixed(0)} s: ${result.summary}`);
  for (const failure of result.failures) console.log(`    ${failure}`);
}

stopping = true;
if (loadChild?.exitCode === null) process.kill(-loadChild.pid, "SIGTERM");
await load;

const failed = results.filter((result) => result.status !== 0).length;
const times = results.map((result) => result.seconds.toFixed(0)).join(", ");
console.log(`stress: ${runs - failed} of ${runs} runs passed (wall times ${times} s) with ${loadRuns} full load runs beside them`);
if (failed === 0 && !values.keep) rmSync(work, { recursive: true, force: true });
process.exitCode = failed === 0 ? 0 : 1;
