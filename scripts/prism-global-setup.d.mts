import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of this package's spec. */
    prismUrl: string;
    /** Other providers whose Prism mocks this package's tests need, by folder name (set in its vitest config). */
    prismProviders: string[];
    /** Base URL of every Prism mock started for this package (its own and `prismProviders`), by provider folder. */
    prismUrls: Record<string, string>;
  }
}

export default function setup(project: TestProject): Promise<() => Promise<unknown>>;
