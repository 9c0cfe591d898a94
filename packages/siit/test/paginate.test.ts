import { afterEach, describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { type Application, createSiitClient, PaginationError, paginate, SiitApiError, type User } from "../src/index.js";
import { responseExample } from "./spec.js";

const API_KEY = "test-api-key-0a1b2c";
const APP = "s_2bX9kLq4T7";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Serves `pages` as Siit list pages, picked by the `page` query parameter. */
function pagedServer(pages: unknown[][], { failOnPage }: { failOnPage?: number } = {}) {
  return startLocalServer((request, response) => {
    const page = Number(new URL(request.url, "http://x").searchParams.get("page"));
    if (page === failOnPage) {
      json(response, 429, { error: "Too many requests", troubleshoot: "Wait" }, { "x-siitapi-reset": "1737368460" });
      return;
    }
    const results = pages[page - 1] ?? [];
    json(response, 200, {
      meta: {
        count: results.length,
        total: pages.flat().length,
        current_page: page,
        per_page: 2,
        next_page_link: page < pages.length ? `https://api.siit.io/v1/applications?page=${page + 1}` : null,
        previous_page_link: null,
      },
      results,
    });
  });
}

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("paginate", () => {
  it("yields every item of the Prism example page and stops when there is no next page", async () => {
    const siit = createSiitClient({ apiKey: API_KEY, baseUrl: inject("prismUrl") });
    const example = responseExample("listApplications", "200", "first_page") as { results: Application[] };

    const applications = await collect(paginate(siit, "/v1/applications"));

    expectTypeOf(applications).toExtend<Application[]>();
    expect(applications).toEqual(example.results);
  });

  it("follows pages until next_page_link is null, keeping the caller's query", async () => {
    server = await pagedServer([[{ uid: "s_1" }, { uid: "s_2" }], [{ uid: "s_3" }, { uid: "s_4" }], [{ uid: "s_5" }]]);
    const siit = createSiitClient({ apiKey: API_KEY, baseUrl: server.url });

    const items = await collect(paginate(siit, "/v1/applications", { params: { query: { per_page: 2 } } }));

    expect(items.map((item) => item.uid)).toEqual(["s_1", "s_2", "s_3", "s_4", "s_5"]);
    const queries = server.requests.map((request) => Object.fromEntries(new URL(request.url, "http://x").searchParams));
    expect(queries).toEqual([
      { per_page: "2", page: "1" },
      { per_page: "2", page: "2" },
      { per_page: "2", page: "3" },
    ]);
    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
  });

  it("takes path parameters and a start page", async () => {
    server = await pagedServer([[{ uid: "u_1" }], [{ uid: "u_2" }], [{ uid: "u_3" }]]);
    const siit = createSiitClient({ apiKey: API_KEY, baseUrl: server.url });

    const users = await collect(paginate(siit, "/v1/applications/{uid}/users", { params: { path: { uid: APP }, query: { page: 2 } } }));

    expectTypeOf(users).toExtend<User[]>();
    expect(users.map((user) => user.uid)).toEqual(["u_2", "u_3"]);
    expect(server.requests.map((request) => request.url)).toEqual([
      `/v1/applications/${APP}/users?page=2`,
      `/v1/applications/${APP}/users?page=3`,
    ]);
  });

  it("stops at an empty page even if the API still links a next one", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 200, { meta: { current_page: 1, next_page_link: "https://api.siit.io/v1/applications?page=2" }, results: [] }),
    );
    const siit = createSiitClient({ apiKey: API_KEY, baseUrl: server.url });

    expect(await collect(paginate(siit, "/v1/applications"))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("stops with an error instead of looping when the server ignores the page parameter", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 200, {
        meta: { current_page: 1, next_page_link: "https://api.siit.io/v1/applications?page=2" },
        results: [{ uid: "s_1" }],
      }),
    );
    const siit = createSiitClient({ apiKey: API_KEY, baseUrl: server.url });
    const seen: string[] = [];
    const iterateAll = async () => {
      for await (const application of paginate(siit, "/v1/applications")) seen.push(application.uid ?? "");
    };

    const error = await rejectionOf(iterateAll(), PaginationError);

    expect(error.message).toBe(
      "Paginating GET /v1/applications stopped after 2 page(s) and 2 item(s): meta.next_page_link after page 2 points to page 2",
    );
    expect(seen).toEqual(["s_1", "s_1"]);
    expect(server.requests).toHaveLength(2);
  });

  it("rejects with the SiitApiError of a failing page after yielding the earlier pages", async () => {
    server = await pagedServer([[{ uid: "s_1" }, { uid: "s_2" }], [{ uid: "s_3" }]], { failOnPage: 2 });
    const siit = createSiitClient({ apiKey: API_KEY, baseUrl: server.url });
    const seen: string[] = [];

    const iterateAll = async () => {
      for await (const application of paginate(siit, "/v1/applications")) seen.push(application.uid ?? "");
    };
    const error = await rejectionOf(iterateAll(), SiitApiError);

    expect(seen).toEqual(["s_1", "s_2"]);
    expect(error.status).toBe(429);
    expect(error.rateLimit?.resetAt).toEqual(new Date(1_737_368_460_000));
  });
});
