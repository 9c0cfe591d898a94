// The lifetime of one call: its deadline and the caller's AbortSignal. Attempts, waits and the rate-limit gate
// subscribe to it. It makes no timer and no AbortController of its own unless something asks for a signal (a
// retry wait, the gate): each attempt already has a timer, which ends the call (`expire()`) when the deadline
// comes before the attempt's timeout. On Node 20 an AbortSignal costs about as much CPU as a loopback request's
// own JavaScript, and most calls never need a second one.

export class CallScope {
  /** When the call must end, as epoch milliseconds. */
  readonly deadlineAt: number;
  #aborted = false;
  #reason: unknown;
  #deadlinePassed = false;
  #listeners: Set<(reason: unknown) => void> | undefined;
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;

  constructor(deadlineAt: number, caller: AbortSignal | null | undefined) {
    this.deadlineAt = deadlineAt;
    if (!caller) return;
    this.#caller = caller;
    if (caller.aborted) {
      this.#abort(caller.reason);
      return;
    }
    this.#onCallerAbort = () => this.#abort(caller.reason);
    caller.addEventListener("abort", this.#onCallerAbort, { once: true });
  }

  /** True once the deadline has passed or the caller aborted. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** True when the deadline, not the caller, ended the call. */
  get deadlinePassed(): boolean {
    return this.#deadlinePassed;
  }

  /**
   * True when something besides an attempt's own timer can end the call: the caller's signal, or the deadline
   * timer that `signal` starts. An attempt needs to listen to the scope only then.
   */
  get canAbort(): boolean {
    return this.#caller !== undefined || this.#controller !== undefined;
  }

  /** Ends the call because its deadline has come. */
  expire(): void {
    if (this.#aborted) return;
    this.#deadlinePassed = true;
    this.#abort(undefined);
  }

  /**
   * Calls `listener` when the call is aborted (at once if it already is); returns the unsubscribe function. The
   * deadline reaches listeners through `expire()`: whoever waits on the call without a timer of its own uses
   * `signal`, which keeps the deadline.
   */
  onAbort(listener: (reason: unknown) => void): () => void {
    if (this.#aborted) {
      listener(this.#reason);
      return () => {};
    }
    this.#listeners ??= new Set();
    const listeners = this.#listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** An AbortSignal that aborts with the call, the deadline included, for APIs that take one. Made on first use. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      const controller = new AbortController();
      this.#controller = controller;
      this.onAbort((reason) => controller.abort(reason));
      if (!this.#aborted) this.#timer = setTimeout(() => this.expire(), Math.max(0, this.deadlineAt - Date.now()));
    }
    return this.#controller.signal;
  }

  /** Ends the call: clears the deadline timer and the caller's listener. */
  clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#onCallerAbort) this.#caller?.removeEventListener("abort", this.#onCallerAbort);
    this.#listeners?.clear();
  }

  #abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    if (this.#listeners) for (const listener of [...this.#listeners]) listener(reason);
  }
}
