import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createScpClient, IdentityClientError, paginate, ScpApiError } from "../src/index.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Loose test items: the server below answers whatever it is given.
type Item = { id: string; name: string };
const instances = (count: number): Item[] => Array.from({ length: count }, (_, i) => ({ id: `ssoins-${i}`, name: `Instance ${i}` }));

/** A server that pages `all` with the `page` and `size` it is asked for, like the real list endpoint. */
async function pagingServer(all: Item[], { withCount = true } = {}) {
  return startLocalServer((request, response) => {
    const query = new URL(request.url, "http://x").searchParams;
    const page = Number(query.get("page") ?? 0);
    const size = Number(query.get("size") ?? 20);
    const body: Record<string, unknown> = { instances: all.slice(page * size, (page + 1) * size), page, size, sort: [] };
    if (withCount) body.count = all.length;
    json(response, 200, body);
  });
}

async function collect(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const ids: string[] = [];
  for await (const instance of iterable) ids.push(instance.id ?? "?");
  return ids;
}

const client = (baseUrl: string) => createScpClient({ accessKey: "ak", secretKey: "sk", baseUrl });

describe("paginate", () => {
  it.each([
    [0, 2, true],
    [1, 2, true],
    [4, 2, true],
    [5, 2, true],
    [5, 2, false],
    [4, 2, false],
    [45, 20, true],
  ])("yields all %i instances with page size %i (count sent: %s), each exactly once", async (total, size, withCount) => {
    server = await pagingServer(instances(total), { withCount });
    const ids = await collect(paginate(client(server.url), "/v1/instances", { params: { query: { size, sort: "name:asc" } } }));

    expect(ids).toEqual(instances(total).map((instance) => instance.id));
    const pages = server.requests.map((request) => new URL(request.url, "http://x").searchParams);
    expect(pages.map((query) => query.get("page"))).toEqual(pages.map((_, i) => String(i)));
    expect(pages.every((query) => query.get("size") === String(size) && query.get("sort") === "name:asc")).toBe(true);
    // A full last page needs one more (empty) request only when the server sends no count.
    const expectedRequests = withCount ? Math.max(1, Math.ceil(total / size)) : Math.floor(total / size) + 1;
    expect(server.requests).toHaveLength(expectedRequests);
  });

  it("starts at the requested page", async () => {
    server = await pagingServer(instances(5));
    const ids = await collect(paginate(client(server.url), "/v1/instances", { params: { query: { page: 1, size: 2 } } }));
    expect(ids).toEqual(["ssoins-2", "ssoins-3", "ssoins-4"]);
  });

  it("stops with an error when the server ignores page and repeats itself (no page field, no count)", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { instances: instances(2) }));
    const seen: string[] = [];
    const run = (async () => {
      for await (const instance of paginate(client(server!.url), "/v1/instances", { params: { query: { size: 2 } } }))
        seen.push(instance.id ?? "");
    })();

    const error = await rejectionOf(run, IdentityClientError);
    expect(error.message).toContain("same instances as page 0");
    expect(seen).toEqual(["ssoins-0", "ssoins-1"]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops with an error when the server answers another page than asked", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { instances: instances(2), page: 0, size: 2 }));
    const error = await rejectionOf(
      collect(paginate(client(server.url), "/v1/instances", { params: { query: { size: 2 } } })),
      IdentityClientError,
    );
    expect(error.message).toContain("answered page 0 when asked for page 1");
  });

  it("rejects a bad size or page before sending", async () => {
    server = await pagingServer(instances(1));
    await rejectionOf(collect(paginate(client(server.url), "/v1/instances", { params: { query: { size: 0 } } })), IdentityClientError);
    await rejectionOf(collect(paginate(client(server.url), "/v1/instances", { params: { query: { page: -1 } } })), IdentityClientError);
    expect(server.requests).toEqual([]);
  });

  it("rejects with the ScpApiError of a failing page", async () => {
    server = await startLocalServer((_request, response) => json(response, 403, { message: "denied" }));
    const error = await rejectionOf(collect(paginate(client(server.url), "/v1/instances")), ScpApiError);
    expect(error.status).toBe(403);
  });
});
