// Paginators of each style against local servers that page as the providers do, and misbehave as servers can:
// capping the page size, repeating a marker or a page, ignoring the page parameter.
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createApiClient, InvalidRequestError, PaginationError, type ProviderDefinition, paginator } from "../src/index.js";

interface Item {
  id: number;
}
type ListOp<Query, Body> = {
  parameters: { query?: Query; header?: never; path?: never; cookie?: never };
  requestBody?: never;
  responses: { 200: { headers: Record<string, unknown>; content: { "application/json": Body } } };
};
interface TestPaths {
  "/marker": { get: ListOp<{ limit?: number; marker?: string }, { items?: Item[]; page_info?: { next_marker?: string | null } }> };
  "/pages": { get: ListOp<{ page?: number; size?: number }, { count?: number; page?: number; instances?: Item[] }> };
  "/linked": { get: ListOp<{ page?: number; per_page?: number }, { meta?: { next_page_link?: string | null }; results?: Item[] }> };
}

const provider: ProviderDefinition = {
  name: "Test",
  packageName: "@identity-clients/test",
  packageVersion: "1.0.0",
  defaultBaseUrl: "https://api.test.invalid",
  authenticate: () => {},
};

const paginateMarker = paginator("get", "/marker", {
  style: "marker",
  items: "items",
  marker: "marker",
  nextMarker: "page_info.next_marker",
  limit: "limit",
});
const paginatePages = paginator("get", "/pages", {
  style: "page",
  items: "instances",
  page: "page",
  firstPage: 0,
  size: "size",
  count: "count",
});
const paginateLinked = paginator("get", "/linked", {
  style: "link",
  items: "results",
  page: "page",
  firstPage: 1,
  nextLink: "meta.next_page_link",
});

const ITEMS: Item[] = Array.from({ length: 23 }, (_, index) => ({ id: index + 1 }));

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: (query: URLSearchParams, path: string) => { status?: number; body: unknown }) {
  server = await startLocalServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const { status = 200, body } = handler(url.searchParams, url.pathname);
    json(response, status, body);
  });
  return createApiClient<TestPaths>({ baseUrl: server.url, retry: false }, provider);
}

const queries = () => server?.requests.map((request) => new URL(request.url, "http://localhost").search) ?? [];

describe("marker style", () => {
  const markerServer = (pageSize: number) =>
    clientFor((query) => {
      const start = Number(query.get("marker") ?? "0");
      const items = ITEMS.slice(start, start + pageSize);
      const next = start + pageSize < ITEMS.length ? String(start + pageSize) : null;
      return { body: { items, page_info: { next_marker: next } } };
    });

  it("follows next_marker until it is null and yields every item once", async () => {
    const client = await markerServer(10);

    const ids = [];
    for await (const item of paginateMarker(client, { params: { query: { limit: 10 } } })) ids.push(item.id);

    expect(ids).toEqual(ITEMS.map((item) => item.id));
    expect(queries()).toEqual(["?limit=10", "?limit=10&marker=10", "?limit=10&marker=20"]);
  });

  it.each([undefined, ""])("ends on a next_marker of %j", async (end) => {
    const client = await clientFor(() => ({ body: { items: [{ id: 1 }], page_info: end === undefined ? {} : { next_marker: end } } }));

    expect(await paginateMarker(client).toArray()).toEqual([{ id: 1 }]);
  });

  it("rejects with a PaginationError when the server repeats a marker, after yielding what it read", async () => {
    const client = await clientFor((query) => ({
      body: { items: [{ id: Number(query.get("marker") ?? 0) }], page_info: { next_marker: query.get("marker") ? "a" : "a" } },
    }));
    const seen: number[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const item of paginateMarker(client)) seen.push(item.id);
      })(),
      PaginationError,
    );

    expect(error).toMatchObject({ problem: "repeated-marker", operation: "GET /marker", pages: 2, items: 2 });
    expect(error.message).toBe(
      'Paginating GET /marker stopped after 2 page(s) and 2 item(s): the server returned page_info.next_marker "a" again',
    );
    expect(seen).toHaveLength(2);
  });

  it("starts from a marker the caller gives, and treats it as already seen", async () => {
    const client = await clientFor(() => ({ body: { items: [], page_info: { next_marker: "m1" } } }));

    const error = await rejectionOf(paginateMarker(client, { params: { query: { marker: "m1" } } }).toArray(), PaginationError);

    expect(error.problem).toBe("repeated-marker");
    expect(queries()).toEqual(["?marker=m1"]);
  });
});

