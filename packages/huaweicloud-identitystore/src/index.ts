export type {
  Page,
  PageIterator,
  PaginateOptions as PaginatorOptions,
  RetryEvent,
  RetryOptions,
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
} from "@identity-clients/core";
// Signing, credentials and the error class live in @identity-clients/huaweicloud-core, shared with IAM Identity
// Center: an error from either client is a HuaweiCloudApiError of both.
export type {
  CredentialsProvider,
  HuaweiCloudApiErrorBody,
  HuaweiCloudCredentials,
  HuaweiCloudErrorBody,
} from "@identity-clients/huaweicloud-core";
export {
  CONCURRENCY_CONFLICT_CODE,
  CREDENTIALS_REFRESH_MARGIN_MS,
  HUAWEICLOUD_ENV,
  HuaweiCloudApiError,
  SIGNATURE_MISMATCH_CODE,
} from "@identity-clients/huaweicloud-core";
export type { HuaweiCloudIdentityStoreClient, HuaweiCloudIdentityStoreClientOptions } from "./client.js";
export { createHuaweiCloudIdentityStoreClient } from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/operations.js";
export type { HuaweiCloudIdentityStoreRegion } from "./regions.js";
export { HUAWEICLOUD_IDENTITYSTORE_REGIONS } from "./regions.js";
export type * from "./types.js";
