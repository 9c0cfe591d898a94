// Fault injection: what a call does when the network or the server misbehaves. Each scenario runs
// against a real node:http server on loopback. docs/reliability.md lists these tests by name.

import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, type RecordedRequest, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  ApiError,
  type CommonClientOptions,
  ConfigurationError,
  createApiClient,
  InvalidRequestError,
  NetworkError,
  type ProviderDefinition,
  ResponseParseError,
  type RetryEvent,
  TimeoutError,
} from "../src/index.js";

interface Thing {
  id: string;
  name: string;
}
type Op<Body, Status extends number> = {
  parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
  responses: { [S in Status]: { headers: Record<string, unknown>; content: { "application/json": Body } } };
};
interface TestPaths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: Op<Thing, 200> & { requestBody?: never };
    post: Op<Thing, 201> & { requestBody: { content: { "application/json": { name: string; password?: string } } } };
    delete: {
      parameters: { path: { id: string } };
      requestBody?: never;
      responses: { 204: { headers: Record<string, unknown>; content?: never } };
    };
  };
}

const SECRET = "s3cr3t-signing-key-91ab";
let signatures = 0;
const provider: ProviderDefinition = {
  name: "Test",
  packageName: "@identity-clients/test",
  packageVersion: "1.0.0",
  defaultBaseUrl: "https://api.test.invalid",
  authenticate(request) {
    signatures += 1;
    request.headers.set("Authorization", `Sig ${SECRET}:${signatures}`);
  },
  describeError: (body) => ({ code: (body as { code?: string } | undefined)?.code }),
  isRetryable: (status, body) => status === 409 && (body as { code?: string } | undefined)?.code === "CONFLICT_RETRY",
  bodylessResponses: { "POST /things/{id}": [202] },
  secretValues: () => [SECRET],
};

let servers: LocalServer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(handler: (request: RecordedRequest, response: ServerResponse, index: number) => void) {
  let index = 0;
  const server = await startLocalServer((request, response) => handler(request, response, index++));
  servers.push(server);
  return server;
}

function client(server: LocalServer, options: CommonClientOptions = {}) {
  return createApiClient<TestPaths>({ baseUrl: server.url, retry: { baseDelayMs: 1 }, ...options }, provider);
}

const get = (api: ReturnType<typeof client>) => api.GET("/things/{id}", { params: { path: { id: "t1" } } });
const post = (api: ReturnType<typeof client>) => api.POST("/things/{id}", { params: { path: { id: "t1" } }, body: { name: "new" } });
const reset = (response: ServerResponse) => response.socket?.destroy();
const thing = { id: "t1", name: "Thing" };

describe("network faults", () => {
  it("retries a connection reset before any response, then succeeds", async () => {
    const server = await serve((_request, response, index) => (index === 0 ? reset(response) : json(response, 200, thing)));

    const { data } = await get(client(server));

    expect(data).toEqual(thing);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after maxAttempts with a NetworkError that records every attempt", async () => {
    const server = await serve((_request, response) => reset(response));

    const error = await rejectionOf(get(client(server)), NetworkError);

    expect(server.requests).toHaveLength(3);
    expect(error.attempts).toBe(3);
    expect(error.retries?.map((retry) => retry.attempt)).toEqual([1, 2]);
    expect(error.retries?.every((retry) => retry.reason.startsWith("network error") && retry.delayMs <= 2)).toBe(true);
  });

  it("does not retry a POST whose connection dropped after the request was sent", async () => {
    const server = await serve((_request, response) => reset(response));

    const error = await rejectionOf(post(client(server)), NetworkError);

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toBe('{"name":"new"}');
    expect(error.attempts).toBe(1);
    expect(error.retries).toEqual([]);
  });

  it("retries a POST when the connection was refused (nothing reached a server)", async () => {
    const closed = await serve(() => undefined);
    const { url } = closed;
    await closed.close();
    servers = [];
    const api = createApiClient<TestPaths>({ baseUrl: url, retry: { baseDelayMs: 1 } }, provider);

    const error = await rejectionOf(post(api), NetworkError);

    expect(error.code).toBe("ECONNREFUSED");
    expect(error.attempts).toBe(3);
  });
});

