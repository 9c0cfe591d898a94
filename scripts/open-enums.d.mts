/** openapi-typescript's postTransform that adds `(string & {})` to every enum marked `x-open-enum: true`. */
export function openEnumTransform(spec: unknown, ts: unknown): (type: unknown, options: { path?: string }) => unknown;
