import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  type AcceptedDifference,
  checkProvider,
  checkSpec,
  type Difference,
  diffSpec,
  formatDifference,
  providersWithFacts,
  type SdkFacts,
} from "../sdk-facts.mjs";

const run = promisify(execFile);
const script = join(import.meta.dirname, "..", "sdk-facts.mjs");

// Every provider that has an sdk-facts.json is checked: a new facts file is picked up without touching this test.
describe.each(providersWithFacts())("specs/%s/openapi.yaml against its sdk-facts.json", (provider) => {
  it("differs from the SDK only where sdk-facts.json accepts it, with a reason", () => {
    expect(checkProvider(provider).map(formatDifference)).toEqual([]);
  });
});

it("finds the providers with facts", () => {
  expect(providersWithFacts()).toContain("huaweicloud-identitycenter");
});

type Json = Record<string, unknown>;
const str = (extra: Json = {}): Json => ({ type: "string", ...extra });
const int32 = { type: "integer", format: "int32" };
const obj = (properties: Json, required: string[] = []): Json => ({ type: "object", properties, ...(required.length ? { required } : {}) });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A two-operation API that agrees with `facts()`: `POST /things/{thing_id}` (UpdateThing) takes a `ThingReq` body and
 * answers with a `Thing`; `GET /things` (ListThings) has a `limit` and a `status` query parameter.
 */
function spec(parts: { schemas?: Json; update?: Json; list?: Json; paths?: Json } = {}) {
  return {
    openapi: "3.0.3",
    info: { title: "Fixture", version: "1" },
    paths: {
      "/things/{thing_id}": {
        post: {
          operationId: "UpdateThing",
          parameters: [
            { name: "thing_id", in: "path", required: true, schema: str() },
            { name: "X-Security-Token", in: "header", required: false, schema: str() },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("ThingReq") } } },
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: ref("Thing") } } },
            "404": { description: "no such thing" },
          },
          ...parts.update,
        },
      },
      "/things": {
        get: {
          operationId: "ListThings",
          parameters: [
            { name: "limit", in: "query", required: false, schema: int32 },
            { name: "status", in: "query", required: true, schema: str({ enum: ["ON", "OFF"] }) },
          ],
          responses: { "204": { description: "no body" } },
          ...parts.list,
        },
      },
      ...parts.paths,
    },
    components: {
      schemas: {
        ThingReq: obj({ name: str(), size: int32, labels: { type: "object", additionalProperties: ref("Label") } }, ["name"]),
        Thing: obj(
          {
            id: str(),
            created: { type: "integer", format: "int64" },
            state: str({ enum: ["ON", "OFF"] }),
            labels: { type: "array", items: ref("Label") },
          },
          ["id"],
        ),
        Label: obj({ key: str(), weight: { type: "number" }, on: { type: "boolean" } }, ["key"]),
        ...parts.schemas,
      },
    },
  };
}

function facts(accepted: AcceptedDifference[] = []): SdkFacts {
  return {
    source: "fixture",
    operations: [
      {
        operationId: "UpdateThing",
        method: "POST",
        path: "/things/{thing_id}",
        pathParams: [{ name: "thing_id", type: "string" }],
        queryParams: [],
        headerParams: [{ name: "X-Security-Token", required: false }],
        requestBody: "ThingReq",
        response: "Thing",
        responseHeaders: [],
        contentType: "application/json",
      },
      {
        operationId: "ListThings",
        method: "GET",
        path: "/things",
        pathParams: [],
        queryParams: [
          { name: "limit", type: "integer", required: false },
          { name: "status", type: "enum:ThingStatus", required: true },
        ],
        headerParams: [],
        requestBody: null,
        response: null,
      },
    ],
    models: {
      ThingReq: {
        fields: [
          { json: "name", type: "string", required: true },
          { json: "size", type: "integer", required: false },
          { json: "labels", type: "map:object:Label", required: false },
        ],
      },
      Thing: {
        fields: [
          { json: "id", type: "string", required: true },
          { json: "created", type: "int64", required: false },
          { json: "state", type: "enum:ThingStatus", required: false },
          { json: "labels", type: "array:object:Label", required: false },
        ],
      },
      Label: {
        fields: [
          { json: "key", type: "string", required: true },
          { json: "weight", type: "number", required: false },
          { json: "on", type: "boolean", required: false },
        ],
      },
    },
    enums: { ThingStatus: ["ON", "OFF"] },
    accepted,
  };
}

