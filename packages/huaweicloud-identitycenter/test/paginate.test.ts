import { afterEach, describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  type ApplicationInstance,
  type CatalogApplication,
  type Certificate,
  createHuaweiCloudIdentityCenterClient,
  HuaweiCloudApiError,
  type Instance,
  PaginationError,
  paginate,
} from "../src/index.js";
import { responseExample } from "./spec.js";

const CREDENTIALS = { ak: "TESTAK0000000000001", sk: "test-sk-paginate", domainId: "8c1eef3a241945f69c3d3a6b0252e783" };
const INSTANCE = { instance_id: "ins-8c1eef3a241945f6" };
const LIST = "/v1/instances/{instance_id}/application-instances" as const;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Serves `pages` of application instances; page n+1 is reached with marker `m<n>`. */
function markerServer(pages: string[][], options: { lastMarker?: string | null; failOnPage?: number } = {}) {
  const { failOnPage = -1 } = options;
  return startLocalServer((request, response) => {
    const marker = new URL(request.url, "http://x").searchParams.get("marker");
    const page = marker === null ? 0 : Number(marker.slice(1));
    if (page === failOnPage) {
      json(response, 409, { error_code: "IIC.1006", error_msg: "Concurrent modification conflict.", request_id: "r-409" });
      return;
    }
    const ids = pages[page] ?? [];
    const isLast = page >= pages.length - 1;
    const pageInfo = isLast ? ("lastMarker" in options ? { next_marker: options.lastMarker } : {}) : { next_marker: `m${page + 1}` };
    json(response, 200, {
      application_instances: ids.map((id) => ({ application_instance_id: id, name: id, visible: true, status: "ENABLED" })),
      page_info: { ...pageInfo, current_count: ids.length },
    });
  });
}

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("paginate", () => {
  it("yields every item of the Prism example of each list and stops at its null next_marker", async () => {
    const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: inject("prismUrl") });
    const app = { ...INSTANCE, application_instance_id: "app-ins-a033c907016a59ae" };

    const instances = await collect(paginate(client, "/v1/instances"));
    const applicationInstances = await collect(paginate(client, LIST, { params: { path: INSTANCE } }));
    const certificates = await collect(
      paginate(client, "/v1/instances/{instance_id}/application-instances/{application_instance_id}/certificates", {
        params: { path: app },
      }),
    );
    const catalog = await collect(paginate(client, "/v1/catalog/applications", { params: { query: { limit: 20 } } }));

    expectTypeOf(instances).toEqualTypeOf<Instance[]>();
    expectTypeOf(applicationInstances).toEqualTypeOf<ApplicationInstance[]>();
    expectTypeOf(certificates).toEqualTypeOf<Certificate[]>();
    expectTypeOf(catalog).toEqualTypeOf<CatalogApplication[]>();
    expect(instances).toEqual((responseExample("ListInstances", "200") as { instances: unknown[] }).instances);
    expect(applicationInstances).toEqual(
      (responseExample("ListApplicationInstances", "200") as { application_instances: unknown[] }).application_instances,
    );
    expect(certificates).toEqual(
      (responseExample("ListApplicationInstanceCertificates", "200") as { application_instance_certificates: unknown[] })
        .application_instance_certificates,
    );
    expect(catalog).toEqual((responseExample("ListCatalogApplications", "200") as { applications: unknown[] }).applications);
  });

  it.each([
    ["absent", {}, { current_count: 1 }],
    ["null", { lastMarker: null }, { next_marker: null, current_count: 1 }],
    ["empty", { lastMarker: "" }, { next_marker: "", current_count: 1 }],
  ])(
    "follows next_marker across pages until it is %s, keeping the caller's query and signing each page",
    async (_label, last, lastPageInfo) => {
      server = await markerServer([["a1", "a2"], ["a3", "a4"], ["a5"]], last);
      const lastPage = (await fetch(`${server.url}/probe?marker=m2`).then((response) => response.json())) as { page_info: object };
      expect(lastPage.page_info).toEqual(lastPageInfo);
      server.requests.length = 0;
      const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url });

      const items = await collect(paginate(client, LIST, { params: { path: INSTANCE, query: { limit: 2 } } }));

      expect(items.map((item) => item.application_instance_id)).toEqual(["a1", "a2", "a3", "a4", "a5"]);
      expect(server.requests.map((request) => request.url)).toEqual([
        `/v1/instances/${INSTANCE.instance_id}/application-instances?limit=2`,
        `/v1/instances/${INSTANCE.instance_id}/application-instances?limit=2&marker=m1`,
        `/v1/instances/${INSTANCE.instance_id}/application-instances?limit=2&marker=m2`,
      ]);
      expect(server.requests.every((request) => String(request.headers.authorization).startsWith("SDK-HMAC-SHA256 Access="))).toBe(true);
      expect(new Set(server.requests.map((request) => request.headers.authorization)).size).toBe(3);
    },
  );

  it("starts at the caller's marker", async () => {
    server = await markerServer([["a1"], ["a2"], ["a3"]]);
    const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url });

    const items = await collect(paginate(client, LIST, { params: { path: INSTANCE, query: { marker: "m1" } } }));

    expect(items.map((item) => item.application_instance_id)).toEqual(["a2", "a3"]);
    expect(server.requests).toHaveLength(2);
  });

  it("goes on past an empty page that still has a next_marker", async () => {
    server = await markerServer([["a1"], [], ["a3"]]);
    const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url });

    const items = await collect(paginate(client, LIST, { params: { path: INSTANCE } }));

    expect(items.map((item) => item.application_instance_id)).toEqual(["a1", "a3"]);
  });

  it("stops with an error instead of looping when next_marker does not advance", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 200, {
        application_instances: [{ application_instance_id: "a1", name: "a1", visible: true, status: "ENABLED" }],
        page_info: { next_marker: "same" },
      }),
    );
    const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url });
    const seen: string[] = [];
    const iterateAll = async () => {
      for await (const item of paginate(client, LIST, { params: { path: INSTANCE } })) seen.push(item.application_instance_id);
    };

    const error = await rejectionOf(iterateAll(), PaginationError);

    expect(error.message).toBe(
      'Paginating GET /v1/instances/{instance_id}/application-instances stopped after 2 page(s) and 2 item(s): the server returned page_info.next_marker "same" again',
    );
    expect(seen).toEqual(["a1", "a1"]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops when a marker comes back after others (a cycle)", async () => {
    server = await startLocalServer((request, response) => {
      const marker = new URL(request.url, "http://x").searchParams.get("marker");
      json(response, 200, { application_instances: [], page_info: { next_marker: marker === "m1" ? "m2" : "m1" } });
    });
    const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url });

    await rejectionOf(collect(paginate(client, LIST, { params: { path: INSTANCE } })), PaginationError);

    expect(server.requests.map((request) => new URL(request.url, "http://x").searchParams.get("marker"))).toEqual([null, "m1", "m2"]);
  });

  it("rejects with the HuaweiCloudApiError of a failing page after yielding the earlier pages", async () => {
    server = await markerServer([["a1", "a2"], ["a3"]], { failOnPage: 1 });
    const client = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url });
    const seen: string[] = [];
    const iterateAll = async () => {
      for await (const item of paginate(client, LIST, { params: { path: INSTANCE } })) seen.push(item.application_instance_id);
    };

    const error = await rejectionOf(iterateAll(), HuaweiCloudApiError);

    expect(seen).toEqual(["a1", "a2"]);
    expect(error.status).toBe(409);
    expect(error.errorCode).toBe("IIC.1006");
  });
});
