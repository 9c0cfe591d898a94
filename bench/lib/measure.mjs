// Helpers shared by the comparisons: a spec server in its own process, and a result file for run.mjs.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchRoot } from "./providers.mjs";

/** Starts lib/server.mjs for a provider in a child process; resolves to `{ url, stop() }`. */
export function forkSpecServer(folder) {
  const child = fork(join(benchRoot, "lib", "server.mjs"), [folder], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`spec server for ${folder} exited with ${code}`)));
    child.once("message", ({ url }) => {
      child.removeAllListeners("exit");
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.disconnect();
          }),
      });
    });
  });
}

/** A comparison's result: JSON at the path run.mjs passes as `--out`, else printed. */
export function writeResult(result) {
  const at = process.argv.indexOf("--out");
  const json = JSON.stringify(result, null, 2);
  if (at !== -1 && process.argv[at + 1]) writeFileSync(process.argv[at + 1], json);
  else console.log(json);
}

/** `BENCH_SCALE` (default 1) multiplies iteration counts; e.g. 0.2 for a quick look. */
export function scaled(count, minimum = 1) {
  const scale = Number(process.env.BENCH_SCALE ?? "1");
  return Math.max(minimum, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export function log(message) {
  console.error(`bench: ${message}`);
}
