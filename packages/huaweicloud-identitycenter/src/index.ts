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
export type { HuaweiCloudIdentityCenterClient, HuaweiCloudIdentityCenterClientOptions } from "./client.js";
export {
  createHuaweiCloudIdentityCenterClient,
  HUAWEICLOUD_ENV,
  HUAWEICLOUD_IDENTITYCENTER_ENDPOINT,
} from "./client.js";
export type { CredentialsProvider, HuaweiCloudCredentials } from "./credentials.js";
export { CREDENTIALS_REFRESH_MARGIN_MS } from "./credentials.js";
export type { HuaweiCloudApiErrorBody, HuaweiCloudErrorBody, HuaweiCloudForbiddenErrorBody } from "./errors.js";
export { CONCURRENCY_CONFLICT_CODE, HuaweiCloudApiError, SIGNATURE_MISMATCH_CODE } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/operations.js";
export type { HuaweiCloudListItem, HuaweiCloudListPath, PaginateOptions } from "./paginate.js";
export { paginate } from "./paginate.js";
export type { SignedRequest, SignRequestInput } from "./signer.js";
export { canonicalQuery, canonicalUri, EMPTY_BODY_SHA256, formatSdkDate, percentEncode, SIGNING_ALGORITHM, signRequest } from "./signer.js";
export type * from "./types.js";
