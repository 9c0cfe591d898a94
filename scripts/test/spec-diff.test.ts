import { execFile, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkBump, diffSpecs, findBase, neededBump, readChangesets, type SpecChange } from "../spec-diff.mjs";

const run = promisify(execFile);
const script = join(import.meta.dirname, "..", "spec-diff.mjs");

type Json = Record<string, unknown>;
const obj = (properties: Json, required: string[] = []): Json => ({ type: "object", properties, required });
const str = (extra: Json = {}): Json => ({ type: "string", ...extra });

/**
 * A one-operation API: `POST /things/{id}` with a `$ref`'d request body schema `input` and a `$ref`'d 200
 * response schema `output`. Each part can be replaced.
 */
function api(
  parts: { input?: Json; output?: Json; parameters?: Json[]; operation?: Json; responses?: Json; paths?: Json; schemas?: Json } = {},
) {
  const operation = {
    operationId: "updateThing",
    summary: "Update a thing",
    parameters: parts.parameters ?? [{ name: "id", in: "path", required: true, schema: str() }],
    requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/input" } } } },
    responses: parts.responses ?? {
      "200": { description: "The thing", content: { "application/json": { schema: { $ref: "#/components/schemas/output" } } } },
      "404": { description: "No such thing" },
    },
    ...parts.operation,
  };
  return {
    openapi: "3.0.3",
    info: { title: "Fixture", version: "1" },
    paths: { "/things/{id}": { post: operation }, ...parts.paths },
    components: {
      schemas: {
        input: parts.input ?? obj({ name: str(), note: str() }, ["name"]),
        output: parts.output ?? obj({ name: str(), size: { type: "integer" } }, ["name"]),
        ...parts.schemas,
      },
    },
  };
}

const where = (suffix: string) => `POST /things/{id}${suffix ? ` ${suffix}` : ""}`;
const change = (level: SpecChange["level"], suffix: string, message: string): SpecChange => ({ level, where: where(suffix), message });

