export { COMMON_OPTION_NAMES, createApiClient, DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS } from "./client.js";
export type { ApiClient, ApiMethod, ApiResult, CommonClientOptions, ProviderDefinition } from "./client.js";
export {
  ApiError,
  ConfigurationError,
  IdentityClientError,
  InvalidRequestError,
  NetworkError,
  ResponseParseError,
  TimeoutError,
} from "./errors.js";
export type { ApiErrorInit, ResponseParseProblem, RetryRecord } from "./errors.js";
export { readBaseUrl, readCredential, readDuration, readFunction, readHeaders, readOptions } from "./options.js";
export { createRedactor, REDACTED } from "./redact.js";
export type { Redactor } from "./redact.js";
export { DEFAULT_RETRY, retryAfterMs } from "./retry.js";
export type { RetryEvent, RetryOptions } from "./retry.js";
export type { Middleware } from "openapi-fetch";
