export type ChangeLevel = "fix" | "feature" | "breaking";
export type Bump = "patch" | "minor" | "major";
export interface SpecChange {
  level: ChangeLevel;
  /** `METHOD path` and where in the operation, e.g. `POST /v1/things requestBody.name`. */
  where: string;
  /** Reads after `where`, e.g. `became required`. */
  message: string;
}
/** Levels from least to most severe. */
export const LEVELS: readonly ChangeLevel[];
/** Bumps from smallest to largest. */
export const BUMPS: readonly Bump[];
/** Every difference between two parsed OpenAPI 3.0 documents, classified per operation. */
export function diffSpecs(oldSpec: unknown, newSpec: unknown): SpecChange[];
/** The bump a change needs at a package version (in 0.x a breaking change needs a minor). */
export function neededBump(level: ChangeLevel, version: string): Bump;
/** The highest pending bump per package name, from `<root>/.changeset/*.md`. */
export function readChangesets(root?: string): Record<string, Bump>;
/** The error message when the pending bump is below what the changes need, else undefined. */
export function checkBump(options: {
  provider: string;
  changes: SpecChange[];
  version: string;
  bumps: Record<string, Bump>;
}): string | undefined;
/** The git revision a provider's spec is compared with, and how to name it. */
export function findBase(provider: string, options?: { root?: string; base?: string }): { rev: string; label: string };
export function specDiff(
  providers: string[],
  options?: { root?: string; base?: string; check?: boolean; log?: (line: string) => void },
): { problems: string[] };
