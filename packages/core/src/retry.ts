// The standard retry strategy: which failures are retried, and how long to wait before the next attempt.
import { ConfigurationError, type RetryRecord } from "./errors.js";
import { readDuration } from "./options.js";

export interface RetryEvent extends RetryRecord {
  /** The operation as `METHOD /path/{template}`. */
  operation: string;
}

export interface RetryOptions {
  /**
   * Attempts in all, the first included. Default 3; `1` turns retries off. Behind a provider's rate-limit gate
   * (Siit), a 429 that says when to come back is waited for without counting (at most 10 such waits a call).
   */
  maxAttempts?: number;
  /** The backoff before the first retry is drawn from 0..baseDelayMs; it doubles each retry. Default 100. */
  baseDelayMs?: number;
  /** No wait is longer than this. A `Retry-After` asking for more is not waited for: the error is thrown. Default 20 000. */
  maxDelayMs?: number;
  /** Called before each wait, e.g. to log or count retries. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

export const DEFAULT_RETRY = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 } as const;

export function readRetryOptions(option: string, value: unknown): RetryPolicy {
  if (value === false) return { ...DEFAULT_RETRY, maxAttempts: 1, onRetry: undefined };
  if (value === undefined) return { ...DEFAULT_RETRY, onRetry: undefined };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError(option, "expected `false` or an object { maxAttempts, baseDelayMs, maxDelayMs, onRetry }");
  }
  const { maxAttempts, baseDelayMs, maxDelayMs, onRetry, ...unknown } = value as RetryOptions;
  const extra = Object.keys(unknown)[0];
  if (extra) throw new ConfigurationError(`${option}.${extra}`, "unknown option; known: maxAttempts, baseDelayMs, maxDelayMs, onRetry");
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 10)) {
    throw new ConfigurationError(`${option}.maxAttempts`, `expected an integer from 1 to 10, got ${String(maxAttempts)}`);
  }
  if (onRetry !== undefined && typeof onRetry !== "function") {
    throw new ConfigurationError(`${option}.onRetry`, `expected a function, got ${typeof onRetry}`);
  }
  return {
    maxAttempts: maxAttempts ?? DEFAULT_RETRY.maxAttempts,
    baseDelayMs: readDuration(`${option}.baseDelayMs`, baseDelayMs, DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: readDuration(`${option}.maxDelayMs`, maxDelayMs, DEFAULT_RETRY.maxDelayMs),
    onRetry,
  };
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
// Failures while connecting: the request cannot have reached the server.
const CONNECT_ERROR_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Why a failed attempt may be retried, or undefined when it must not be. The rule: a request that may
 * have reached the server is retried only when repeating it is harmless — idempotent methods, a 429
 * (rejected before processing), or an error the provider declares safe (`providerRetryable`).
 */
export function retryReason(
  method: string,
  failure:
    | { kind: "status"; status: number; providerRetryable: boolean }
    | { kind: "network"; code: string | undefined }
    | { kind: "timeout" | "truncated" },
): string | undefined {
  const repeatable = isIdempotent(method);
  switch (failure.kind) {
    case "status":
      if (failure.providerRetryable) return `status ${failure.status} (retryable error)`;
      if (failure.status === 429) return "status 429";
      return repeatable && RETRYABLE_STATUSES.has(failure.status) ? `status ${failure.status}` : undefined;
    case "network": {
      const what = `network error${failure.code ? ` ${failure.code}` : ""}`;
      return repeatable || (failure.code !== undefined && CONNECT_ERROR_CODES.has(failure.code)) ? what : undefined;
    }
    case "timeout":
      return repeatable ? "attempt timed out" : undefined;
    case "truncated":
      return repeatable ? "response cut off" : undefined;
  }
}

/** Exponential backoff with full jitter: a random wait in 0..min(maxDelayMs, baseDelayMs * 2^(retry-1)). */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date starts with the day name, e.g. "Mon, 23 Nov 2026 12:00:30 GMT".
  const date = /^[a-z]{3},/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