describe("timeouts", () => {
  it("times out each attempt of a server that never answers, retries, and leaves no timers behind", async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const server = await serve(() => undefined);

    const error = await rejectionOf(get(client(server, { timeoutMs: 50 })), TimeoutError);

    expect(error).toMatchObject({ kind: "attempt", timeoutMs: 50, attempts: 3 });
    expect(error.retries?.map((retry) => retry.reason)).toEqual(["attempt timed out", "attempt timed out"]);
    // Each attempt times out on the client's clock; on a loaded machine an attempt can time out before its request
    // has reached the server, so the server sees between one and three of them.
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBeLessThanOrEqual(3);
    await server.close();
    const timersAfter = process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    expect(timersAfter).toBeLessThanOrEqual(timersBefore);
  });

  it("stops at the overall deadline even when attempts may take longer", async () => {
    const server = await serve(() => undefined);

    const error = await rejectionOf(get(client(server, { timeoutMs: 10_000, deadlineMs: 80 })), TimeoutError);

    expect(error).toMatchObject({ kind: "deadline", timeoutMs: 80, attempts: 1 });
    expect(error.message).toBe("Test API request GET /things/{id} exceeded its deadline of 80 ms");
  });

  it("times out a body that starts but never finishes", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id":"t1",');
    });

    const error = await rejectionOf(get(client(server, { timeoutMs: 80, retry: false })), TimeoutError);

    expect(error).toMatchObject({ kind: "attempt", attempts: 1 });
  });

  it("gives each call and attempt its own timeout: a client survives a timed-out call", async () => {
    const server = await serve((_request, response, index) => (index === 0 ? undefined : json(response, 200, thing)));
    // Long enough that the second call's loopback round trip fits in it on a loaded machine.
    const api = client(server, { timeoutMs: 1_000, retry: false });

    await rejectionOf(get(api), TimeoutError);
    const { data } = await get(api);

    expect(data).toEqual(thing);
  });

  it("passes the caller's abort through, also while waiting to retry", async () => {
    const controller = new AbortController();
    const server = await serve((_request, response) => json(response, 503, { code: "BUSY" }));
    const api = client(server, { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, onRetry: () => controller.abort() } });

    const error = await rejectionOf(api.GET("/things/{id}", { params: { path: { id: "t1" } }, signal: controller.signal }), Error);

    expect(error.name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });
});

describe("retryable statuses", () => {
  it("retries a 500 and then succeeds, signing every attempt afresh with the same body bytes", async () => {
    const server = await serve((_request, response, index) =>
      index === 0 ? json(response, 500, { code: "OOPS" }) : json(response, 200, thing),
    );

    const { data } = await get(client(server));

    expect(data).toEqual(thing);
    const [first, second] = server.requests.map((request) => request.headers.authorization);
    expect(first).not.toBe(second);
  });

  it.each([502, 503, 504])("retries %i for an idempotent method but not for a POST", async (status) => {
    const server = await serve((_request, response) => json(response, status, { code: "GATEWAY" }));

    const getError = await rejectionOf(get(client(server)), ApiError);
    const postError = await rejectionOf(post(client(server)), ApiError);

    expect([getError.status, getError.attempts, postError.status, postError.attempts]).toEqual([status, 3, status, 1]);
  });

  it("retries a provider-declared retryable error even for a POST, resending the same body bytes", async () => {
    const server = await serve((_request, response, index) =>
      index === 0 ? json(response, 409, { code: "CONFLICT_RETRY" }) : json(response, 201, thing),
    );

    const { data } = await post(client(server));

    expect(data).toEqual(thing);
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"new"}', '{"name":"new"}']);
    expect(new Set(server.requests.map((request) => request.headers.authorization)).size).toBe(2);
  });

  it("does not retry a non-retryable client error", async () => {
    const server = await serve((_request, response) => json(response, 409, { code: "DUPLICATE" }));

    const error = await rejectionOf(post(client(server)), ApiError);

    expect(error).toMatchObject({ status: 409, code: "DUPLICATE", attempts: 1 });
  });

  it("waits as long as Retry-After asks on a 429 (fake clock), then retries", async () => {
    const server = await serve((_request, response, index) =>
      index === 0 ? json(response, 429, { code: "SLOW_DOWN" }, { "retry-after": "7" }) : json(response, 201, thing),
    );
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let onRetry: (event: RetryEvent) => void = () => {};
    const retried = new Promise<RetryEvent>((resolve) => (onRetry = resolve));
    const api = client(server, { retry: { onRetry: (event) => onRetry(event) } });

    const call = post(api);
    const event = await retried;
    expect(event).toEqual({ operation: "POST /things/{id}", attempt: 1, reason: "status 429", delayMs: 7000 });
    await vi.advanceTimersByTimeAsync(7000);
    const { data } = await call;

    expect(data).toEqual(thing);
    expect(server.requests).toHaveLength(2);
  });

  it("does not wait for a Retry-After longer than maxDelayMs: the 429 is the answer", async () => {
    const server = await serve((_request, response) => json(response, 429, { code: "SLOW_DOWN" }, { "retry-after": "3600" }));

    const error = await rejectionOf(get(client(server)), ApiError);

    expect(error).toMatchObject({ status: 429, attempts: 1 });
    expect(error.headers.get("retry-after")).toBe("3600");
  });

  it("makes one attempt when retries are off", async () => {
    const server = await serve((_request, response) => json(response, 503, {}));

    const error = await rejectionOf(get(client(server, { retry: false })), ApiError);

    expect(error.attempts).toBe(1);
  });
});

