export interface Summary {
  n: number;
  median: number;
  /** Nearest-rank 99th percentile. */
  p99: number;
  min: number;
  max: number;
  mean: number;
}
export function percentile(samples: ArrayLike<number> & Iterable<number>, p: number): number;
export function median(samples: ArrayLike<number> & Iterable<number>): number;
export function mean(samples: ArrayLike<number> & Iterable<number>): number;
export function summarize(samples: ArrayLike<number> & Iterable<number>): Summary;
export function ratio(value: number, baseline: number): number;
