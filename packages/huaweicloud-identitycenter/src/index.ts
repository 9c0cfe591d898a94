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
// Signing, credentials and the error class live in @identity-clients/huaweicloud-core, shared with Identity Store.
export type {
  CredentialsProvider,
  HuaweiCloudApiErrorBody,
  HuaweiCloudCredentials,
  HuaweiCloudErrorBody,
  SignedRequest,
  SignRequestInput,
} from "@identity-clients/huaweicloud-core";
export {
  CONCURRENCY_CONFLICT_CODE,
  CREDENTIALS_REFRESH_MARGIN_MS,
  canonicalQuery,
  canonicalUri,
  EMPTY_BODY_SHA256,
  formatSdkDate,
  HUAWEICLOUD_ENV,
  HuaweiCloudApiError,
  percentEncode,
  SIGNATURE_MISMATCH_CODE,
  SIGNING_ALGORITHM,
  signRequest,
} from "@identity-clients/huaweicloud-core";
export type { HuaweiCloudIdentityCenterClient, HuaweiCloudIdentityCenterClientOptions } from "./client.js";
export { createHuaweiCloudIdentityCenterClient, HUAWEICLOUD_IDENTITYCENTER_ENDPOINT } from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/operations.js";
export type { HuaweiCloudListItem, HuaweiCloudListPath, PaginateOptions } from "./paginate.js";
export { paginate } from "./paginate.js";
export type * from "./types.js";
export type { AsynchronousRequestTarget } from "./waiters.js";
export { waitUntilAccountAssignmentCreated, waitUntilAccountAssignmentDeleted, waitUntilPermissionSetProvisioned } from "./waiters.js";
