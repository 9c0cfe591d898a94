#!/usr/bin/env node
// Footprint as a user gets it: each package packed (`pnpm pack`), installed by npm from its tarball into a clean
// project of its own, then measured: bytes on disk under node_modules and the number of packages installed
// besides itself. The official Huawei core SDK is installed the same way from the npm registry. Then the
// minified + gzipped size of a one-call consumer per provider package (esbuild: bundle, minify, ESM,
// `node:*` external) with the bytes each module adds to it, next to the size of everything the package exports.
// `node bench/comparisons/footprint.mjs [--out file]` (needs `pnpm build` first, and the npm registry).
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleSize, installProject, minifiedBundle, packPackages, publishablePackages } from "../../scripts/pack-smoke.mjs";
import { log, writeResult } from "../lib/measure.mjs";
import { CREDENTIALS, PROVIDERS, repoRoot } from "../lib/providers.mjs";

const require = createRequire(import.meta.url);
const OFFICIAL = "@huaweicloud/huaweicloud-sdk-core";
const officialVersion = require(`${OFFICIAL}/package.json`).version;
const UUID_VERSION = "9.0.1";

/** Apparent size of every file under `dir` (symlinks not followed), in bytes. */
function diskBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += diskBytes(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** What npm installed: node_modules' bytes (its own lock file left out) and the packages in it. */
function installed(project, name) {
  const lock = JSON.parse(readFileSync(join(project, "node_modules", ".package-lock.json"), "utf8"));
  const packages = Object.keys(lock.packages).filter((key) => key.startsWith("node_modules/"));
  const lockBytes = lstatSync(join(project, "node_modules", ".package-lock.json")).size;
  return {
    installedBytes: diskBytes(join(project, "node_modules")) - lockBytes,
    dependencies: packages
      .filter((key) => key !== `node_modules/${name}`)
      .map((key) => key.replace(/^.*node_modules\//, ""))
      .sort(),
  };
}

const { ak, sk, domainId, projectId } = CREDENTIALS.huawei;
/** Per provider package: the options of its README's client and the named operation of its one call. */
const ONE_CALL = {
  siit: { options: { apiKey: CREDENTIALS.siit.apiKey }, operation: "listApplications" },
  "scp-iam-identity-center": { options: { ...CREDENTIALS.scp, region: "kr-west1", env: "e" }, operation: "listInstances" },
  "huaweicloud-identitycenter": { options: { ak, sk, domainId }, operation: "listInstances" },
  "huaweicloud-identitystore": {
    options: { ak, sk, projectId, region: "ap-southeast-1" },
    operation: "listUsers",
    init: { params: { path: { identity_store_id: "d-1234567890" } } },
  },
};

/** One call, as in each package's README: construct the client, make one request with a named operation. */
export function oneCallConsumer({ packageName, factory, folder }) {
  const { options, operation, init } = ONE_CALL[folder];
  return [
    `import { ${factory}, ${operation} } from ${JSON.stringify(packageName)};`,
    `const client = ${factory}(${JSON.stringify(options)});`,
    `const { data } = await ${operation}(client${init ? `, ${JSON.stringify(init)}` : ""});`,
    `console.log(data);`,
    "",
  ].join("\n");
}

/**
 * Where a one-call consumer's bytes come from, by source module: the same consumer bundled the same way, but
 * from the workspace's sources (each package's `dist/` is a single module, which would hide its parts). Each
 * module's share of the gzipped total is in proportion to its minified bytes (gzip has no per-module size).
 * `sourceOf`: package name → its src/index.ts.
 */
async function bundleModules(contents, sourceOf) {
  const { result, gzippedBytes: gzipped } = await minifiedBundle(contents, repoRoot, { alias: sourceOf, metafile: true });
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const minified = Object.values(inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
  return Object.entries(inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path, input]) => ({
      module: path
        .replace(/^.*node_modules\//, "")
        .replace(/^packages\//, "")
        .replace(/^<stdin>$/, "(the consumer)"),
      minifiedBytes: input.bytesInOutput,
      gzipShareBytes: Math.round((input.bytesInOutput / minified) * gzipped),
    }))
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
}

const work = mkdtempSync(join(tmpdir(), "identity-clients-bench-footprint-"));
try {
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  const packages = publishablePackages();
  const sourceOf = Object.fromEntries(packages.map(({ dir, manifest }) => [manifest.name, join(dir, "src", "index.ts")]));
  log(`footprint: packing ${packages.map(({ manifest }) => manifest.name).join(", ")}`);
  const packed = packPackages(packages, tarballs, { quiet: true });
  const tarballOf = new Map(packed.map(({ manifest, tarball }) => [manifest.name, tarball]));
  /** The package's tarball and those of the workspace packages it depends on, transitively (none is on the registry yet). */
  const withWorkspaceDependencies = (manifest, into = {}) => {
    into[manifest.name] = `file:${tarballOf.get(manifest.name)}`;
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      const dependency = packed.find((entry) => entry.manifest.name === name);
      if (dependency && !(name in into)) withWorkspaceDependencies(dependency.manifest, into);
    }
    return into;
  };

  const rows = [];
  for (const { manifest, tarball } of packed) {
    const project = join(work, manifest.name.replace("@", "").replace("/", "-"));
    // The workspace packages are not on the registry yet: their tarballs stand in for the versions depended on.
    const dependencies = withWorkspaceDependencies(manifest);
    log(`footprint: npm install ${manifest.name} from its tarball`);
    installProject(project, dependencies, {}, { quiet: true });
    const provider = PROVIDERS.find(({ packageName }) => packageName === manifest.name);
    const row = { name: manifest.name, tarballBytes: lstatSync(tarball).size, ...installed(project, manifest.name) };
    if (provider) {
      row.oneCallOperation = ONE_CALL[provider.folder].operation;
      const consumer = oneCallConsumer(provider);
      row.oneCallBundleBytes = await bundleSize(project, manifest.name, consumer);
      row.oneCallModules = await bundleModules(consumer, sourceOf);
      row.allExportsBundleBytes = await bundleSize(project, manifest.name);
    }
    rows.push(row);
  }

  // The official SDK requires uuid without declaring it: a user has to install it beside it, so it counts.
  const officialProject = join(work, "official");
  log(`footprint: npm install ${OFFICIAL}@${officialVersion} (and the uuid@${UUID_VERSION} it needs) from the registry`);
  installProject(officialProject, { [OFFICIAL]: officialVersion, uuid: UUID_VERSION }, {}, { quiet: true });
  rows.push({ name: `${OFFICIAL}@${officialVersion}`, official: true, ...installed(officialProject, OFFICIAL) });

  writeResult({ packages: rows, bundleTargetBytes: 10 * 1024 });
} finally {
  rmSync(work, { recursive: true, force: true });
}
