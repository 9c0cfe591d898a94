// The rate-limit gate (src/rate-limit-gate.ts) as a provider that opts in sees it: against a node:http server on
// loopback whose answers are decided by the test's fake clock. docs/reliability.md lists these tests by name.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, type RecordedRequest, startLocalServer } from "../../../scripts/local-server.mjs";
import { ApiError, type CommonClientOptions, createApiClient, type ProviderDefinition, type RetryEvent } from "../src/index.js";

interface TestPaths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { path: { id: string } };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { "application/json": { id: string } } } };
    };
  };
}

const T0 = Date.parse("2026-11-23T12:00:00Z");
const readInt = (value: string | null) => (value === null ? undefined : Number(value));
const base: ProviderDefinition = {
  name: "Test",
  packageName: "@identity-clients/test",
  packageVersion: "1.0.0",
  defaultBaseUrl: "https://api.test.invalid",
  authenticate: () => {},
};
// Opts in: `x-limit`, `x-remaining`, and `x-reset` in epoch seconds.
const gated: ProviderDefinition = {
  ...base,
  retryAfterMs(headers, now) {
    const reset = readInt(headers.get("x-reset"));
    return reset === undefined ? undefined : Math.max(0, reset * 1000 - now);
  },
  readRateLimit(headers) {
    const reset = readInt(headers.get("x-reset"));
    return { limit: readInt(headers.get("x-limit")), remaining: readInt(headers.get("x-remaining")), resetAt: reset && reset * 1000 };
  },
};

interface Arrival {
  id: string;
  at: number;
}

let server: LocalServer | undefined;
let arrivals: Arrival[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
  arrivals = [];
});

/** A server on the fake clock; `answer` decides each request (its id, its index, the time). */
async function serve(answer: (response: ServerResponse, id: string, index: number) => void) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: T0 });
  server = await startLocalServer((request: RecordedRequest, response) => {
    const id = request.url.split("/").at(-1) ?? "";
    arrivals.push({ id, at: Date.now() });
    answer(response, id, arrivals.length - 1);
  });
  return server;
}

const limited = (response: ServerResponse, resetAt: number) =>
  json(response, 429, { code: "RATE_LIMITED" }, { "x-limit": "1", "x-remaining": "0", "x-reset": String(resetAt / 1000) });
const ok = (response: ServerResponse, id: string, remaining = 1) =>
  json(response, 200, { id }, { "x-limit": "1", "x-remaining": String(remaining) });

function client(provider: ProviderDefinition, options: CommonClientOptions = {}) {
  const api = createApiClient<TestPaths>({ ...(server && { baseUrl: server.url }), ...options }, provider);
  return (id: string, signal?: AbortSignal) => api.GET("/things/{id}", { params: { path: { id } }, signal: signal ?? null });
}

/** Lets real I/O run (setImmediate is not faked) until `condition` holds and stays so across two turns. */
async function until(condition: () => boolean): Promise<void> {
  for (let stableTurns = 0; stableTurns < 2; ) {
    await new Promise((resolve) => setImmediate(resolve));
    stableTurns = condition() ? stableTurns + 1 : 0;
  }
}

const ids = () => arrivals.map((arrival) => `${arrival.id}@${arrival.at - T0}`);

