export class SpecError extends Error {}
export function listProviders(root?: string): string[];
export function renderProvider(provider: string, root?: string): Promise<Record<string, string>>;
export function generate(
  providers: string[],
  options?: { root?: string; check?: boolean; log?: (line: string) => void },
): Promise<{ failures: string[]; stale: string[] }>;
