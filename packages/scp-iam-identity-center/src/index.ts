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
export type { ApiVersion, ApiVersionDecision, ApiVersionEntry, ApiVersionStatus, KnownApiVersion } from "./api-versions.js";
export {
  API_VERSION_UNKNOWN_WARNING_CODE,
  API_VERSION_WARNING_CODE,
  API_VERSION_WARNING_DAYS,
  API_VERSIONS,
  decideApiVersion,
  newestSupportedVersion,
} from "./api-versions.js";
export type { ScpAcceptLanguage, ScpClient, ScpClientOptions, ScpPaths } from "./client.js";
export {
  createScpClient,
  SCP_ACCESS_KEY_ENV,
  SCP_ACCOUNT_ID_ENV,
  SCP_AUTH_TOKEN_ENV,
  SCP_SECRET_KEY_ENV,
} from "./client.js";
export type { ScpEnvironment, ScpRegion } from "./endpoints.js";
export { SCP_REGIONS, scpEndpoint } from "./endpoints.js";
export type { ScpErrorBody, ScpValidationError } from "./errors.js";
export { ScpApiError } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export * from "./generated/operations.js";
export type { PaginateOptions, ScpListPath } from "./paginate.js";
export { paginate } from "./paginate.js";
export type { ScpSignatureInput } from "./signer.js";
export { SCP_CLIENT_TYPE, signScpRequest } from "./signer.js";
export type * from "./types.js";
export { waitUntilInstanceDeleted, waitUntilInstanceReady } from "./waiters.js";
