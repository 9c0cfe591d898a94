import type { TestProject } from "vitest/node";
import { startPrism } from "../../../scripts/prism.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

/** One Prism mock of specs/siit/openapi.yaml for the whole run. */
export default async function setup(project: TestProject) {
  const prism = await startPrism("siit");
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
