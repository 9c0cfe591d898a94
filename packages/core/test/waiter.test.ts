// waitUntil on a fake clock: the polls and the waits between them happen in order, with no real time passing.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { InvalidRequestError, type PollOutcome, type WaitDecision, WaiterError, waitUntil } from "../src/index.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.parse("2026-11-30T00:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A status that reports each of `states` in turn (the last one forever), recording when it was polled. */
function statusSequence(states: string[]) {
  const polledAt: number[] = [];
  return {
    polledAt,
    poll: async () => {
      polledAt.push(Date.now());
      return { status: states[Math.min(polledAt.length - 1, states.length - 1)]! };
    },
  };
}

const byStatus = (outcome: PollOutcome<{ status: string }>): WaitDecision => {
  if (!outcome.ok) return { state: "retry" };
  if (outcome.result.status === "SUCCEEDED") return { state: "success" };
  if (outcome.result.status === "FAILED") return { state: "failure", reason: "the operation FAILED: quota exceeded" };
  return { state: "retry" };
};

/** Runs the wait to its end on the fake clock. */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  const settled = Promise.allSettled([promise]);
  await vi.runAllTimersAsync();
  const [result] = await settled;
  return result!;
}

describe("waitUntil", () => {
  it("polls with growing waits until success and resolves with that poll's result", async () => {
    const status = statusSequence(["IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED"]);
    const start = Date.now();

    const result = await settle(
      waitUntil({ description: "the job", poll: status.poll, accept: byStatus, minDelayMs: 1_000, maxDelayMs: 10_000 }),
    );

    expect(result).toEqual({ status: "fulfilled", value: { status: "SUCCEEDED" } });
    expect(status.polledAt.map((at) => at - start)).toEqual([0, 1_000, 2_500]);
  });

  it("caps the wait between polls at maxDelayMs", async () => {
    const status = statusSequence(["A", "A", "A", "A", "SUCCEEDED"]);
    const start = Date.now();

    await settle(waitUntil({ description: "the job", poll: status.poll, accept: byStatus, minDelayMs: 1_000, maxDelayMs: 2_000 }));

    expect(status.polledAt.map((at) => at - start)).toEqual([0, 1_000, 2_500, 4_500, 6_500]);
  });

  it("rejects with a WaiterError carrying the failing poll's result and reason", async () => {
    const status = statusSequence(["IN_PROGRESS", "FAILED"]);

    const result = await settle(waitUntil({ description: "the job", poll: status.poll, accept: byStatus }));

    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason as WaiterError<{ status: string }>;
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "failure", polls: 2, lastResult: { status: "FAILED" } });
    expect(error.message).toBe("Waiting for the job failed after 2 poll(s): the operation FAILED: quota exceeded");
  });

  it("rejects with a timeout WaiterError once maxWaitMs has passed, having polled until then", async () => {
    const status = statusSequence(["IN_PROGRESS"]);
    const start = Date.now();

    const result = await settle(
      waitUntil({ description: "the job", poll: status.poll, accept: byStatus, maxWaitMs: 10_000, minDelayMs: 2_000 }),
    );

    const error = (result as PromiseRejectedResult).reason as WaiterError<{ status: string }>;
    expect(error).toMatchObject({ reason: "timeout", lastResult: { status: "IN_PROGRESS" } });
    expect(error.message).toContain("timed out after");
    expect(status.polledAt.map((at) => at - start)).toEqual([0, 2_000, 5_000, 9_500, 10_000]);
  });

  it("retries a poll that threw, and says so when it times out", async () => {
    const poll = vi.fn(async () => {
      throw new Error("socket hang up");
    });

    const result = await settle(waitUntil({ description: "the job", poll, accept: byStatus, maxWaitMs: 3_000 }));

    const error = (result as PromiseRejectedResult).reason as WaiterError;
    expect(error.reason).toBe("timeout");
    expect(error.lastError).toBeInstanceOf(Error);
    expect(error.message).toContain("the last poll failed: Error: socket hang up");
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it("stops at once with the signal's reason when aborted between polls, and polls no more", async () => {
    const status = statusSequence(["IN_PROGRESS"]);
    const controller = new AbortController();
    const waiting = waitUntil({
      description: "the job",
      poll: status.poll,
      accept: byStatus,
      signal: controller.signal,
      onPoll: ({ poll }) => {
        if (poll === 2) controller.abort(new Error("user cancelled"));
      },
    });

    const result = await settle(waiting);

    expect((result as PromiseRejectedResult).reason).toEqual(new Error("user cancelled"));
    expect(status.polledAt).toHaveLength(2);
  });

  it("does not poll at all with a signal that is already aborted", async () => {
    const status = statusSequence(["SUCCEEDED"]);
    const controller = new AbortController();
    controller.abort();

    const result = await settle(waitUntil({ description: "the job", poll: status.poll, accept: byStatus, signal: controller.signal }));

    expect(result.status).toBe("rejected");
    expect(status.polledAt).toHaveLength(0);
  });

  it("passes an error that accept throws straight through", async () => {
    const result = await settle(
      waitUntil({
        description: "the job",
        poll: async () => {
          throw new TypeError("bad request");
        },
        accept: (outcome) => {
          if (!outcome.ok) throw outcome.error;
          return { state: "success" };
        },
      }),
    );

    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
  });

  it("rejects invalid options before polling", async () => {
    const poll = vi.fn(async () => ({ status: "SUCCEEDED" }));

    const error = await rejectionOf(
      waitUntil({ description: "the job", poll, accept: byStatus, minDelayMs: 5_000, maxDelayMs: 1_000 }),
      InvalidRequestError,
    );

    expect(error.message).toBe(
      "Invalid request wait for the job: waiter option `maxDelayMs` (1000) is less than `minDelayMs` (5000); nothing was sent",
    );
    expect(poll).not.toHaveBeenCalled();
  });
});
