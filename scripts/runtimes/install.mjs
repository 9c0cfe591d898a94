// The JavaScript runtimes the packages are tested on, each from its npm registry package (which carries the
// binary), pinned, and cached in .cache/runtimes/<name>-<version>/ so only the first run downloads them.
// `pnpm test:runtimes` uses all of them, `pnpm test:node24` the Node 24 one. To move to a newer version, change it
// here and in the "Runtimes" section of each package README (and the top-level README), then run `pnpm test:runtimes`.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Registry package (exact version) and the binary it installs into node_modules/.bin. */
export const RUNTIME_PACKAGES = {
  node22: { spec: "node@22.23.3", bin: "node" },
  node24: { spec: "node@24.21.0", bin: "node" },
  bun: { spec: "bun@1.4.5", bin: "bun" },
  deno: { spec: "deno@2.9.6", bin: "deno" },
  // Cloudflare's Workers runtime; its date (2026-11-17) is the newest compatibility date it supports.
  workerd: { spec: "workerd@1.20261117.1", bin: "workerd" },
};

/**
 * The runtime's binary, installed with npm into .cache/runtimes/ unless it already is there (a marker file written
 * after a complete install tells).
 * @param {{ spec: string, bin: string }} runtime
 * @returns {Promise<string>}
 */
export async function installRuntime({ spec, bin }) {
  const dir = join(root, ".cache", "runtimes", spec.replace("@", "-"));
  const binary = join(dir, "node_modules", ".bin", bin);
  const marker = join(dir, "installed");
  if (existsSync(marker) && existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  await new Promise((resolveInstall, reject) => {
    const child = spawn("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", spec], {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolveInstall(undefined) : reject(new Error(`npm install ${spec} failed (exit ${code})`))));
  });
  if (!existsSync(binary)) throw new Error(`npm install ${spec} installed no ${bin} binary at ${binary}`);
  writeFileSync(marker, `${spec}\n`);
  console.log(`runtimes: downloaded ${spec} into ${dir.slice(root.length + 1)}`);
  return binary;
}