describe("unusable responses", () => {
  const send = (status: number, contentType: string | undefined, body: string) => (_request: RecordedRequest, response: ServerResponse) => {
    response.writeHead(status, contentType ? { "content-type": contentType } : {});
    response.end(body);
  };

  it("reports invalid JSON as a ResponseParseError with the parser's error as cause", async () => {
    const server = await serve(send(200, "application/json", '{"id": "t1", '));

    const error = await rejectionOf(get(client(server)), ResponseParseError);

    expect(error).toMatchObject({ problem: "invalid-json", status: 200, contentType: "application/json", attempts: 1 });
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.message).toBe('Test API response 200 to GET /things/{id} is not valid JSON (application/json): "{\\"id\\": \\"t1\\","');
  });

  it("reports an HTML page answered with 200 as not JSON", async () => {
    const server = await serve(send(200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>"));

    const error = await rejectionOf(get(client(server)), ResponseParseError);

    expect(error).toMatchObject({ problem: "not-json", contentType: "text/html", snippet: "<html><body>Sign in</body></html>" });
  });

  it("keeps an HTML error page on a 502 as the ApiError's text body, after retrying", async () => {
    const server = await serve(send(502, "text/html", "<html>Bad gateway</html>"));

    const error = await rejectionOf(get(client(server)), ApiError);

    expect(error).toMatchObject({ status: 502, body: "<html>Bad gateway</html>", attempts: 3 });
  });

  it("reports JSON sent with the wrong content type", async () => {
    const server = await serve(send(200, "text/plain", JSON.stringify(thing)));

    const error = await rejectionOf(get(client(server)), ResponseParseError);

    expect(error.problem).toBe("not-json");
  });

  it.each([
    [
      "with Content-Length: 0",
      (_request: RecordedRequest, response: ServerResponse) => response.writeHead(200, { "content-length": "0" }).end(),
    ],
    [
      "chunked",
      (_request: RecordedRequest, response: ServerResponse) => response.writeHead(200, { "content-type": "application/json" }).end(),
    ],
  ])("reports an empty 200 body (%s) where the spec documents JSON", async (_label, handler) => {
    const server = await serve(handler);

    const error = await rejectionOf(get(client(server)), ResponseParseError);

    expect(error.problem).toBe("empty");
  });

  it("accepts an empty body where the spec documents none (204, or a bodyless 2xx of the operation)", async () => {
    const server = await serve((_request, response, index) => response.writeHead(index === 0 ? 204 : 202).end());
    const api = client(server);

    const deleted = await api.DELETE("/things/{id}", { params: { path: { id: "t1" } } });
    const accepted = await post(api);

    expect([deleted.response.status, deleted.data, accepted.response.status, accepted.data]).toEqual([204, undefined, 202, undefined]);
  });

  it("retries a body cut off mid-way for a GET, then reports it as truncated", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"id":"t1"', () => response.socket?.destroy());
    });

    const error = await rejectionOf(get(client(server)), ResponseParseError);

    expect(error).toMatchObject({ problem: "truncated", attempts: 3 });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("stops reading a body larger than maxResponseBytes", async () => {
    const chunk = "x".repeat(64 * 1024);
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 64; i++) response.write(chunk); // 4 MiB, chunked: no length announced
      response.end();
    });

    const error = await rejectionOf(get(client(server, { maxResponseBytes: 1024 * 1024 })), ResponseParseError);

    expect(error).toMatchObject({ problem: "too-large", attempts: 1 });
    expect(error.message).toContain("1048576-byte limit");
  });

  it("refuses an announced Content-Length over the limit before reading", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) });
      response.write("{");
    });

    const error = await rejectionOf(get(client(server, { maxResponseBytes: 1024 * 1024 })), ResponseParseError);

    expect(error.problem).toBe("too-large");
  });

  it("reads a large JSON body under the limit", async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({ id: `t${i}`, name: "é".repeat(20) }));
    const server = await serve((_request, response) => json(response, 200, { id: "big", name: JSON.stringify(items) }));

    const { data } = await get(client(server));

    expect(JSON.parse(data.name)).toHaveLength(50_000);
  });
});

