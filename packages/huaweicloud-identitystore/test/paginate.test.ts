import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  createHuaweiCloudIdentityStoreClient,
  type Group,
  type GroupMembership,
  PaginationError,
  paginateListGroupMemberships,
  paginateListGroups,
} from "../src/index.js";

const CREDENTIALS = { ak: "TESTAK0000000000001", sk: "test-sk-paginate", projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" };
const STORE = { identity_store_id: "d-941407b4b3" };
const marker = (page: number) => `m${String(page).padStart(23, "0")}`; // 24 characters, as the service's

/** Serves `pages` of groups (or, with `repeat`, the same marker forever); page n+1 is reached with marker(n+1). */
function groupServer(pages: string[][], { repeat = false } = {}) {
  return startLocalServer((request, response) => {
    const url = new URL(request.url, "http://x");
    const given = url.searchParams.get("marker");
    const page = given === null ? 0 : Number(given.slice(1));
    const ids = pages[page] ?? [];
    const isLast = !repeat && page >= pages.length - 1;
    const items = ids.map((id) => ({ group_id: id, display_name: id, identity_store_id: STORE.identity_store_id }));
    const key = url.pathname.endsWith("group-memberships") ? "group_memberships" : "groups";
    json(response, 200, {
      [key]:
        key === "groups"
          ? items
          : ids.map((id) => ({ group_id: "g", identity_store_id: "d", member_id: { user_id: id }, membership_id: id })),
      page_info: { next_marker: isLast ? null : marker(repeat ? 1 : page + 1), current_count: ids.length },
    });
  });
}

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("paginators", () => {
  it("follow page_info.next_marker as marker, with the page size, until it is null", async () => {
    server = await groupServer([["g1", "g2"], ["g3"], []]);
    const store = createHuaweiCloudIdentityStoreClient({ ...CREDENTIALS, endpoint: server.url });

    const groups = await paginateListGroups(store, { params: { path: STORE, query: { limit: 2 } } }).toArray();

    expectTypeOf(groups).toEqualTypeOf<Group[]>();
    expect(groups.map((group) => group.group_id)).toEqual(["g1", "g2", "g3"]);
    expect(server.requests.map((request) => request.url)).toEqual([
      "/v1/identity-stores/d-941407b4b3/groups?limit=2",
      `/v1/identity-stores/d-941407b4b3/groups?limit=2&marker=${marker(1)}`,
      `/v1/identity-stores/d-941407b4b3/groups?limit=2&marker=${marker(2)}`,
    ]);
  });

  it("walks the memberships of a group", async () => {
    server = await groupServer([["u1"], ["u2"]]);
    const store = createHuaweiCloudIdentityStoreClient({ ...CREDENTIALS, endpoint: server.url });
    const init = { params: { path: STORE, query: { group_id: "0efaa0db-6aa4-7aaa-6aa5-c222aaaaf31a" } } };

    const memberships: GroupMembership[] = await paginateListGroupMemberships(store, init).toArray();

    expect(memberships.map((membership) => membership.member_id?.user_id)).toEqual(["u1", "u2"]);
  });

  it("rejects with a PaginationError rather than repeat a page when the service returns the same marker again", async () => {
    server = await groupServer([["g1"], ["g2"]], { repeat: true });
    const store = createHuaweiCloudIdentityStoreClient({ ...CREDENTIALS, endpoint: server.url });

    const error = await rejectionOf(paginateListGroups(store, { params: { path: STORE } }).toArray(), PaginationError);

    expect(error.message).toContain(marker(1));
  });
});
