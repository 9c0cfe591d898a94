#!/usr/bin/env node
// Differential check of a spec against the official SDK's models.
//
//   pnpm spec:facts                          every provider with a specs/<provider>/sdk-facts.json
//   pnpm spec:facts huaweicloud-identitycenter
//   pnpm spec:facts --root <dir>             another checkout (or a test fixture)
//
// specs/<provider>/sdk-facts.json holds facts derived from the official SDK (operations with method, path,
// parameters, request body and response model; models with their fields' JSON names, types and required
// flags; enums), in the notation its `conventions` key explains, plus an `accepted` list: the differences the
// spec keeps on purpose, each with its reason. The check walks every operation of specs/<provider>/openapi.yaml
// against those facts — parameters, then the request body and the 2xx JSON response recursively through
// `$ref`, `allOf` and `anyOf`/`oneOf` — and reports each difference that is not accepted, plus each accepted
// entry that no longer matches a difference (stale). Exit 1 when anything is reported.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { deref, HTTP_METHODS } from "./spec-ref.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FACTS_FILE = "sdk-facts.json";

/**
 * The kinds of difference. `*-relaxed`: the spec leaves optional what the SDK requires; `*-tightened`: the
 * spec requires what the SDK leaves optional.
 */
export const DIFFERENCES = [
  "missing-operation",
  "invented-operation",
  "method",
  "path",
  "missing-parameter",
  "invented-parameter",
  "parameter-type",
  "parameter-required",
  "parameter-enum",
  "missing-request-body",
  "invented-request-body",
  "request-content-type",
  "missing-response-body",
  "invented-response-body",
  "missing-response-header",
  "missing-field",
  "invented-field",
  "type",
  "enum",
  "request-required-relaxed",
  "request-required-tightened",
  "response-required-relaxed",
  "response-required-tightened",
];

