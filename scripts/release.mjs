#!/usr/bin/env node
// `pnpm release [--dry-run]`: the checks a release must pass, then publish what `pnpm version-packages`
// bumped. Everything runs through the same commands CI uses (turbo replays unchanged work from its cache).
// `--dry-run` publishes nothing: it packs each package and shows what npm would receive.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dryRun = process.argv.includes("--dry-run");

const steps = [
  ["generated code matches the specs", ["generate", "--check"]],
  ["specs lint clean", ["lint"]],
  ["every spec change has a changeset of the bump it needs", ["spec:diff", "--check"]],
  ["build", ["build"]],
  ["tests", ["test"]],
  ["packages pack, install, type-check and run; size budgets", ["smoke"]],
  dryRun
    ? ["publish (dry run: nothing is uploaded)", ["-r", "publish", "--dry-run", "--no-git-checks", "--access", "public"]]
    : ["publish and tag with changesets", ["exec", "changeset", "publish"]],
];

for (const [label, args] of steps) {
  console.log(`\nrelease: ${label} (pnpm ${args.join(" ")})`);
  const { status } = spawnSync("pnpm", args, { cwd: root, stdio: "inherit" });
  if (status !== 0) {
    console.error(`\nrelease: stopped, "${label}" failed; nothing was published.`);
    process.exit(status ?? 1);
  }
}
console.log(
  dryRun
    ? "\nrelease: dry run passed; `pnpm release` would publish the packages above."
    : "\nrelease: published. Push the new tags: git push --follow-tags",
);
