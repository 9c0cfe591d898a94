// Contract tests: every operation and documented status of specs/huaweicloud-identitycenter/openapi.yaml,
// through the client (signed requests), against a Prism mock of the same spec (scripts/prism-global-setup.mjs).
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import * as api from "../src/index.js";
import {
  type ApplicationInstance,
  type CreateApplicationInstanceRequest,
  createHuaweiCloudIdentityCenterClient,
  HuaweiCloudApiError,
  type HuaweiCloudIdentityCenterClient,
} from "../src/index.js";
import { operations, requestExample, responseExample } from "./spec.js";

const SK = "test-secret-key-9f8e7d6c5b4a";
const TOKEN = "test-security-token-0a1b2c3d";
const client = createHuaweiCloudIdentityCenterClient({
  ak: "TESTACCESSKEY0000001",
  sk: SK,
  securityToken: TOKEN,
  domainId: "8c1eef3a241945f69c3d3a6b0252e783",
  endpoint: inject("prismUrl"),
});
const instance = { instance_id: "ins-8c1eef3a241945f6" };
const app = { ...instance, application_instance_id: "app-ins-a033c907016a59ae" };
const APP = "/v1/instances/{instance_id}/application-instances/{application_instance_id}" as const;

type NamedCall = (client: HuaweiCloudIdentityCenterClient, init: object) => Promise<{ data: unknown; response: Response }>;

// Every operation of the spec, called through its named function with the spec's example arguments.
const { success, errors } = contractCases("huaweicloud-identitycenter");
function call(entry: ContractCase, headers: Record<string, string> = {}) {
  const named = (api as unknown as Record<string, NamedCall | undefined>)[entry.name];
  if (typeof named !== "function") throw new Error(`no named operation ${entry.name} for ${entry.operationId}`);
  return named(client, { ...entry.init, headers });
}
const caseOf = (operationId: string) => success.find((entry) => entry.operationId === operationId)!;

function violations(response: { headers: Headers }): unknown[] {
  return JSON.parse(response.headers.get("sl-violations") ?? "[]") as unknown[];
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, HuaweiCloudApiError);

describe("IAM Identity Center contract (Prism mock of specs/huaweicloud-identitycenter/openapi.yaml)", () => {
  it("has a named operation for every operation in the spec", () => {
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
      expect(error.code).toBe(body.error_code);
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
      expect(error.message).toContain(`Huawei Cloud IAM Identity Center API error ${status}`);
      expect(error.message).toContain(`[${body.error_code}]`);
      const everything = `${error.message}${error.stack}${JSON.stringify(error)}${JSON.stringify(error.body)}`;
      expect(everything).not.toContain(SK);
      expect(everything).not.toContain(TOKEN);
    });
  });
});

describe("the seed: Creating an Application Instance", () => {
  it("sends the documented request and gets the documented response, nulls included", async () => {
    const body = requestExample<CreateApplicationInstanceRequest>("CreateApplicationInstance", "custom_saml");
    expect(body).toEqual({ name: "a689ebed-1b68-44b0-af97-xxxxx", template_id: "tpl-88f215b39bfcxxxx" });

    const { data, response } = await client.POST("/v1/instances/{instance_id}/application-instances", { params: { path: instance }, body });

    expect(response.status).toBe(201);
    expect(violations(response)).toEqual([]);
    expect(data).toEqual(responseExample("CreateApplicationInstance", "201", "custom_saml"));
    expectTypeOf(data).toExtend<{ application_instance?: ApplicationInstance }>();
    const created = data.application_instance!;
    expect(created.status).toBe("CREATED");
    expect(created.response_config?.subject).toBeNull();
    expect(created.service_provider_config?.consumers).toBeNull();
    expect(created.template?.security_config?.ttl).toBeNull();
    expect(created.client_id).toBeNull();
    expect(created.end_user_visible).toBeNull();
    expect(created.active_certificate?.expiry_date).toBe(1911427200000);
  });

  it("is rejected by the mock when a required field is missing", async () => {
    const body = { name: "a689ebed-1b68-44b0-af97-xxxxx" } as unknown as CreateApplicationInstanceRequest;
    const error = await rejection(client.POST("/v1/instances/{instance_id}/application-instances", { params: { path: instance }, body }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("template_id") }),
    );
  });

  it("surfaces a 409 as a HuaweiCloudApiError with the conflict code", async () => {
    const error = await rejection(call(caseOf("CreateApplicationInstance"), { Prefer: "code=409" }));
    expect(error.status).toBe(409);
    expect(error.errorCode).toBe("IIC.1006");
  });
});

describe("requests the mock rejects", () => {
  it("an unsigned request is a 401 from the mock", async () => {
    const stripSignature = (request: Request) => {
      const unsigned = new Request(request);
      unsigned.headers.delete("authorization");
      return fetch(unsigned);
    };
    const unsigned = createHuaweiCloudIdentityCenterClient({
      ak: "AK",
      sk: SK,
      domainId: "d1",
      endpoint: inject("prismUrl"),
      fetch: stripSignature,
    });

    const error = await rejection(unsigned.GET("/v1/instances"));

    expect(error.status).toBe(401);
  });

  it("a ListInstances page size above the documented maximum of 100", async () => {
    const error = await rejection(client.GET("/v1/instances", { params: { query: { limit: 500 } } }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(expect.objectContaining({ location: ["request", "query", "limit"] }));
  });

  it("an enum value the spec does not allow", async () => {
    const body = { status: "DISABLED" } as unknown as { status: "ENABLED" };
    const error = await rejection(client.PUT(`${APP}/status`, { params: { path: app }, body }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(expect.objectContaining({ code: "enum" }));
  });
});
