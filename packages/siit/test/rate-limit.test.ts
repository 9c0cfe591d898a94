// Siit allows 60 requests a minute per key. Against a local server that allows 5 per window and answers 429
// with X-SiitApi-Reset, 20 calls in flight at once must all complete: the client holds the calls that cannot
// fit until the reset, and a rate-limited answer does not use up an attempt. The server decides windows by its
// own clock, which is the test's fake clock, and records when each request arrived.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createSiitClient, type RetryEvent } from "../src/index.js";

const WINDOW_MS = 10_000;
const LIMIT = 5;
const T0 = Date.parse("2026-11-23T12:00:00Z");

interface Arrival {
  uid: string;
  at: number;
  status: number;
  /** The reset this answer announced (429s only). */
  resetAt?: number;
}

/** A server that allows LIMIT requests per WINDOW_MS window of its own clock, windows starting at T0. */
async function startWindowedServer() {
  const arrivals: Arrival[] = [];
  const counts = new Map<number, number>();
  const server = await startLocalServer((request, response: ServerResponse) => {
    const at = Date.now();
    const window = Math.floor((at - T0) / WINDOW_MS);
    const used = counts.get(window) ?? 0;
    const uid = decodeURIComponent(request.url.split("/").at(-1) ?? "");
    const resetAt = T0 + (window + 1) * WINDOW_MS;
    if (used >= LIMIT) {
      arrivals.push({ uid, at, status: 429, resetAt });
      json(
        response,
        429,
        { error: "Rate limit exceeded" },
        {
          "X-SiitApi-Limit": String(LIMIT),
          "X-SiitApi-Remaining": "0",
          "X-SiitApi-Reset": String(resetAt / 1000),
        },
      );
      return;
    }
    counts.set(window, used + 1);
    arrivals.push({ uid, at, status: 200 });
    json(response, 200, { uid }, { "X-SiitApi-Limit": String(LIMIT), "X-SiitApi-Remaining": String(LIMIT - used - 1) });
  });
  return { server, arrivals };
}

let server: LocalServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe("Siit's rate limit with many calls in flight", () => {
  it("completes 20 concurrent calls against 5 requests a window: held calls go at the reset, none is sent again after it landed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: T0 });
    const started = await startWindowedServer();
    server = started.server;
    const { arrivals } = started;
    let sent = 0;
    let answered = 0;
    const retries: RetryEvent[] = [];
    const siit = createSiitClient({
      apiKey: "k-rate-limit-test",
      baseUrl: server.url,
      // Two attempts only: a call that meets the limit twice would fail if rate-limit waits used up attempts.
      retry: { maxAttempts: 2, onRetry: (event) => retries.push(event) },
      fetch: (request) => {
        sent += 1;
        return fetch(request);
      },
    });
    const uids = Array.from({ length: 20 }, (_, i) => `s_${String(i).padStart(2, "0")}`);
    const results: Record<string, string | undefined> = {};
    const calls = uids.map((uid) =>
      siit.GET("/v1/applications/{uid}", { params: { path: { uid } } }).then(
        ({ data }) => {
          answered += 1;
          results[uid] = data.uid;
        },
        (error: unknown) => {
          answered += 1;
          throw error;
        },
      ),
    );

    // Every request sent has been answered and its answer handled (a result, or a retry scheduled): what is left
    // waits for the clock.
    const settled = () => sent === answered + retries.length;
    for (let window = 1; answered < uids.length && window <= 6; window++) {
      await untilStable(settled);
      if (answered === uids.length) break;
      await vi.advanceTimersByTimeAsync(T0 + window * WINDOW_MS - Date.now());
    }
    await Promise.all(calls);

    // All complete, each with its own answer.
    expect(results).toEqual(Object.fromEntries(uids.map((uid) => [uid, uid])));
    for (const uid of uids) {
      const mine = arrivals.filter((arrival) => arrival.uid === uid);
      // None sent again after it landed: exactly one success, and it is the call's last request.
      expect(mine.filter((arrival) => arrival.status === 200)).toHaveLength(1);
      expect(mine.at(-1)?.status).toBe(200);
      // None early: after a 429, the call's next request arrives no sooner than the reset it was given.
      mine.forEach((arrival, i) => {
        if (arrival.resetAt !== undefined) expect(mine[i + 1]?.at).toBeGreaterThanOrEqual(arrival.resetAt);
      });
    }
    // None waiting past the reset: requests arrive at the start or exactly at a reset the server announced, and
    // every window is used to the full before the next one starts, so the 20 calls take the 4 windows they need.
    const announced = new Set(arrivals.flatMap((arrival) => (arrival.resetAt === undefined ? [] : [arrival.resetAt])));
    expect(arrivals.every((arrival) => arrival.at === T0 || announced.has(arrival.at))).toBe(true);
    const successesPerWindow = [0, 1, 2, 3].map(
      (window) => arrivals.filter((arrival) => arrival.status === 200 && arrival.at === T0 + window * WINDOW_MS).length,
    );
    expect(successesPerWindow).toEqual([5, 5, 5, 5]);
    // Held instead of sent into certain 429s: after the first window's 15, at most one request per window (the
    // one that asks when the window resets) meets the limit.
    const limited = arrivals.filter((arrival) => arrival.status === 429);
    expect(limited.filter((arrival) => arrival.at === T0)).toHaveLength(15);
    expect(limited.length).toBeLessThanOrEqual(15 + 3);
    // Some call met the limit twice and still completed with maxAttempts 2: rate-limit waits are not attempts.
    const limitedTwice = uids.filter((uid) => arrivals.filter((arrival) => arrival.uid === uid && arrival.status === 429).length >= 2);
    expect(limitedTwice.length).toBeGreaterThan(0);
  });
});

/** Lets real I/O run (setImmediate is not faked) until `condition` holds and stays so across two turns. */
async function untilStable(condition: () => boolean): Promise<void> {
  let stableTurns = 0;
  while (stableTurns < 2) {
    await new Promise((resolve) => setImmediate(resolve));
    stableTurns = condition() ? stableTurns + 1 : 0;
  }
}
