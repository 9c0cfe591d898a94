// What happens to one call once openapi-fetch has built its request: each attempt is authenticated
// afresh (new timestamp, same body bytes), sent with its own timeout, read into memory under a size
// cap, and retried by the policy in retry.ts. A provider with a per-key rate limit also gets a client-wide gate
// (rate-limit-gate.ts) that every attempt passes.
import { IdentityClientError, InvalidRequestError, NetworkError, ResponseParseError, type RetryRecord, TimeoutError } from "./errors.js";
import { createRateLimitGate, type RateLimitState } from "./rate-limit-gate.js";
import { type Redactor, secretHeaderValues } from "./redact.js";
import { bufferResponse, parseErrorBody } from "./response-body.js";
import { backoffDelay, type RetryPolicy, retryAfterMs, retryReason, sleep } from "./retry.js";

/** What the transport needs from a provider package. */
export interface TransportProvider {
  name: string;
  /** Adds credentials to an outgoing request (a copy: the caller's middleware never sees them). */
  authenticate(request: Request): Request | Promise<Request>;
  /** Provider errors that are safe to retry whatever the method, e.g. a concurrency conflict. */
  isRetryable?(status: number, body: unknown): boolean;
  /** A provider's own "retry after" header, in milliseconds from `now`. `Retry-After` is read by the core. */
  retryAfterMs?(headers: Headers, now: number): number | undefined;
  /**
   * Opts the client into a rate-limit gate: reads the provider's rate-limit headers (`resetAt` in epoch ms). Calls
   * of one client then wait for a used-up window to reset instead of being sent into certain 429s, and a 429 that
   * says when to come back is retried without using up an attempt.
   */
  readRateLimit?(headers: Headers, now: number): RateLimitState | undefined;
}

export interface TransportConfig {
  provider: TransportProvider;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  retry: RetryPolicy;
  maxResponseBytes: number;
  allowInsecureHttp: boolean;
  log: ((line: string) => void) | undefined;
}

