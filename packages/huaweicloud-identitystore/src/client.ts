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
import { type HuaweiCloudIdentityStoreRegion, identityStoreEndpoint } from "./regions.js";

/** The options of the Identity Store client: the common ones, the Huawei Cloud credentials and clock, the endpoint. */
export interface HuaweiCloudIdentityStoreClientOptions extends CommonClientOptions, Omit<HuaweiCloudAuthOptions, "domainId" | "projectId"> {
  /** Region of the endpoint, e.g. `ap-southeast-1`: `https://identitystore.{region}.myhuaweicloud.com`. Required unless `endpoint` (or `baseUrl`) is given. */
  region?: HuaweiCloudIdentityStoreRegion;
  /** Another endpoint (a proxy, a local mock); overrides the region's. Same as `baseUrl`; give one or the other. */
  endpoint?: string;
  /** Project id of the region, sent as `X-Project-Id` (Identity Store's credentials are project-scoped). Defaults to `HUAWEICLOUD_SDK_PROJECT_ID`. */
  projectId?: string;
}

/** The typed Identity Store client: openapi-fetch's `GET`/`POST`/`PUT`/`DELETE` over the spec's paths, rejecting with `HuaweiCloudApiError`. */
export type HuaweiCloudIdentityStoreClient = ApiClient<paths>;

const OPTION_NAMES = [...COMMON_OPTION_NAMES, ...huaweiCloudAuthOptionNames("project"), "region", "endpoint"] as const;

export function createHuaweiCloudIdentityStoreClient(
  clientOptions?: HuaweiCloudIdentityStoreClientOptions,
): HuaweiCloudIdentityStoreClient {
  const options = readOptions<HuaweiCloudIdentityStoreClientOptions>(clientOptions, [...OPTION_NAMES]);
  const baseUrl = readEndpoint(options);
  // Credentials scoped to the region's project: every request carries (and signs) X-Project-Id.
  const auth = createHuaweiCloudAuth(options, "project");

  return createApiClient<paths, HuaweiCloudApiErrorBody>(
    { ...options, baseUrl },
    {
      name: "Huawei Cloud Identity Store",
      packageName,
      packageVersion,
      defaultBaseUrl: baseUrl,
      authenticate: auth.authenticate,
      describeError: describeHuaweiCloudError,
      createError: createHuaweiCloudError,
      isRetryable: isRetryableHuaweiCloudError,
      secretFields,
      bodylessResponses,
      secretValues: auth.secretValues,
    },
  );
}

/** The region's endpoint, or `endpoint`/`baseUrl` instead (a region given with it is still checked). */
function readEndpoint(options: HuaweiCloudIdentityStoreClientOptions): string {
  checkEndpointOrBaseUrl(options);
  const regional = options.region === undefined ? undefined : identityStoreEndpoint(options.region);
  const [option, override] = options.endpoint === undefined ? ["baseUrl", options.baseUrl] : ["endpoint", options.endpoint];
  if (override !== undefined) return readBaseUrl(option, override, regional ?? identityStoreEndpoint("ap-southeast-1"));
  if (regional === undefined) {
    throw new ConfigurationError(
      "region",
      'it is required (Identity Store has no global endpoint); pass `region`, e.g. "ap-southeast-1", or `endpoint`',
    );
  }
  return regional;
}
