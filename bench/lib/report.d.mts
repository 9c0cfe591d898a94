export function micros(ms: number): string;
export function kB(bytes: number): string;

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
  /** False for a client that sends an API key instead of a signature (Siit). */
  signed: boolean;
  operations: number;
  requestsPerSide: number;
  fetch: SideResult;
  fetchSignal: SideResult;
  openapiFetch: SideResult;
  client: SideResult;
  named: SideResult;
  /** The official Huawei SDK's full call (Huawei packages only). */
  official?: SideResult;
  ratio: Ratios;
  namedRatio: Ratios;
  fetchSignalRatio: Ratios;
  openapiFetchRatio: Ratios;
  officialPackage?: string;
  /** The official SDK's median over the client's. */
  officialSpeedup?: number;
  concurrent: {
    inFlight: number;
    requests: number;
    requestsPerRound: number;
    requestsPerSecond: { fetch: number; client: number; official?: number };
    clientRatio: number;
    officialSpeedup?: number;
  };
  /** Median per-call time with an in-memory `fetch` (no network): each side's own CPU cost. */
  cpuPerCallMs: { fetch: number; openapiFetch: number; client: number; named: number };
  /** Microseconds per call by category, from CPU profiles over the network. */
  profile: { requests: number; fetch: Record<string, number>; client: Record<string, number> };
}
export interface BenchResults {
  machine: {
    date: string;
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    loadAverage: number;
    loadAverageAtEnd?: number;
  };
  elapsedSeconds: number;
  overhead: OverheadResult[];
  signing: {
    inputs: number;
    officialPackage: string;
    huawei: { oursOpsPerSecond: number; officialOpsPerSecond: number; ratio: number; digestFloorOpsPerSecond: number; floorRatio: number };
    scp: { opsPerSecond: number; hmacFloorOpsPerSecond: number; ratioToFloor: number };
  };
  coldStart: {
    runs: number;
    targets: { name: string; official: boolean; baseline: boolean; floor?: boolean; importMs: number; processMs: number }[];
  };
  footprint: {
    bundleTargetBytes: number;
    packages: {
      name: string;
      official?: boolean;
      tarballBytes?: number;
      installedBytes: number;
      dependencies: string[];
      oneCallOperation?: string;
      oneCallBundleBytes?: number;
      oneCallModules?: { module: string; minifiedBytes: number; gzipShareBytes: number }[];
      allExportsBundleBytes?: number;
    }[];
  };
  codegen: {
    runs: number;
    typescript: string;
    generateMs: number;
    typecheck: {
      name: string;
      label: string;
      operations: number;
      lines?: number;
      ms: number;
      diagnostics?: { files: number; lines: number; types: number; instantiations: number; checkMs: number };
    }[];
  };
}
export function targetRows(results: BenchResults): string[][];
export function renderChart(overhead: OverheadResult[]): string;
export function renderMarkdown(results: BenchResults, chartPath: string): string;
