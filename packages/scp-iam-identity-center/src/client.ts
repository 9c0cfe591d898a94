import {
  type ApiClient,
  COMMON_OPTION_NAMES,
  type CommonClientOptions,
  ConfigurationError,
  createApiClient,
  readBaseUrl,
  readCredential,
  readEnv,
  readFunction,
  readOptionalCredential,
  readOptions,
} from "@identity-clients/core";
import { type ApiVersion, apiVersionHeader, decideApiVersion, warnOnce } from "./api-versions.js";
import { type ScpEnvironment, type ScpRegion, scpEndpoint } from "./endpoints.js";
import { describeScpError, ScpApiError, type ScpErrorBody } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { packageName, packageVersion } from "./generated/package.js";
import { bodylessResponses, secretFields } from "./generated/spec-facts.js";
import { withGoQuery } from "./query.js";
import { canSignSynchronously, SCP_CLIENT_TYPE, signScpRequest, signScpRequestWithWebCrypto } from "./signer.js";

export const SCP_ACCESS_KEY_ENV = "SCP_ACCESS_KEY";
export const SCP_SECRET_KEY_ENV = "SCP_SECRET_KEY";
export const SCP_ACCOUNT_ID_ENV = "SCP_ACCOUNT_ID";
export const SCP_AUTH_TOKEN_ENV = "SCP_AUTH_TOKEN";

/** The languages the service answers in. */
export type ScpAcceptLanguage = "en-US" | "ko-KR";
const LANGUAGES: readonly ScpAcceptLanguage[] = ["en-US", "ko-KR"];

export interface ScpClientOptions extends CommonClientOptions {
  /** Access key (`Scp-Accesskey`). Defaults to `SCP_ACCESS_KEY`. Required, with `secretKey`: every request is signed. */
  accessKey?: string;
  /** Secret key that signs each request; never sent. Defaults to `SCP_SECRET_KEY`. */
  secretKey?: string;
  /**
   * Account id sent as `Scp-AccountId` and signed. Defaults to `SCP_ACCOUNT_ID`; usually not needed. Without one
   * the header is not sent: an empty account id signs the same as none.
   */
  accountId?: string;
  /**
   * A token sent as `X-Auth-Token` on top of the signed headers, as the official SDK sends it (e.g. the session
   * token that comes with temporary access keys); never instead of them. Defaults to `SCP_AUTH_TOKEN` when the
   * keys come from the environment too.
   */
  authToken?: string;
  /** Region of the endpoint, e.g. `kr-west1`; with `env` (or pass `baseUrl`). */
  region?: ScpRegion;
  /** Environment of the endpoint: `s`, `g` or `e`; with `region`. */
  env?: ScpEnvironment;
  /** `Accept-Language` of every request: `en-US` (default) or `ko-KR`. */
  acceptLanguage?: ScpAcceptLanguage;
  /** API version sent as `Scp-Api-Version`; defaults to the CURRENT one (see `API_VERSIONS`). */
  apiVersion?: ApiVersion;
  /** The time now; dates `Scp-Timestamp` (as epoch milliseconds) and the version policy. Default `() => new Date()`. */
  clock?: () => Date;
}

const OPTION_NAMES = [
  ...COMMON_OPTION_NAMES,
  "accessKey",
  "secretKey",
  "accountId",
  "authToken",
  "region",
  "env",
  "acceptLanguage",
  "apiVersion",
  "clock",
] as const satisfies readonly (keyof ScpClientOptions)[];

/** Headers the client sets on every request itself, so calls do not pass them. */
type ClientSetHeaders = "Scp-Api-Version" | "Scp-ClientType" | "Accept-Language" | "Scp-AccountId";
type OtherHeaders<Headers> = keyof Omit<Headers, ClientSetHeaders> extends never ? never : Omit<Headers, ClientSetHeaders>;
type WithoutClientHeaders<Operation> = Operation extends { parameters: infer Parameters extends { header?: unknown } }
  ? Omit<Operation, "parameters"> & {
      parameters: Omit<Parameters, "header"> & { header?: OtherHeaders<NonNullable<Parameters["header"]>> };
    }
  : Operation;

/** The spec's paths, with the headers the client fills in (version, client type, language, account) left out. */
export type ScpPaths = {
  [Path in keyof paths]: { [Key in keyof paths[Path]]: WithoutClientHeaders<paths[Path][Key]> };
};

/** The typed IAM Identity Center client: openapi-fetch's `GET`/`POST`/`PATCH`/`DELETE`, rejecting with `ScpApiError`. */
export type ScpClient = ApiClient<ScpPaths>;

interface Credentials {
  accessKey: string;
  secretKey: string;
  /** Sent as `X-Auth-Token` in addition to the signature. */
  token: string | undefined;
}

