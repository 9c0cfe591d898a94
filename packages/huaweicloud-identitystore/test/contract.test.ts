// Contract tests: every operation and documented status of specs/huaweicloud-identitystore/openapi.yaml,
// through the client (signed requests), against a Prism mock of the same spec (scripts/prism-global-setup.mjs).
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import * as api from "../src/index.js";
import {
  type CreateUserRequest,
  createHuaweiCloudIdentityStoreClient,
  HuaweiCloudApiError,
  type HuaweiCloudIdentityStoreClient,
  type SpCertificate,
  type User,
} from "../src/index.js";
import { operations, requestExample, responseExample } from "./spec.js";

const SK = "test-secret-key-9f8e7d6c5b4a";
const TOKEN = "test-security-token-0a1b2c3d";
const client = createHuaweiCloudIdentityStoreClient({
  ak: "TESTACCESSKEY0000001",
  sk: SK,
  securityToken: TOKEN,
  projectId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  endpoint: inject("prismUrl"),
});
const store = { identity_store_id: "d-941407b4b3" };

type NamedCall = (client: HuaweiCloudIdentityStoreClient, init: object) => Promise<{ data: unknown; response: Response }>;

// Every operation of the spec, called through its named function with the spec's example arguments.
const { success, errors } = contractCases("huaweicloud-identitystore");
function call(entry: ContractCase, headers: Record<string, string> = {}) {
  const named = (api as unknown as Record<string, NamedCall | undefined>)[entry.name];
  if (typeof named !== "function") throw new Error(`no named operation ${entry.name} for ${entry.operationId}`);
  return named(client, { ...entry.init, headers });
}

function violations(response: { headers: Headers }): unknown[] {
  return JSON.parse(response.headers.get("sl-violations") ?? "[]") as unknown[];
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, HuaweiCloudApiError);

describe("Identity Store contract (Prism mock of specs/huaweicloud-identitystore/openapi.yaml)", () => {
  it("has a named operation for every operation in the spec", () => {
    expect(success).toHaveLength(54);
    expect(success.map((entry) => typeof (api as Record<string, unknown>)[entry.name])).toEqual(success.map(() => "function"));
    expect(success.map((entry) => entry.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  describe.each(success)("$name", (entry) => {
    it(`sends a signed request Prism accepts and returns the ${entry.status} example as typed data`, async () => {
      const { data, response } = await call(entry);

      expect(violations(response)).toEqual([]);
      expect(response.status).toBe(entry.status);
      if (entry.hasJsonResponse) expect(data).toEqual(entry.example);
      else expect(data ?? undefined).toBeUndefined();
    });
  });

  describe.each(errors)("$name $status", (entry) => {
    it("rejects with a HuaweiCloudApiError carrying error_code, error_msg and request_id", async () => {
      const { operationId } = entry;
      const status = String(entry.status);
      const error = await rejection(call(entry, { Prefer: `code=${status}` }));
      const body = responseExample(operationId, status) as {
        error_code: string;
        error_msg: string;
        request_id: string;
        encoded_authorization_message?: string;
      };

      expect(error.status).toBe(Number(status));
      expect(violations(error)).toEqual([]);
      expect(error.body).toEqual(body);
      expect(error.errorCode).toBe(body.error_code);
      expect(error.errorMsg).toBe(body.error_msg);
      expect(error.requestId).toBe(body.request_id);
      expect(error.encodedAuthorizationMessage).toBe(body.encoded_authorization_message);
      if (status === "401") {
        expect(error.isSignatureMismatch).toBe(true);
        expect(error.message).toContain("the request signature did not verify (APIGW.0301)");
      } else {
        expect(error.detail).toBe(body.error_msg);
        expect(error.message).toContain(body.error_msg);
      }
      expect(error.message).toContain(`Huawei Cloud Identity Store API error ${status}`);
      expect(error.message).toContain(`[${body.error_code}]`);
      const everything = `${error.message}${error.stack}${JSON.stringify(error)}${JSON.stringify(error.body)}`;
      expect(everything).not.toContain(SK);
      expect(everything).not.toContain(TOKEN);
    });
  });
});

describe("typed answers", () => {
  it("CreateUser: the documented request and the user id with its one-time password", async () => {
    const body = requestExample<CreateUserRequest>("CreateUser", "otp");

    const { data, response } = await api.createUser(client, { params: { path: store }, body });

    expect(violations(response)).toEqual([]);
    expect(data).toEqual(responseExample("CreateUser", "200", "otp"));
    expectTypeOf(data.user_id).toEqualTypeOf<string | undefined>();
  });

  it("ListUsers pages end with the example's null next_marker; the paginator yields typed users", async () => {
    const users = await api.paginateListUsers(client, { params: { path: store } }).toArray();

    expectTypeOf(users).toEqualTypeOf<User[]>();
    expect(users.map((user) => user.user_id)).toEqual(
      (responseExample("ListUsers", "200") as { users: User[] }).users.map((user) => user.user_id),
    );
  });

  it("ListSpCertificates answers a bare JSON array", async () => {
    const { data } = await api.listSpCertificates(client, { params: { path: store } });

    expectTypeOf(data).toExtend<SpCertificate[]>();
    expect(Array.isArray(data)).toBe(true);
  });
});

describe("requests the mock rejects", () => {
  it("an unsigned request is a 401 from the mock", async () => {
    const stripSignature = (request: Request) => {
      const unsigned = new Request(request);
      unsigned.headers.delete("authorization");
      return fetch(unsigned);
    };
    const unsigned = createHuaweiCloudIdentityStoreClient({
      ak: "AK",
      sk: SK,
      projectId: "p1",
      endpoint: inject("prismUrl"),
      fetch: stripSignature,
    });

    const error = await rejection(api.listUsers(unsigned, { params: { path: store } }));

    expect(error.status).toBe(401);
  });

  it("a ListUsers page size above the documented maximum of 100", async () => {
    const error = await rejection(api.listUsers(client, { params: { path: store, query: { limit: 500 } } }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(expect.objectContaining({ location: ["request", "query", "limit"] }));
  });

  it("a CreateGroup without its required display_name", async () => {
    const body = { description: "no name" } as unknown as { display_name: string };
    const error = await rejection(api.createGroup(client, { params: { path: store }, body }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(expect.objectContaining({ code: "required" }));
  });
});
