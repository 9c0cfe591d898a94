export const CATEGORIES: string[];
export function categoryOf(frame: { functionName: string; url: string }): string;
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}
export function categorize(profile: CpuProfile): Record<string, number>;
export function perCall(categorized: Record<string, number>[], calls: number): Record<string, number>;