describe("diffSpecs", () => {
  it("finds nothing between a spec and itself, or the same schema inline instead of through $ref or allOf", () => {
    expect(diffSpecs(api(), api())).toEqual([]);
    const inline = api();
    inline.paths["/things/{id}"].post.requestBody.content["application/json"].schema = obj({ name: str(), note: str() }, ["name"]) as never;
    expect(diffSpecs(api(), inline)).toEqual([]);
    const composed = api({
      input: { allOf: [{ $ref: "#/components/schemas/named" }, obj({ note: str() })] },
      schemas: { named: obj({ name: str() }, ["name"]) },
    });
    expect(diffSpecs(api(), composed)).toEqual([]);
  });

  it.each<[string, ReturnType<typeof api>, ReturnType<typeof api>, SpecChange[]]>([
    // Operations
    [
      "removed operation",
      api({ paths: { "/other": { get: { responses: {} } } } }),
      api(),
      [{ level: "breaking", where: "GET /other", message: "operation was removed" }],
    ],
    [
      "added operation",
      api(),
      api({ paths: { "/other": { get: { responses: {} } } } }),
      [{ level: "feature", where: "GET /other", message: "operation was added" }],
    ],
    [
      "changed operationId",
      api(),
      api({ operation: { operationId: "patchThing" } }),
      [change("breaking", "", 'operationId changed from "updateThing" to "patchThing"')],
    ],
    [
      "summary, description and x-source",
      api(),
      api({ operation: { summary: "Edit a thing", description: "Edits.", "x-source": "https://example.com/edit" } }),
      [change("fix", "", "summary changed"), change("fix", "", "description was added"), change("fix", "", "x-source was added")],
    ],
    // Parameters
    [
      "renamed path parameter",
      api(),
      (() => {
        const renamed = api({ parameters: [{ name: "uid", in: "path", required: true, schema: str() }] });
        renamed.paths = { "/things/{uid}": renamed.paths["/things/{id}"] } as never;
        return renamed;
      })(),
      [
        { level: "breaking", where: "POST /things/{uid} parameters.path.id", message: "was removed" },
        { level: "breaking", where: "POST /things/{uid} parameters.path.uid", message: "was added as required" },
      ],
    ],
    [
      "added optional parameter",
      api(),
      api({
        parameters: [
          { name: "id", in: "path", required: true, schema: str() },
          { name: "dry_run", in: "query", schema: { type: "boolean" } },
        ],
      }),
      [change("feature", "parameters.query.dry_run", "was added (optional)")],
    ],
    [
      "added required parameter",
      api(),
      api({
        parameters: [
          { name: "id", in: "path", required: true, schema: str() },
          { name: "v", in: "header", required: true, schema: str() },
        ],
      }),
      [change("breaking", "parameters.header.v", "was added as required")],
    ],
    [
      "parameter optional → required",
      api({ parameters: [{ name: "page", in: "query", schema: { type: "integer" } }] }),
      api({ parameters: [{ name: "page", in: "query", required: true, schema: { type: "integer" } }] }),
      [change("breaking", "parameters.query.page", "became required")],
    ],
    [
      "parameter required → optional",
      api({ parameters: [{ name: "page", in: "query", required: true, schema: { type: "integer" } }] }),
      api({ parameters: [{ name: "page", in: "query", schema: { type: "integer" } }] }),
      [change("feature", "parameters.query.page", "became optional")],
    ],
    [
      "parameter given through a $ref",
      api({ parameters: [{ $ref: "#/components/parameters/page" }] }),
      api({ parameters: [] }),
      [change("breaking", "parameters.query.page", "was removed")],
    ],
    [
      "anything no rule covers (here a parameter's style and deprecated) is reported as a fix",
      api(),
      api({ parameters: [{ name: "id", in: "path", required: true, schema: str(), style: "simple", deprecated: true }] }),
      [change("fix", "parameters.path.id", "style was added"), change("fix", "parameters.path.id", "deprecated was added")],
    ],
    // Request bodies
    [
      "added optional request field",
      api(),
      api({ input: obj({ name: str(), note: str(), tag: str() }, ["name"]) }),
      [change("feature", "requestBody.tag", "was added (optional)")],
    ],
    [
      "added required request field",
      api(),
      api({ input: obj({ name: str(), note: str(), tag: str() }, ["name", "tag"]) }),
      [change("breaking", "requestBody.tag", "was added as required")],
    ],
    [
      "request field optional → required",
      api(),
      api({ input: obj({ name: str(), note: str() }, ["name", "note"]) }),
      [change("breaking", "requestBody.note", "became required")],
    ],
    [
      "request field required → optional",
      api(),
      api({ input: obj({ name: str(), note: str() }) }),
      [change("feature", "requestBody.name", "became optional")],
    ],
    [
      "removed optional request field (callers sending it no longer typecheck)",
      api(),
      api({ input: obj({ name: str() }, ["name"]) }),
      [change("breaking", "requestBody.note", "was removed")],
    ],
    [
      "renamed request field",
      api(),
      api({ input: obj({ name: str(), comment: str() }, ["name"]) }),
      [change("breaking", "requestBody.note", "was removed"), change("feature", "requestBody.comment", "was added (optional)")],
    ],
    [
      "request body became required, or was added or removed",
      api({ operation: { requestBody: { content: { "application/json": { schema: str() } } } } }),
      api({ operation: { requestBody: { required: true, content: { "application/json": { schema: str() } } } } }),
      [change("breaking", "requestBody", "became required")],
    ],
    ["request body removed", api(), api({ operation: { requestBody: undefined } }), [change("breaking", "requestBody", "was removed")]],
    [
      "optional request body added",
      api({ operation: { requestBody: undefined } }),
      api({ operation: { requestBody: { content: { "application/json": { schema: str() } } } } }),
      [change("feature", "requestBody", "was added (optional)")],
    ],
    [
      "request type changed",
      api(),
      api({ input: obj({ name: { type: "integer" }, note: str() }, ["name"]) }),
      [change("breaking", "requestBody.name", "type changed from string to integer")],
    ],
    [
      "request type widened integer → number",
      api({ input: obj({ n: { type: "integer" } }) }),
      api({ input: obj({ n: { type: "number" } }) }),
      [change("feature", "requestBody.n", "type widened from integer to number")],
    ],
    [
      "request string → enum",
      api(),
      api({ input: obj({ name: str({ enum: ["a", "b"] }), note: str() }, ["name"]) }),
      [change("breaking", "requestBody.name", 'became an enum ("a", "b")')],
    ],
    [
      "request enum → string",
      api({ input: obj({ kind: str({ enum: ["a"] }) }) }),
      api({ input: obj({ kind: str() }) }),
      [change("feature", "requestBody.kind", "is no longer an enum")],
    ],
    [
      "request enum values removed and added",
      api({ input: obj({ kind: str({ enum: ["a", "b"] }) }) }),
      api({ input: obj({ kind: str({ enum: ["a", "c"] }) }) }),
      [
        change("breaking", "requestBody.kind", 'enum value "b" was removed'),
        change("feature", "requestBody.kind", 'enum value "c" was added'),
      ],
    ],
    [
      "request array item enum value added",
      api({ input: obj({ tags: { type: "array", items: str({ enum: ["a"] }) } }) }),
      api({ input: obj({ tags: { type: "array", items: str({ enum: ["a", "b"] }) } }) }),
      [change("feature", "requestBody.tags[]", 'enum value "b" was added')],
    ],
    [
      "request constraints tightened",
      api({ input: obj({ name: str({ maxLength: 100, minLength: 1 }), n: { type: "integer", maximum: 10 } }) }),
      api({
        input: obj({ name: str({ maxLength: 50, minLength: 1, pattern: "^[a-z]+$" }), n: { type: "integer", maximum: 10, minimum: 1 } }),
      }),
      [
        change("breaking", "requestBody.name", "maxLength changed from 100 to 50"),
        change("breaking", "requestBody.name", 'pattern "^[a-z]+$" was added'),
        change("breaking", "requestBody.n", "minimum 1 was added"),
      ],
    ],
    [
      "request constraints widened (a fix: the generated types do not change)",
      api({ input: obj({ name: str({ maxLength: 50, minLength: 2, pattern: "^[a-z]+$" }) }) }),
      api({ input: obj({ name: str({ maxLength: 100, minLength: 1 }) }) }),
      [
        change("fix", "requestBody.name", "maxLength changed from 50 to 100"),
        change("fix", "requestBody.name", "minLength changed from 2 to 1"),
        change("fix", "requestBody.name", 'pattern "^[a-z]+$" was removed'),
      ],
    ],
    [
      "request field no longer nullable",
      api({ input: obj({ note: str({ nullable: true }) }) }),
      api({ input: obj({ note: str() }) }),
      [change("breaking", "requestBody.note", "is no longer nullable")],
    ],
    [
      "request field became nullable",
      api({ input: obj({ note: str() }) }),
      api({ input: obj({ note: str({ nullable: true }) }) }),
      [change("feature", "requestBody.note", "became nullable")],
    ],
    [
      "request field widened to a union (oneOf)",
      api({ input: obj({ owner: str() }) }),
      api({ input: obj({ owner: { oneOf: [str(), obj({ uid: str() })] } }) }),
      [change("feature", "requestBody.owner", "became a union of 2 variants")],
    ],
    [
      "request object closed to other properties",
      api({ input: { type: "object", additionalProperties: true } }),
      api({ input: { type: "object" } }),
      [change("breaking", "requestBody.*", "other properties are no longer allowed")],
    ],
    [
      "request object opened to other properties",
      api({ input: { type: "object" } }),
      api({ input: { type: "object", additionalProperties: true } }),
      [change("feature", "requestBody.*", "other properties are now allowed")],
    ],
    // Responses
    [
      "removed response field",
      api(),
      api({ output: obj({ name: str() }, ["name"]) }),
      [change("breaking", "responses.200.size", "was removed")],
    ],
    [
      "added response field",
      api(),
      api({ output: obj({ name: str(), size: { type: "integer" }, colour: str() }, ["name"]) }),
      [change("feature", "responses.200.colour", "was added")],
    ],
    [
      "response field required → optional",
      api(),
      api({ output: obj({ name: str(), size: { type: "integer" } }) }),
      [change("breaking", "responses.200.name", "became optional")],
    ],
    [
      "response field optional → required",
      api(),
      api({ output: obj({ name: str(), size: { type: "integer" } }, ["name", "size"]) }),
      [change("fix", "responses.200.size", "became required")],
    ],
    [
      "response enum values removed and added (both breaking: exhaustive switches)",
      api({ output: obj({ state: str({ enum: ["on", "off"] }) }) }),
      api({ output: obj({ state: str({ enum: ["on", "paused"] }) }) }),
      [
        change("breaking", "responses.200.state", 'enum value "off" was removed'),
        change("breaking", "responses.200.state", 'enum value "paused" was added'),
      ],
    ],
    [
      "response open enum (x-open-enum) value added: a feature, since readers already accept unknown values",
      api({ output: obj({ state: str({ enum: ["on", "off"], "x-open-enum": true }) }) }),
      api({ output: obj({ state: str({ enum: ["on", "off", "paused"], "x-open-enum": true }) }) }),
      [change("feature", "responses.200.state", 'enum value "paused" was added')],
    ],
    [
      "response string → enum",
      api({ output: obj({ state: str() }) }),
      api({ output: obj({ state: str({ enum: ["on"] }) }) }),
      [change("breaking", "responses.200.state", 'became an enum ("on")')],
    ],
    [
      "response enum → string",
      api({ output: obj({ state: str({ enum: ["on"] }) }) }),
      api({ output: obj({ state: str() }) }),
      [change("breaking", "responses.200.state", "is no longer an enum")],
    ],
    [
      "response field became nullable",
      api(),
      api({ output: obj({ name: str({ nullable: true }), size: { type: "integer" } }, ["name"]) }),
      [change("breaking", "responses.200.name", "became nullable")],
    ],
    [
      "response field no longer nullable",
      api({ output: obj({ name: str({ nullable: true }) }) }),
      api({ output: obj({ name: str() }) }),
      [change("fix", "responses.200.name", "is no longer nullable")],
    ],
    [
      "response type widened integer → number",
      api(),
      api({ output: obj({ name: str(), size: { type: "number" } }, ["name"]) }),
      [change("breaking", "responses.200.size", "type widened from integer to number")],
    ],
    [
      "response type changed",
      api(),
      api({ output: obj({ name: str(), size: str() }, ["name"]) }),
      [change("breaking", "responses.200.size", "type changed from integer to string")],
    ],
    [
      "response field widened to a union (oneOf)",
      api({ output: obj({ owner: str() }) }),
      api({ output: obj({ owner: { oneOf: [str(), obj({ uid: str() })] } }) }),
      [change("breaking", "responses.200.owner", "became a union of 2 variants")],
    ],
    [
      "response oneOf variant added, then removed",
      api({ output: obj({ owner: { oneOf: [str(), obj({ uid: str() })] } }) }),
      api({ output: obj({ owner: { oneOf: [str(), obj({ uid: str() }), { type: "integer" }] } }) }),
      [change("breaking", "responses.200.owner.oneOf[2]", "variant was added")],
    ],
    [
      "response oneOf variant removed (a fix)",
      api({ output: obj({ owner: { oneOf: [str(), obj({ uid: str() })] } }) }),
      api({ output: obj({ owner: { oneOf: [str()] } }) }),
      [change("fix", "responses.200.owner.oneOf[1]", "variant was removed")],
    ],
    [
      "response object opened to other properties (a fix)",
      api({ output: { type: "object", properties: { a: { type: "object" } } } }),
      api({
        output: {
          type: "object",
          properties: { a: { type: "object", additionalProperties: { type: "string" } } },
          additionalProperties: false,
        },
      }),
      [change("fix", "responses.200.a.*", "other properties are now allowed")],
    ],
    [
      "response object closed to other properties",
      api({ output: { type: "object", additionalProperties: { type: "string" } } }),
      api({ output: { type: "object" } }),
      [change("breaking", "responses.200.*", "other properties are no longer allowed")],
    ],
    [
      "response constraints changed either way (a fix)",
      api({ output: obj({ name: str({ maxLength: 50 }), n: { type: "integer", minimum: 0 } }) }),
      api({ output: obj({ name: str({ maxLength: 100 }), n: { type: "integer", minimum: 1 } }) }),
      [
        change("fix", "responses.200.name", "maxLength changed from 50 to 100"),
        change("fix", "responses.200.n", "minimum changed from 0 to 1"),
      ],
    ],
    [
      "removed success status",
      api(),
      api({
        responses: {
          "201": { description: "Created", content: { "application/json": { schema: { $ref: "#/components/schemas/output" } } } },
          "404": { description: "No such thing" },
        },
      }),
      [change("breaking", "responses.200", "was removed"), change("feature", "responses.201", "was added")],
    ],
    [
      "removed and added error statuses (fix)",
      api(),
      api({
        responses: {
          "200": { description: "The thing", content: { "application/json": { schema: { $ref: "#/components/schemas/output" } } } },
          "409": { description: "Conflict" },
        },
      }),
      [change("fix", "responses.404", "was removed"), change("fix", "responses.409", "was added")],
    ],
    [
      "response media type removed (the body is gone)",
      api(),
      api({ responses: { "200": { description: "The thing" }, "404": { description: "No such thing" } } }),
      [change("breaking", "responses.200", "media type application/json was removed")],
    ],
    [
      "response headers removed and added",
      api({ responses: { "204": { description: "Done", headers: { "X-Limit": { schema: { type: "integer" } } } } } }),
      api({ responses: { "204": { description: "Done", headers: { "X-Remaining": { schema: { type: "integer" } } } } } }),
      [
        change("breaking", "responses.204 headers.X-Limit", "was removed"),
        change("feature", "responses.204 headers.X-Remaining", "was added"),
      ],
    ],
    [
      "response description and examples (fix)",
      api(),
      api({
        responses: {
          "200": {
            description: "The updated thing",
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/output" }, examples: { one: { value: { name: "x" } } } },
            },
          },
          "404": { description: "No such thing" },
        },
      }),
      [change("fix", "responses.200", "examples was added"), change("fix", "responses.200", "description changed")],
    ],
    [
      "schema description, example and default (fix)",
      api(),
      api({ output: obj({ name: str({ description: "The name", example: "x" }), size: { type: "integer", default: 0 } }, ["name"]) }),
      [
        change("fix", "responses.200.name", "description was added"),
        change("fix", "responses.200.name", "example was added"),
        change("fix", "responses.200.size", "default was added"),
      ],
    ],
  ])("%s", (_rule, before, after, expected) => {
    // For the parameter given through a $ref.
    const parameters = { page: { name: "page", in: "query", schema: { type: "integer" } } };
    expect(
      diffSpecs(
        { ...before, components: { ...before.components, parameters } },
        { ...after, components: { ...after.components, parameters } },
      ),
    ).toEqual(expected);
  });

  it("reads YAML specs, follows recursive $refs without looping and reports each change once per place", () => {
    const spec = (extra: string) => `
openapi: 3.0.3
info: { title: Tree, version: "1" }
paths:
  /nodes:
    get:
      operationId: listNodes
      responses:
        "200":
          description: Nodes
          content:
            application/json:
              schema: { $ref: "#/components/schemas/node" }
components:
  schemas:
    node:
      type: object
      properties:
        name: { type: string }${extra}
        children:
          type: array
          items: { $ref: "#/components/schemas/node" }
`;
    expect(diffSpecs(parse(spec("")), parse(spec(""))).length).toBe(0);
    expect(diffSpecs(parse(spec("\n        colour: { type: string }")), parse(spec("")))).toEqual([
      { level: "breaking", where: "GET /nodes responses.200.colour", message: "was removed" },
    ]);
  });
});

