// Contract tests: every operation and documented status of specs/huaweicloud-identitycenter/openapi.yaml,
// through the client (signed requests), against a Prism mock of the same spec (scripts/prism-global-setup.mjs).
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import {
  type ApplicationInstance,
  type CreateApplicationInstanceRequest,
  createHuaweiCloudIdentityCenterClient,
  HuaweiCloudApiError,
  type HuaweiCloudIdentityCenterClient,
  type ImportApplicationInstanceServiceProviderMetadataRequest,
  type UpdateApplicationInstanceResponseConfigurationRequest,
  type UpdateApplicationInstanceResponseSchemaConfigurationRequest,
  type UpdateApplicationInstanceServiceProviderConfigurationRequest,
} from "../src/index.js";
import { hasJsonBody, operations, requestExample, responseExample } from "./spec.js";

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

type Call = (client: HuaweiCloudIdentityCenterClient, headers: Record<string, string>) => Promise<{ data: unknown; response: Response }>;

// One valid, typed call per operation; the first test checks this table covers the whole spec.
const calls: Record<string, Call> = {
  ListInstances: (c, headers) => c.GET("/v1/instances", { params: { query: { limit: 10 } }, headers }),
  CreateApplicationInstance: (c, headers) =>
    c.POST("/v1/instances/{instance_id}/application-instances", {
      params: { path: instance },
      body: requestExample<CreateApplicationInstanceRequest>("CreateApplicationInstance", "custom_saml"),
      headers,
    }),
  ListApplicationInstances: (c, headers) =>
    c.GET("/v1/instances/{instance_id}/application-instances", { params: { path: instance, query: { limit: 50, marker: "m1" } }, headers }),
  GetApplicationInstance: (c, headers) => c.GET(APP, { params: { path: app }, headers }),
  DeleteApplicationInstance: (c, headers) => c.DELETE(APP, { params: { path: app }, headers }),
  UpdateApplicationInstanceDisplayData: (c, headers) =>
    c.PUT(`${APP}/display-data`, { params: { path: app }, body: { description: "Payroll (SAML)", display_name: "Payroll" }, headers }),
  UpdateApplicationInstanceResponseConfiguration: (c, headers) =>
    c.PUT(`${APP}/response-configuration`, {
      params: { path: app },
      body: requestExample<UpdateApplicationInstanceResponseConfigurationRequest>(
        "UpdateApplicationInstanceResponseConfiguration",
        "email_subject",
      ),
      headers,
    }),
  UpdateApplicationInstanceResponseSchemaConfiguration: (c, headers) =>
    c.PUT(`${APP}/response-schema-configuration`, {
      params: { path: app },
      body: requestExample<UpdateApplicationInstanceResponseSchemaConfigurationRequest>(
        "UpdateApplicationInstanceResponseSchemaConfiguration",
        "email_name_id",
      ),
      headers,
    }),
  UpdateApplicationInstanceSecurityConfiguration: (c, headers) =>
    c.PUT(`${APP}/security-configuration`, { params: { path: app }, body: { security_config: { ttl: "P5Y" } }, headers }),
  UpdateApplicationInstanceServiceProviderConfiguration: (c, headers) =>
    c.PUT(`${APP}/service-provider-configuration`, {
      params: { path: app },
      body: requestExample<UpdateApplicationInstanceServiceProviderConfigurationRequest>(
        "UpdateApplicationInstanceServiceProviderConfiguration",
        "payroll",
      ),
      headers,
    }),
  UpdateApplicationInstanceStatus: (c, headers) => c.PUT(`${APP}/status`, { params: { path: app }, body: { status: "ENABLED" }, headers }),
  ImportApplicationInstanceServiceProviderMetadata: (c, headers) =>
    c.POST(`${APP}/metadata`, {
      params: { path: app },
      body: requestExample<ImportApplicationInstanceServiceProviderMetadataRequest>(
        "ImportApplicationInstanceServiceProviderMetadata",
        "saml_metadata",
      ),
      headers,
    }),
  CreateApplicationInstanceCertificate: (c, headers) => c.POST(`${APP}/certificates`, { params: { path: app }, headers }),
  ListApplicationInstanceCertificates: (c, headers) =>
    c.GET(`${APP}/certificates`, { params: { path: app, query: { limit: 10 } }, headers }),
  UpdateApplicationInstanceActiveCertificate: (c, headers) =>
    c.PUT(`${APP}/certificates/{certificate_id}`, {
      params: { path: { ...app, certificate_id: "cer-7b2c9e41-3f6a-4d8e-a1b5-c0d9e8f7a6b5" } },
      headers,
    }),
  DeleteApplicationInstanceCertificate: (c, headers) =>
    c.DELETE(`${APP}/certificates/{certificate_id}`, {
      params: { path: { ...app, certificate_id: "cer-ea56cf20-4ec3-445a-883f-eb70f35fe7d1" } },
      headers,
    }),
  ListProfiles: (c, headers) => c.GET(`${APP}/profiles`, { params: { path: app }, headers }),
  DeleteProfile: (c, headers) =>
    c.DELETE(`${APP}/profiles/{profile_id}`, { params: { path: { ...app, profile_id: "pr-2b6f1e4a9c30" } }, headers }),
  ListApplicationTemplates: (c, headers) =>
    c.GET("/v1/application-templates", { params: { query: { application_id: "app-ff1258a63a4axxxx" } }, headers }),
  ListCatalogApplications: (c, headers) => c.GET("/v1/catalog/applications", { params: { query: { limit: 20 } }, headers }),
};

function callFor(operationId: string): Call {
  const call = calls[operationId];
  if (!call) throw new Error(`no contract call for ${operationId}`);
  return call;
}

const successCases = operations.map((op) => ({
  operationId: op.operationId,
  status: Object.keys(op.responses).find((code) => code.startsWith("2")) ?? "none",
}));
const errorCases = operations.flatMap((op) =>
  Object.keys(op.responses)
    .filter((status) => !status.startsWith("2"))
    .map((status) => ({ operationId: op.operationId, status })),
);

function violations(response: { headers: Headers }): unknown[] {
  return JSON.parse(response.headers.get("sl-violations") ?? "[]") as unknown[];
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, HuaweiCloudApiError);

describe("IAM Identity Center contract (Prism mock of specs/huaweicloud-identitycenter/openapi.yaml)", () => {
  it("has a contract call for every operation in the spec", () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((op) => op.operationId).sort());
    expect(operations).toHaveLength(20);
  });

  describe.each(successCases)("$operationId", ({ operationId, status }) => {
    it(`sends a signed request Prism accepts and returns the ${status} example as typed data`, async () => {
      const { data, response } = await callFor(operationId)(client, {});

      expect(violations(response)).toEqual([]);
      expect(String(response.status)).toBe(status);
      if (hasJsonBody(operationId, status)) expect(data).toEqual(responseExample(operationId, status));
      else expect(data ?? undefined).toBeUndefined();
    });
  });

  describe.each(errorCases)("$operationId $status", ({ operationId, status }) => {
    it("rejects with a HuaweiCloudApiError carrying error_code, error_msg and request_id", async () => {
      const error = await rejection(callFor(operationId)(client, { Prefer: `code=${status}` }));
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
    const error = await rejection(calls.CreateApplicationInstance!(client, { Prefer: "code=409" }));
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
