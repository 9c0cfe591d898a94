import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf, thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  ConfigurationError,
  checkCredentials,
  createSiitClient,
  IdentityClientError,
  InvalidRequestError,
  readRateLimit,
  SIIT_BASE_URL,
  SiitApiError,
  type SiitClientOptions,
} from "../src/index.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

let server: LocalServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

const configurationError = (run: () => unknown) => thrownBy(run, ConfigurationError);

describe("createSiitClient", () => {
  it("requires an API key, naming the option and the environment variable", () => {
    vi.stubEnv("SIIT_API_KEY", "");
    const error = configurationError(() => createSiitClient());
    expect(error.option).toBe("apiKey");
    expect(error.message).toBe("Invalid client option `apiKey`: it is required; pass `apiKey` or set SIIT_API_KEY");
  });

  it.each([
    ["blank", "  "],
    ["with a trailing newline", "key-from-file\n"],
  ])("rejects an API key that is %s without echoing it", (_label, apiKey) => {
    const error = configurationError(() => createSiitClient({ apiKey }));
    expect(error.option).toBe("apiKey");
    if (apiKey.trim()) expect(error.message).not.toContain(apiKey.trim());
  });

  it("rejects a misspelt option instead of reporting a missing key", () => {
    const options = { apikey: "k" } as unknown as SiitClientOptions;
    expect(configurationError(() => createSiitClient(options)).message).toBe(
      "Invalid client option `apikey`: unknown option; did you mean `apiKey`?",
    );
  });

  it("rejects options that are not an object", () => {
    expect(configurationError(() => createSiitClient(null as unknown as SiitClientOptions)).option).toBe("options");
  });

  it("rejects a bad base URL at construction", () => {
    expect(configurationError(() => createSiitClient({ apiKey: "k", baseUrl: "api.siit.io" })).option).toBe("baseUrl");
  });

  it("sends the key from SIIT_API_KEY as a bearer token, with a User-Agent naming the package", async () => {
    vi.stubEnv("SIIT_API_KEY", "env-key-123");
    server = await startLocalServer((_request, response) => json(response, 200, { uid: "s_1" }));

    await createSiitClient({ baseUrl: server.url }).GET("/v1/applications/{uid}", { params: { path: { uid: "s_1" } } });

    expect(server.requests[0]?.headers.authorization).toBe("Bearer env-key-123");
    expect(server.requests[0]?.headers["user-agent"]).toBe(`identity-clients-siit/${version} node/${process.versions.node}`);
  });

  it("talks to https://api.siit.io by default", async () => {
    const urls: string[] = [];
    const recordOnly = async (request: Request) => {
      urls.push(request.url);
      return Response.json({ meta: {}, results: [] });
    };

    await createSiitClient({ apiKey: "k", fetch: recordOnly }).GET("/v1/applications");

    expect(SIIT_BASE_URL).toBe("https://api.siit.io");
    expect(urls).toEqual(["https://api.siit.io/v1/applications"]);
  });
});

describe("requests", () => {
  it("refuses an empty application uid instead of posting to /v1/applications//instances", async () => {
    const sent: string[] = [];
    const siit = createSiitClient({
      apiKey: "k",
      fetch: async (request) => {
        sent.push(request.url);
        return Response.json({});
      },
    });

    const call = siit.POST("/v1/applications/{uid}/instances", {
      params: { path: { uid: "" } },
      body: { provider: "okta_actions", external_id: "x" },
    });
    const error = await rejectionOf(call, InvalidRequestError);

    expect(error.parameter).toBe("uid");
    expect(sent).toEqual([]);
  });
});

