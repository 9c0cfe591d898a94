import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of this package's spec. */
    prismUrl: string;
  }
}

export default function setup(project: TestProject): Promise<() => Promise<void>>;
