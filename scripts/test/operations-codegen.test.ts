// The named-operations generator on a small fixture spec: its output is pinned by snapshots (review a change to
// them like a change to generated code), and what would generate broken code is a SpecError naming the problem.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderProvider, SpecError } from "../generate.mjs";
import { operationName, readOperations, renderOperations, renderOperationTable, withOperationTable } from "../operations-codegen.mjs";

const list = (operationId: string, parameters: string[], pagination?: Record<string, unknown>) => ({
  tags: ["Things"],
  operationId,
  summary: `${operationId} summary`,
  "x-source": `https://docs.example.com/${operationId}`,
  parameters: parameters.map((name) => ({ name, in: "query", schema: { type: name === "marker" ? "string" : "integer" } })),
  ...(pagination ? { "x-pagination": pagination } : {}),
  responses: { "200": { description: "ok" } },
});

const SPEC = {
  openapi: "3.0.3",
  info: { title: "Fixture API", version: "1" },
  tags: [{ name: "Things" }, { name: "Widgets" }],
  paths: {
    "/things": {
      get: list("ListThings", ["limit", "marker"], {
        style: "marker",
        items: "things",
        marker: "marker",
        nextMarker: "page_info.next_marker",
        limit: "limit",
      }),
      post: {
        tags: ["Things"],
        operationId: "CreateThing",
        summary: "Create a thing",
        description: "Creates a thing.\nIts name must be unique; a comment end */ is escaped.",
        "x-source": "https://docs.example.com/CreateThing",
        responses: { "201": { description: "created" } },
      },
    },
    "/pages": {
      get: list("ListPages", ["page", "size"], { style: "page", items: "pages", page: "page", firstPage: 0, size: "size", count: "count" }),
    },
    "/linked": {
      get: list("listLinked", ["page"], { style: "link", items: "results", page: "page", firstPage: 1, nextLink: "meta.next_page_link" }),
    },
    "/widgets/{id}": {
      delete: {
        tags: ["Widgets"],
        operationId: "DeleteWidget",
        summary: "Delete a widget",
        deprecated: true,
        responses: { "204": { description: "gone" } },
      },
    },
  },
};

describe("named operations", () => {
  const operations = readOperations("specs/fixture/openapi.yaml", SPEC);

  it("names each function after its operationId, first letter lower-cased", () => {
    expect(operations.map((operation) => operation.name)).toEqual(["listThings", "createThing", "listPages", "listLinked", "deleteWidget"]);
    expect(operationName("GetPermissionSetSummary")).toBe("getPermissionSetSummary");
  });

  it("renders one operation per operationId and one paginator per x-pagination", async () => {
    await expect(renderOperations(operations)).toMatchFileSnapshot("__snapshots__/operations.ts.snap");
  });

  it("renders the README table by tag, with links, requests and paginators", async () => {
    await expect(renderOperationTable("specs/fixture/openapi.yaml", SPEC, operations)).toMatchFileSnapshot(
      "__snapshots__/operations-table.md.snap",
    );
  });

  it("replaces only what is between the README's markers", () => {
    const readme = "# Fixture\n\nIntro.\n\n<!-- operations:start -->\nold table\n<!-- operations:end -->\n\nMore.\n";
    expect(withOperationTable("README.md", readme, "<!-- operations:start -->\nnew\n<!-- operations:end -->")).toBe(
      "# Fixture\n\nIntro.\n\n<!-- operations:start -->\nnew\n<!-- operations:end -->\n\nMore.\n",
    );
    expect(() => withOperationTable("packages/fixture/README.md", "# Fixture\n", "")).toThrow(
      "packages/fixture/README.md: needs one `<!-- operations:start -->` … `<!-- operations:end -->` pair",
    );
  });
});

describe("specs the generator refuses", () => {
  const withOperation = (operation: Record<string, unknown>, path = "/things") => ({ ...SPEC, paths: { [path]: { get: operation } } });
  const refusal = (spec: unknown) => {
    try {
      readOperations("specs/fixture/openapi.yaml", spec);
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      return (error as Error).message;
    }
    throw new Error("the spec was accepted");
  };

  it.each([
    [
      "a list that pages without x-pagination",
      list("ListThings", ["marker"]),
      "GET /things takes the query parameter `marker` but declares no `x-pagination`",
    ],
    [
      "an unknown style",
      list("ListThings", [], { style: "cursor", items: "x" }),
      'x-pagination style must be one of marker, page, link, got "cursor"',
    ],
    [
      "a missing key",
      list("ListThings", ["page"], { style: "page", items: "x", page: "page" }),
      "x-pagination needs `firstPage` for style page",
    ],
    [
      "a parameter the operation does not take",
      list("ListThings", ["page"], { style: "link", items: "x", page: "p", firstPage: 1, nextLink: "next" }),
      'x-pagination `page` names "p", which is not a query parameter of the operation',
    ],
    [
      "an unknown key",
      list("ListThings", ["marker"], { style: "marker", items: "x", marker: "marker", nextMarker: "n", cursor: "c" }),
      "has an unknown key `cursor`",
    ],
    ["a missing operationId", { summary: "x", responses: {} }, "GET /things needs an operationId made of letters and digits"],
  ])("%s", (_label, operation, message) => {
    expect(refusal(withOperation(operation))).toContain(message);
  });

  it("two operationIds that give the same function name", () => {
    const spec = { ...SPEC, paths: { "/a": { get: list("ListThings", []) }, "/b": { get: list("listThings", []) } } };
    expect(refusal(spec)).toContain("operationIds ListThings and listThings both give listThings()");
  });
});

describe("the README table, through renderProvider", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "operations-codegen-"));
    await mkdir(join(root, "specs", "fixture"), { recursive: true });
    await mkdir(join(root, "packages", "fixture"), { recursive: true });
    await writeFile(join(root, "packages", "fixture", "package.json"), JSON.stringify({ name: "@x/fixture", version: "1.0.0" }));
    await writeFile(join(root, "specs", "fixture", "openapi.yaml"), JSON.stringify(SPEC));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  // Loads openapi-typescript and Redocly on first use: seconds on a loaded 2-core machine.
  it("is written into a package README that has the markers, and refused for one without", { timeout: 30_000 }, async () => {
    const readme = join(root, "packages", "fixture", "README.md");
    await writeFile(readme, "# Fixture\n\n<!-- operations:start -->\n<!-- operations:end -->\n");
    const files = await renderProvider("fixture", root);
    expect(files[readme]).toContain("| [`createThing`](https://docs.example.com/CreateThing) | `POST /things` | Create a thing |");

    await writeFile(readme, "# Fixture\n");
    await expect(renderProvider("fixture", root)).rejects.toThrow(SpecError);
    expect(await readFile(readme, "utf8")).toBe("# Fixture\n");
  });
});
