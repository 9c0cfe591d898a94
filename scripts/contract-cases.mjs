// The contract tests' table, built from a provider's spec (never listed by hand): for every operation, the
// named function to call, the call's arguments from the spec's examples, and the documented answers.

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { exampleCalls } from "./example-calls.mjs";
import { specPath } from "./prism.mjs";

/** @param {string} provider the folder name under specs/ */
export function contractCases(provider) {
  const spec = parse(readFileSync(specPath(provider), "utf8"));
  const calls = exampleCalls(spec);
  const success = calls.map((call) => ({
    operationId: call.operationId,
    /** The generated function's name: the operationId with its first letter lower-cased. */
    name: call.operationId.charAt(0).toLowerCase() + call.operationId.slice(1),
    operation: `${call.method} ${call.path}`,
    init: {
      ...(Object.keys(call.params.path).length + Object.keys(call.params.query).length > 0
        ? {
            params: {
              ...(Object.keys(call.params.path).length ? { path: call.params.path } : {}),
              ...(Object.keys(call.params.query).length ? { query: call.params.query } : {}),
            },
          }
        : {}),
      ...(call.hasBody ? { body: call.body } : {}),
    },
    status: call.status,
    example: call.response,
    hasJsonResponse: call.hasJsonResponse,
  }));
  const errors = success.flatMap((entry) => {
    const item = spec.paths[entry.operation.slice(entry.operation.indexOf(" ") + 1)];
    const responses = item[entry.operation.split(" ")[0].toLowerCase()].responses ?? {};
    return Object.keys(responses)
      .filter((status) => !/^2\d\d$/.test(status))
      .map((status) => ({ ...entry, status: Number(status) }));
  });
  return { success, errors };
}
