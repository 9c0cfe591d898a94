import { describe, expect, it } from "vitest";
import { exampleCalls } from "../../scripts/example-calls.mjs";
import { callStatement, consumerSource } from "../lib/consumer.mjs";

const spec = {
  openapi: "3.0.3",
  paths: {
    "/v1/things": {
      get: {
        operationId: "ListThings",
        parameters: [{ name: "sort", in: "query", example: "name:asc", schema: { type: "string" } }],
        responses: { "200": { description: "ok" } },
      },
      post: {
        operationId: "CreateThing",
        requestBody: { required: true, content: { "application/json": { examples: { first: { value: { name: "a" } } } } } },
        responses: { "201": { description: "created" } },
      },
    },
    "/v1/things/{thing_id}": {
      delete: {
        operationId: "DeleteThing",
        parameters: [{ name: "thing_id", in: "path", required: true, example: "t 1/x" }],
        responses: { "204": { description: "gone" } },
      },
    },
  },
};

describe("the type-check consumer", () => {
  const calls = exampleCalls(spec);

  it("calls each named operation with its path, params and body as literals", () => {
    expect(callStatement(calls[0]!)).toBe(`  results.push(await listThings(client, { params: { query: {"sort":"name:asc"} } }));`);
    expect(callStatement(calls[1]!)).toBe(`  results.push(await createThing(client, { body: {"name":"a"} }));`);
    expect(callStatement(calls[2]!)).toBe(`  results.push(await deleteThing(client, { params: { path: {"thing_id":"t 1/x"} } }));`);
  });

  it("imports the factory and every operation, builds the client and ends with a call that must not compile", () => {
    const source = consumerSource({ packageName: "@acme/things", factory: "createThingsClient", options: { apiKey: "k" }, calls });
    expect(source).toContain(`import { createThingsClient, createThing, deleteThing, listThings } from "@acme/things";`);
    expect(source).toContain(`const client = createThingsClient({"apiKey":"k"});`);
    expect(source.match(/results\.push/g)).toHaveLength(3);
    expect(source).toMatch(/\/\/ @ts-expect-error.*\n\s+await createThing\(client, \{ body: \{ nope: 1 \} \}\);/);
  });
});
