export interface TscDiagnostics {
  files: number;
  lines: number;
  types: number;
  instantiations: number;
  /** Milliseconds. */
  checkMs: number;
}
export function readDiagnostics(stdout: string): TscDiagnostics;