describe("transport security", () => {
  it("refuses plain http to a non-loopback host at construction, unless allowed", () => {
    expect(() => createApiClient<TestPaths>({ baseUrl: "http://idp.example.com" }, provider)).toThrow(ConfigurationError);
    expect(() => createApiClient<TestPaths>({ baseUrl: "http://idp.example.com", allowInsecureHttp: true }, provider)).not.toThrow();
    expect(() => createApiClient<TestPaths>({ baseUrl: "http://localhost:4010" }, provider)).not.toThrow();
    expect(() => createApiClient<TestPaths>({ baseUrl: "http://[::1]:4010" }, provider)).not.toThrow();
  });

  it("refuses a per-call plain http base URL to another host before sending", async () => {
    const server = await serve((_request, response) => json(response, 200, thing));
    const api = client(server);

    const error = await rejectionOf(
      api.GET("/things/{id}", { params: { path: { id: "t1" } }, baseUrl: "http://idp.example.com" }),
      InvalidRequestError,
    );

    expect(error.message).toMatch(/plain http:\/\/ to idp\.example\.com/);
  });

  it("follows a same-origin redirect, signing the new request", async () => {
    const server = await serve((request, response) =>
      request.url === "/things/t1" ? response.writeHead(307, { location: "/things/t1-moved" }).end() : json(response, 200, thing),
    );

    const { data } = await get(client(server));

    expect(data).toEqual(thing);
    expect(server.requests.map((request) => [request.url, request.headers.authorization?.startsWith(`Sig ${SECRET}`)])).toEqual([
      ["/things/t1", true],
      ["/things/t1-moved", true],
    ]);
  });

  it("never follows a redirect to another host, so credentials stay with the original one", async () => {
    const elsewhere = await serve((_request, response) => json(response, 200, thing));
    const server = await serve((_request, response) => response.writeHead(308, { location: `${elsewhere.url}/steal` }).end());

    const error = await rejectionOf(get(client(server)), ApiError);

    expect(error.status).toBe(308);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe("logger", () => {
  it("logs one redacted line per request, response and retry", async () => {
    const server = await serve((_request, response, index) => (index === 0 ? json(response, 429, {}) : json(response, 201, thing)));
    const lines: string[] = [];
    const api = client(server, { logger: { debug: (line) => lines.push(line) } });

    await api.POST("/things/{id}", { params: { path: { id: "t1" } }, body: { name: "new", password: "hunter2-pass" } });

    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\[identity-clients Test\] → POST http:\/\/127\.0\.0\.1:\d+\/things\/t1 attempt 1 headers /);
    expect(lines[0]).toContain('"authorization":"[REDACTED]"');
    expect(lines[0]).toContain('body {"name":"new","password":"[REDACTED]"}');
    expect(lines[1]).toMatch(/^\[identity-clients Test\] ← 429 Too Many Requests POST \/things\/\{id\} in \d+ ms$/);
    expect(lines[2]).toMatch(/^\[identity-clients Test\] retrying POST \/things\/\{id\} in \d+ ms: status 429$/);
    expect(lines[3]).toMatch(/^\[identity-clients Test\] → POST .* attempt 2 /);
    expect(lines[4]).toMatch(/^\[identity-clients Test\] ← 201 Created POST /);
    expect(lines.join("\n")).not.toMatch(/hunter2-pass|s3cr3t/);
  });
});
