#!/usr/bin/env node
// `pnpm smoke` (after `pnpm build`): what a consumer gets from npm. For every publishable package:
//   1. publint on the package and `pnpm pack` (which turns workspace:^ into real versions);
//   2. arethetypeswrong on the tarball (ESM-only profile: we ship no CommonJS, see CONTRIBUTING.md);
//   3. install the tarballs with npm into a fresh project outside the workspace, type-check each
//      provider's examples/demo.mjs there with tsc (strict; moduleResolution node16 and bundler);
//   4. bundle each provider package (all its exports, with core and openapi-fetch) with esbuild, minify and
//      gzip it, and hold it to the size budget its README states (a shared package too, when its README states one);
//   5. run each demo from the installed tarballs against a Prism mock of its spec.
// Needs the npm registry for the packages' own dependencies (openapi-fetch) and @types/node.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startPrisms } from "./prism.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const attw = join(dirname(require.resolve("@arethetypeswrong/cli/package.json")), "dist", "index.js");
const keep = process.argv.includes("--keep");
const BUDGET = /size budget:\s*\**\s*(\d+(?:\.\d+)?)\s*kB/i;

/** The size budget a package's README states ("Size budget: 10 kB"), in bytes. */
export function readSizeBudget(readme) {
  const match = BUDGET.exec(readme);
  return match ? Math.round(Number(match[1]) * 1024) : undefined;
}

async function lintPackage(dir, name) {
  const { publint } = await import("publint");
  const { formatMessage } = await import("publint/utils");
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const { messages } = await publint({ pkgDir: dir, level: "suggestion", strict: true });
  if (messages.length > 0) {
    throw new Error(`publint ${name}:\n${messages.map((message) => `  ${formatMessage(message, manifest)}`).join("\n")}`);
  }
  console.log(`smoke: publint ${name}: clean`);
}

/**
 * Bundles `contents` (an ES module, its imports resolved from `resolveDir`) with esbuild as the size budgets are
 * measured — minified, ESM, `node:*` external — with `options` (e.g. `alias`, `metafile`) added. Resolves to
 * esbuild's result and the bundle's gzipped size in bytes.
 */
export async function minifiedBundle(contents, resolveDir, options = {}) {
  const { build } = await import("esbuild");
  const result = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external: ["node:*"],
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
    ...options,
  });
  return { result, gzippedBytes: gzipSync(result.outputFiles[0].contents, { level: 9 }).byteLength };
}

/** The gzipped size in bytes of `contents` bundled from `project` (see minifiedBundle); by default, everything `name` exports. */
export async function bundleSize(project, name, contents = `export * from ${JSON.stringify(name)};`) {
  return (await minifiedBundle(contents, project)).gzippedBytes;
}

/** Packages that would be published: packages/* without `private`. */
export function publishablePackages() {
  return readdirSync(join(root, "packages"))
    .map((folder) => ({ folder, dir: join(root, "packages", folder) }))
    .filter(({ dir }) => existsSync(join(dir, "package.json")))
    .map(({ folder, dir }) => ({ folder, dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private);
}

function run(command, args, cwd, quiet = false) {
  execFileSync(command, args, { cwd, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
}

/** `pnpm pack` each package into `destination` (workspace:^ becomes a real version); returns each tarball's path. */
export function packPackages(packages, destination, { quiet = false } = {}) {
  return packages.map(({ dir, manifest }) => {
    if (!existsSync(join(dir, "dist"))) throw new Error(`${manifest.name} has no dist/: run \`pnpm build\` first`);
    const before = new Set(readdirSync(destination));
    run("pnpm", ["pack", "--pack-destination", destination], dir, quiet);
    const file = readdirSync(destination).find((name) => !before.has(name) && name.endsWith(".tgz"));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
    return { manifest, tarball: join(destination, file) };
  });
}

/** A fresh consumer project in `project` (created), with these dependencies installed by npm, as a user would. */
export function installProject(project, dependencies, devDependencies = {}, { quiet = false } = {}) {
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "smoke-consumer", private: true, type: "module", dependencies, devDependencies }, null, 2),
  );
  // npm, not pnpm: a consumer's ordinary install, with no workspace links to hide a missing file.
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], project, quiet);
}

