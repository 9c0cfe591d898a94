export const TARGETS: { clientRatio: number; signerRatio: number; bundleBytes: number };
export function micros(ms: number): string;
export function kB(bytes: number): string;
export function MB(bytes: number): string;

export interface SideResult {
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  requestsPerSecond: number;
}
export interface Ratios {
  median: number;
  p99: number;
  requestsPerSecond: number;
}
export interface OverheadResult {
  provider: string;
  label: string;
  operations: number;
  requestsPerSide: number;
  fetch: SideResult;
  openapiFetch: SideResult;
  client: SideResult;
  ratio: Ratios;
  openapiFetchRatio: Ratios;
  /** Median per-call time with an in-memory `fetch` (no network): each side's own CPU cost. */
  cpuPerCallMs: { openapiFetch: number; client: number };
}
export interface BenchResults {
  machine: { date: string; cpu: string; cores: number; memoryGiB: number; os: string; node: string; loadAverage: number };
  elapsedSeconds: number;
  overhead: OverheadResult[];
  signing: {
    inputs: number;
    officialPackage: string;
    huawei: { oursOpsPerSecond: number; officialOpsPerSecond: number; ratio: number; digestFloorOpsPerSecond: number; floorRatio: number };
    scp: { opsPerSecond: number; hmacFloorOpsPerSecond: number; ratioToFloor: number };
  };
  coldStart: { runs: number; targets: { name: string; official: boolean; baseline: boolean; importMs: number; processMs: number }[] };
  footprint: {
    bundleTargetBytes: number;
    packages: {
      name: string;
      official?: boolean;
      tarballBytes?: number;
      installedBytes: number;
      dependencies: string[];
      oneCallBundleBytes?: number;
      allExportsBundleBytes?: number;
    }[];
  };
  codegen: {
    runs: number;
    typescript: string;
    generateMs: number;
    typecheck: { name: string; label: string; operations: number; lines?: number; ms: number }[];
  };
}
export function renderChart(overhead: OverheadResult[]): string;
export function renderMarkdown(results: BenchResults, chartPath: string): string;