const kinds = (differences: Difference[]) => differences.map((d) => `${d.subject} ${d.difference}`);

describe("diffSpec", () => {
  it("finds nothing when the spec says what the SDK says", () => {
    expect(diffSpec(spec(), facts())).toEqual([]);
  });

  it("follows $ref, merges allOf and reads the nullable-$ref idiom (anyOf with a null-only variant)", () => {
    const composed = spec({
      schemas: {
        Thing: { allOf: [ref("ThingBase"), obj({ created: { type: "integer", format: "int64" } })] },
        ThingBase: obj(
          {
            id: str(),
            state: str({ enum: ["ON", "OFF", null], nullable: true }),
            labels: { type: "array", items: { anyOf: [ref("Label"), { type: "object", nullable: true, enum: [null] }] } },
          },
          ["id"],
        ),
      },
    });
    expect(diffSpec(composed, facts())).toEqual([]);
  });

  it("reports operations missing from the spec, operations the SDK does not have, and method or path changes", () => {
    const renamed = spec({ list: { operationId: "ListAllThings" } });
    expect(kinds(diffSpec(renamed, facts()))).toEqual(["ListThings missing-operation", "ListAllThings invented-operation"]);

    const moved = spec({ paths: { "/things/{thing_id}": { put: spec().paths["/things/{thing_id}"].post } } });
    expect(kinds(diffSpec(moved, facts()))).toEqual(["UpdateThing method"]);

    const repathed = spec();
    const { "/things": list, ...rest } = repathed.paths;
    const other = { ...repathed, paths: { ...rest, "/v2/things": list } };
    expect(diffSpec(other, facts()).map(formatDifference)).toEqual(["ListThings: path: SDK /things, spec /v2/things"]);
  });

  it("reports missing, invented, retyped, re-required and re-enumerated parameters", () => {
    const parameters = [
      { name: "limit", in: "query", required: true, schema: { type: "integer", format: "int64" } },
      { name: "status", in: "query", required: true, schema: str({ enum: ["ON"] }) },
      { name: "page", in: "query", required: false, schema: int32 },
    ];
    const differences = diffSpec(spec({ update: { parameters: [] }, list: { parameters } }), facts());
    expect(kinds(differences)).toEqual([
      "UpdateThing parameter path thing_id missing-parameter",
      "UpdateThing parameter header X-Security-Token missing-parameter",
      "ListThings parameter query limit parameter-required",
      "ListThings parameter query limit parameter-type",
      "ListThings parameter query status parameter-enum",
      "ListThings parameter query page invented-parameter",
    ]);
    expect(differences.find((d) => d.difference === "parameter-type")?.message).toBe("SDK integer (int32), spec integer (int64)");
    expect(differences.find((d) => d.difference === "parameter-enum")?.message).toContain("spec lacks OFF");
  });

  it("matches header parameters case-insensitively", () => {
    const parameters = [
      { name: "thing_id", in: "path", required: true, schema: str() },
      { name: "x-security-token", in: "header", required: false, schema: str() },
    ];
    expect(diffSpec(spec({ update: { parameters } }), facts())).toEqual([]);
  });

  it("reports a request or response body the SDK has and the spec lacks, and the reverse", () => {
    const { requestBody: _body, ...withoutBody } = spec().paths["/things/{thing_id}"].post;
    const bare = spec({ update: { ...withoutBody, requestBody: undefined, responses: { "200": { description: "ok" } } } });
    expect(kinds(diffSpec(bare, facts()))).toEqual(["UpdateThing missing-request-body", "UpdateThing missing-response-body"]);

    const extra = spec({
      list: {
        requestBody: { content: { "application/json": { schema: str() } } },
        responses: { "200": { description: "ok", content: { "application/json": { schema: ref("Thing") } } } },
      },
    });
    expect(kinds(diffSpec(extra, facts()))).toEqual(["ListThings invented-request-body", "ListThings invented-response-body"]);
  });

  it("reports fields the spec lacks and fields the SDK does not have, once per model however often it is reached", () => {
    const differences = diffSpec(
      spec({ schemas: { Label: obj({ weight: { type: "number" }, on: { type: "boolean" }, colour: str() }) } }),
      facts(),
    );
    expect(kinds(differences)).toEqual(["Label.key missing-field", "Label.colour invented-field"]);
    expect(differences[0]?.message).toContain("UpdateThing");
  });

  it("reports every type mismatch: int32, int64, number, boolean, string, array and map", () => {
    const schemas = {
      ThingReq: obj(
        { name: int32, size: { type: "integer", format: "int64" }, labels: { type: "object", additionalProperties: ref("Label") } },
        ["name"],
      ),
      Thing: obj(
        {
          id: str(),
          created: { type: "integer" },
          state: str({ enum: ["ON", "OFF"] }),
          labels: { type: "object", additionalProperties: ref("Label") },
        },
        ["id"],
      ),
      Label: obj({ key: { type: "array", items: str() }, weight: int32, on: str() }, ["key"]),
    };
    expect(diffSpec(spec({ schemas }), facts()).map(formatDifference)).toEqual([
      expect.stringMatching(/^ThingReq\.name: type: SDK string, spec integer \(int32\)/),
      expect.stringMatching(/^ThingReq\.size: type: SDK integer \(int32\), spec integer \(int64\)/),
      expect.stringMatching(/^Label\.key: type: SDK string, spec array/),
      expect.stringMatching(/^Label\.weight: type: SDK number, spec integer \(int32\)/),
      expect.stringMatching(/^Label\.on: type: SDK boolean, spec string/),
      expect.stringMatching(/^Thing\.created: type: SDK integer \(int64\), spec integer \(no format\)/),
      expect.stringMatching(/^Thing\.labels: type: SDK array, spec map/),
    ]);
  });

  it("reports an object where the SDK has a map, and a scalar where it has an object", () => {
    const schemas = {
      ThingReq: obj({ name: str(), size: int32, labels: ref("Label") }, ["name"]),
      Thing: obj(
        {
          id: str(),
          created: { type: "integer", format: "int64" },
          state: str({ enum: ["ON", "OFF"] }),
          labels: { type: "array", items: str() },
        },
        ["id"],
      ),
    };
    expect(diffSpec(spec({ schemas }), facts()).map(formatDifference)).toEqual([
      expect.stringMatching(/^ThingReq\.labels: type: SDK map of object, spec object with fixed properties/),
      expect.stringMatching(/^Thing\.labels: type: SDK object Label, spec string/),
    ]);
  });

  it("reports required differences by side: a relaxed request field, a tightened response field", () => {
    const schemas = {
      ThingReq: obj({ name: str(), size: int32, labels: { type: "object", additionalProperties: ref("Label") } }),
      Thing: obj(
        {
          id: str(),
          created: { type: "integer", format: "int64" },
          state: str({ enum: ["ON", "OFF"] }),
          labels: { type: "array", items: ref("Label") },
        },
        ["id", "state"],
      ),
    };
    expect(kinds(diffSpec(spec({ schemas }), facts()))).toEqual([
      "ThingReq.name request-required-relaxed",
      "Thing.state response-required-tightened",
    ]);
  });

  it("reports enum values either side lacks, and an enum the SDK does not declare", () => {
    const schemas = {
      Thing: obj(
        {
          id: str({ enum: ["a"] }),
          created: { type: "integer", format: "int64" },
          state: str({ enum: ["ON", "BROKEN"] }),
          labels: { type: "array", items: ref("Label") },
        },
        ["id"],
      ),
    };
    const differences = diffSpec(spec({ schemas }), facts());
    expect(kinds(differences)).toEqual(["Thing.id enum", "Thing.state enum"]);
    expect(differences[1]?.message).toContain("spec lacks OFF; spec adds BROKEN");
  });
});