const tsconfig = (module, moduleResolution) => ({
  compilerOptions: {
    strict: true,
    noEmit: true,
    allowJs: true,
    checkJs: true,
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    types: ["node"],
    module,
    moduleResolution,
    skipLibCheck: false,
  },
  include: ["*.mjs"],
});

async function main() {
  const packages = publishablePackages();
  const providers = packages.filter(({ dir }) => existsSync(join(dir, "examples", "demo.mjs")));
  const work = mkdtempSync(join(tmpdir(), "identity-clients-smoke-"));
  try {
    const tarballs = join(work, "tarballs");
    mkdirSync(tarballs);
    for (const { dir, manifest } of packages) await lintPackage(dir, manifest.name);
    const packed = packPackages(packages, tarballs);
    for (const { tarball } of packed) {
      console.log(`smoke: arethetypeswrong ${tarball.slice(tarballs.length + 1)}`);
      run(process.execPath, [attw, tarball, "--profile", "esm-only", "--format", "ascii"], work);
    }
    const project = join(work, "consumer");
    const dependencies = Object.fromEntries(packed.map(({ manifest, tarball }) => [manifest.name, `file:${tarball}`]));
    const nodeTypes = JSON.parse(readFileSync(join(root, "node_modules", "@types", "node", "package.json"), "utf8")).version;
    installProject(project, dependencies, { "@types/node": nodeTypes });

    for (const { folder } of providers)
      copyFileSync(join(root, "packages", folder, "examples", "demo.mjs"), join(project, `${folder}.mjs`));
    for (const [name, module, resolution] of [
      ["node16", "node16", "node16"],
      ["bundler", "esnext", "bundler"],
    ]) {
      writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify(tsconfig(module, resolution), null, 2));
      console.log(`smoke: tsc --strict, moduleResolution ${resolution}: ${providers.map(({ folder }) => `${folder}.mjs`).join(", ")}`);
      run(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], project);
    }

    const oversized = [];
    // Every provider states a budget; a shared package (e.g. huaweicloud-core) is held to one when its README states it.
    for (const { dir, manifest } of packages) {
      const isProvider = providers.some((provider) => provider.dir === dir);
      const readme = join(dir, "README.md");
      const budget = existsSync(readme) ? readSizeBudget(readFileSync(readme, "utf8")) : undefined;
      if (budget === undefined && !isProvider) continue;
      if (budget === undefined) throw new Error(`${manifest.name}: README.md states no "Size budget: N kB"`);
      const size = await bundleSize(project, manifest.name);
      const verdict = size <= budget ? "within" : "OVER";
      console.log(
        `smoke: ${manifest.name} is ${(size / 1024).toFixed(2)} kB min+gzip with its dependencies, ${verdict} its ${budget / 1024} kB budget`,
      );
      if (size > budget) oversized.push(manifest.name);
    }
    if (oversized.length > 0) throw new Error(`over the size budget stated in the README: ${oversized.join(", ")}`);

    // Every provider's mock, as `pnpm demo` starts them: a demo across packages reaches the others' in `mocks`.
    const { urls, stop } = await startPrisms(providers.map(({ folder }) => folder));
    try {
      for (const { folder, manifest } of providers) {
        console.log(`smoke: ${manifest.name} from its tarball, against the Prism mock at ${urls[folder]}`);
        const options = `{ baseUrl: ${JSON.stringify(urls[folder])}, mocks: ${JSON.stringify(urls)}, log: () => {} }`;
        const script = `const { default: demo } = await import("./${folder}.mjs"); await demo(${options});`;
        run(process.execPath, ["--input-type=module", "-e", script], project);
      }
    } finally {
      await stop();
    }
    console.log(`smoke: ${packages.length} package(s) packed, installed, type-checked and run from their tarballs.`);
  } finally {
    if (keep) console.log(`smoke: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exitCode = 1;
  });
}
