// Walking an OpenAPI document: the HTTP methods a path item may hold, and its local `$ref`s (`#/...`).

/** The keys of a path item that are operations, in the order OpenAPI lists them. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The object a local `$ref` names, one level (a `$ref` found there is returned as is); anything else as is. */
export function refTarget(spec, node) {
  if (!node?.$ref?.startsWith("#/")) return node;
  return node.$ref
    .slice(2)
    .split("/")
    .reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
}

/** Follows local `$ref`s, through any chain of them (at most 50 deep), to the object they name; anything else as is. */
export function deref(spec, node, depth = 0) {
  if (!node?.$ref?.startsWith("#/") || depth > 50) return node;
  return deref(spec, refTarget(spec, node), depth + 1);
}
