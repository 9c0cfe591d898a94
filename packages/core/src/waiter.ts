// Waiters: poll an asynchronous operation's status until it succeeds or fails, with backoff, a deadline and
// the caller's AbortSignal. Provider packages build their waiters (instance created, assignment done, ...)
// from `waitUntil` and their named operations.
import { IdentityClientError, InvalidRequestError, nameErrorClass } from "./errors.js";
import { sleep } from "./retry.js";

/** What one poll showed: its result, or the error it threw. */
export type PollOutcome<Result> = { ok: true; result: Result } | { ok: false; error: unknown };

/** What a poll's outcome means: done, failed (with why), or not yet. */
export type WaitDecision = { state: "success" } | { state: "failure"; reason: string } | { state: "retry" };

export interface WaiterOptions {
  /** Milliseconds a wait may take in all, polls included. Default 300 000 (5 minutes). */
  maxWaitMs?: number;
  /** Wait before the second poll; each later wait is 1.5 times longer, up to `maxDelayMs`. Default 2 000. */
  minDelayMs?: number;
  /** Longest wait between polls. Default 30 000. */
  maxDelayMs?: number;
  /** Stops the wait (with the signal's reason) at once, also between polls. */
  signal?: AbortSignal;
  /** Called after each poll that is not final, e.g. to log progress. */
  onPoll?(event: { poll: number; nextDelayMs: number }): void;
}

export interface WaitSpec<Result> extends WaiterOptions {
  /** What is waited for, for messages, e.g. "SCP IAM Identity Center instance ssoins-1 to be ready". */
  description: string;
  /** One poll, e.g. a status call. Receives a signal that aborts when the wait ends. */
  poll(signal: AbortSignal): Promise<Result>;
  /** Decides what a poll's outcome means. An error it does not accept (returns retry for) is retried; throw it to fail at once. */
  accept(outcome: PollOutcome<Result>): WaitDecision;
}

export const DEFAULT_WAITER = { maxWaitMs: 300_000, minDelayMs: 2_000, maxDelayMs: 30_000 } as const;

/** A wait ended without success: a failure state, or the time ran out. Carries the last poll's outcome. */
export class WaiterError<Result = unknown> extends IdentityClientError {
  /** `failure`: a poll showed a failure state; `timeout`: `maxWaitMs` passed first. */
  readonly reason: "failure" | "timeout";
  readonly description: string;
  readonly polls: number;
  /** The last poll's result (or undefined when it threw: see `lastError`). */
  readonly lastResult: Result | undefined;
  readonly lastError: unknown;

  constructor(init: {
    reason: "failure" | "timeout";
    description: string;
    polls: number;
    detail: string;
    last: PollOutcome<Result> | undefined;
  }) {
    nameErrorClass(WaiterError, "WaiterError");
    super(
      `Waiting for ${init.description} ${init.reason === "failure" ? "failed" : "timed out"} after ${init.polls} poll(s): ${init.detail}`,
    );
    this.reason = init.reason;
    this.description = init.description;
    this.polls = init.polls;
    this.lastResult = init.last?.ok ? init.last.result : undefined;
    this.lastError = init.last?.ok === false ? init.last.error : undefined;
  }
}

/**
 * Polls until `accept` says success (resolves with that poll's result) or failure (rejects with a WaiterError
 * carrying the result), `maxWaitMs` passes (WaiterError, reason `timeout`), or the signal aborts (its reason).
 * A poll that throws is retried unless `accept` decides otherwise.
 */
export async function waitUntil<Result>(spec: WaitSpec<Result>): Promise<Result> {
  const { maxWaitMs, minDelayMs, maxDelayMs } = readWaiterOptions(`wait for ${spec.description}`, spec);
  const controller = new AbortController();
  const onAbort = () => controller.abort(spec.signal?.reason);
  if (spec.signal?.aborted) onAbort();
  spec.signal?.addEventListener("abort", onAbort, { once: true });
  const deadline = Date.now() + maxWaitMs;
  let last: PollOutcome<Result> | undefined;
  try {
    for (let poll = 1, delay = minDelayMs; ; poll++) {
      if (controller.signal.aborted) throw controller.signal.reason;
      try {
        last = { ok: true, result: await spec.poll(controller.signal) };
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        last = { ok: false, error };
      }
      const decision = spec.accept(last);
      if (decision.state === "success") return last.ok ? last.result : (undefined as Result);
      if (decision.state === "failure") {
        throw new WaiterError({ reason: "failure", description: spec.description, polls: poll, detail: decision.reason, last });
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const detail = `still not done after ${maxWaitMs} ms (maxWaitMs)${describeLast(last)}`;
        throw new WaiterError({ reason: "timeout", description: spec.description, polls: poll, detail, last });
      }
      const wait = Math.min(delay, left);
      spec.onPoll?.({ poll, nextDelayMs: wait });
      await sleep(wait, controller.signal);
      delay = Math.min(maxDelayMs, Math.round(delay * 1.5));
    }
  } finally {
    spec.signal?.removeEventListener("abort", onAbort);
    controller.abort();
  }
}

function describeLast(last: PollOutcome<unknown>): string {
  if (last.ok) return "";
  const error = last.error as { name?: unknown; message?: unknown };
  return `; the last poll failed: ${String(error.name ?? "Error")}: ${String(error.message ?? error)}`;
}

function readWaiterOptions(
  operation: string,
  options: WaiterOptions,
): Required<Pick<WaiterOptions, "maxWaitMs" | "minDelayMs" | "maxDelayMs">> {
  const read = (name: "maxWaitMs" | "minDelayMs" | "maxDelayMs") => {
    const value = options[name] ?? DEFAULT_WAITER[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new InvalidRequestError(operation, name, `must be a number of milliseconds >= 0, got ${String(value)}`, "waiter option");
    }
    return value;
  };
  const values = { maxWaitMs: read("maxWaitMs"), minDelayMs: read("minDelayMs"), maxDelayMs: read("maxDelayMs") };
  if (values.maxDelayMs < values.minDelayMs) {
    throw new InvalidRequestError(
      operation,
      "maxDelayMs",
      `(${values.maxDelayMs}) is less than \`minDelayMs\` (${values.minDelayMs})`,
      "waiter option",
    );
  }
  return values;
}
