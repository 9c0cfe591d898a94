import {
  type ApiClient,
  COMMON_OPTION_NAMES,
  type CommonClientOptions,
  ConfigurationError,
  createApiClient,
  readBaseUrl,
  readOptions,
} from "@identity-clients/core";
import {
  type CredentialsProvider,
  createHuaweiCloudAuth,
  createHuaweiCloudError,
  describeHuaweiCloudError,
  type HuaweiCloudApiErrorBody,
  huaweiCloudAuthOptionNames,
  isRetryableHuaweiCloudError,
} from "@identity-clients/huaweicloud-core";
import type { paths } from "./generated/openapi.js";
import { packageName, packageVersion } from "./generated/package.js";
import { bodylessResponses, secretFields } from "./generated/spec-facts.js";

/** The global endpoint of IAM Identity Center. */
export const HUAWEICLOUD_IDENTITYCENTER_ENDPOINT = "https://identitycenter.myhuaweicloud.com";

export interface HuaweiCloudIdentityCenterClientOptions extends CommonClientOptions {
  /** Access key id. Defaults to `HUAWEICLOUD_SDK_AK` (with `HUAWEICLOUD_SDK_SK`) when neither `ak`, `sk` nor `credentials` is given. */
  ak?: string;
  /** Secret access key. Defaults to `HUAWEICLOUD_SDK_SK`. Never sent: it only keys the signature. */
  sk?: string;
  /** Security token of temporary credentials (sent as `X-Security-Token`). Read from `HUAWEICLOUD_SDK_SECURITY_TOKEN` only when AK/SK come from the environment too. */
  securityToken?: string;
  /** Account (domain) id, sent as `X-Domain-Id`. Defaults to `HUAWEICLOUD_SDK_DOMAIN_ID`. */
  domainId?: string;
  /** Instead of `ak`/`sk`/`securityToken`: a function returning (possibly temporary) credentials, called again when they expire. */
  credentials?: CredentialsProvider;
  /** The endpoint; default `https://identitycenter.myhuaweicloud.com`. Same as `baseUrl`; give one or the other. */
  endpoint?: string;
  /** The clock requests are dated and credentials expired by. Default `() => new Date()`. */
  clock?: () => Date;
}

/** The typed IAM Identity Center client: openapi-fetch's `GET`/`POST`/`PUT`/`DELETE` over the spec's paths, rejecting with `HuaweiCloudApiError`. */
export type HuaweiCloudIdentityCenterClient = ApiClient<paths>;

const OPTION_NAMES = [...COMMON_OPTION_NAMES, ...huaweiCloudAuthOptionNames("domain"), "endpoint"] as const;

export function createHuaweiCloudIdentityCenterClient(
  clientOptions?: HuaweiCloudIdentityCenterClientOptions,
): HuaweiCloudIdentityCenterClient {
  const options = readOptions<HuaweiCloudIdentityCenterClientOptions>(clientOptions, [...OPTION_NAMES]);
  if (options.endpoint !== undefined && options.baseUrl !== undefined) {
    throw new ConfigurationError("endpoint", "pass either `endpoint` or `baseUrl`, not both");
  }
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