describe("page style (page, size, count)", () => {
  it("reads every item from a server that caps the page size, stopping on count rather than on a short page", async () => {
    // Asked for 50 per page, the server answers 5: a paginator that stopped on a page shorter than `size` would yield 5.
    const client = await clientFor((query) => {
      const page = Number(query.get("page"));
      return { body: { count: ITEMS.length, page, instances: ITEMS.slice(page * 5, page * 5 + 5) } };
    });

    const items = await paginatePages(client, { params: { query: { size: 50 } } }).toArray();

    expect(items).toEqual(ITEMS);
    expect(queries()).toEqual([0, 1, 2, 3, 4].map((page) => `?size=50&page=${page}`));
  });

  it("ends on an empty page when the answer has no count", async () => {
    const client = await clientFor((query) => ({
      body: { instances: ITEMS.slice(Number(query.get("page")) * 10, Number(query.get("page")) * 10 + 10) },
    }));

    expect(await paginatePages(client).toArray()).toEqual(ITEMS);
    expect(server?.requests).toHaveLength(4);
  });

  it("rejects with a PaginationError when the server ignores page and repeats it", async () => {
    const client = await clientFor(() => ({ body: { count: 23, page: 0, instances: ITEMS.slice(0, 5) } }));

    const error = await rejectionOf(paginatePages(client).toArray(), PaginationError);

    expect(error).toMatchObject({ problem: "repeated-page", pages: 2, items: 5 });
    expect(error.message).toContain("page 1 holds the same items as page 0: the server ignores `page`");
  });

  it("counts from the page the caller starts at", async () => {
    const client = await clientFor((query) => {
      const page = Number(query.get("page"));
      return { body: { count: ITEMS.length, instances: ITEMS.slice(page * 10, page * 10 + 10) } };
    });

    expect(await paginatePages(client, { params: { query: { page: 1 } } }).toArray()).toEqual(ITEMS.slice(10));
    expect(queries()).toEqual(["?page=1", "?page=2"]);
  });

  it("rejects a start page below the first page before sending anything", async () => {
    const client = await clientFor(() => ({ body: {} }));

    const error = await rejectionOf(paginatePages(client, { params: { query: { page: -1 } } }).toArray(), InvalidRequestError);

    expect(error.message).toBe("Invalid request GET /pages: query parameter `page` must be an integer >= 0, got -1; nothing was sent");
    expect(server?.requests).toHaveLength(0);
  });
});

describe("link style (next_page_link)", () => {
  it("requests the page the link names until the link is null", async () => {
    const client = await clientFor((query) => {
      const page = Number(query.get("page"));
      const next = page * 10 < ITEMS.length ? `https://api.test.invalid/linked?page=${page + 1}&per_page=10` : null;
      return { body: { meta: { next_page_link: next }, results: ITEMS.slice((page - 1) * 10, page * 10) } };
    });

    expect(await paginateLinked(client, { params: { query: { per_page: 10 } } }).toArray()).toEqual(ITEMS);
    expect(queries()).toEqual(["?per_page=10&page=1", "?per_page=10&page=2", "?per_page=10&page=3"]);
  });

  it("rejects with a PaginationError when the link does not move forward", async () => {
    const client = await clientFor(() => ({ body: { meta: { next_page_link: "/linked?page=1" }, results: [{ id: 1 }] } }));

    const error = await rejectionOf(paginateLinked(client).toArray(), PaginationError);

    expect(error).toMatchObject({ problem: "repeated-page", pages: 1, items: 1 });
    expect(error.message).toContain("meta.next_page_link after page 1 points to page 1");
  });
});

describe("guards and pages", () => {
  const endless = () =>
    clientFor((query) => {
      const page = Number(query.get("page") ?? 0);
      return { body: { instances: [{ id: page * 2 + 1 }, { id: page * 2 + 2 }] } };
    });

  it("fails with max-items when the list holds more items than maxItems, after yielding that many", async () => {
    const client = await endless();
    const seen: number[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const item of paginatePages(client, {}, { maxItems: 5 })) seen.push(item.id);
      })(),
      PaginationError,
    );

    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(error).toMatchObject({ problem: "max-items", items: 5, pages: 3 });
  });

  it("does not fail when the list holds exactly maxItems items", async () => {
    const client = await clientFor((query) => ({
      body: { count: 4, instances: query.get("page") === "0" ? [{ id: 1 }, { id: 2 }] : [{ id: 3 }, { id: 4 }] },
    }));

    expect(await paginatePages(client, {}, { maxItems: 4 }).toArray()).toHaveLength(4);
  });

  it("fails with max-pages when there are more pages than maxPages", async () => {
    const client = await endless();

    const error = await rejectionOf(paginatePages(client, {}, { maxPages: 3 }).toArray(), PaginationError);

    expect(error).toMatchObject({ problem: "max-pages", pages: 3, items: 6 });
    expect(server?.requests).toHaveLength(3);
  });

  it.each([0, -1, 1.5])("rejects maxItems %d before sending", async (maxItems) => {
    const client = await endless();

    expect(() => paginatePages(client, {}, { maxItems })).toThrow(InvalidRequestError);
    expect(server?.requests).toHaveLength(0);
  });

  it("yields whole pages with their responses from pages()", async () => {
    const client = await clientFor((query) => ({
      body: { count: 3, instances: query.get("page") === "0" ? [{ id: 1 }, { id: 2 }] : [{ id: 3 }] },
    }));

    const pages = [];
    for await (const page of paginatePages(client).pages()) pages.push(page);

    expect(pages.map((page) => page.data.instances?.length)).toEqual([2, 1]);
    expect(pages.every((page) => page.response.status === 200)).toBe(true);
  });

  it("passes a failed page's error through", async () => {
    const client = await clientFor(() => ({ status: 500, body: { code: "OOPS" } }));

    await expect(paginatePages(client).toArray()).rejects.toMatchObject({ name: "ApiError", status: 500 });
  });

  it("types the items from the list's response", async () => {
    const client = await clientFor(() => ({ body: {} }));

    expectTypeOf(() => paginatePages(client).toArray()).returns.resolves.toEqualTypeOf<Item[]>();
    expectTypeOf(() => paginateLinked(client)).returns.toMatchTypeOf<AsyncIterable<Item>>();
  });
});
