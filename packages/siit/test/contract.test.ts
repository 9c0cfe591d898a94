// Contract tests: every operation and documented status of specs/siit/openapi.yaml, through the
// client, against a Prism mock of the same spec (started by scripts/prism-global-setup.mjs).
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import * as api from "../src/index.js";
import {
  type Application,
  type ApplicationInstance,
  type CreateApplicationInstanceRequest,
  createSiitClient,
  readRateLimit,
  SiitApiError,
  type SiitClient,
} from "../src/index.js";
import { hasJsonBody, operations, requestExample, responseExample } from "./spec.js";

const API_KEY = "test-api-key-0a1b2c";
const siit = createSiitClient({ apiKey: API_KEY, baseUrl: inject("prismUrl") });
const APP = "s_2bX9kLq4T7";

type NamedCall = (client: SiitClient, init: object) => Promise<{ data: unknown; response: Response }>;

// Every operation of the spec, called through its named function with the spec's example arguments.
const { success, errors } = contractCases("siit");
function call(entry: ContractCase, headers: Record<string, string> = {}) {
  const named = (api as unknown as Record<string, NamedCall | undefined>)[entry.name];
  if (typeof named !== "function") throw new Error(`no named operation ${entry.name} for ${entry.operationId}`);
  return named(siit, { ...entry.init, headers });
}
const caseOf = (operationId: string) => success.find((entry) => entry.operationId === operationId)!;

interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

function violations(error: SiitApiError): Violation[] {
  return JSON.parse(error.headers.get("sl-violations") ?? "[]") as Violation[];
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, SiitApiError);

describe("Siit contract (Prism mock of specs/siit/openapi.yaml)", () => {
  it("has a named operation for every operation in the spec", () => {
    expect(success.map((entry) => typeof (api as Record<string, unknown>)[entry.name])).toEqual(success.map(() => "function"));
    expect(success.map((entry) => entry.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  describe.each(success)("$name", (entry) => {
    it(`sends a request Prism accepts and returns the ${entry.status} example as typed data`, async () => {
      const { data, response } = await call(entry);

      expect(response.headers.get("sl-violations")).toBeNull();
      expect(response.status).toBe(entry.status);
      expect(data).toEqual(entry.example);
      expect(readRateLimit(response)).toEqual({ limit: 60, remaining: 59, resetAt: undefined });
    });
  });

  describe.each(errors)("$name $status", (entry) => {
    it("rejects with a SiitApiError carrying the documented status and body", async () => {
      const { operationId } = entry;
      const status = String(entry.status);
      const error = await rejection(call(entry, { Prefer: `code=${status}` }));

      expect(error.status).toBe(Number(status));
      expect(error.operation).toBe(entry.operation);
      expect(violations(error)).toEqual([]);
      if (hasJsonBody(operationId, status)) {
        const body = responseExample(operationId, status) as { error: string; troubleshoot: string };
        expect(error.body).toEqual(body);
        expect(error.detail).toBe(body.error);
        expect(error.troubleshoot).toBe(body.troubleshoot);
        expect(error.message).toContain(body.error);
      } else {
        expect(error.body).toBeUndefined();
      }
      expect(error.message).toContain(`Siit API error ${status}`);
      expect(`${error.message}${error.stack}${JSON.stringify(error)}`).not.toContain(API_KEY);
    });
  });

  it("exposes the rate-limit headers of a 429, including when to retry", async () => {
    const error = await rejection(call(caseOf("listApplications"), { Prefer: "code=429" }));

    expect(error.rateLimit).toEqual({ limit: 60, remaining: 0, resetAt: new Date(1_737_368_460_000) });
  });
});

describe("the seed: Create an Application Instance", () => {
  it.each(["okta_instance", "default_name"])("sends the %s request and gets its example response", async (name) => {
    const body = requestExample<CreateApplicationInstanceRequest>("createApplicationInstance", name);

    const { data, response } = await siit.POST("/v1/applications/{uid}/instances", {
      params: { path: { uid: APP } },
      body,
      headers: { Prefer: `example=${name}` },
    });

    expect(response.status).toBe(201);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(responseExample("createApplicationInstance", "201", name));
    expectTypeOf(data).toEqualTypeOf<{ result?: ApplicationInstance }>();
    expect(data.result?.provider).toBe(body.provider);
    expect(data.result?.external_id).toBe(body.external_id);
  });

  it("names an instance without instance_name after the application and provider", async () => {
    const { data } = await siit.POST("/v1/applications/{uid}/instances", {
      params: { path: { uid: APP } },
      body: { provider: "ms_entra", external_id: "3f2b9d4e-entra" },
      headers: { Prefer: "example=default_name" },
    });

    expect(data.result?.instance_name).toBe("Slack [ms_entra]");
    expect(data.result?.instance_url).toBeNull();
  });

  it("surfaces a duplicate provider + external_id as a 409 SiitApiError", async () => {
    const error = await rejection(call(caseOf("createApplicationInstance"), { Prefer: "code=409" }));

    expect(error.status).toBe(409);
    expect(error.detail).toBe((responseExample("createApplicationInstance", "409") as { error: string }).error);
  });
});

describe("invalid calls are rejected by the mock and surface as typed errors", () => {
  const uid = { path: { uid: APP } };

  it("an unknown provider enum value", async () => {
    const body = { provider: "github", external_id: "x" } as unknown as CreateApplicationInstanceRequest;
    const error = await rejection(siit.POST("/v1/applications/{uid}/instances", { params: uid, body }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(expect.objectContaining({ location: ["request", "body", "provider"], code: "enum" }));
    expect(error.detail).toBe((responseExample("createApplicationInstance", "400") as { error: string }).error);
  });

  it("a missing required field", async () => {
    const body = { provider: "okta_actions" } as unknown as CreateApplicationInstanceRequest;
    const error = await rejection(siit.POST("/v1/applications/{uid}/instances", { params: uid, body }));

    expect(error.status).toBe(400);
    expect(violations(error)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("external_id") }),
    );
  });

  it("a page size above the documented maximum", async () => {
    const error = await rejection(siit.GET("/v1/applications", { params: { query: { per_page: 500 } } }));

    expect(error.status).toBe(422);
    expect(JSON.stringify(error.body)).toContain("per_page must be <= 50");
  });

  it("a request without credentials", async () => {
    const stripAuth = (request: Request) => {
      const unauthenticated = new Request(request);
      unauthenticated.headers.delete("authorization");
      return fetch(unauthenticated);
    };
    const anonymous = createSiitClient({ apiKey: API_KEY, baseUrl: inject("prismUrl"), fetch: stripAuth });

    const error = await rejection(anonymous.GET("/v1/applications"));

    expect(error.status).toBe(401);
    expect(violations(error)).toContainEqual(expect.objectContaining({ code: 401, message: "Invalid security scheme used" }));
  });
});

describe("typed results", () => {
  it("types list and retrieve results from the spec", async () => {
    const list = await siit.GET("/v1/applications");
    const one = await siit.GET("/v1/applications/{uid}", { params: { path: { uid: APP } } });

    // openapi-fetch maps response types through Readable<>, so check assignability both ways.
    expectTypeOf(list.data.results).toExtend<Application[] | undefined>();
    expectTypeOf<Application[] | undefined>().toExtend<typeof list.data.results>();
    // Retrieve answers with the Application itself; the writes wrap theirs in { result }.
    expectTypeOf(one.data).toExtend<Application>();
    expectTypeOf<Application>().toExtend<typeof one.data>();
    expect(one.data.uid).toMatch(/^s_/);
  });
});
