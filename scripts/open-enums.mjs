// Open enums: a response field the service may give new values (`enum:` plus `x-open-enum: true` in the spec) is
// typed `"a" | "b" | (string & {})`: the known values still autocomplete, and an unknown one is not a type error.
// openapi-typescript has no option for it, so this is its `postTransform` hook.

/**
 * The postTransform for openapi-typescript: `path` is a pointer like `#/components/schemas/user/source`, where
 * `properties` and array `items` are left out, so each step tries the key itself, then under `properties`, then
 * under `items`.
 */
export function openEnumTransform(spec, ts) {
  const deref = (node) => (node?.$ref ? at(node.$ref) : node);
  const step = (node, key) => {
    const resolved = deref(node);
    if (resolved === null || typeof resolved !== "object") return undefined;
    if (key in resolved) return resolved[key];
    if (resolved.properties && key in resolved.properties) return resolved.properties[key];
    if (resolved.items) return step(resolved.items, key);
    return undefined;
  };
  const at = (pointer) =>
    pointer
      .replace(/^#\//, "")
      .split("/")
      .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce(step, spec);
  const anyOtherString = () =>
    ts.factory.createIntersectionTypeNode([
      ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      ts.factory.createTypeLiteralNode([]),
    ]);

  return (type, { path }) => {
    const schema = path ? deref(at(path)) : undefined;
    if (schema?.["x-open-enum"] !== true || !Array.isArray(schema.enum)) return undefined;
    const members = ts.isUnionTypeNode(type) ? [...type.types] : [type];
    return ts.factory.createUnionTypeNode([...members, anyOtherString()]);
  };
}