describe("rate-limit gate", () => {
  it("holds the client's other calls while the window is used up and sends them at the reset", async () => {
    const resetAt = T0 + 5000;
    await serve((response, id) => (Date.now() < resetAt ? limited(response, resetAt) : ok(response, id)));
    const retries: RetryEvent[] = [];
    const get = client(gated, { retry: { onRetry: (event) => retries.push(event) } });

    const first = get("a");
    await until(() => retries.length === 1);
    const second = get("b");
    await until(() => true);
    expect(ids()).toEqual(["a@0"]); // b is held, not sent into a certain 429

    await vi.advanceTimersByTimeAsync(resetAt - Date.now());
    await Promise.all([first, second]);

    expect(ids().sort()).toEqual(["a@0", "a@5000", "b@5000"]);
  });

  it("after an answer with no requests remaining, sends one request at a time until one says when the window resets", async () => {
    const resetAt = T0 + 3000;
    await serve((response, id, index) => {
      if (index === 0) ok(response, id, 0);
      else if (Date.now() < resetAt) limited(response, resetAt);
      else ok(response, id);
    });
    const retries: RetryEvent[] = [];
    const get = client(gated, { retry: { onRetry: (event) => retries.push(event) } });

    await get("a");
    const held = [get("b"), get("c"), get("d")];
    await until(() => retries.length === 1);
    expect(arrivals).toHaveLength(2); // a, then one probe that learns the reset; c and d wait

    await vi.advanceTimersByTimeAsync(resetAt - Date.now());
    await Promise.all(held);

    expect(arrivals.slice(2).every((arrival) => arrival.at === resetAt)).toBe(true);
    expect(arrivals).toHaveLength(5);
  });

  it("does not count rate-limited answers as attempts, up to 10 waits a call; after that they count", async () => {
    await serve((response) => limited(response, Date.now() + 1000));
    const retries: RetryEvent[] = [];
    const get = client(gated, { retry: { maxAttempts: 2, onRetry: (event) => retries.push(event) } });

    const failure = rejectionOf(get("a"), ApiError);
    for (let wait = 1; wait <= 11; wait++) {
      await until(() => retries.length === wait);
      await vi.advanceTimersByTimeAsync(1000);
    }
    const error = await failure;

    expect(error).toMatchObject({ status: 429, attempts: 12 });
    expect(error.retries).toHaveLength(11);
  });

  it("lets a call that may not wait until the reset through: its own 429 is its answer", async () => {
    const resetAt = T0 + 15_000;
    await serve((response) => limited(response, resetAt));
    const get = client(gated, { deadlineMs: 10_000 });

    const first = await rejectionOf(get("a"), ApiError);
    const second = await rejectionOf(get("b"), ApiError);

    expect([first.attempts, second.attempts]).toEqual([1, 1]);
    expect(ids()).toEqual(["a@0", "b@0"]);
  });

  it("stops waiting at the gate when the caller aborts, without sending", async () => {
    const resetAt = T0 + 5000;
    await serve((response) => limited(response, resetAt));
    const retries: RetryEvent[] = [];
    const get = client(gated, { retry: { onRetry: (event) => retries.push(event) } });
    const controller = new AbortController();

    const first = rejectionOf(get("a", controller.signal), Error);
    await until(() => retries.length === 1);
    const caller = new AbortController();
    const held = rejectionOf(get("b", caller.signal), Error);
    await until(() => true);
    caller.abort();
    controller.abort();

    expect((await held).name).toBe("AbortError");
    expect((await first).name).toBe("AbortError");
    expect(ids()).toEqual(["a@0"]);
  });

  it("respects retry: false behind the gate: a 429 is the answer", async () => {
    await serve((response) => limited(response, T0 + 1000));

    const error = await rejectionOf(client(gated, { retry: false })("a"), ApiError);

    expect(error).toMatchObject({ status: 429, attempts: 1 });
  });

  it("has no gate for a provider that does not opt in: other calls are sent while one waits", async () => {
    const resetAt = T0 + 5000;
    await serve((response, id) => (Date.now() < resetAt ? limited(response, resetAt) : ok(response, id)));
    const retries: RetryEvent[] = [];
    const { readRateLimit: _optedOut, ...provider } = gated;
    const get = client(provider, { retry: { onRetry: (event) => retries.push(event) } });

    const first = get("a");
    await until(() => retries.length === 1);
    const second = get("b");
    await until(() => retries.length === 2);

    expect(ids()).toEqual(["a@0", "b@0"]);
    await vi.advanceTimersByTimeAsync(resetAt - Date.now());
    await Promise.all([first, second]);
  });
});
