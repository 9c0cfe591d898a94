export type { HuaweiCloudAuth, HuaweiCloudAuthOptions } from "./authenticate.js";
export { createHuaweiCloudAuth, huaweiCloudAuthOptionNames, signHuaweiCloudRequest } from "./authenticate.js";
export type {
  CredentialScope,
  CredentialsProvider,
  HuaweiCloudCredentialOptions,
  HuaweiCloudCredentials,
  ResolvedCredentials,
} from "./credentials.js";
export { CREDENTIAL_SCOPES, CREDENTIALS_REFRESH_MARGIN_MS, HUAWEICLOUD_ENV } from "./credentials.js";
export { checkEndpointOrBaseUrl } from "./endpoint.js";
export type { HuaweiCloudApiErrorBody, HuaweiCloudErrorBody } from "./errors.js";
export {
  CONCURRENCY_CONFLICT_CODE,
  createHuaweiCloudError,
  describeHuaweiCloudError,
  HuaweiCloudApiError,
  isRetryableHuaweiCloudError,
  SIGNATURE_MISMATCH_CODE,
} from "./errors.js";
export type { SignedRequest, SignRequestInput } from "./signer.js";
export { canonicalQuery, canonicalUri, EMPTY_BODY_SHA256, formatSdkDate, percentEncode, SIGNING_ALGORITHM, signRequest } from "./signer.js";
