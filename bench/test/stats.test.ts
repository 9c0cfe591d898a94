import { describe, expect, it } from "vitest";
import { mean, median, percentile, ratio, summarize } from "../lib/stats.mjs";

describe("median", () => {
  it("is the middle value of an odd count, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
  });
  it("is the mean of the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("rejects no samples", () => {
    expect(() => median([])).toThrow(/no samples/);
  });
});

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
  it("p99 of 1..100 is 99, p100 the maximum, p50 the 50th value", () => {
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 50)).toBe(50);
  });
  it("is an observed value, never interpolated", () => {
    expect(percentile([1, 10], 99)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
  });
  it("p0 is the minimum", () => {
    expect(percentile([3, 2, 9], 0)).toBe(2);
  });
  it("rejects a p outside 0..100", () => {
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
  });
});

describe("summarize and ratio", () => {
  it("summarizes without reordering the caller's array", () => {
    const samples = [3, 1, 2, 4];
    expect(summarize(samples)).toEqual({ n: 4, median: 2.5, p99: 4, min: 1, max: 4, mean: 2.5 });
    expect(samples).toEqual([3, 1, 2, 4]);
    expect(mean([1, 2, 3])).toBe(2);
  });
  it("ratio rounds to 3 decimals and needs a positive baseline", () => {
    expect(ratio(2, 3)).toBe(0.667);
    expect(() => ratio(1, 0)).toThrow(/positive baseline/);
  });
});
