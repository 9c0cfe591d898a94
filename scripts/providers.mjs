// Which providers the repository has: the folders of specs/ that hold an openapi.yaml.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function listProviders(root = repoRoot) {
  const specsDir = join(root, "specs");
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The providers a command line names (all of them when it names none). Prints the problem and returns
 * undefined when a name has no spec, so a CLI can exit 2.
 */
export function selectProviders(root, names, io = console) {
  const known = listProviders(root);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    io.error(`error: no spec at ${unknown.map((name) => `specs/${name}/openapi.yaml`).join(", ")} (known: ${known.join(", ")})`);
    return undefined;
  }
  return names.length > 0 ? names : known;
}