describe("rate limits and retries", () => {
  it("waits until X-SiitApi-Reset after a 429 (fake clock), then retries the same create", async () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now });
    server = await startLocalServer((_request, response) =>
      server?.requests.length === 1
        ? json(
            response,
            429,
            { error: "Too many requests" },
            { "X-SiitApi-Limit": "60", "X-SiitApi-Remaining": "0", "X-SiitApi-Reset": String(now / 1000 + 12) },
          )
        : json(response, 201, { result: { instance_name: "Slack [okta_actions]" } }),
    );
    let onRetry: (event: { delayMs: number; reason: string }) => void = () => {};
    const retried = new Promise<{ delayMs: number; reason: string }>((resolve) => (onRetry = resolve));
    const siit = createSiitClient({ apiKey: "k-123456", baseUrl: server.url, retry: { onRetry: (event) => onRetry(event) } });

    const call = siit.POST("/v1/applications/{uid}/instances", {
      params: { path: { uid: "s_1" } },
      body: { provider: "okta_actions", external_id: "0oa8" },
    });
    expect(await retried).toMatchObject({ delayMs: 12_000, reason: "status 429" });
    await vi.advanceTimersByTimeAsync(12_000);
    const { data } = await call;
    vi.useRealTimers();

    expect(data.result?.instance_name).toBe("Slack [okta_actions]");
    expect(server.requests.map((request) => request.body)).toEqual([server.requests[0]?.body, server.requests[0]?.body]);
  });

  it("does not retry a failed create that may have reached Siit (a 503)", async () => {
    server = await startLocalServer((_request, response) => json(response, 503, { error: "Unavailable" }));
    const siit = createSiitClient({ apiKey: "k-123456", baseUrl: server.url });

    const error = await rejectionOf(
      siit.POST("/v1/applications/{uid}/instances", {
        params: { path: { uid: "s_1" } },
        body: { provider: "okta_actions", external_id: "0oa8" },
      }),
      Error,
    );

    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("checkCredentials", () => {
  it("resolves true when GET /ping answers pong, sending the key", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { result: "pong" }));

    await expect(checkCredentials(createSiitClient({ apiKey: "k-valid-123", baseUrl: server.url }))).resolves.toBe(true);

    expect(server.requests.map((request) => [request.method, request.url, request.headers.authorization])).toEqual([
      ["GET", "/ping", "Bearer k-valid-123"],
    ]);
  });

  it("rejects with a SiitApiError 401 for a key Siit refuses, after one attempt", async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(401);
      response.end();
    });

    const error = await rejectionOf(checkCredentials(createSiitClient({ apiKey: "k-revoked-123", baseUrl: server.url })), SiitApiError);

    expect(error).toMatchObject({ status: 401, attempts: 1 });
    expect(error.message).not.toContain("k-revoked-123");
  });

  it("rejects when a 2xx is not Siit's pong (a proxy or a wrong baseUrl)", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { status: "ok" }));

    const error = await rejectionOf(checkCredentials(createSiitClient({ apiKey: "k-123456", baseUrl: server.url })), IdentityClientError);

    expect(error.message).toBe('GET /ping answered 200 without "pong": is baseUrl the Siit API?');
  });
});

describe("readRateLimit", () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  const reset = (value: string, receivedAt?: number) => readRateLimit(headers({ "X-SiitApi-Reset": value }), receivedAt)?.resetAt;

  it("reads limit and remaining, and the reset time as Unix seconds, milliseconds or a date", () => {
    expect(readRateLimit(headers({ "X-SiitApi-Limit": "60", "X-SiitApi-Remaining": "12" }))).toEqual({
      limit: 60,
      remaining: 12,
      resetAt: undefined,
    });
    expect(reset("1737368460")).toEqual(new Date(1_737_368_460_000));
    expect(reset(" 1737368460.25 ")).toEqual(new Date(1_737_368_460_250));
    expect(reset("1737368460123")).toEqual(new Date(1_737_368_460_123));
    expect(reset("2025-01-20T10:21:00Z")).toEqual(new Date("2025-01-20T10:21:00Z"));
    expect(reset("Mon, 20 Jan 2025 10:21:00 GMT")).toEqual(new Date("2025-01-20T10:21:00Z"));
  });

  it("reads a small number as seconds from when the answer arrived: the given time, else the Date header", () => {
    const receivedAt = Date.parse("2026-11-23T12:00:00Z");
    expect(reset("42", receivedAt)).toEqual(new Date(receivedAt + 42_000));
    const fromDateHeader = readRateLimit(headers({ "X-SiitApi-Reset": "30", Date: "Mon, 23 Nov 2026 12:00:00 GMT" }));
    expect(fromDateHeader?.resetAt).toEqual(new Date(receivedAt + 30_000));
  });

  it("is undefined without rate-limit headers and ignores malformed values", () => {
    expect(readRateLimit(new Response(null))).toBeUndefined();
    expect(readRateLimit(headers({ "X-SiitApi-Limit": "lots", "X-SiitApi-Reset": "soon" }))).toBeUndefined();
    expect(reset("-5")).toBeUndefined();
    expect(reset("12 parsecs")).toBeUndefined();
  });

  it("reads the headers of an answer of any status, e.g. a 404 error", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 404, { error: "Application not found" }, { "X-SiitApi-Limit": "60", "X-SiitApi-Remaining": "41" }),
    );
    const siit = createSiitClient({ apiKey: "k-123456", baseUrl: server.url });

    const error = await rejectionOf(siit.GET("/v1/applications/{uid}", { params: { path: { uid: "s_404" } } }), SiitApiError);

    expect(error.status).toBe(404);
    expect(error.rateLimit).toEqual({ limit: 60, remaining: 41, resetAt: undefined });
  });
});
