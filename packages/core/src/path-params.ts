import { InvalidRequestError } from "./errors.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;
// The parameter names of each path template seen: a client calls the same few templates over and over.
const namesByTemplate = new Map<string, string[]>();

function parameterNames(pathTemplate: string): string[] {
  let names = namesByTemplate.get(pathTemplate);
  if (names === undefined) {
    names = [...pathTemplate.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
    if (namesByTemplate.size < 1000) namesByTemplate.set(pathTemplate, names);
  }
  return names;
}

/**
 * Checks that every `{name}` in a path template has a usable value before the request is built.
 * An empty value would address the collection instead of one item (`DELETE /things/`), and `.` or `..`
 * would be resolved away by URL parsing and address another endpoint.
 */
export function checkPathParams(operation: string, pathTemplate: string, pathParams: Record<string, unknown> | undefined): void {
  for (const name of parameterNames(pathTemplate)) {
    const value = pathParams?.[name];
    if (value === undefined || value === null) {
      throw new InvalidRequestError(operation, name, "is missing");
    }
    if (typeof value !== "string" && typeof value !== "number") {
      throw new InvalidRequestError(operation, name, `must be a string or number, got ${typeof value}`);
    }
    const text = String(value);
    if (text.trim() === "") throw new InvalidRequestError(operation, name, "is empty");
    if (text === "." || text === "..") throw new InvalidRequestError(operation, name, `must not be "${text}"`);
  }
}
