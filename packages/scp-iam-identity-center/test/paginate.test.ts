import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  createScpClient,
  type InstanceListItem,
  InvalidRequestError,
  PaginationError,
  paginate,
  paginateListInstances,
  ScpApiError,
} from "../src/index.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const instances = (count: number): InstanceListItem[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `ssoins-${i}`,
    master_account_id: "acc-1",
    organization_id: "org-1",
    region: "kr-west1",
    srn: `srn:e::acc-1:kr-west1::iam-identity-center:instance/ssoins-${i}`,
    created_at: "2026-11-30T00:00:00Z",
    created_by: "user-1",
    modified_at: "2026-11-30T00:00:00Z",
    modified_by: "user-1",
  }));

/** A server that pages `all` with the `page` and `size` it is asked for, like the real list endpoint. */
async function pagingServer(all: InstanceListItem[], { withCount = true } = {}) {
  return startLocalServer((request, response) => {
    const query = new URL(request.url, "http://x").searchParams;
    const page = Number(query.get("page") ?? 0);
    const size = Number(query.get("size") ?? 20);
    const body: Record<string, unknown> = { instances: all.slice(page * size, (page + 1) * size), page, size, sort: [] };
    if (withCount) body.count = all.length;
    json(response, 200, body);
  });
}

async function collect(iterable: AsyncIterable<InstanceListItem>): Promise<string[]> {
  const ids: string[] = [];
  for await (const instance of iterable) ids.push(instance.id ?? "?");
  return ids;
}

const client = (baseUrl: string) => createScpClient({ accessKey: "ak", secretKey: "sk", baseUrl });

describe("paginateListInstances", () => {
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
    const ids = await collect(paginateListInstances(client(server.url), { params: { query: { size, sort: "name:asc" } } }));

    expect(ids).toEqual(instances(total).map((instance) => instance.id));
    const pages = server.requests.map((request) => new URL(request.url, "http://x").searchParams);
    expect(pages.map((query) => query.get("page"))).toEqual(pages.map((_, i) => String(i)));
    expect(pages.every((query) => query.get("size") === String(size) && query.get("sort") === "name:asc")).toBe(true);
    // With a count the list ends when that many were read; without one, only an empty page ends it.
    const expectedRequests = withCount ? Math.max(1, Math.ceil(total / size)) : Math.ceil(total / size) + 1;
    expect(server.requests).toHaveLength(expectedRequests);
  });

  it("reads all 23 instances from a server that caps the page size at 5 (a short page is not the end)", async () => {
    const all = instances(23);
    server = await startLocalServer((request, response) => {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page"));
      json(response, 200, { count: all.length, page, size: 5, sort: [], instances: all.slice(page * 5, page * 5 + 5) });
    });

    const ids = await collect(paginateListInstances(client(server.url), { params: { query: { size: 50 } } }));

    expect(ids).toEqual(all.map((instance) => instance.id));
    expect(server.requests).toHaveLength(5);
  });

  it("starts at the requested page", async () => {
    server = await pagingServer(instances(5));
    const ids = await collect(paginateListInstances(client(server.url), { params: { query: { page: 1, size: 2 } } }));
    expect(ids).toEqual(["ssoins-2", "ssoins-3", "ssoins-4"]);
  });

  it("stops with a PaginationError when the server ignores page and repeats itself", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { instances: instances(2) }));
    const seen: string[] = [];
    const run = (async () => {
      for await (const instance of paginateListInstances(client(server!.url), { params: { query: { size: 2 } } }))
        seen.push(instance.id ?? "");
    })();

    const error = await rejectionOf(run, PaginationError);
    expect(error).toMatchObject({ problem: "repeated-page", operation: "GET /v1/instances" });
    expect(seen).toEqual(["ssoins-0", "ssoins-1"]);
    expect(server.requests).toHaveLength(2);
  });

  it("rejects a negative start page before sending", async () => {
    server = await pagingServer(instances(1));
    await rejectionOf(collect(paginateListInstances(client(server.url), { params: { query: { page: -1 } } })), InvalidRequestError);
    expect(server.requests).toEqual([]);
  });

  it("rejects with the ScpApiError of a failing page", async () => {
    server = await startLocalServer((_request, response) => json(response, 403, { message: "denied" }));
    const error = await rejectionOf(collect(paginateListInstances(client(server.url))), ScpApiError);
    expect(error.status).toBe(403);
  });

  it("still works through the deprecated paginate(client, path)", async () => {
    server = await pagingServer(instances(3));
    expect(await collect(paginate(client(server.url), "/v1/instances", { params: { query: { size: 2 } } }))).toEqual(
      instances(3).map((instance) => instance.id),
    );
  });
});
