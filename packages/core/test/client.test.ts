import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  ApiError,
  ConfigurationError,
  createApiClient,
  InvalidRequestError,
  NetworkError,
  type ProviderDefinition,
  TimeoutError,
} from "../src/index.js";

// A hand-written stand-in for openapi-typescript output: one path, GET and POST.
interface TestPaths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { verbose?: boolean }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: string; name: string } } };
        404: { headers: Record<string, unknown>; content: { "application/json": { code: string; message: string } } };
      };
    };
    post: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: { content: { "application/json": { name: string } } };
      responses: {
        201: { headers: Record<string, unknown>; content: { "application/json": { id: string; name: string } } };
      };
    };
  };
}

const SECRET = "secret-token-7d1e";

const provider: ProviderDefinition = {
  name: "Test",
  packageName: "@identity-clients/test",
  packageVersion: "1.2.3",
  defaultBaseUrl: "https://api.test.invalid",
  authenticate(request) {
    request.headers.set("Authorization", `Bearer ${SECRET}`);
  },
  describeError(body) {
    const { code, message } = (body ?? {}) as { code?: string; message?: string };
    return { code, detail: message };
  },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createApiClient", () => {
  it("sends typed requests with credentials and a User-Agent, and resolves with typed data", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { id: "t_1", name: "Thing" }));
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);

    const { data, response } = await client.GET("/things/{id}", { params: { path: { id: "t_1" }, query: { verbose: true } } });

    expectTypeOf(data).toEqualTypeOf<{ id: string; name: string }>();
    expect(data).toEqual({ id: "t_1", name: "Thing" });
    expect(response.status).toBe(200);
    const [sent] = server.requests;
    expect(sent?.url).toBe("/things/t_1?verbose=true");
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(sent?.headers["user-agent"]).toBe(`identity-clients-test/1.2.3 node/${process.versions.node}`);
  });

  it("calls fetch on its own, with no `this` (workerd's fetch throws Illegal invocation on any other)", async () => {
    const receivers: unknown[] = [];
    const fetch = function (this: unknown, _request: Request) {
      receivers.push(this);
      return Promise.resolve(Response.json({ id: "t_1", name: "Thing" }));
    };
    const client = createApiClient<TestPaths>({ baseUrl: "https://api.test.invalid", fetch }, provider);

    await client.GET("/things/{id}", { params: { path: { id: "t_1" } } });

    expect(receivers).toEqual([undefined]);
  });

  it("sends the JSON body and extra headers", async () => {
    server = await startLocalServer((request, response) => json(response, 201, { id: "t_2", ...JSON.parse(request.body) }));
    const client = createApiClient<TestPaths>({ baseUrl: server.url, headers: { "X-Trace": "abc" } }, provider);

    const { data } = await client.POST("/things/{id}", { params: { path: { id: "t_2" } }, body: { name: "New" } });

    expect(data).toEqual({ id: "t_2", name: "New" });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(server.requests[0]?.headers["x-trace"]).toBe("abc");
  });

  it("rejects a non-2xx response with an ApiError carrying status, code, message and request id", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 404, { code: "NOT_FOUND", message: "No such thing" }, { "x-request-id": "req-42" }),
    );
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);

    const error = await rejectionOf(client.GET("/things/{id}", { params: { path: { id: "nope" } } }), ApiError);

    expect(error).toMatchObject({
      name: "ApiError",
      status: 404,
      code: "NOT_FOUND",
      detail: "No such thing",
      requestId: "req-42",
      operation: "GET /things/{id}",
      body: { code: "NOT_FOUND", message: "No such thing" },
    });
    expect(error.message).toBe("Test API error 404 Not Found on GET /things/{id} [NOT_FOUND]: No such thing (request id req-42)");
    expect(error.stack).toMatch(/^ApiError: Test API error 404/);
  });

  it("keeps a non-JSON error body as text", async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html>Bad gateway</html>");
    });
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);

    const error = await rejectionOf(client.GET("/things/{id}", { params: { path: { id: "x" } } }), ApiError);

    expect(error.status).toBe(502);
    expect(error.body).toBe("<html>Bad gateway</html>");
  });

  it("never lets middleware or errors see the credentials", async () => {
    server = await startLocalServer((_request, response) => json(response, 404, { code: "X", message: "gone" }));
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);
    const seen: string[] = [];
    client.use({
      onRequest: ({ request }) => void seen.push(request.headers.get("authorization") ?? "none"),
      onResponse: ({ request }) => void seen.push(request.headers.get("authorization") ?? "none"),
    });

    const error = await rejectionOf(client.GET("/things/{id}", { params: { path: { id: "x" } } }), ApiError);

    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(seen).toEqual(["none", "none"]);
    const { inspect } = await import("node:util");
    for (const text of [String(error), error.stack, JSON.stringify(error), inspect(error)]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it("turns a refused connection into a NetworkError", async () => {
    server = await startLocalServer(() => undefined);
    const { url } = server;
    await server.close();
    server = undefined;
    const client = createApiClient<TestPaths>({ baseUrl: url }, provider);

    const error = await rejectionOf(client.GET("/things/{id}", { params: { path: { id: "x" } } }), NetworkError);

    expect(error.message).toMatch(/^Test API request GET \/things\/\{id\} failed before a response arrived/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("turns an unanswered request into a TimeoutError after timeoutMs", async () => {
    server = await startLocalServer(() => undefined); // never answers
    const client = createApiClient<TestPaths>({ baseUrl: server.url, timeoutMs: 50 }, provider);

    const error = await rejectionOf(client.GET("/things/{id}", { params: { path: { id: "x" } } }), TimeoutError);

    expect(error).toMatchObject({ timeoutMs: 50, operation: "GET /things/{id}" });
  });

  it("passes the caller's abort through as an AbortError, not a timeout", async () => {
    const controller = new AbortController();
    server = await startLocalServer(() => controller.abort()); // aborts once the request has arrived
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);

    const call = client.GET("/things/{id}", { params: { path: { id: "x" } }, signal: controller.signal });
    const error = await rejectionOf(call, Error);

    expect(error.name).toBe("AbortError");
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it.each([
    ["missing", undefined, "is missing"],
    ["empty", "", "is empty"],
    ["blank", "  ", "is empty"],
    ["a dot segment", "..", 'must not be ".."'],
    ["an object", { id: 1 }, "must be a string or number, got object"],
  ])("rejects a path parameter that is %s before sending anything", async (_label, id, problem) => {
    server = await startLocalServer((_request, response) => json(response, 200, { id: "t", name: "n" }));
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);
    const params = { path: { id } } as unknown as { path: { id: string } };

    const error = await rejectionOf(client.GET("/things/{id}", { params }), InvalidRequestError);

    expect(error.message).toBe(`Invalid request GET /things/{id}: path parameter \`id\` ${problem}; nothing was sent`);
    expect(error.parameter).toBe("id");
    expect(server.requests).toEqual([]);
  });

  it("encodes reserved characters in path parameters instead of letting them change the path", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { id: "t", name: "n" }));
    const client = createApiClient<TestPaths>({ baseUrl: server.url }, provider);

    await client.GET("/things/{id}", { params: { path: { id: "a/../b?c#d é" } } });

    expect(server.requests[0]?.url).toBe("/things/a%2F..%2Fb%3Fc%23d%20%C3%A9");
  });

  it("validates its options at construction", () => {
    expect(() => createApiClient<TestPaths>({ baseUrl: "not a url" }, provider)).toThrow(ConfigurationError);
    expect(() => createApiClient<TestPaths>({ timeoutMs: -5 }, provider)).toThrow(/`timeoutMs`/);
  });
});
