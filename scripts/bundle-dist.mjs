#!/usr/bin/env node
// The last step of a package's `build`, after tsc: joins the package's own modules in dist/ into one file,
// dist/index.js (with its source map back to src/), and removes the per-module .js files. Dependencies
// (`@identity-clients/*`, openapi-fetch, `node:*`) stay imports. The declarations tsc wrote stay as they are.
//
// Why: a cold `import` pays per module file (resolve, read, compile, link). One file per package instead of
// one per source module makes importing a package about twice as fast on Node 20. The price: a bundler can no
// longer leave out a whole unused module, only unused declarations, so top-level code with effects (setting
// an error class's `name`) keeps that class in every bundle.
// `node ../../scripts/bundle-dist.mjs` from a package directory.
import { readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Bundles `<dir>/dist/index.js` in place and deletes the other .js files (and their maps) under dist/. */
export async function bundleDist(dir) {
  const dist = join(dir, "dist");
  const entry = join(dist, "index.js");
  await build({
    entryPoints: [entry],
    outfile: entry,
    allowOverwrite: true,
    bundle: true,
    // Only the package's own modules are joined; every package it imports stays an import.
    packages: "external",
    external: ["node:*"],
    format: "esm",
    platform: "node",
    target: "node20",
    // Readable output; the consumer's bundler minifies. Pure annotations (the generated operations') are kept.
    minify: false,
    // The map points into src/, which the package ships: it need not carry the sources again.
    sourcemap: true,
    sourcesContent: false,
    logLevel: "warning",
  });
  for (const file of listFiles(dist)) {
    if ((file.endsWith(".js") || file.endsWith(".js.map")) && file !== entry && file !== `${entry}.map`) rmSync(file);
  }
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleDist(process.cwd());
