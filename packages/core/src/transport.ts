// What happens to one call once its request is built: each attempt is authenticated afresh (new timestamp, same
// body bytes), sent with its own timeout, read into memory under a size cap, and retried by the policy in
// retry.ts. A provider with a per-key rate limit also gets a client-wide gate (rate-limit-gate.ts) that every
// attempt passes. Requests are plain objects until `fetch(url, init)`: no `Request` is built per attempt.
import type { CallScope } from "./call-scope.js";
import { IdentityClientError, InvalidRequestError, NetworkError, ResponseParseError, type RetryRecord, TimeoutError } from "./errors.js";
import { createRateLimitGate, type RateLimitState } from "./rate-limit-gate.js";
import type { Redactor } from "./redact.js";
import { bodyText, parseErrorBody, readBody } from "./response-body.js";
import { backoffDelay, type RetryPolicy, retryAfterMs, retryReason, sleep } from "./retry.js";

/** A request as the transport sends it: what a provider signs, and what goes to `fetch`. */
export interface OutgoingRequest {
  method: string;
  /** The absolute URL, exactly as it will be sent. A provider may replace it (e.g. to re-encode the query). */
  url: string;
  headers: Headers;
  /** The exact body bytes; every attempt sends the same ones. */
  readonly body: Uint8Array<ArrayBuffer> | null;
}

/** What the transport needs from a provider package. */
export interface TransportProvider {
  name: string;
  /**
   * Adds credentials to an attempt's request, in place: headers, a signature over the URL and body, a new URL.
   * It gets a fresh copy per attempt (and redirect hop): the caller's middleware never sees credentials.
   */
  authenticate(request: OutgoingRequest): void | Promise<void>;
  /** Provider errors that are safe to retry whatever the method, e.g. a concurrency conflict. */
  isRetryable?(status: number, body: unknown): boolean;
  /**
   * A provider's own "retry after" header, in milliseconds from `now`. `Retry-After` is read by the core; without
   * this hook, a `readRateLimit` reset time is the wait.
   */
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
  /** The caller's own `fetch` (called with a `Request`), or undefined for the platform's `fetch(url, init)`. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  maxResponseBytes: number;
  allowInsecureHttp: boolean;
  /** The client's base URL, checked when the client was made: URLs under it need no second look. */
  trustedOrigin: string;
  log: ((line: string) => void) | undefined;
}

/** One call's state, shared by its attempts and read back by the client for errors. */
export interface CallContext {
  operation: string;
  method: string;
  /** The call's deadline and the caller's signal. */
  scope: CallScope;
  /** Scrubs the call's secrets (keys, secret body fields, every credential header sent) from anything shown. */
  readonly redactor: Redactor;
  /** The headers of every request sent, whose credential values the redactor scrubs too. */
  sentHeaders: Headers[];
  attempts: number;
  retries: RetryRecord[];
}

