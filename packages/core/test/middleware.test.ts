// openapi-fetch's middleware and per-call options, which the core runs itself (openapi-fetch provides the
// serializers): the same behaviour as openapi-fetch's client, with credentials still added after middleware.
import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { ApiError, createApiClient, InvalidRequestError, type Middleware, NetworkError, type ProviderDefinition } from "../src/index.js";

interface TestPaths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { tags?: string[]; filter?: { name?: string } }; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { "application/json": { id: string } } } };
    };
    post: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: { content: { "application/json": { name: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { "application/json": { id: string } } } };
    };
  };
}

const SECRET = "secret-token-5c2a";
const provider: ProviderDefinition = {
  name: "Test",
  packageName: "@identity-clients/test",
  packageVersion: "1.2.3",
  defaultBaseUrl: "https://api.test.invalid",
  authenticate(request) {
    request.headers.set("Authorization", `Bearer ${SECRET}`);
  },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const thing = { id: "t1" };
const get = { params: { path: { id: "t1" } } } as const;
const api = (url: string) => createApiClient<TestPaths>({ baseUrl: url, retry: false }, provider);

describe("middleware", () => {
  it("runs onRequest in order and onResponse in reverse, sending what onRequest returned, credentials added after", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, thing));
    const client = api(server.url);
    const order: string[] = [];
    const tagging = (name: string): Middleware => ({
      onRequest({ request, schemaPath, params }) {
        order.push(`request ${name} ${schemaPath} ${JSON.stringify(params)} ${request.headers.get("authorization")}`);
        const headers = new Headers(request.headers);
        headers.append("X-Seen-By", name);
        return new Request(request, { headers });
      },
      onResponse({ response }) {
        order.push(`response ${name} ${response.status}`);
      },
    });
    client.use(tagging("a"), tagging("b"));

    const { data } = await client.GET("/things/{id}", get);

    expect(data).toEqual(thing);
    expect(order).toEqual([
      'request a /things/{id} {"path":{"id":"t1"}} null',
      'request b /things/{id} {"path":{"id":"t1"}} null',
      "response b 200",
      "response a 200",
    ]);
    expect(server.requests[0]!.headers["x-seen-by"]).toBe("a, b");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it("lets onRequest answer without sending, and onResponse replace the answer (a non-2xx one still rejects)", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, thing));
    const client = api(server.url);
    const answering: Middleware = { onRequest: () => Response.json({ id: "from middleware" }) };
    client.use(answering);

    expect((await client.GET("/things/{id}", get)).data).toEqual({ id: "from middleware" });
    expect(server.requests).toEqual([]);

    client.eject(answering);
    client.use({ onResponse: () => Response.json({ message: "no" }, { status: 404 }) });
    const error = await rejectionOf(client.GET("/things/{id}", get), ApiError);
    expect(error.status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it("gives onError the failure, which it may answer or replace", async () => {
    server = await startLocalServer(() => undefined);
    const { url } = server;
    await server.close();
    server = undefined;
    const client = api(url);
    const errors: unknown[] = [];
    client.use({
      onError({ error }) {
        errors.push(error);
        return Response.json({ id: "recovered" });
      },
    });

    expect((await client.GET("/things/{id}", get)).data).toEqual({ id: "recovered" });
    expect(errors[0]).toBeInstanceOf(NetworkError);

    const replacing = api(url);
    replacing.use({ onError: () => new Error("replaced") });
    expect((await rejectionOf(replacing.GET("/things/{id}", get), Error)).message).toBe("replaced");
  });

  it("runs per-call middleware after the client's, and rejects what is not middleware as openapi-fetch does", async () => {
    server = await startLocalServer((request, response) => json(response, 200, { id: request.headers["x-order"] }));
    const client = api(server.url);
    const stamp = (value: string): Middleware => ({
      onRequest({ request }) {
        const headers = new Headers(request.headers);
        headers.append("X-Order", value);
        return new Request(request, { headers });
      },
    });
    client.use(stamp("client"));

    const { data } = await client.GET("/things/{id}", { ...get, middleware: [stamp("call")] });

    expect(data).toEqual({ id: "client, call" });
    expect(() => client.use({} as Middleware)).toThrow(/Middleware must be an object/);
    await expect(client.GET("/things/{id}", { ...get, middleware: [{ onRequest: () => "x" as never }] })).rejects.toThrow(
      "onRequest: must return new Request() or Response() when modifying the request",
    );
  });
});

describe("openapi-fetch's per-call options", () => {
  it("serializes queries with the call's querySerializer, and paths with its pathSerializer", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, thing));
    const client = api(server.url);

    await client.GET("/things/{id}", { params: { path: { id: "t1" }, query: { tags: ["a", "b"], filter: { name: "x" } } } });
    await client.GET("/things/{id}", {
      params: { path: { id: "t1" }, query: { tags: ["a", "b"] } },
      querySerializer: { array: { style: "form", explode: false } },
    });
    await client.GET("/things/{id}", {
      params: { path: { id: "t1" } },
      querySerializer: () => "raw=1",
      pathSerializer: (path, params) => path.replace("{id}", `id-${String(params.id)}`),
    });

    expect(server.requests.map((request) => request.url)).toEqual([
      "/things/t1?tags=a&tags=b&filter[name]=x",
      "/things/t1?tags=a,b",
      "/things/id-t1?raw=1",
    ]);
  });

  it("sends form-encoded, FormData and custom-serialized bodies with the content type they imply, and signs them as sent", async () => {
    server = await startLocalServer((_request, response) => json(response, 201, thing));
    const client = api(server.url);
    const post = { params: { path: { id: "t1" } } } as const;

    await client.POST("/things/{id}", { ...post, body: { name: "a b" }, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const form = new FormData();
    form.set("name", "c");
    await client.POST("/things/{id}", { ...post, body: form as never });
    await client.POST("/things/{id}", { ...post, body: { name: "d" }, bodySerializer: (body) => `name=${body.name}` });

    const [encoded, multipart, custom] = server.requests;
    expect([encoded!.body, encoded!.headers["content-type"]]).toEqual(["name=a+b", "application/x-www-form-urlencoded"]);
    expect(multipart!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart!.body).toContain('name="name"\r\n\r\nc');
    expect([custom!.body, custom!.headers["content-type"]]).toEqual(["name=d", "application/json"]);
    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
  });

  it("reads the body as parseAs asks, sends to a per-call baseUrl, and refuses an unknown parseAs before sending", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, thing));
    const client = createApiClient<TestPaths>({ baseUrl: "https://unused.invalid", retry: false }, provider);

    const text = await client.GET("/things/{id}", { ...get, baseUrl: `${server.url}/`, parseAs: "text" });
    const bytes = await client.GET("/things/{id}", { ...get, baseUrl: server.url, parseAs: "arrayBuffer" });

    expect(text.data).toBe(JSON.stringify(thing));
    expect(new TextDecoder().decode(bytes.data)).toBe(JSON.stringify(thing));
    const error = await rejectionOf(
      client.GET("/things/{id}", { ...get, baseUrl: server.url, parseAs: "xml" as never }),
      InvalidRequestError,
    );
    expect(error.parameter).toBe("parseAs");
    expect(server.requests).toHaveLength(2);
  });
});
