// Contract tests: every operation and documented status of specs/scp-iam-identity-center/openapi.yaml,
// through the client, against a Prism mock of the same spec (started by scripts/prism-global-setup.mjs).
import { inspect } from "node:util";
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import * as api from "../src/index.js";
import {
  createScpClient,
  type Instance,
  type InstanceCreateRequest,
  type InstanceDetail,
  ScpApiError,
  type ScpClient,
} from "../src/index.js";
import { hasJsonBody, operations, requestExample, responseExample } from "./spec.js";

const ACCESS_KEY = "2sd2gg=2agbdSD26svcD";
const SECRET_KEY = "contract-secret-key-9f8e7d";
const prismUrl = inject("prismUrl");
const scp = createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, baseUrl: prismUrl });
const INSTANCE = "ssoins-12345";
const BIND_CREDENTIAL = "password";

type NamedCall = (client: ScpClient, init: object) => Promise<{ data: unknown; response: Response }>;

// Every operation of the spec, called through its named function with the spec's example arguments.
const { success, errors } = contractCases("scp-iam-identity-center");
function call(entry: ContractCase, headers: Record<string, string> = {}) {
  const named = (api as unknown as Record<string, NamedCall | undefined>)[entry.name];
  if (typeof named !== "function") throw new Error(`no named operation ${entry.name} for ${entry.operationId}`);
  return named(scp, { ...entry.init, headers });
}
const caseOf = (operationId: string) => success.find((entry) => entry.operationId === operationId)!;

interface Violation {
  location: string[];
  code: string | number;
  message: string;
}
const violations = (error: ScpApiError) => JSON.parse(error.headers.get("sl-violations") ?? "[]") as Violation[];
const rejection = (promise: Promise<unknown>) => rejectionOf(promise, ScpApiError);

describe("SCP IAM Identity Center contract (Prism mock of specs/scp-iam-identity-center/openapi.yaml)", () => {
  it("has a named operation for every operation in the spec", () => {
    expect(success.map((entry) => typeof (api as Record<string, unknown>)[entry.name])).toEqual(success.map(() => "function"));
    expect(success.map((entry) => entry.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  describe.each(success)("$name", (entry) => {
    it(`sends a signed request Prism accepts and returns the ${entry.status} example as typed data`, async () => {
      const { data, response } = await call(entry);

      expect(response.headers.get("sl-violations")).toBeNull();
      expect(response.status).toBe(entry.status);
      if (entry.hasJsonResponse) expect(data).toEqual(entry.example);
      else expect(data).toBeUndefined();
    });
  });

  describe.each(errors)("$name $status", (entry) => {
    it("rejects with a ScpApiError carrying the documented status", async () => {
      const error = await rejection(call(entry, { Prefer: `code=${entry.status}` }));

      expect(error.status).toBe(entry.status);
      expect(error.operation).toBe(entry.operation);
      expect(violations(error)).toEqual([]);
      // Only 400 carries a body (the validation array other SCP services declare); the others document none.
      const status = String(entry.status);
      expect(error.body).toEqual(hasJsonBody(entry.operationId, status) ? responseExample(entry.operationId, status) : undefined);
      expect(error.message).toContain(`SCP IAM Identity Center API error ${status}`);
      const printed = `${error.message}${error.stack}${JSON.stringify(error)}${inspect(error, { depth: 5 })}`;
      expect(printed).not.toContain(SECRET_KEY);
      expect(printed).not.toContain(BIND_CREDENTIAL);
    });
  });
});

describe("the seed: CreateInstance", () => {
  it("sends the documented Active Directory request and gets the documented 201 response", async () => {
    const body = requestExample<InstanceCreateRequest>("CreateInstance", "active_directory");

    const { data, response } = await scp.POST("/v1/instances", { body, headers: { Prefer: "example=active_directory" } });

    expect(response.status).toBe(201);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(responseExample("CreateInstance", "201", "active_directory"));
    expectTypeOf(data.instance).toExtend<Instance>();
    expect(data.instance.name).toBe(body.name);
    expect(data.instance.identity_store_type).toBe("ACTIVE_DIRECTORY");
    expect(data.instance.identity_store_config?.component_id).toBe("HYIK7LLKQL2MFK2K8Jb1ew");
    // Real types: non-ISO timestamps stay strings; last_sync_status is one enum value.
    expect(data.instance.delegated_at).toBe("2023-10-15 14:30:00");
    expectTypeOf(data.instance.last_sync_status).toEqualTypeOf<
      "CREATED" | "RUNNING" | "FINISHED" | "FAILED" | "NONE" | "ABORTED" | null | undefined
    >();
  });

  it("is answered 409 when the mock is asked for a conflict", async () => {
    const error = await rejection(call(caseOf("CreateInstance"), { Prefer: "code=409" }));
    expect(error.status).toBe(409);
  });

  it("ShowInstance carries the 1.3 additions, typed", async () => {
    const { data } = await scp.GET("/v1/instances/{instance_id}", { params: { path: { instance_id: INSTANCE } } });

    expectTypeOf(data.instance).toExtend<InstanceDetail>();
    expectTypeOf(data.instance.port).toEqualTypeOf<number | null | undefined>();
    expect(data.instance.public_ip).toBe("203.0.113.10");
    expect(data.instance.port).toBe(636);
  });
});

describe("the mock rejects what the service would", () => {
  const stripping = (...names: string[]) => {
    return async (request: Request) => {
      const stripped = new Request(request);
      for (const name of names) stripped.headers.delete(name);
      return fetch(stripped);
    };
  };
  const clientWithout = (...names: string[]) =>
    createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, baseUrl: prismUrl, fetch: stripping(...names) });

  it.each(["Scp-Signature", "Scp-Accesskey", "Scp-Timestamp"])("a request without %s (401)", async (header) => {
    const error = await rejection(clientWithout(header).GET("/v1/instances"));

    expect(error.status).toBe(401);
    expect(violations(error)).toContainEqual(expect.objectContaining({ code: 401, message: "Invalid security scheme used" }));
  });

  it("a request without Scp-Api-Version", async () => {
    const error = await rejection(
      clientWithout("Scp-Api-Version").GET("/v1/instances/{instance_id}", { params: { path: { instance_id: INSTANCE } } }),
    );

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("scp-api-version") }),
    );
  });

  it("accepts a token (X-Auth-Token) sent on top of the signature headers", async () => {
    const tokenClient = createScpClient({
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      authToken: "contract-token-123",
      baseUrl: prismUrl,
    });
    const { response } = await tokenClient.GET("/v1/instances");
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
  });

  it("a name shorter than 3 characters", async () => {
    const error = await rejection(scp.POST("/v1/instances", { body: { name: "ab" } }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(expect.objectContaining({ location: ["request", "body", "name"], code: "minLength" }));
  });

  it("an unknown identity_store_type", async () => {
    const body = { name: "My Instance", identity_store_type: "OPENDJ" } as unknown as InstanceCreateRequest;
    const error = await rejection(scp.POST("/v1/instances", { body }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "identity_store_type"], code: "enum" }),
    );
  });
});