/** A final answer: the response (its body already read) and the body's bytes. */
export interface Answer {
  response: Response;
  body: Uint8Array | null;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
// Rate-limit waits that do not use up an attempt, per call: a server announcing ever-closer resets cannot loop us.
const MAX_FREE_RATE_LIMIT_WAITS = 10;

type Outcome = { answer: Answer; error?: undefined } | { error: IdentityClientError; answer?: undefined };

export function createTransport(config: TransportConfig) {
  const { provider, retry, log } = config;
  const gate = provider.readRateLimit ? createRateLimitGate() : undefined;
  const callerFetch = config.fetch;
  const send = callerFetch
    ? (request: OutgoingRequest, signal: AbortSignal) => callerFetch(new Request(request.url, fetchInit(request, signal)))
    : (request: OutgoingRequest, signal: AbortSignal) => fetch(request.url, fetchInit(request, signal));

  async function attempt(request: OutgoingRequest, call: CallContext): Promise<Outcome> {
    // One signal per attempt: fetch needs it to give up on an attempt that timed out (or a call that ended).
    const controller = new AbortController();
    const signal = controller.signal;
    let timedOut = false;
    // The attempt's timer also keeps the call's deadline when that comes first.
    const { scope } = call;
    const untilDeadline = scope.deadlineAt - Date.now();
    const timer =
      untilDeadline < config.timeoutMs
        ? setTimeout(
            () => {
              scope.expire();
              controller.abort();
            },
            Math.max(0, untilDeadline),
          )
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, config.timeoutMs);
    // Only a caller's signal (or a deadline timer a wait armed) can end the call meanwhile; most calls have neither.
    const unsubscribe = scope.canAbort ? scope.onAbort((reason) => controller.abort(reason)) : undefined;
    const started = Date.now();
    try {
      const response = await fetchFollowingRedirects(request, signal, call);
      const body = await readBody(response, config.maxResponseBytes, signal, { provider: provider.name, operation: call.operation });
      if (log) log(`← ${response.status} ${response.statusText} ${call.operation} in ${Date.now() - started} ms${requestIdOf(response)}`);
      return { answer: { response, body } };
    } catch (error) {
      if (call.scope.aborted) throw error; // the caller's abort or the deadline: the client reports it
      if (timedOut) return { error: new TimeoutError(provider.name, call.operation, config.timeoutMs, "attempt") };
      if (error instanceof IdentityClientError) return { error };
      return { error: new NetworkError(provider.name, call.operation, error) };
    } finally {
      clearTimeout(timer);
      unsubscribe?.();
    }
  }

  async function fetchFollowingRedirects(request: OutgoingRequest, signal: AbortSignal, call: CallContext): Promise<Response> {
    let { method, url, body } = request;
    for (let hop = 0; ; hop++) {
      checkTransportSecurity(url, call);
      // A copy with its own headers: what the provider adds stays on this attempt (and this hop).
      const outgoing: OutgoingRequest = { method, url, headers: new Headers(request.headers), body };
      const authenticating = provider.authenticate(outgoing);
      if (authenticating) await authenticating;
      call.sentHeaders.push(outgoing.headers);
      if (log) log(describeRequest(outgoing, call));
      const response = await send(outgoing, signal);
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
      if (!location || hop === MAX_REDIRECTS) return response;
      const target = new URL(location, outgoing.url);
      // Credentials go to the origin the caller chose and nowhere else; a POST never silently becomes a GET.
      const sameOrigin = target.origin === new URL(outgoing.url).origin;
      const keepsMethod = response.status === 307 || response.status === 308 || method === "GET" || method === "HEAD";
      if (!sameOrigin || !keepsMethod) return response;
      await response.body?.cancel();
      if (method === "GET" || method === "HEAD") body = null;
      url = target.href;
    }
  }

  function checkTransportSecurity(url: string, call: CallContext): void {
    if (config.allowInsecureHttp || !url.startsWith("http:") || isUnder(url, config.trustedOrigin)) return;
    const { hostname } = new URL(url);
    if (!isLoopback(hostname)) {
      const problem = `is plain http:// to ${hostname}, which would send credentials unencrypted; use https, or set \`allowInsecureHttp: true\` for a trusted network`;
      throw new InvalidRequestError(call.operation, "baseUrl", problem, "URL");
    }
  }

  async function waitBeforeRetry(outcome: Outcome, call: CallContext, freeWaits: { used: number }): Promise<boolean> {
    const response = outcome.answer?.response;
    const now = Date.now();
    const requested = response ? requestedDelay(response.headers, now) : undefined;
    // Behind the gate, a 429 saying when to come back is the rate limit at work, not a failure: it does not use
    // up one of the attempts meant for failures.
    const free =
      gate !== undefined &&
      retry.maxAttempts > 1 &&
      response?.status === 429 &&
      requested !== undefined &&
      requested > 0 &&
      freeWaits.used < MAX_FREE_RATE_LIMIT_WAITS;
    if (!free && call.attempts - freeWaits.used >= retry.maxAttempts) return false;
    const reason = reasonToRetry(outcome, call.method);
    if (!reason) return false;
    // A server asking for a longer wait than we allow (or than the deadline leaves) gets its answer as the error.
    if (requested !== undefined && (requested > retry.maxDelayMs || now + requested > call.scope.deadlineAt)) return false;
    if (free) freeWaits.used += 1;
    const delayMs = requested ?? backoffDelay(call.attempts, retry);
    const record = { attempt: call.attempts, reason, delayMs };
    call.retries.push(record);
    log?.(`retrying ${call.operation} in ${delayMs} ms: ${reason}`);
    retry.onRetry?.({ operation: call.operation, ...record });
    await sleep(delayMs, call.scope.signal);
    return true;
  }

