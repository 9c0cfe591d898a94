import { describe, expect, it } from "vitest";
import { thrownBy } from "../../../scripts/capture-error.mjs";
import { ConfigurationError } from "../src/index.js";
import { backoffDelay, DEFAULT_RETRY, readRetryOptions, retryAfterMs, retryReason } from "../src/retry.js";

describe("retryReason: what is retried", () => {
  it.each([
    ["GET", { kind: "status", status: 500, providerRetryable: false }, "status 500"],
    ["GET", { kind: "status", status: 429, providerRetryable: false }, "status 429"],
    ["PUT", { kind: "status", status: 503, providerRetryable: false }, "status 503"],
    ["DELETE", { kind: "status", status: 504, providerRetryable: false }, "status 504"],
    ["POST", { kind: "status", status: 429, providerRetryable: false }, "status 429"],
    ["POST", { kind: "status", status: 409, providerRetryable: true }, "status 409 (retryable error)"],
    ["GET", { kind: "network", code: "ECONNRESET" }, "network error ECONNRESET"],
    ["POST", { kind: "network", code: "ECONNREFUSED" }, "network error ECONNREFUSED"],
    ["POST", { kind: "network", code: "ENOTFOUND" }, "network error ENOTFOUND"],
    ["GET", { kind: "timeout" }, "attempt timed out"],
    ["GET", { kind: "truncated" }, "response cut off"],
  ] as const)("retries %s after %j", (method, failure, reason) => {
    expect(retryReason(method, failure)).toBe(reason);
  });

  it.each([
    ["POST", { kind: "status", status: 500, providerRetryable: false }],
    ["POST", { kind: "status", status: 503, providerRetryable: false }],
    ["PATCH", { kind: "status", status: 502, providerRetryable: false }],
    ["GET", { kind: "status", status: 400, providerRetryable: false }],
    ["GET", { kind: "status", status: 501, providerRetryable: false }],
    ["POST", { kind: "network", code: "ECONNRESET" }],
    ["POST", { kind: "network", code: undefined }],
    ["POST", { kind: "timeout" }],
    ["PATCH", { kind: "truncated" }],
  ] as const)("does not retry %s after %j: it may have been applied", (method, failure) => {
    expect(retryReason(method, failure)).toBeUndefined();
  });
});

describe("backoffDelay: exponential with full jitter and a cap", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

  it("draws from 0 up to base * 2^(retry-1), capped", () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect([1, 2, 3].map((retry) => backoffDelay(retry, policy, () => 0))).toEqual([0, 0, 0]);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });

  it("stays within bounds for any random draw", () => {
    for (let retry = 1; retry <= 12; retry++) {
      const delay = backoffDelay(retry, policy);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(1000, 100 * 2 ** (retry - 1)));
    }
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  const headers = (value: string) => new Headers({ "Retry-After": value });

  it("reads delta-seconds and HTTP dates", () => {
    expect(retryAfterMs(headers("7"), now)).toBe(7000);
    expect(retryAfterMs(headers("0"), now)).toBe(0);
    expect(retryAfterMs(headers("Mon, 23 Nov 2026 12:00:30 GMT"), now)).toBe(30_000);
    expect(retryAfterMs(headers("Mon, 23 Nov 2026 11:00:00 GMT"), now)).toBe(0);
  });

  it("ignores a missing or unreadable value", () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(headers("soon"), now)).toBeUndefined();
    expect(retryAfterMs(headers("-5"), now)).toBeUndefined();
  });
});

describe("readRetryOptions", () => {
  it("defaults to 3 attempts; false means one", () => {
    expect(readRetryOptions("retry", undefined)).toEqual({ ...DEFAULT_RETRY, onRetry: undefined });
    expect(readRetryOptions("retry", false).maxAttempts).toBe(1);
    expect(readRetryOptions("retry", { maxAttempts: 5, maxDelayMs: 500 })).toMatchObject({
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 500,
    });
  });

  it.each([
    [{ maxAttempts: 0 }, "retry.maxAttempts", "expected an integer from 1 to 10, got 0"],
    [{ maxAttempts: 2.5 }, "retry.maxAttempts", "expected an integer from 1 to 10, got 2.5"],
    [{ baseDelayMs: -1 }, "retry.baseDelayMs", "expected a positive number of milliseconds, got -1"],
    [{ onRetry: "log" }, "retry.onRetry", "expected a function, got string"],
    [{ attempts: 3 }, "retry.attempts", "unknown option; known: maxAttempts, baseDelayMs, maxDelayMs, onRetry"],
    [true, "retry", "expected `false` or an object { maxAttempts, baseDelayMs, maxDelayMs, onRetry }"],
  ])("rejects %j naming the option", (value, option, problem) => {
    const error = thrownBy(() => readRetryOptions("retry", value), ConfigurationError);
    expect(error.option).toBe(option);
    expect(error.message).toBe(`Invalid client option \`${option}\`: ${problem}`);
  });
});
