// The contract tests' table, built from a provider's spec (never listed by hand): for every operation, the
// named function to call, the call's arguments from the spec's examples, and the documented answers.

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { callInit, exampleCalls } from "./example-calls.mjs";
import { operationName } from "./operations-codegen.mjs";
import { specPath } from "./prism.mjs";

/** @param {string} provider the folder name under specs/ */
export function contractCases(provider) {
  const spec = parse(readFileSync(specPath(provider), "utf8"));
  const calls = exampleCalls(spec);
  const success = calls.map((call) => ({
    operationId: call.operationId,
    /** The generated function's name. */
    name: operationName(call.operationId),
    operation: `${call.method} ${call.path}`,
    init: callInit(call),
    status: call.status,
    example: call.response,
    hasJsonResponse: call.hasJsonResponse,
  }));
  const errors = calls.flatMap((call, index) => {
    const responses = spec.paths[call.path][call.method.toLowerCase()].responses ?? {};
    return Object.keys(responses)
      .filter((status) => !/^2\d\d$/.test(status))
      .map((status) => ({ ...success[index], status: Number(status) }));
  });
  return { success, errors };
}