describe("changesets", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "spec-diff-changesets-"));
    await mkdir(join(root, ".changeset"));
    await writeFile(join(root, ".changeset", "README.md"), "# Changesets\n");
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const changeset = (name: string, text: string) => writeFile(join(root, ".changeset", name), text);

  it("reads the highest pending bump per package from the front matter", async () => {
    await changeset("a.md", '---\n"@identity-clients/siit": patch\n"@identity-clients/core": major\n---\n\nFixes.\n');
    await changeset("b.md", "--- \r\n'@identity-clients/siit': minor\r\n---\r\n\r\nA feature, with Windows line ends.\r\n");
    await changeset("c.md", "---\n---\n\nNothing to release.\n");
    await changeset("notes.txt", "---\nnot: a changeset\n---\n");
    expect(readChangesets(root)).toEqual({ "@identity-clients/siit": "minor", "@identity-clients/core": "major" });
  });

  it("reads no changesets when the folder is missing", async () => {
    await rm(join(root, ".changeset"), { recursive: true });
    expect(readChangesets(root)).toEqual({});
  });

  it("rejects a changeset without front matter or with an unknown bump", async () => {
    await changeset("a.md", "Just text.\n");
    expect(() => readChangesets(root)).toThrow(".changeset/a.md: no front matter");
    await changeset("a.md", '---\n"@identity-clients/siit": huge\n---\n');
    expect(() => readChangesets(root)).toThrow('.changeset/a.md: "@identity-clients/siit": "huge" is not major, minor or patch');
  });

  it("needs major/minor/patch from 1.0 on, and minor for a breaking change in 0.x", () => {
    expect(["breaking", "feature", "fix"].map((level) => neededBump(level as SpecChange["level"], "1.4.2"))).toEqual([
      "major",
      "minor",
      "patch",
    ]);
    expect(["breaking", "feature", "fix"].map((level) => neededBump(level as SpecChange["level"], "0.3.0"))).toEqual([
      "minor",
      "minor",
      "patch",
    ]);
  });

  it("checks the changes against the pending bumps of the provider's package", async () => {
    const changes: SpecChange[] = [
      { level: "fix", where: "GET /x", message: "summary changed" },
      { level: "breaking", where: "POST /v1/x requestBody.name", message: "became required" },
      { level: "breaking", where: "POST /v1/x requestBody.note", message: "was removed" },
    ];
    await changeset("a.md", '---\n"@identity-clients/siit": minor\n"@identity-clients/other": major\n---\n\nA feature.\n');
    const bumps = readChangesets(root);
    expect(checkBump({ provider: "siit", changes, version: "1.2.0", bumps })).toBe(
      "specs/siit/openapi.yaml: breaking change (POST /v1/x requestBody.name became required, and 1 more) needs a major changeset for @identity-clients/siit; found minor",
    );
    expect(checkBump({ provider: "siit", changes, version: "0.2.0", bumps })).toBeUndefined();
    expect(checkBump({ provider: "siit", changes: changes.slice(0, 1), version: "1.2.0", bumps })).toBeUndefined();
    expect(checkBump({ provider: "siit", changes: [], version: "1.2.0", bumps: {} })).toBeUndefined();
    expect(checkBump({ provider: "siit", changes: changes.slice(0, 2), version: "0.2.0", bumps: {} })).toBe(
      "specs/siit/openapi.yaml: breaking change (POST /v1/x requestBody.name became required) needs a minor changeset for @identity-clients/siit (@identity-clients/siit is 0.2.0: in 0.x a breaking change is a minor bump); found none",
    );
    expect(
      checkBump({
        provider: "siit",
        changes: [{ level: "feature", where: "GET /y", message: "operation was added" }],
        version: "2.0.0",
        bumps: { "@identity-clients/siit": "patch" },
      }),
    ).toBe(
      "specs/siit/openapi.yaml: feature change (GET /y operation was added) needs a minor changeset for @identity-clients/siit; found patch",
    );
  });
});