describe("checkSpec", () => {
  const relaxed = spec({
    schemas: { ThingReq: obj({ name: str(), size: int32, labels: { type: "object", additionalProperties: ref("Label") } }) },
  });
  const entry: AcceptedDifference = {
    model: "ThingReq",
    field: "name",
    difference: "request-required-relaxed",
    reason: "The service fills in a name.",
  };

  it("drops the differences the facts accept", () => {
    expect(kinds(checkSpec(relaxed, facts()))).toEqual(["ThingReq.name request-required-relaxed"]);
    expect(checkSpec(relaxed, facts([entry]))).toEqual([]);
  });

  it("accepts a parameter difference named by operation and `<in> <name>`", () => {
    const parameters = [
      { name: "limit", in: "query", required: false, schema: int32 },
      { name: "status", in: "query", required: false, schema: str({ enum: ["ON", "OFF"] }) },
    ];
    const accepted: AcceptedDifference = {
      operation: "ListThings",
      parameter: "query status",
      difference: "parameter-required",
      reason: "Defaults to ON.",
    };
    expect(checkSpec(spec({ list: { parameters } }), facts([accepted]))).toEqual([]);
  });

  it("reports an accepted entry that matches no difference as stale", () => {
    expect(checkSpec(spec(), facts([entry])).map(formatDifference)).toEqual([
      "accepted ThingReq.name request-required-relaxed: stale-accepted: accepted, but the spec no longer differs so",
    ]);
  });

  it("reports an accepted entry without a reason or with an unknown difference, and does not let it accept anything", () => {
    const noReason = { ...entry, reason: " " };
    const unknownKind = { ...entry, difference: "whatever" } as unknown as AcceptedDifference;
    expect(kinds(checkSpec(relaxed, facts([noReason, unknownKind])))).toEqual([
      "ThingReq.name request-required-relaxed",
      "accepted ThingReq.name request-required-relaxed invalid-accepted",
      "accepted ThingReq.name whatever invalid-accepted",
    ]);
  });
});

