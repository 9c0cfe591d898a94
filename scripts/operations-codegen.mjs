// Named operations, paginators and the README's table of operations, generated from a spec (for
// scripts/generate.mjs). Each operation becomes `export const <operationId, first letter lower-cased>`, a
// typed call of the client's path-based method; each list with `x-pagination` becomes `paginate<OperationId>`.
import { SpecError } from "./spec-error.mjs";
import { HTTP_METHODS, refTarget } from "./spec-ref.mjs";

const STYLES = {
  marker: { required: ["items", "marker", "nextMarker"], optional: ["limit"], queryParams: ["marker", "limit"] },
  page: { required: ["items", "page", "firstPage"], optional: ["size", "count"], queryParams: ["page", "size"] },
  link: { required: ["items", "page", "firstPage", "nextLink"], optional: [], queryParams: ["page"] },
};
// Query parameters that mean a list pages: such a list must say how (x-pagination), or its paginator would be missing.
const PAGING_PARAMETERS = new Set(["marker", "page"]);

/** The function name of an operation: its operationId with the first letter lower-cased. */
export function operationName(operationId) {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/**
 * Every operation of the spec in document order: { name, operationId, method, path, summary, description,
 * source, tag, pagination }. Throws SpecError for what would generate broken code: a missing or clashing
 * operationId, a malformed `x-pagination`, or a list that pages without one.
 */
export function readOperations(specFile, spec) {
  const resolve = (node) => refTarget(spec, node);
  const operations = [];
  const names = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== "string" || !/^[A-Za-z][A-Za-z0-9]*$/.test(op.operationId)) {
        throw new SpecError(`${specFile}: ${where} needs an operationId made of letters and digits (it names the generated function)`);
      }
      const name = operationName(op.operationId);
      if (names.has(name)) throw new SpecError(`${specFile}: operationIds ${names.get(name)} and ${op.operationId} both give ${name}()`);
      names.set(name, op.operationId);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
      const query = new Set(parameters.filter((parameter) => parameter?.in === "query").map((parameter) => parameter.name));
      operations.push({
        name,
        operationId: op.operationId,
        method,
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        source: op["x-source"],
        tag: op.tags?.[0],
        deprecated: op.deprecated === true,
        pagination: readPagination(specFile, where, op["x-pagination"], query),
      });
    }
  }
  return operations;
}

function readPagination(specFile, where, pagination, query) {
  if (pagination === undefined) {
    const paging = [...query].filter((name) => PAGING_PARAMETERS.has(name));
    if (paging.length > 0) {
      throw new SpecError(
        `${specFile}: ${where} takes the query parameter ${paging.map((name) => `\`${name}\``).join(" and ")} but declares no \`x-pagination\`; ` +
          "say how it pages (see CONTRIBUTING.md) so it gets a paginator",
      );
    }
    return undefined;
  }
  const problem = (text) => new SpecError(`${specFile}: ${where} x-pagination ${text}`);
  const rules = STYLES[pagination?.style];
  if (!rules) throw problem(`style must be one of ${Object.keys(STYLES).join(", ")}, got ${JSON.stringify(pagination?.style)}`);
  const allowed = new Set(["style", ...rules.required, ...rules.optional]);
  for (const key of Object.keys(pagination))
    if (!allowed.has(key)) throw problem(`has an unknown key \`${key}\` for style ${pagination.style}`);
  for (const key of rules.required) if (pagination[key] === undefined) throw problem(`needs \`${key}\` for style ${pagination.style}`);
  for (const key of Object.keys(pagination)) {
    if (key === "style") continue;
    const value = pagination[key];
    const valid = key === "firstPage" ? Number.isInteger(value) && value >= 0 : typeof value === "string" && value !== "";
    if (!valid) throw problem(`\`${key}\` must be ${key === "firstPage" ? "an integer >= 0" : "a non-empty string"}`);
    if (rules.queryParams.includes(key) && !query.has(value))
      throw problem(`\`${key}\` names ${JSON.stringify(value)}, which is not a query parameter of the operation`);
  }
  return { ...pagination };
}

function paginatorName(operation) {
  return `paginate${operation.operationId.charAt(0).toUpperCase()}${operation.operationId.slice(1)}`;
}

/** JSDoc text: no comment terminators, each line prefixed. */
function docLines(text) {
  return text
    .replaceAll("*/", "*\u2215")
    .trim()
    .split("\n")
    .map((line) => ` *${line.trimEnd() ? ` ${line.trimEnd()}` : ""}`);
}

function docComment(lines) {
  return ["/**", ...lines, " */"].join("\n");
}

