export type { Middleware } from "openapi-fetch";
export type {
  ApiClient,
  ApiMethod,
  ApiResult,
  ClientOf,
  CommonClientOptions,
  HttpMethod,
  InitParam,
  MediaType,
  ProviderDefinition,
} from "./client.js";
export { COMMON_OPTION_NAMES, createApiClient, DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS } from "./client.js";
export type { ApiErrorInit, ResponseParseProblem, RetryRecord } from "./errors.js";
export {
  ApiError,
  ConfigurationError,
  IdentityClientError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  TimeoutError,
} from "./errors.js";
export { canUseNodeCrypto, hex, hmacSha256, hmacSha256WebCrypto, sha256Hex, sha256HexWebCrypto } from "./hmac.js";
export type { Operation, OperationInit, OperationInitArgs, OperationResult, PathsWith } from "./operation.js";
export { operation } from "./operation.js";
export {
  readBaseUrl,
  readCredential,
  readDuration,
  readEnv,
  readFunction,
  readHeaders,
  readOptionalCredential,
  readOptions,
} from "./options.js";
export type { ItemOf, Page, PageIterator, PaginateOptions, PaginationProblem, PaginationStyle, Paginator } from "./paginate.js";
export { DEFAULT_MAX_PAGES, PaginationError, paginator } from "./paginate.js";
export type { RateLimitState } from "./rate-limit-gate.js";
export type { Redactor } from "./redact.js";
export { createRedactor, REDACTED } from "./redact.js";
export type { RetryEvent, RetryOptions } from "./retry.js";
export { DEFAULT_RETRY, retryAfterMs } from "./retry.js";
export type { OutgoingRequest } from "./transport.js";
export type { PollOutcome, WaitDecision, WaiterOptions, WaitSpec } from "./waiter.js";
export { DEFAULT_WAITER, WaiterError, waitUntil } from "./waiter.js";
