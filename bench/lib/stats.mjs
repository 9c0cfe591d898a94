// Order statistics over samples (milliseconds, ops/s, bytes: any numbers). Pure.

/** The value below which `p` percent of the samples lie (nearest rank: an observed value, never interpolated). */
export function percentile(samples, p) {
  if (samples.length === 0) throw new Error("percentile of no samples");
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, got ${p}`);
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(samples) {
  if (samples.length === 0) throw new Error("median of no samples");
  const sorted = Float64Array.from(samples).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function mean(samples) {
  if (samples.length === 0) throw new Error("mean of no samples");
  let sum = 0;
  for (const sample of samples) sum += sample;
  return sum / samples.length;
}

/** `{ n, median, p99, min, max, mean }` of the samples. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  return {
    n: samples.length,
    median: median(sorted),
    p99: percentile(sorted, 99),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: mean(sorted),
  };
}

/** `value / baseline`, rounded to 3 decimals. */
export function ratio(value, baseline) {
  if (!(baseline > 0)) throw new Error(`ratio needs a positive baseline, got ${baseline}`);
  return Math.round((value / baseline) * 1000) / 1000;
}