function operationDoc(operation, extra = []) {
  const lines = [];
  if (operation.summary) lines.push(...docLines(operation.summary.replace(/\.?$/, ".")));
  if (operation.description && operation.description.trim() !== operation.summary.trim())
    lines.push(" *", ...docLines(operation.description));
  lines.push(" *", ` * \`${operation.method.toUpperCase()} ${operation.path}\` (${operation.operationId})`, ...extra);
  if (operation.source) lines.push(` * @see ${operation.source}`);
  if (operation.deprecated) lines.push(" * @deprecated The API marks this operation deprecated.");
  return docComment(lines);
}

/** The TypeScript module of named operations and paginators. */
export function renderOperations(operations) {
  const paged = operations.filter((operation) => operation.pagination);
  const imports = ["operation", "type Operation", ...(paged.length ? ["type Paginator", "paginator"] : [])];
  const out = [`import { ${imports.join(", ")} } from "@identity-clients/core";`, ""];
  for (const operation of operations) {
    const path = JSON.stringify(operation.path);
    out.push(
      operationDoc(operation),
      `export const ${operation.name}: Operation<${path}, "${operation.method}"> = /* @__PURE__ */ operation("${operation.method}", ${path});`,
      "",
    );
  }
  for (const operation of paged) {
    const path = JSON.stringify(operation.path);
    const { items, style } = operation.pagination;
    const ends = {
      marker: `until \`${operation.pagination.nextMarker}\` is empty`,
      page: `until \`${operation.pagination.count ?? "the total"}\` items were read or a page is empty`,
      link: `until \`${operation.pagination.nextLink}\` is null`,
    }[style];
    const summary = {
      ...operation,
      summary: `Every item of ${operation.operationId} (\`${items}\`), page after page (${style} pagination, ${ends})`,
      description: `${operation.summary.replace(/\.?$/, ".")} \`for await (const item of ${paginatorName(operation)}(client, init))\`; \`.pages()\` yields whole pages.`,
    };
    out.push(
      operationDoc(summary),
      `export const ${paginatorName(operation)}: Paginator<${path}, "${operation.method}", ${JSON.stringify(items)}> = /* @__PURE__ */ paginator("${operation.method}", ${path}, ${JSON.stringify(operation.pagination)});`,
      "",
    );
  }
  return out.join("\n");
}

/** A module mapping each paged list's path to its paginator (for the deprecated `paginate(client, path)`). */
export function renderPaginatorsByPath(operations) {
  const paged = operations.filter((operation) => operation.pagination);
  const names = paged.map(paginatorName);
  return [
    ...(paged.length ? [`import { ${names.join(", ")} } from "./operations.js";`, ""] : []),
    "/** The paginator of each paged list, by its path (for the deprecated `paginate(client, path)`). */",
    `export const paginatorsByPath = {${paged.map((operation) => `\n  ${JSON.stringify(operation.path)}: ${paginatorName(operation)},`).join("")}${paged.length ? "\n" : ""}} as const;`,
    "",
  ].join("\n");
}

const TABLE_START = "<!-- operations:start -->";
const TABLE_END = "<!-- operations:end -->";

/** Markdown: one table of operations per tag (in the spec's tag order). */
export function renderOperationTable(specFile, spec, operations) {
  const tagOrder = (spec.tags ?? []).map((tag) => tag.name);
  const tags = [...new Set([...tagOrder, ...operations.map((operation) => operation.tag ?? "Other")])];
  const cell = (text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  const lines = [
    TABLE_START,
    `<!-- Generated by \`pnpm generate\` from ${specFile}; edit the spec, not this table. -->`,
    "",
    `${operations.length} operations; each is a function taking the client, e.g. \`${operations[0]?.name ?? "operation"}(client, { params, body })\`.`,
  ];
  for (const tag of tags) {
    const inTag = operations.filter((operation) => (operation.tag ?? "Other") === tag);
    if (inTag.length === 0) continue;
    lines.push("", `#### ${tag}`, "", "| operation | request | what it does |", "|---|---|---|");
    for (const operation of inTag) {
      const name = operation.source ? `[\`${operation.name}\`](${operation.source})` : `\`${operation.name}\``;
      const pages = operation.pagination ? ` (paginator \`${paginatorName(operation)}\`)` : "";
      lines.push(`| ${name} | \`${operation.method.toUpperCase()} ${operation.path}\` | ${cell(operation.summary)}${pages} |`);
    }
  }
  lines.push("", TABLE_END);
  return lines.join("\n");
}

/** The README with its operations table replaced; the markers must be there once. */
export function withOperationTable(file, readme, table) {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start || readme.indexOf(TABLE_START, start + 1) !== -1) {
    throw new SpecError(`${file}: needs one \`${TABLE_START}\` … \`${TABLE_END}\` pair where the generated table of operations goes`);
  }
  return `${readme.slice(0, start)}${table}${readme.slice(end + TABLE_END.length)}`;
}