export function createScpClient(clientOptions?: ScpClientOptions): ScpClient {
  const options = readOptions<ScpClientOptions>(clientOptions, OPTION_NAMES);
  const credentials = readCredentials(options);
  const accountId = readOptionalCredential("accountId", options.accountId, SCP_ACCOUNT_ID_ENV);
  const clock = readFunction<() => Date>("clock", options.clock) ?? (() => new Date());
  const acceptLanguage = readLanguage(options.acceptLanguage);
  const baseUrl = readEndpoint(options);
  const decision = decideApiVersion(options.apiVersion, readClock(clock));
  warnOnce(decision);
  const versionHeader = apiVersionHeader(decision.version);

  return createApiClient<ScpPaths, ScpErrorBody>(
    { ...options, baseUrl },
    {
      name: "SCP IAM Identity Center",
      packageName,
      packageVersion,
      defaultBaseUrl: baseUrl,
      // Runs once per attempt on the request exactly as it will be sent: the URL signed is the URL sent.
      authenticate(request) {
        // Query keys sorted and escaped as the official SDK sends them; the signature covers this exact URL.
        request.url = withGoQuery(request.url);
        const headers = request.headers;
        headers.set("Scp-ClientType", SCP_CLIENT_TYPE);
        headers.set("Scp-Api-Version", versionHeader);
        headers.set("Accept-Language", acceptLanguage);
        if (accountId !== undefined) headers.set("Scp-AccountId", accountId);
        const timestamp = String(readClock(clock));
        headers.set("Scp-Accesskey", credentials.accessKey);
        headers.set("Scp-Timestamp", timestamp);
        if (credentials.token !== undefined) headers.set("X-Auth-Token", credentials.token);
        const input = { method: request.method, url: request.url, timestamp, accountId, ...credentials };
        if (canSignSynchronously) {
          headers.set("Scp-Signature", signScpRequest(input));
          return;
        }
        // No node:crypto here (a Worker without nodejs_compat): Web Crypto, which is async.
        return signScpRequestWithWebCrypto(input).then((signature) => {
          headers.set("Scp-Signature", signature);
        });
      },
      describeError: describeScpError,
      createError: (init) => new ScpApiError(init),
      secretFields,
      bodylessResponses,
      secretValues: () => (credentials.token === undefined ? [credentials.secretKey] : [credentials.secretKey, credentials.token]),
    },
  );
}

function readCredentials(options: ScpClientOptions): Credentials {
  const keysGiven = options.accessKey !== undefined || options.secretKey !== undefined;
  const envKeys = readEnv(SCP_ACCESS_KEY_ENV) !== undefined || readEnv(SCP_SECRET_KEY_ENV) !== undefined;
  if (!keysGiven && !envKeys) {
    const tokenOnly = options.authToken !== undefined || readEnv(SCP_AUTH_TOKEN_ENV) !== undefined;
    throw new ConfigurationError(
      "accessKey",
      tokenOnly
        ? `a token is sent on top of access-key signing, never instead of it (as the official SDK sends it); pass \`accessKey\` + \`secretKey\` (or set ${SCP_ACCESS_KEY_ENV} and ${SCP_SECRET_KEY_ENV}) as well`
        : `credentials are required; pass \`accessKey\` + \`secretKey\` (or set ${SCP_ACCESS_KEY_ENV} and ${SCP_SECRET_KEY_ENV}), and optionally \`authToken\` (or ${SCP_AUTH_TOKEN_ENV})`,
    );
  }
  const accessKey = readCredential("accessKey", options.accessKey, SCP_ACCESS_KEY_ENV);
  const secretKey = readCredential("secretKey", options.secretKey, SCP_SECRET_KEY_ENV);
  // Keys passed as options take the token from the options only: a token left in the environment for other keys
  // would be sent with the wrong ones.
  const token = readOptionalCredential("authToken", options.authToken, keysGiven ? undefined : SCP_AUTH_TOKEN_ENV);
  return { accessKey, secretKey, token };
}

function readLanguage(value: unknown): ScpAcceptLanguage {
  if (value === undefined) return "en-US";
  if (typeof value !== "string" || !LANGUAGES.includes(value as ScpAcceptLanguage)) {
    throw new ConfigurationError(
      "acceptLanguage",
      `expected "en-US" or "ko-KR", got ${typeof value === "string" ? JSON.stringify(value) : typeof value}`,
    );
  }
  return value as ScpAcceptLanguage;
}

function readEndpoint(options: ScpClientOptions): string {
  const endpointGiven = options.region !== undefined || options.env !== undefined;
  if (options.baseUrl !== undefined) {
    if (endpointGiven) throw new ConfigurationError("baseUrl", "pass either `baseUrl` or `region` + `env`, not both");
    return readBaseUrl("baseUrl", options.baseUrl, "https://iam-identity-center.kr-west1.e.samsungsdscloud.com");
  }
  if (!endpointGiven) {
    throw new ConfigurationError(
      "region",
      'the endpoint is required; pass `region` and `env` (e.g. region: "kr-west1", env: "e") or `baseUrl`',
    );
  }
  if (options.env === undefined) throw new ConfigurationError("env", "is required with `region` (one of s, g, e)");
  if (options.region === undefined) throw new ConfigurationError("region", "is required with `env`");
  return scpEndpoint(options.region, options.env);
}

/** Reads the clock as epoch milliseconds; it must return a valid Date. */
function readClock(clock: () => Date): number {
  const now = clock();
  if (!(now instanceof Date) || Number.isNaN(now.getTime()) || now.getTime() < 0) {
    throw new ConfigurationError("clock", `must return a valid Date, returned ${String(now)}`);
  }
  return now.getTime();
}