/** The providers whose spec folder has an sdk-facts.json, sorted. */
export function providersWithFacts(root = repoRoot) {
  const specs = join(root, "specs");
  return readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specs, entry.name, FACTS_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/** Reads specs/<provider>/openapi.yaml and sdk-facts.json and returns every unaccepted difference. */
export function checkProvider(provider, { root = repoRoot } = {}) {
  const { spec, facts } = readProvider(provider, root);
  return checkSpec(spec, facts);
}

/** specs/<provider>/openapi.yaml and its sdk-facts.json under `root`, parsed. */
function readProvider(provider, root) {
  const folder = join(root, "specs", provider);
  return {
    spec: parseYaml(readFileSync(join(folder, "openapi.yaml"), "utf8")),
    facts: JSON.parse(readFileSync(join(folder, FACTS_FILE), "utf8")),
  };
}

/** Every difference between a parsed spec and parsed facts, minus the accepted ones, plus stale accepted entries. */
export function checkSpec(spec, facts) {
  const found = diffSpec(spec, facts);
  const accepted = facts.accepted ?? [];
  const matched = new Set();
  const reported = [];
  // An entry without a reason, or naming no known difference, accepts nothing.
  const valid = accepted.map((entry) => acceptedProblem(entry) === undefined);
  for (const difference of found) {
    const index = accepted.findIndex((entry, at) => valid[at] && matches(entry, difference));
    if (index === -1) reported.push(difference);
    else matched.add(index);
  }
  accepted.forEach((entry, index) => {
    const problem = acceptedProblem(entry);
    if (problem) reported.push({ difference: "invalid-accepted", subject: describeAccepted(entry), message: problem });
    else if (!matched.has(index)) {
      reported.push({
        difference: "stale-accepted",
        subject: describeAccepted(entry),
        message: "accepted, but the spec no longer differs so",
      });
    }
  });
  return reported;
}

/** One line per difference, e.g. `PageInfoDto.next_marker: response-required-relaxed: required in the SDK, optional in the spec (...)`. */
export function formatDifference(difference) {
  return `${difference.subject}: ${difference.difference}: ${difference.message}`;
}

function matches(entry, difference) {
  if (entry.difference !== difference.difference) return false;
  if (difference.model !== undefined) return entry.model === difference.model && entry.field === difference.field;
  return entry.operation === difference.operation && entry.parameter === difference.parameter;
}

function acceptedProblem(entry) {
  if (!DIFFERENCES.includes(entry.difference))
    return `unknown difference ${JSON.stringify(entry.difference)} (one of ${DIFFERENCES.join(", ")})`;
  if (typeof entry.reason !== "string" || entry.reason.trim() === "") return "an accepted difference needs a reason";
  if ((entry.model === undefined) === (entry.operation === undefined)) return "name either an operation or a model";
  if (entry.model !== undefined && typeof entry.field !== "string") return "an accepted model difference names its field";
  return undefined;
}

function describeAccepted(entry) {
  const where =
    entry.model !== undefined
      ? `${entry.model}.${entry.field}`
      : [entry.operation, entry.parameter ?? entry.field].filter(Boolean).join(" ");
  return `accepted ${where} ${entry.difference}`;
}

// ---------------------------------------------------------------------------------------------------------
// The walk

/** Every difference between the spec and the facts (none suppressed), model differences once per model field. */
export function diffSpec(spec, facts) {
  const differences = [];
  const byModelField = new Map();
  const models = facts.models ?? {};
  const enums = facts.enums ?? {};
  const specOps = specOperations(spec);

  const addOperation = (operation, difference, message, extra = {}) => {
    const subject = [operation, extra.parameter ? `parameter ${extra.parameter}` : undefined].filter(Boolean).join(" ");
    differences.push({ operation, ...extra, difference, subject, message });
  };
  const addField = (model, field, difference, message, where) => {
    const key = `${model}\u0000${field}\u0000${difference}\u0000${message}`;
    const known = byModelField.get(key);
    if (known) {
      if (!known.seenIn.includes(where)) known.seenIn.push(where);
      return;
    }
    const entry = { model, field, difference, subject: `${model}.${field}`, message, seenIn: [where] };
    byModelField.set(key, entry);
    differences.push(entry);
  };

  for (const fact of facts.operations ?? []) {
    const op = specOps.get(fact.operationId);
    if (!op) {
      addOperation(fact.operationId, "missing-operation", `${fact.method} ${fact.path} is in the SDK, not in the spec`);
      continue;
    }
    if (op.method !== fact.method.toUpperCase()) addOperation(fact.operationId, "method", `SDK ${fact.method}, spec ${op.method}`);
    if (op.path !== fact.path) addOperation(fact.operationId, "path", `SDK ${fact.path}, spec ${op.path}`);
    diffParameters(spec, fact, op, enums, addOperation);

    const walk = (side, typeExpression, schema, where) =>
      compareType(
        { spec, models, enums, side, where, addField, addOperation, operation: fact.operationId },
        typeExpression,
        schema,
        new Set(),
      );

    const requestContent = deref(spec, op.operation.requestBody)?.content;
    if (fact.requestBody == null && requestContent)
      addOperation(fact.operationId, "invented-request-body", "the spec sends a request body; the SDK sends none");
    if (fact.requestBody != null) {
      const mediaType = fact.contentType ?? "application/json";
      if (!requestContent)
        addOperation(fact.operationId, "missing-request-body", `the SDK sends ${fact.requestBody}; the spec has no request body`);
      else if (!requestContent[mediaType]) {
        addOperation(fact.operationId, "request-content-type", `SDK ${mediaType}, spec ${Object.keys(requestContent).join(", ")}`);
      } else walk("request", typeOf(fact.requestBody, models), requestContent[mediaType].schema, `${fact.operationId} request`);
    }

    const success = successResponse(spec, op.operation);
    const responseSchema = success?.content?.["application/json"]?.schema;
    if (fact.response == null && responseSchema)
      addOperation(fact.operationId, "invented-response-body", `the spec's ${success.status} has a JSON body; the SDK reads none`);
    if (fact.response != null) {
      if (!responseSchema)
        addOperation(
          fact.operationId,
          "missing-response-body",
          `the SDK reads ${fact.response}; the spec's success response has no JSON body`,
        );
      else walk("response", typeOf(fact.response, models), responseSchema, `${fact.operationId} response`);
    }
    const headers = Object.keys(success?.headers ?? {}).map((name) => name.toLowerCase());
    for (const header of fact.responseHeaders ?? []) {
      const name = typeof header === "string" ? header : (header.name ?? header.json);
      if (name && !headers.includes(name.toLowerCase())) {
        addOperation(
          fact.operationId,
          "missing-response-header",
          `the SDK reads the ${name} response header; the spec's success response does not declare it`,
        );
      }
    }
  }
  const known = new Set((facts.operations ?? []).map((fact) => fact.operationId));
  for (const [operationId, op] of specOps) {
    if (!known.has(operationId)) addOperation(operationId, "invented-operation", `${op.method} ${op.path} is in the spec, not in the SDK`);
  }
  for (const entry of byModelField.values()) {
    const shown = entry.seenIn.slice(0, 3).join(", ");
    entry.message += ` (${shown}${entry.seenIn.length > 3 ? `, and ${entry.seenIn.length - 3} more` : ""})`;
    delete entry.seenIn;
  }
  return differences;
}

/** A model name of the facts means `object:<name>`; anything else is already a type expression. */
function typeOf(expression, models) {
  return Object.hasOwn(models, expression) ? `object:${expression}` : expression;
}

function specOperations(spec) {
  const ops = new Map();
  for (const [path, rawItem] of Object.entries(spec?.paths ?? {})) {
    const item = deref(spec, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(spec, parameter));
      ops.set(operation.operationId, { method: method.toUpperCase(), path, operation, parameters });
    }
  }
  return ops;
}

