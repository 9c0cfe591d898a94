// Vitest global setup shared by every provider package: one Prism mock of the package's own spec
// (specs/<package folder name>/openapi.yaml) for the whole run, its URL provided as `prismUrl`.
import { basename } from "node:path";
import { startPrism } from "./prism.mjs";

export default async function setup(project) {
  const prism = await startPrism(basename(project.config.root));
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
