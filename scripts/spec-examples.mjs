// Reads a provider's spec the way its Prism mock serves it, so contract tests compare against the
// same operations, statuses and named examples.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "./prism.mjs";

const OPERATION_METHODS = ["get", "put", "post", "patch", "delete"];

/** @param {string} provider the folder name under specs/ */
export function readSpec(provider) {
  const where = `specs/${provider}/openapi.yaml`;
  const spec = parse(readFileSync(specPath(provider), "utf8"));
  const components = spec.components ?? {};

  const deref = (value) => {
    if (!value?.$ref) return value;
    const [, , section, name] = value.$ref.split("/");
    return components[section]?.[name] ?? {};
  };

  const operations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => OPERATION_METHODS.includes(method))
      .map(([method, op]) => ({ ...op, path, method })),
  );

  function operation(operationId) {
    const found = operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId} in ${where}`);
    return found;
  }

  function response(operationId, status) {
    const raw = operation(operationId).responses?.[status];
    if (!raw) throw new Error(`${operationId} documents no ${status} response`);
    return deref(raw);
  }

  function exampleFrom(content, label, name) {
    const examples = content?.examples ?? {};
    const key = name ?? Object.keys(examples)[0];
    const example = key === undefined ? undefined : deref(examples[key]);
    if (!example) throw new Error(`no example ${name ?? "(first)"} for ${label}`);
    return example.value;
  }

  const json = (content) => content?.["application/json"];

  return {
    operations,
    operation,
    response,
    responseExample: (operationId, status, name) =>
      exampleFrom(json(response(operationId, status).content), `${operationId} ${status}`, name),
    requestExample: (operationId, name) =>
      exampleFrom(json(deref(operation(operationId).requestBody)?.content), `${operationId} request`, name),
    hasJsonBody: (operationId, status) => json(response(operationId, status).content) !== undefined,
    /** Every non-2xx status some operation documents, e.g. ["400", "401", "404"]. */
    errorStatuses: [
      ...new Set(operations.flatMap((op) => Object.keys(op.responses ?? {}).filter((status) => !status.startsWith("2")))),
    ].sort(),
  };
}
