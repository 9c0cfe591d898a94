// The generated types of the Identity Store API. The client (AK/SK signing with X-Project-Id, regions, typed
// errors, paginators) follows once both Huawei packages share one signer and credentials implementation.
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/operations.js";
