// The calls a benchmark makes: one per operation of a spec, with arguments taken from the spec's own
// examples (path and query parameters, the first named request-body example) and the answer the spec
// documents for it (the first 2xx status and its first example). Pure: works on a parsed OpenAPI object.

const METHODS = ["get", "put", "post", "patch", "delete"];

function resolver(spec) {
  const deref = (value) => {
    if (!value || typeof value !== "object" || typeof value.$ref !== "string") return value;
    let node = spec;
    for (const part of value.$ref.replace(/^#\//, "").split("/")) node = node?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (node === undefined) throw new Error(`unresolvable $ref ${value.$ref}`);
    return deref(node);
  };
  return deref;
}

/** A parameter's value from its `example`, first `examples` entry, schema `example`, `default` or `enum`; undefined when the spec gives none. */
export function documentedValue(parameter, deref = (value) => value) {
  if (parameter.example !== undefined) return parameter.example;
  const named = parameter.examples && Object.values(parameter.examples)[0];
  if (named) return deref(named).value;
  const schema = deref(parameter.schema) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

function firstExample(content, deref) {
  const json = content?.["application/json"];
  if (!json) return { has: false };
  if (json.example !== undefined) return { has: true, value: json.example };
  const first = json.examples && Object.values(json.examples)[0];
  return first ? { has: true, value: deref(first).value } : { has: false };
}

/**
 * One call per operation, in spec order:
 * `{ operationId, method, path, params: { path, query }, body, hasBody, status, response, hasJsonResponse }`.
 * Path parameters always get a value (documented, else `<name>-1`); query parameters only when required or
 * documented with an example. Header parameters are left to the client (it sets the ones a provider needs).
 */
export function exampleCalls(spec) {
  const deref = resolver(spec);
  const calls = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(rawItem);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const byKey = new Map();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref(raw);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      const params = { path: {}, query: {} };
      for (const parameter of byKey.values()) {
        const value = documentedValue(parameter, deref);
        const hasExample =
          parameter.example !== undefined || parameter.examples !== undefined || deref(parameter.schema)?.example !== undefined;
        if (parameter.in === "path") params.path[parameter.name] = value ?? `${parameter.name}-1`;
        else if (parameter.in === "query" && (parameter.required || hasExample)) {
          if (value === undefined) throw new Error(`${operation.operationId}: required query parameter ${parameter.name} has no example`);
          params.query[parameter.name] = value;
        }
      }
      const requestBody = deref(operation.requestBody);
      const body = requestBody ? firstExample(requestBody.content, deref) : { has: false };
      if (requestBody?.required && !body.has) throw new Error(`${operation.operationId}: its request body has no JSON example`);
      const status = Object.keys(operation.responses ?? {}).find((code) => /^2\d\d$/.test(code));
      if (!status) throw new Error(`${operation.operationId}: no 2xx response`);
      const response = firstExample(deref(operation.responses[status]).content, deref);
      calls.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        params,
        body: body.value,
        hasBody: body.has,
        status: Number(status),
        response: response.value,
        hasJsonResponse: response.has,
      });
    }
  }
  return calls;
}

/** The call's `{ params: { path?, query? }, body? }` for a generated operation or openapi-fetch, leaving out what is empty. */
export function callInit(call) {
  const params = {};
  if (Object.keys(call.params.path).length > 0) params.path = call.params.path;
  if (Object.keys(call.params.query).length > 0) params.query = call.params.query;
  const init = {};
  if (Object.keys(params).length > 0) init.params = params;
  if (call.hasBody) init.body = call.body;
  return init;
}

/** The path with its parameters substituted (each encodeURIComponent-ed, as openapi-fetch does). */
export function expandPath(template, pathParams) {
  return template.replace(/\{([^{}]+)\}/g, (_, name) => {
    if (!(name in pathParams)) throw new Error(`no value for path parameter ${name} of ${template}`);
    return encodeURIComponent(String(pathParams[name]));
  });
}

/** `?key=value&...` (arrays repeat the key, form style exploded), or "" for no parameters. */
export function queryString(query) {
  const parts = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/** A regular expression matching the concrete paths of a path template. */
export function pathPattern(template) {
  const escaped = template.split(/\{[^{}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join("[^/]+")}$`);
}