/** The first 2xx response (its `$ref` resolved), with its status. */
function successResponse(spec, operation) {
  const status = Object.keys(operation.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  return status === undefined ? undefined : { status, ...deref(spec, operation.responses[status]) };
}

function diffParameters(spec, fact, op, enums, add) {
  const locations = { path: fact.pathParams ?? [], query: fact.queryParams ?? [], header: fact.headerParams ?? [] };
  for (const [location, factParams] of Object.entries(locations)) {
    const sameName = (a, b) => (location === "header" ? a.toLowerCase() === b.toLowerCase() : a === b);
    const specParams = op.parameters.filter((parameter) => parameter?.in === location);
    for (const factParam of factParams) {
      const name = factParam.name;
      const where = { parameter: `${location} ${name}` };
      const specParam = specParams.find((parameter) => sameName(parameter.name, name));
      if (!specParam) {
        add(fact.operationId, "missing-parameter", `the SDK sends ${location} parameter ${name}; the spec does not declare it`, where);
        continue;
      }
      const required = location === "path" ? true : factParam.required === true;
      if (Boolean(specParam.required) !== required) {
        add(
          fact.operationId,
          "parameter-required",
          `${required ? "required" : "optional"} in the SDK, ${specParam.required ? "required" : "optional"} in the spec`,
          where,
        );
      }
      const expected = factParam.type ?? "string";
      const schema = deref(spec, specParam.schema) ?? {};
      const problem = scalarProblem(expected, schema, enums);
      if (problem?.enum) add(fact.operationId, "parameter-enum", problem.enum, where);
      else if (problem) add(fact.operationId, "parameter-type", problem.type, where);
    }
    for (const specParam of specParams) {
      if (!factParams.some((factParam) => sameName(specParam.name, factParam.name))) {
        add(fact.operationId, "invented-parameter", `the spec declares ${location} parameter ${specParam.name}; the SDK has none`, {
          parameter: `${location} ${specParam.name}`,
        });
      }
    }
  }
}

// Types: a type expression of the facts against a spec schema.

const SCALARS = {
  string: { type: "string" },
  integer: { type: "integer", format: "int32" },
  int64: { type: "integer", format: "int64" },
  number: { type: "number" },
  boolean: { type: "boolean" },
};

function describeSchema(schema) {
  if (schema.type === "integer") return `integer${schema.format ? ` (${schema.format})` : " (no format)"}`;
  if (schema.type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") return "map";
  if (schema.type === undefined && schema.properties) return "object";
  return schema.type ?? "any";
}

function describeExpression(expression) {
  const [head] = expression.split(":");
  if (head === "integer") return "integer (int32)";
  if (head === "int64") return "integer (int64)";
  if (head === "object") return "object";
  if (head === "enum") return "string enum";
  return head;
}

/** For a scalar or enum expression: undefined when the schema agrees, else `{ type }` or `{ enum }` naming the problem. */
function scalarProblem(expression, schema, enums) {
  if (expression.startsWith("enum:")) {
    const name = expression.slice(5);
    const values = enums[name];
    if (!values) return { type: `the facts name enum ${name} but do not list it` };
    if (schema.type !== "string" || !Array.isArray(schema.enum))
      return { type: `SDK string enum ${name}, spec ${describeSchema(schema)}${schema.enum ? "" : " without enum"}` };
    const listed = schema.enum.filter((value) => value !== null);
    const missing = values.filter((value) => !listed.includes(value));
    const extra = listed.filter((value) => !values.includes(value));
    if (missing.length === 0 && extra.length === 0) return undefined;
    const parts = [];
    if (missing.length > 0) parts.push(`spec lacks ${missing.join(", ")}`);
    if (extra.length > 0) parts.push(`spec adds ${extra.join(", ")}`);
    return { enum: `${parts.join("; ")} (SDK enum ${name}: ${values.join(", ")})` };
  }
  const scalar = SCALARS[expression];
  if (!scalar) return { type: `unknown type expression ${expression}` };
  const format = scalar.format;
  const typeOk = schema.type === scalar.type && (format === undefined || schema.format === format);
  if (!typeOk) return { type: `SDK ${describeExpression(expression)}, spec ${describeSchema(schema)}` };
  if (expression === "string" && Array.isArray(schema.enum))
    return { enum: `the spec restricts it to ${schema.enum.filter((v) => v !== null).join(", ")}; the SDK declares a plain string` };
  return undefined;
}

/**
 * A schema with `$ref`s followed, `allOf` merged, and an `anyOf`/`oneOf` whose only non-null variant is one schema
 * replaced by that variant (the `nullable $ref` idiom of OpenAPI 3.0).
 */
function resolveSchema(spec, raw, depth = 0) {
  const node = deref(spec, raw) ?? {};
  if (depth > 50) return node;
  if (Array.isArray(node.allOf)) {
    const { allOf, ...rest } = node;
    const parts = [rest, ...allOf.map((part) => resolveSchema(spec, part, depth + 1))];
    const merged = Object.assign({}, ...parts.toReversed());
    const properties = Object.assign({}, ...parts.map((part) => part.properties ?? {}));
    if (Object.keys(properties).length > 0) merged.properties = properties;
    const required = [...new Set(parts.flatMap((part) => part.required ?? []))];
    if (required.length > 0) merged.required = required;
    return merged;
  }
  for (const key of ["anyOf", "oneOf"]) {
    if (!Array.isArray(node[key])) continue;
    const variants = node[key].map((variant) => resolveSchema(spec, variant, depth + 1)).filter((variant) => !isNullOnly(variant));
    if (variants.length === 1) {
      const { [key]: _dropped, ...rest } = node;
      return { ...rest, ...variants[0] };
    }
  }
  return node;
}

function isNullOnly(schema) {
  return schema.type === "null" || (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((value) => value === null));
}

function compareType(context, expression, rawSchema, visiting) {
  const { spec, models, enums, where } = context;
  const schema = resolveSchema(spec, rawSchema);
  const [head, ...restParts] = expression.split(":");
  const rest = restParts.join(":");
  const report = (difference, message) =>
    context.report ? context.report(difference, message) : context.addOperation(context.operation, difference, `${where}: ${message}`);

  if (head === "any") return;
  if (head === "array") {
    if (schema.type !== "array") return report("type", `SDK array, spec ${describeSchema(schema)}`);
    return compareType({ ...context, where: `${where}[]` }, rest, schema.items ?? {}, visiting);
  }
  if (head === "map") {
    const values = schema.additionalProperties;
    if (schema.type !== "object" || !values || typeof values !== "object" || schema.properties) {
      return report(
        "type",
        `SDK map of ${describeExpression(rest)}, spec ${describeSchema(schema)}${schema.properties ? " with fixed properties" : ""}`,
      );
    }
    return compareType({ ...context, where: `${where}{}` }, rest, values, visiting);
  }
  if (head === "object") {
    const model = models[rest];
    if (!model) return report("type", `the facts name model ${rest} but do not list it`);
    if (!(schema.type === "object" || (schema.type === undefined && schema.properties)))
      return report("type", `SDK object ${rest}, spec ${describeSchema(schema)}`);
    return compareModel(context, rest, model, schema, visiting);
  }
  const problem = scalarProblem(expression, schema, enums);
  if (problem?.enum) report("enum", problem.enum);
  else if (problem) report("type", problem.type);
}

function compareModel(context, modelName, model, schema, visiting) {
  const key = `${modelName}\u0000${context.side}`;
  // A model already being walked on this side (a recursive model) is compared once.
  if (visiting.has(key)) return;
  const inner = new Set(visiting).add(key);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const where = context.where.split(" ")[0];
  for (const field of model.fields ?? []) {
    const fieldReport = (difference, message) => context.addField(modelName, field.json, difference, message, where);
    const property = properties[field.json];
    if (property === undefined) {
      fieldReport("missing-field", `the SDK has ${field.json} (${field.type}); the spec does not`);
      continue;
    }
    const specRequired = required.has(field.json);
    if (field.required && !specRequired) fieldReport(`${context.side}-required-relaxed`, "required in the SDK, optional in the spec");
    if (!field.required && specRequired) fieldReport(`${context.side}-required-tightened`, "optional in the SDK, required in the spec");
    compareType({ ...context, where: `${context.where}.${field.json}`, report: fieldReport }, field.type, property, inner);
  }
  for (const name of Object.keys(properties)) {
    if (!(model.fields ?? []).some((field) => field.json === name)) {
      context.addField(modelName, name, "invented-field", `the spec has ${name}; SDK model ${modelName} does not`, where);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// CLI

function main() {
  const { values, positionals } = parseArgs({
    options: {
      // Another checkout or a test fixture; defaults to this repository.
      root: { type: "string", default: repoRoot },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log("usage: pnpm spec:facts [--root <dir>] [provider ...]   (default: every provider with specs/<provider>/sdk-facts.json)");
    return 0;
  }
  const root = resolve(values.root);
  const available = providersWithFacts(root);
  const unknown = positionals.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(
      `error: no ${unknown.map((name) => `specs/${name}/${FACTS_FILE}`).join(", ")} (with facts: ${available.join(", ") || "none"})`,
    );
    return 2;
  }
  let failed = false;
  for (const provider of positionals.length > 0 ? positionals : available) {
    const { spec, facts } = readProvider(provider, root);
    const differences = checkSpec(spec, facts);
    const accepted = facts.accepted?.length ?? 0;
    const summary = differences.length === 0 ? "no differences from the SDK" : `${differences.length} difference(s) from the SDK`;
    console.log(`${provider}: ${summary} (${accepted} accepted)`);
    for (const difference of differences) console.log(`  ${formatDifference(difference)}`);
    failed ||= differences.length > 0;
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
