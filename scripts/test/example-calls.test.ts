import { describe, expect, it } from "vitest";
import { documentedValue, exampleCalls, expandPath, pathPattern, queryString } from "../example-calls.mjs";

// A small spec in the shape of ours: path-level and $ref parameters, named examples, a bodyless 204.
const spec = {
  openapi: "3.0.3",
  paths: {
    "/v1/things": {
      get: {
        operationId: "ListThings",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", default: 20 } },
          { name: "sort", in: "query", example: "name:asc", schema: { type: "string" } },
          { $ref: "#/components/parameters/Kind" },
          { name: "X-Token", in: "header", required: true, schema: { type: "string" } },
        ],
        responses: { "200": { $ref: "#/components/responses/Things" }, "400": { description: "bad" } },
      },
      post: {
        operationId: "CreateThing",
        requestBody: {
          required: true,
          content: { "application/json": { examples: { first: { value: { name: "a" } }, second: { value: { name: "b" } } } } },
        },
        responses: { "201": { content: { "application/json": { example: { id: "t-1" } } } } },
      },
    },
    "/v1/things/{thing_id}": {
      parameters: [{ $ref: "#/components/parameters/ThingId" }],
      delete: { operationId: "DeleteThing", responses: { "204": { description: "gone" } } },
    },
  },
  components: {
    parameters: {
      ThingId: { name: "thing_id", in: "path", required: true, schema: { type: "string" }, example: "t 1/x" },
      Kind: { name: "kind[]", in: "query", required: true, schema: { type: "array", items: { type: "string" }, example: ["a", "b"] } },
    },
    responses: {
      Things: { content: { "application/json": { examples: { one: { $ref: "#/components/examples/OneThing" } } } } },
    },
    examples: { OneThing: { value: { things: [{ id: "t-1" }] } } },
  },
};

describe("exampleCalls", () => {
  const calls = exampleCalls(spec);

  it("makes one call per operation with the documented success", () => {
    expect(calls.map(({ operationId, method, status }) => [operationId, method, status])).toEqual([
      ["ListThings", "GET", 200],
      ["CreateThing", "POST", 201],
      ["DeleteThing", "DELETE", 204],
    ]);
    expect(calls[0]).toMatchObject({ hasJsonResponse: true, response: { things: [{ id: "t-1" }] } });
    expect(calls[2]).toMatchObject({ hasJsonResponse: false, response: undefined, hasBody: false });
  });

  it("takes query parameters that are required or have an example, never headers", () => {
    expect(calls[0]!.params).toEqual({ path: {}, query: { sort: "name:asc", "kind[]": ["a", "b"] } });
  });

  it("takes path parameters from the path item, and the first named request example", () => {
    expect(calls[2]!.params.path).toEqual({ thing_id: "t 1/x" });
    expect(calls[1]).toMatchObject({ hasBody: true, body: { name: "a" } });
  });

  it("names a path parameter it has no example for", () => {
    const bare = {
      paths: {
        "/x/{id}": { get: { operationId: "X", parameters: [{ name: "id", in: "path", required: true }], responses: { "200": {} } } },
      },
    };
    expect(exampleCalls(bare)[0]!.params.path).toEqual({ id: "id-1" });
  });

  it("fails on a required body without an example", () => {
    const broken = {
      paths: { "/x": { post: { operationId: "X", requestBody: { required: true, content: {} }, responses: { "200": {} } } } },
    };
    expect(() => exampleCalls(broken)).toThrow(/X: its request body has no JSON example/);
  });
});

describe("URL helpers", () => {
  it("documentedValue prefers the parameter's example, then the schema's, default and enum", () => {
    expect(documentedValue({ example: 1, schema: { example: 2 } })).toBe(1);
    expect(documentedValue({ schema: { example: 2, default: 3 } })).toBe(2);
    expect(documentedValue({ schema: { default: 3 } })).toBe(3);
    expect(documentedValue({ schema: { enum: ["x", "y"] } })).toBe("x");
    expect(documentedValue({ schema: { type: "string" } })).toBeUndefined();
  });

  it("expandPath encodes each value; queryString repeats array keys", () => {
    expect(expandPath("/v1/things/{thing_id}", { thing_id: "t 1/x" })).toBe("/v1/things/t%201%2Fx");
    expect(() => expandPath("/v1/{a}", {})).toThrow(/no value for path parameter a/);
    expect(queryString({ "kind[]": ["a", "b"], sort: "name:asc" })).toBe("?kind%5B%5D=a&kind%5B%5D=b&sort=name%3Aasc");
    expect(queryString({})).toBe("");
  });

  it("pathPattern matches concrete paths of its template only", () => {
    const pattern = pathPattern("/v1/things/{thing_id}");
    expect(pattern.test("/v1/things/t-1")).toBe(true);
    expect(pattern.test("/v1/things/t-1/more")).toBe(false);
    expect(pattern.test("/v1/things")).toBe(false);
  });
});