/** One call's state, shared by its attempts and read back by the client for errors. */
export interface CallContext {
  operation: string;
  method: string;
  /** Aborts on the caller's signal or the call's deadline. */
  signal: AbortSignal;
  deadlineAt: number;
  redactor: Redactor;
  attempts: number;
  retries: RetryRecord[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
// Rate-limit waits that do not use up an attempt, per call: a server announcing ever-closer resets cannot loop us.
const MAX_FREE_RATE_LIMIT_WAITS = 10;

type Outcome = { response: Response; error?: undefined } | { error: IdentityClientError; response?: undefined };

export function createTransport(config: TransportConfig) {
  const { provider, retry, log } = config;
  const gate = provider.readRateLimit ? createRateLimitGate() : undefined;

  async function attempt(request: Request, body: ArrayBuffer | null, call: CallContext): Promise<Outcome> {
    const timer = startTimer(config.timeoutMs, call.signal);
    const signal = timer.signal;
    const started = Date.now();
    try {
      const response = await fetchFollowingRedirects(request, body, signal, call);
      const buffered = await bufferResponse(response, config.maxResponseBytes, signal, {
        provider: provider.name,
        operation: call.operation,
      });
      log?.(`← ${buffered.status} ${buffered.statusText} ${call.operation} in ${Date.now() - started} ms${requestIdOf(buffered)}`);
      return { response: buffered };
    } catch (error) {
      if (call.signal.aborted) throw error; // the caller's abort or the deadline: the client reports it
      if (timer.timedOut()) return { error: new TimeoutError(provider.name, call.operation, config.timeoutMs, "attempt") };
      if (error instanceof IdentityClientError) return { error };
      return { error: new NetworkError(provider.name, call.operation, error) };
    } finally {
      timer.clear();
    }
  }

  async function fetchFollowingRedirects(
    request: Request,
    body: ArrayBuffer | null,
    signal: AbortSignal,
    call: CallContext,
  ): Promise<Response> {
    let current = request;
    for (let hop = 0; ; hop++) {
      checkTransportSecurity(current.url, call);
      // A copy with its own headers and the call's body bytes: the caller's request (and its middleware) never
      // sees credentials, and every attempt sends the same bytes.
      const prepared = new Request(current, body === null ? { signal, redirect: "manual" } : { body, signal, redirect: "manual" });
      const outgoing = await provider.authenticate(prepared);
      call.redactor = call.redactor.with(secretHeaderValues(outgoing.headers));
      if (log) log(await describeRequest(outgoing, call));
      const response = await config.fetch(outgoing === prepared ? prepared : new Request(outgoing, { signal, redirect: "manual" }));
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
      if (!location || hop === MAX_REDIRECTS) return response;
      const target = new URL(location, current.url);
      // Credentials go to the origin the caller chose and nowhere else; a POST never silently becomes a GET.
      const sameOrigin = target.origin === new URL(current.url).origin;
      const keepsMethod = response.status === 307 || response.status === 308 || ["GET", "HEAD"].includes(current.method);
      if (!sameOrigin || !keepsMethod) return response;
      await response.body?.cancel();
      if (["GET", "HEAD"].includes(current.method)) body = null;
      current = new Request(target, { method: current.method, headers: current.headers, body });
    }
  }

  function checkTransportSecurity(url: string, call: CallContext): void {
    const { protocol, hostname } = new URL(url);
    if (protocol === "http:" && !config.allowInsecureHttp && !isLoopback(hostname)) {
      const problem = `is plain http:// to ${hostname}, which would send credentials unencrypted; use https, or set \`allowInsecureHttp: true\` for a trusted network`;
      throw new InvalidRequestError(call.operation, "baseUrl", problem, "URL");
    }
  }

  async function waitBeforeRetry(outcome: Outcome, call: CallContext, freeWaits: { used: number }): Promise<boolean> {
    const now = Date.now();
    const requested = outcome.response ? requestedDelay(outcome.response.headers, now) : undefined;
    // Behind the gate, a 429 saying when to come back is the rate limit at work, not a failure: it does not use
    // up one of the attempts meant for failures.
    const free =
      gate !== undefined &&
      retry.maxAttempts > 1 &&
      outcome.response?.status === 429 &&
      requested !== undefined &&
      requested > 0 &&
      freeWaits.used < MAX_FREE_RATE_LIMIT_WAITS;
    if (!free && call.attempts - freeWaits.used >= retry.maxAttempts) return false;
    const reason = await reasonToRetry(outcome, call.method);
    if (!reason) return false;
    // A server asking for a longer wait than we allow (or than the deadline leaves) gets its answer as the error.
    if (requested !== undefined && (requested > retry.maxDelayMs || now + requested > call.deadlineAt)) return false;
    if (free) freeWaits.used += 1;
    const delayMs = requested ?? backoffDelay(call.attempts, retry);
    const record = { attempt: call.attempts, reason, delayMs };
    call.retries.push(record);
    log?.(`retrying ${call.operation} in ${delayMs} ms: ${reason}`);
    retry.onRetry?.({ operation: call.operation, ...record });
    await outcome.response?.body?.cancel();
    await sleep(delayMs, call.signal);
    return true;
  }

  async function reasonToRetry(outcome: Outcome, method: string): Promise<string | undefined> {
    if (outcome.response) {
      const { status } = outcome.response;
      if (status < 400) return undefined;
      const providerRetryable = provider.isRetryable
        ? provider.isRetryable(status, parseErrorBody(await outcome.response.clone().text()))
        : false;
      return retryReason(method, { kind: "status", status, providerRetryable });
    }
    const { error } = outcome;
    if (error instanceof TimeoutError) return retryReason(method, { kind: "timeout" });
    if (error instanceof NetworkError) return retryReason(method, { kind: "network", code: error.code });
    if (error instanceof ResponseParseError && error.problem === "truncated") return retryReason(method, { kind: "truncated" });
    return undefined;
  }

  function requestedDelay(headers: Headers, now: number): number | undefined {
    return retryAfterMs(headers, now) ?? provider.retryAfterMs?.(headers, now);
  }

  /** What an answer tells the gate; a requested delay (`Retry-After` first) says when the window resets. */
  function rateLimitState(headers: Headers): RateLimitState | undefined {
    const now = Date.now();
    const state = provider.readRateLimit?.(headers, now);
    const requested = requestedDelay(headers, now);
    return requested === undefined ? state : { ...state, resetAt: now + requested };
  }

  /** The `fetch` handed to openapi-fetch for one call: every attempt, until success or a final failure. */
  return async function send(request: Request, call: CallContext): Promise<Response> {
    // Read once: each attempt (and redirect hop) sends these bytes. A copy, so the caller's request stays unread.
    const body = request.body === null ? null : await request.clone().arrayBuffer();
    const freeWaits = { used: 0 };
    for (;;) {
      const pass = await gate?.admit(call.signal, Math.min(call.deadlineAt, Date.now() + retry.maxDelayMs));
      call.attempts += 1;
      let outcome: Outcome | undefined;
      try {
        outcome = await attempt(request, body, call);
      } finally {
        const answer = outcome?.response;
        pass?.settle(answer && { status: answer.status, state: rateLimitState(answer.headers) });
      }
      if (!(await waitBeforeRetry(outcome, call, freeWaits))) {
        if (outcome.error) throw outcome.error;
        return outcome.response;
      }
    }
  };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * A signal that aborts after `ms`, or as soon as `parent` aborts (with the parent's reason). `timedOut` tells
 * which. Cheaper than `AbortSignal.any([parent, AbortSignal.timeout(ms)])`, which is slow on Node 20.
 */
export function startTimer(ms: number, parent?: AbortSignal): { signal: AbortSignal; timedOut(): boolean; clear(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
    },
  };
}

async function describeRequest(request: Request, call: CallContext): Promise<string> {
  const { redactor } = call;
  const text = request.body ? await request.clone().text() : "";
  const body = text ? ` body ${JSON.stringify(redactor.value(parseErrorBody(text)))}` : "";
  const headers = JSON.stringify(redactor.headers(request.headers));
  return `→ ${request.method} ${redactor.text(request.url)} attempt ${call.attempts} headers ${headers}${body}`;
}

function requestIdOf(response: Response): string {
  const id = response.headers.get("x-request-id");
  return id ? ` (request id ${id})` : "";
}
