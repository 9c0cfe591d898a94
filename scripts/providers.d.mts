/** The folders of specs/ that hold an openapi.yaml, sorted. */
export function listProviders(root?: string): string[];
/** The providers named on a command line (all when none); undefined, after printing why, when one has no spec. */
export function selectProviders(root: string, names: string[], io?: { error(line: string): void }): string[] | undefined;
