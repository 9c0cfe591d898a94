// A client-wide gate in front of a provider's per-key rate limit. The transport asks it before every attempt
// and tells it every answer. Once the server says the window is used up — a 429 announcing when it resets, or
// `remaining: 0` — the client's other calls wait here instead of being sent into certain 429s: until the reset,
// or (when no reset is known yet) one request at a time, until an answer says more.

/** What one answer says about the provider's rate limit. */
export interface RateLimitState {
  /** Requests allowed per window. */
  limit?: number | undefined;
  /** Requests left in the current window. */
  remaining?: number | undefined;
  /** When the window resets, as epoch milliseconds. */
  resetAt?: number | undefined;
}

/** One admitted request: settle it exactly once, with its answer's state (or nothing when no answer came). */
export interface GatePass {
  settle(answer?: { status: number; state: RateLimitState | undefined }): void;
}

export interface RateLimitGate {
  /**
   * Resolves when a request may be sent. Waits while the window is used up, but never past `waitLimit` (epoch
   * ms): a call that may not wait that long is let through, and its own rate-limited answer becomes its result.
   * Rejects with the call's abort reason when it aborts (the caller's abort or the call's deadline). The call's
   * `signal` is read only when there is something to wait for.
   */
  admit(call: { readonly aborted: boolean; readonly signal: AbortSignal }, waitLimit: number): Promise<GatePass>;
}

export function createRateLimitGate(): RateLimitGate {
  /** Epoch ms until which the window is used up (0: open). */
  let closedUntil = 0;
  /** Requests that may still start in this window: Infinity until an answer says otherwise. */
  let budget = Number.POSITIVE_INFINITY;
  let limit: number | undefined;
  let inFlight = 0;
  const waiting = new Set<() => void>();

  function reopenIfDue(now: number): void {
    if (closedUntil !== 0 && now >= closedUntil) {
      closedUntil = 0;
      budget = limit ?? Number.POSITIVE_INFINITY;
    }
  }

  /** Waits for a state change, for `until` (epoch ms) if given, or for the signal to abort. */
  function change(signal: AbortSignal, until?: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const end = (aborted: boolean) => {
        waiting.delete(wake);
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (aborted) reject(signal.reason);
        else resolve();
      };
      const wake = () => end(false);
      const onAbort = () => end(true);
      const timer = until === undefined ? undefined : setTimeout(wake, until - Date.now());
      waiting.add(wake);
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  function settle(answer: { status: number; state: RateLimitState | undefined } | undefined): void {
    inFlight -= 1;
    const state = answer?.state;
    if (state?.limit !== undefined) limit = state.limit;
    // Answers to requests still in flight may or may not count those requests: assume they do not.
    if (state?.remaining !== undefined) budget = Math.max(0, state.remaining - inFlight);
    if (answer?.status === 429) {
      const resetAt = state?.resetAt;
      if (resetAt !== undefined && resetAt > Date.now()) closedUntil = Math.max(closedUntil, resetAt);
      else budget = 0; // limited, but not told until when: send one request at a time to find out
    }
    for (const wake of [...waiting]) wake();
  }

  return {
    async admit(call, waitLimit) {
      for (;;) {
        const now = Date.now();
        reopenIfDue(now);
        if (closedUntil > now && closedUntil <= waitLimit) {
          await change(call.signal, closedUntil);
          continue;
        }
        // Open, used up but unknown until when with nothing in flight to tell (send one to find out), or closed
        // for longer than this call may wait (its own 429 is its answer).
        if (budget > 0 || inFlight === 0 || closedUntil > now) break;
        await change(call.signal);
      }
      if (call.aborted) throw call.signal.reason;
      budget -= 1;
      inFlight += 1;
      let settled = false;
      return {
        settle(answer) {
          if (settled) return;
          settled = true;
          settle(answer);
        },
      };
    },
  };
}