  function reasonToRetry(outcome: Outcome, method: string): string | undefined {
    if (outcome.answer) {
      const { response, body } = outcome.answer;
      if (response.status < 400) return undefined;
      const providerRetryable = provider.isRetryable ? provider.isRetryable(response.status, parseErrorBody(bodyText(body))) : false;
      return retryReason(method, { kind: "status", status: response.status, providerRetryable });
    }
    const { error } = outcome;
    if (error instanceof TimeoutError) return retryReason(method, { kind: "timeout" });
    if (error instanceof NetworkError) return retryReason(method, { kind: "network", code: error.code });
    if (error instanceof ResponseParseError && error.problem === "truncated") return retryReason(method, { kind: "truncated" });
    return undefined;
  }

  /**
   * The wait an answer asks for: `Retry-After`, else the provider's own header (`retryAfterMs`), else the time
   * until the rate-limit window resets (`readRateLimit`). `state` is that rate-limit reading, when already made.
   */
  function requestedDelay(headers: Headers, now: number, state?: RateLimitState): number | undefined {
    const retryAfter = retryAfterMs(headers, now);
    if (retryAfter !== undefined) return retryAfter;
    if (provider.retryAfterMs) return provider.retryAfterMs(headers, now);
    const resetAt = (state ?? provider.readRateLimit?.(headers, now))?.resetAt;
    return resetAt === undefined ? undefined : Math.max(0, resetAt - now);
  }

  /** What an answer tells the gate; a requested delay (`Retry-After` first) says when the window resets. */
  function rateLimitState(headers: Headers): RateLimitState | undefined {
    const now = Date.now();
    const state = provider.readRateLimit?.(headers, now);
    const requested = requestedDelay(headers, now, state);
    return requested === undefined ? state : { ...state, resetAt: now + requested };
  }

  /** Every attempt of one call, until an answer to return (any status) or a final failure to throw. */
  return async function sendCall(request: OutgoingRequest, call: CallContext): Promise<Answer> {
    const freeWaits = { used: 0 };
    for (;;) {
      const pass = gate && (await gate.admit(call.scope, Math.min(call.scope.deadlineAt, Date.now() + retry.maxDelayMs)));
      call.attempts += 1;
      let outcome: Outcome | undefined;
      try {
        outcome = await attempt(request, call);
      } finally {
        const response = outcome?.answer?.response;
        pass?.settle(response && { status: response.status, state: rateLimitState(response.headers) });
      }
      if (outcome.answer?.response.ok || !(await waitBeforeRetry(outcome, call, freeWaits))) {
        if (outcome.error) throw outcome.error;
        return outcome.answer;
      }
    }
  };
}

function fetchInit(request: OutgoingRequest, signal: AbortSignal): RequestInit {
  const init: RequestInit = { method: request.method, headers: request.headers, signal, redirect: "manual" };
  if (request.body !== null) init.body = request.body;
  return init;
}

/** True for a URL on `base` (the same origin and below its path), so `http://a:1` does not cover `http://a:10`. */
function isUnder(url: string, base: string): boolean {
  if (!url.startsWith(base)) return false;
  const next = url.charAt(base.length);
  return next === "" || next === "/" || next === "?";
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function describeRequest(request: OutgoingRequest, call: CallContext): string {
  const { redactor } = call;
  const text = bodyText(request.body);
  const body = text ? ` body ${JSON.stringify(redactor.value(parseErrorBody(text)))}` : "";
  const headers = JSON.stringify(redactor.headers(request.headers));
  return `→ ${request.method} ${redactor.text(request.url)} attempt ${call.attempts} headers ${headers}${body}`;
}

function requestIdOf(response: Response): string {
  const id = response.headers.get("x-request-id");
  return id ? ` (request id ${id})` : "";
}
