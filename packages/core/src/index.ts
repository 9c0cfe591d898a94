export { COMMON_OPTION_NAMES, createApiClient, DEFAULT_TIMEOUT_MS } from "./client.js";
export type { ApiClient, ApiMethod, ApiResult, CommonClientOptions, ProviderDefinition } from "./client.js";
export { ApiError, ConfigurationError, IdentityClientError, InvalidRequestError, NetworkError, TimeoutError } from "./errors.js";
export type { ApiErrorInit } from "./errors.js";
export { readBaseUrl, readCredential, readDuration, readFunction, readHeaders, readOptions } from "./options.js";
export type { Middleware } from "openapi-fetch";
