export type {
  Page,
  PageIterator,
  PaginateOptions as PaginatorOptions,
  RetryEvent,
  RetryOptions,
  WaiterOptions,
} from "@identity-clients/core";
export {
  ApiError,
  ConfigurationError,
  IdentityClientError,
  InvalidRequestError,
  NetworkError,
  PaginationError,
  ResponseParseError,
  TimeoutError,
  WaiterError,
} from "@identity-clients/core";
export { checkCredentials } from "./check-credentials.js";
export type { SiitClient, SiitClientOptions } from "./client.js";
export { createSiitClient, SIIT_API_KEY_ENV, SIIT_BASE_URL } from "./client.js";
export type { SiitErrorBody } from "./errors.js";
export { SiitApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/operations.js";
export type { PaginateOptions, SiitListItem, SiitListPath } from "./paginate.js";
export { paginate } from "./paginate.js";
export type { RateLimit } from "./rate-limit.js";
export { readRateLimit } from "./rate-limit.js";
export type * from "./types.js";