const SPEC = `openapi: 3.0.3
info:
  title: Fixture API
  version: "1"
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                name:
                  type: string
      responses:
        "201":
          description: Created
`;
const REQUIRED_NAME = SPEC.replace("              properties:\n", "              required: [name]\n              properties:\n");

// Each test runs git a few times and up to four `spec-diff` processes (about 0.3 s each on a quiet machine).
describe("base selection and the CLI, in a temporary git repository", { timeout: 30_000 }, () => {
  let root: string;
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args],
      {
        cwd: root,
        encoding: "utf8",
      },
    ).trim();
  const write = async (path: string, text: string) => {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  };
  const commit = (message: string) => {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD");
  };
  const cli = (...args: string[]) => run(process.execPath, [script, "--root", root, ...args]);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "spec-diff-git-"));
    git("init", "-q", "-b", "main");
    await write("specs/fixture/openapi.yaml", SPEC);
    await write("packages/fixture/package.json", JSON.stringify({ name: "@identity-clients/fixture", version: "1.0.0" }));
    await write(".changeset/README.md", "# Changesets\n");
    commit("Release 1.0.0");
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("picks the highest release tag of the package, ignoring other packages' tags", () => {
    for (const version of ["1.2.0", "1.10.0", "1.9.9", "1.10.0-rc.1"]) git("tag", `@identity-clients/fixture@${version}`);
    git("tag", "@identity-clients/other@9.0.0");
    expect(findBase("fixture", { root })).toEqual({
      rev: "refs/tags/@identity-clients/fixture@1.10.0",
      label: "@identity-clients/fixture@1.10.0 (the last release)",
    });
  });

  it("without a tag, picks where HEAD left main, then origin/main, then HEAD", async () => {
    const forkPoint = commit("fork point");
    git("checkout", "-q", "-b", "feature");
    commit("on the branch");
    git("checkout", "-q", "main");
    commit("main moves on");
    git("checkout", "-q", "feature");
    expect(findBase("fixture", { root })).toEqual({
      rev: forkPoint,
      label: `main (no release tag yet; merge-base ${forkPoint.slice(0, 7)})`,
    });

    git("update-ref", "refs/remotes/origin/main", forkPoint);
    git("branch", "-q", "-D", "main");
    expect(findBase("fixture", { root }).label).toBe(`origin/main (no release tag yet; merge-base ${forkPoint.slice(0, 7)})`);

    git("update-ref", "-d", "refs/remotes/origin/main");
    expect(findBase("fixture", { root }).rev).toBe("HEAD");
    expect(findBase("fixture", { root, base: forkPoint })).toEqual({ rev: forkPoint, label: forkPoint });
    expect(() => findBase("fixture", { root, base: "nope" })).toThrow("--base nope is not a commit");
  });

  it("--check passes on main itself with no tag (nothing to compare), as CI sees it", async () => {
    const { stdout } = await cli("--check");
    expect(stdout).toContain("fixture: specs/fixture/openapi.yaml against main (no release tag yet; merge-base");
    expect(stdout).toContain(": no changes");
    expect(stdout).toContain("Every spec change has a pending changeset with the bump it needs.");
  });

  it("--check exits 1 naming the change and the bump it needs until a big enough changeset is pending", async () => {
    git("tag", "@identity-clients/fixture@1.0.0");
    await write("specs/fixture/openapi.yaml", REQUIRED_NAME);

    const listed = await cli();
    expect(listed.stdout).toContain(
      "fixture: specs/fixture/openapi.yaml against @identity-clients/fixture@1.0.0 (the last release): 1 breaking, 0 feature, 0 fix",
    );
    expect(listed.stdout).toContain("  breaking POST /things requestBody.name became required\n");
    expect(listed.stdout).toContain("  needs at least a major changeset for @identity-clients/fixture (now 1.0.0)");

    const message =
      "error: specs/fixture/openapi.yaml: breaking change (POST /things requestBody.name became required) needs a major changeset for @identity-clients/fixture";
    await expect(cli("--check")).rejects.toMatchObject({ code: 1, stderr: `${message}; found none\n` });

    await write(".changeset/small.md", '---\n"@identity-clients/fixture": minor\n---\n\nName is required.\n');
    await expect(cli("--check", "fixture")).rejects.toMatchObject({ code: 1, stderr: `${message}; found minor\n` });

    await write(".changeset/small.md", '---\n"@identity-clients/fixture": major\n---\n\nName is required.\n');
    const { stdout } = await cli("--check");
    expect(stdout).toContain("Every spec change has a pending changeset with the bump it needs.");
  });

  it("treats a spec missing at the base as new (a feature)", async () => {
    await write("specs/fresh/openapi.yaml", SPEC);
    await expect(cli("--check", "fresh")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        "error: specs/fresh/openapi.yaml: feature change (specs/fresh/openapi.yaml is new (not at the base)) needs a minor changeset for @identity-clients/fresh; found none",
      ),
    });
  });

  it("exits 2 for an unknown provider or base", async () => {
    await expect(cli("nope")).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("no spec at specs/nope/openapi.yaml (known: fixture)"),
    });
    await expect(cli("--base", "nope")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("--base nope is not a commit") });
  });
});
