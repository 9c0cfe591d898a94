// Reads the Siit spec the mock serves, so tests compare against the same examples and statuses.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specPath } from "../../../scripts/prism.mjs";

interface Example {
  value: unknown;
}
interface MediaContent {
  examples?: Record<string, Example>;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaContent>;
  headers?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, MediaContent> };
  responses: Record<string, ResponseObject>;
}

const spec = parse(readFileSync(specPath("siit"), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
};

export const operations: Operation[] = Object.values(spec.paths).flatMap((item) =>
  Object.entries(item)
    .filter(([method]) => ["get", "put", "post", "patch", "delete"].includes(method))
    .map(([, operation]) => operation),
);

export function operation(operationId: string): Operation {
  const found = operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in specs/siit/openapi.yaml`);
  return found;
}

export function response(operationId: string, status: string): ResponseObject {
  const raw = operation(operationId).responses[status];
  if (!raw) throw new Error(`${operationId} documents no ${status} response`);
  return raw.$ref ? spec.components.responses[raw.$ref.split("/").pop() ?? ""] ?? {} : raw;
}

function exampleFrom(content: MediaContent | undefined, where: string, name?: string): unknown {
  const examples = content?.examples ?? {};
  const key = name ?? Object.keys(examples)[0];
  const example = key === undefined ? undefined : examples[key];
  if (!example) throw new Error(`no example ${name ?? "(first)"} for ${where}`);
  return example.value;
}

/** The named (or first) JSON example of a response. */
export function responseExample(operationId: string, status: string, name?: string): unknown {
  return exampleFrom(response(operationId, status).content?.["application/json"], `${operationId} ${status}`, name);
}

/** The named JSON example of a request body, typed as the caller's body type. */
export function requestExample<Body>(operationId: string, name: string): Body {
  return exampleFrom(operation(operationId).requestBody?.content["application/json"], `${operationId} request`, name) as Body;
}

export function hasJsonBody(operationId: string, status: string): boolean {
  return response(operationId, status).content?.["application/json"] !== undefined;
}
