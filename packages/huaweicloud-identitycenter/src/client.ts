import {
  type ApiClient,
  COMMON_OPTION_NAMES,
  type CommonClientOptions,
  createApiClient,
  readBaseUrl,
  readOptions,
} from "@identity-clients/core";
import {
  checkEndpointOrBaseUrl,
  createHuaweiCloudAuth,
  createHuaweiCloudError,
  describeHuaweiCloudError,
  type HuaweiCloudApiErrorBody,
  type HuaweiCloudAuthOptions,
  huaweiCloudAuthOptionNames,
  isRetryableHuaweiCloudError,
} from "@identity-clients/huaweicloud-core";
import type { paths } from "./generated/openapi.js";
import { packageName, packageVersion } from "./generated/package.js";
import { bodylessResponses, secretFields } from "./generated/spec-facts.js";

/** The global endpoint of IAM Identity Center. */
export const HUAWEICLOUD_IDENTITYCENTER_ENDPOINT = "https://identitycenter.myhuaweicloud.com";

/** The options of the IAM Identity Center client: the common ones, the Huawei Cloud credentials and clock, the endpoint. */
export interface HuaweiCloudIdentityCenterClientOptions
  extends CommonClientOptions,
    Omit<HuaweiCloudAuthOptions, "domainId" | "projectId"> {
  /** Account (domain) id, sent as `X-Domain-Id`. Defaults to `HUAWEICLOUD_SDK_DOMAIN_ID`. */
  domainId?: string;
  /** The endpoint; default `https://identitycenter.myhuaweicloud.com`. Same as `baseUrl`; give one or the other. */
  endpoint?: string;
}

/** The typed IAM Identity Center client: openapi-fetch's `GET`/`POST`/`PUT`/`DELETE` over the spec's paths, rejecting with `HuaweiCloudApiError`. */
export type HuaweiCloudIdentityCenterClient = ApiClient<paths>;

const OPTION_NAMES = [...COMMON_OPTION_NAMES, ...huaweiCloudAuthOptionNames("domain"), "endpoint"] as const;

export function createHuaweiCloudIdentityCenterClient(
  clientOptions?: HuaweiCloudIdentityCenterClientOptions,
): HuaweiCloudIdentityCenterClient {
  const options = readOptions<HuaweiCloudIdentityCenterClientOptions>(clientOptions, [...OPTION_NAMES]);
  checkEndpointOrBaseUrl(options);
  const baseUrl =
    options.endpoint === undefined ? options.baseUrl : readBaseUrl("endpoint", options.endpoint, HUAWEICLOUD_IDENTITYCENTER_ENDPOINT);
  // Credentials scoped to the account: every request carries (and signs) X-Domain-Id.
  const auth = createHuaweiCloudAuth(options, "domain");

  const common: CommonClientOptions = { ...options };
  if (baseUrl !== undefined) common.baseUrl = baseUrl;
  return createApiClient<paths, HuaweiCloudApiErrorBody>(common, {
    name: "Huawei Cloud IAM Identity Center",
    packageName,
    packageVersion,
    defaultBaseUrl: HUAWEICLOUD_IDENTITYCENTER_ENDPOINT,
    authenticate: auth.authenticate,
    describeError: describeHuaweiCloudError,
    createError: createHuaweiCloudError,
    isRetryable: isRetryableHuaweiCloudError,
    secretFields,
    bodylessResponses,
    secretValues: auth.secretValues,
  });
}
