import {
  type ApiClient,
  COMMON_OPTION_NAMES,
  type CommonClientOptions,
  ConfigurationError,
  createApiClient,
  readBaseUrl,
  readCredential,
  readFunction,
  readOptions,
} from "@identity-clients/core";
import { CredentialsCache, type CredentialsProvider, type ResolvedCredentials } from "./credentials.js";
import { createHuaweiCloudError, describeHuaweiCloudError, type HuaweiCloudApiErrorBody, isRetryableHuaweiCloudError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { packageName, packageVersion } from "./generated/package.js";
import { bodylessResponses, secretFields } from "./generated/spec-facts.js";
import { canSignSynchronously, signRequest, signRequestWithWebCrypto } from "./signer.js";

/** The global endpoint of IAM Identity Center. */
export const HUAWEICLOUD_IDENTITYCENTER_ENDPOINT = "https://identitycenter.myhuaweicloud.com";

/** The environment variables the official Huawei Cloud SDKs read, used when the options do not say. */
export const HUAWEICLOUD_ENV = {
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  domainId: "HUAWEICLOUD_SDK_DOMAIN_ID",
} as const;

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

const OPTION_NAMES = [...COMMON_OPTION_NAMES, "ak", "sk", "securityToken", "domainId", "credentials", "endpoint", "clock"] as const;

/** The request headers the signature covers, besides `Host` and `X-Sdk-Date`. */
const SIGNED_HEADERS = ["content-type", "x-domain-id", "x-security-token", "x-sdk-content-sha256"];

export function createHuaweiCloudIdentityCenterClient(
  clientOptions?: HuaweiCloudIdentityCenterClientOptions,
): HuaweiCloudIdentityCenterClient {
  const options = readOptions<HuaweiCloudIdentityCenterClientOptions>(clientOptions, [...OPTION_NAMES]);
  if (options.endpoint !== undefined && options.baseUrl !== undefined) {
    throw new ConfigurationError("endpoint", "pass either `endpoint` or `baseUrl`, not both");
  }
  const baseUrl =
    options.endpoint === undefined ? options.baseUrl : readBaseUrl("endpoint", options.endpoint, HUAWEICLOUD_IDENTITYCENTER_ENDPOINT);
  const clock = readFunction<() => Date>("clock", options.clock) ?? (() => new Date());
  const credentials = readCredentials(options, () => now(clock));
  // The secrets signed with so far (rotated credentials included), for the core to scrub from anything shown.
  const secretsUsed = new Set<string>();

  const common: CommonClientOptions = { ...options };
  if (baseUrl !== undefined) common.baseUrl = baseUrl;
  return createApiClient<paths, HuaweiCloudApiErrorBody>(common, {
    name: "Huawei Cloud IAM Identity Center",
    packageName,
    packageVersion,
    defaultBaseUrl: HUAWEICLOUD_IDENTITYCENTER_ENDPOINT,
    async authenticate(request) {
      const resolved = await credentials();
      secretsUsed.add(resolved.sk);
      if (resolved.securityToken !== undefined) secretsUsed.add(resolved.securityToken);
      return sign(request, resolved, now(clock));
    },
    describeError: describeHuaweiCloudError,
    createError: createHuaweiCloudError,
    isRetryable: isRetryableHuaweiCloudError,
    secretFields,
    bodylessResponses,
    secretValues: () => secretsUsed,
  });
}

/** Signs one attempt: the exact body bytes, a fresh `X-Sdk-Date`, and the credential headers. */
async function sign(request: Request, credentials: ResolvedCredentials, date: Date): Promise<Request> {
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  const headers = new Headers(request.headers);
  // Every operation is JSON; the official SDKs send (and sign) this header on every request.
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  headers.set("x-domain-id", credentials.domainId);
  if (credentials.securityToken !== undefined) headers.set("x-security-token", credentials.securityToken);

  const signedHeaders: Record<string, string> = {};
  for (const name of SIGNED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) signedHeaders[name] = value;
  }
  const input = { method: request.method, url: request.url, headers: signedHeaders, body, ak: credentials.ak, sk: credentials.sk, date };
  // No node:crypto here (a Worker without nodejs_compat): Web Crypto, which is async.
  const signed = canSignSynchronously ? signRequest(input) : await signRequestWithWebCrypto(input);
  headers.set("host", signed.host);
  headers.set("x-sdk-date", signed.sdkDate);
  headers.set("authorization", signed.authorization);
  return new Request(request, body === null ? { headers } : { headers, body });
}

function now(clock: () => Date): Date {
  const date = clock();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ConfigurationError("clock", "it must return a valid Date");
  }
  return date;
}

/** Static credentials (options, then the official SDK's environment variables) or a credentials provider. */
function readCredentials(options: HuaweiCloudIdentityCenterClientOptions, clock: () => Date): () => Promise<ResolvedCredentials> {
  const provider = readFunction<CredentialsProvider>("credentials", options.credentials);
  const domainOption =
    options.domainId === undefined && readEnv(HUAWEICLOUD_ENV.domainId) === undefined
      ? undefined
      : readCredential("domainId", options.domainId, HUAWEICLOUD_ENV.domainId);

  if (provider) {
    for (const name of ["ak", "sk", "securityToken"] as const) {
      if (options[name] !== undefined)
        throw new ConfigurationError(name, "pass either `credentials` (a provider) or `ak`/`sk`/`securityToken`, not both");
    }
    const cache = new CredentialsCache(provider, domainOption, () => clock().getTime());
    return () => cache.get();
  }

  const fromEnvironment = options.ak === undefined && options.sk === undefined;
  const ak = readCredential("ak", options.ak, fromEnvironment ? HUAWEICLOUD_ENV.ak : undefined);
  const sk = readCredential("sk", options.sk, fromEnvironment ? HUAWEICLOUD_ENV.sk : undefined);
  const tokenFromEnvironment =
    fromEnvironment && options.securityToken === undefined && readEnv(HUAWEICLOUD_ENV.securityToken) !== undefined;
  const securityToken =
    options.securityToken !== undefined || tokenFromEnvironment
      ? readCredential("securityToken", options.securityToken, tokenFromEnvironment ? HUAWEICLOUD_ENV.securityToken : undefined)
      : undefined;
  const domainId = domainOption ?? readCredential("domainId", options.domainId, HUAWEICLOUD_ENV.domainId);
  const resolved: ResolvedCredentials = { ak, sk, securityToken, domainId, expiresAt: undefined };
  return () => Promise.resolve(resolved);
}

function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  let value: string | undefined;
  try {
    value = env?.[name];
  } catch {
    // Deno without --allow-env throws on reading a variable: one we may not read is one we do not have.
    return undefined;
  }
  return value === "" ? undefined : value;
}
