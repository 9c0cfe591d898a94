// The lifetime of one call: its deadline and the caller's AbortSignal. Attempts, waits and the rate-limit gate
// subscribe to it. No AbortController is made unless something asks for a signal (a retry wait, the gate):
// on Node 20 making one costs more than a loopback request's worth of CPU, and most calls never need it.

export class CallScope {
  #aborted = false;
  #reason: unknown;
  #deadlinePassed = false;
  #listeners = new Set<(reason: unknown) => void>();
  #controller: AbortController | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#abort(this.#caller?.reason);

  constructor(deadlineMs: number, caller: AbortSignal | null | undefined) {
    this.#caller = caller ?? undefined;
    if (this.#caller?.aborted) {
      this.#abort(this.#caller.reason);
      return;
    }
    this.#timer = setTimeout(() => {
      this.#deadlinePassed = true;
      this.#abort(undefined);
    }, deadlineMs);
    this.#caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
  }

  /** True once the deadline has passed or the caller aborted. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** The caller's abort reason (undefined when the deadline ended the call). */
  get reason(): unknown {
    return this.#reason;
  }

  /** True when the deadline, not the caller, ended the call. */
  get deadlinePassed(): boolean {
    return this.#deadlinePassed;
  }

  /** Calls `listener` when the call is aborted (at once if it already is); returns the unsubscribe function. */
  onAbort(listener: (reason: unknown) => void): () => void {
    if (this.#aborted) {
      listener(this.#reason);
      return () => {};
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** An AbortSignal that aborts with the call, for APIs that take one. Made on first use. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      const controller = new AbortController();
      this.#controller = controller;
      this.onAbort((reason) => controller.abort(reason));
    }
    return this.#controller.signal;
  }

  /** Ends the call: clears the deadline timer and the caller's listener. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
    this.#listeners.clear();
  }

  #abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    for (const listener of [...this.#listeners]) listener(reason);
  }
}