describe("the CLI (node scripts/sdk-facts.mjs)", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "sdk-facts-"));
    for (const [provider, document] of [
      ["clean", spec()],
      [
        "drifted",
        spec({ schemas: { Label: obj({ key: str(), weight: { type: "number" }, on: { type: "boolean" }, colour: str() }, ["key"]) } }),
      ],
    ] as const) {
      await mkdir(join(root, "specs", provider), { recursive: true });
      await writeFile(join(root, "specs", provider, "openapi.yaml"), stringify(document));
      await writeFile(join(root, "specs", provider, "sdk-facts.json"), JSON.stringify(facts()));
    }
    await mkdir(join(root, "specs", "no-facts"), { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("prints one line per difference and exits 1 when a spec drifts", async () => {
    const failure = await run(process.execPath, [script, "--root", root]).catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    const lines = (failure as { stdout: string }).stdout.trim().split("\n");
    expect(lines).toEqual([
      "clean: no differences from the SDK (0 accepted)",
      "drifted: 1 difference(s) from the SDK (0 accepted)",
      "  Label.colour: invented-field: the spec has colour; SDK model Label does not (UpdateThing)",
    ]);
  });

  it("checks only the providers it is given, and exits 0 when they agree", async () => {
    const { stdout } = await run(process.execPath, [script, "--root", root, "clean"]);
    expect(stdout).toBe("clean: no differences from the SDK (0 accepted)\n");
  });

  it("exits 2 for a provider without an sdk-facts.json", async () => {
    const failure = await run(process.execPath, [script, "--root", root, "no-facts"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining("no specs/no-facts/sdk-facts.json") });
  });
});
