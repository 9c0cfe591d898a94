export class SpecError extends Error {}
export function listProviders(root?: string): string[];
export function renderProvider(provider: string, root?: string): Promise<Record<string, string>>;
export function generate(
  providers: string[],
  options?: { root?: string; check?: boolean; log?: (line: string) => void },
): Promise<{ failures: string[]; stale: string[] }>;
export interface SpecFacts {
  secretFields: string[];
  bodylessResponses: Record<string, number[]>;
}
/** What the runtime needs from a parsed spec: secret property names and bodyless 2xx responses. */
export function specFacts(spec: unknown): SpecFacts;
export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}
/** The command line: the exit status, or undefined while `--watch` keeps running. */
export function main(args?: string[], io?: CliOutput): Promise<number | undefined>;
