import { ConfigurationError, IdentityClientError, readCredential, readFunction, readOptionalCredential } from "@identity-clients/core";

/**
 * What a Huawei Cloud service's credentials are scoped to, as the official SDKs have it: `domain` (the account:
 * `GlobalCredentials`, sent as `X-Domain-Id`, e.g. IAM Identity Center) or `project` (the region's project:
 * `BasicCredentials`, sent as `X-Project-Id`, e.g. Identity Store).
 */
export type CredentialScope = "domain" | "project";

/** Per scope: the client option and credentials field, the signed header, and the official SDK's environment variable. */
export const CREDENTIAL_SCOPES = {
  domain: { option: "domainId", header: "x-domain-id", env: "HUAWEICLOUD_SDK_DOMAIN_ID" },
  project: { option: "projectId", header: "x-project-id", env: "HUAWEICLOUD_SDK_PROJECT_ID" },
} as const satisfies Record<CredentialScope, { option: string; header: string; env: string }>;

/** The environment variables the official Huawei Cloud SDKs read, used when the options do not say. */
export const HUAWEICLOUD_ENV = {
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  domainId: CREDENTIAL_SCOPES.domain.env,
  projectId: CREDENTIAL_SCOPES.project.env,
} as const;

/** An AK/SK pair, with the security token of temporary credentials and the account (domain) or project id. */
export interface HuaweiCloudCredentials {
  /** Access key id. */
  ak: string;
  /** Secret access key. */
  sk: string;
  /** Security token of temporary credentials; sent (and signed) as `X-Security-Token`. */
  securityToken?: string | undefined;
  /** Account (domain) id, sent as `X-Domain-Id` by domain-scoped clients (IAM Identity Center). Falls back to the client's `domainId` option. */
  domainId?: string | undefined;
  /** Project id, sent as `X-Project-Id` by project-scoped clients (Identity Store). Falls back to the client's `projectId` option. */
  projectId?: string | undefined;
  /** When temporary credentials expire (a `Date`, epoch milliseconds or an ISO 8601 string). */
  expiresAt?: Date | number | string | undefined;
}

/**
 * Returns the current credentials, e.g. temporary ones from your token service. The client calls it before
 * the first request and again once the credentials it returned are within {@link CREDENTIALS_REFRESH_MARGIN_MS}
 * of `expiresAt`; concurrent requests share one call.
 */
export type CredentialsProvider = () => HuaweiCloudCredentials | Promise<HuaweiCloudCredentials>;

/** Credentials are refreshed this long (5 minutes) before their `expiresAt`. */
export const CREDENTIALS_REFRESH_MARGIN_MS = 5 * 60_000;

/** The credential options every Huawei Cloud client takes; the scope's id option is `domainId` or `projectId`. */
export interface HuaweiCloudCredentialOptions {
  /** Access key id. Defaults to `HUAWEICLOUD_SDK_AK` (with `HUAWEICLOUD_SDK_SK`) when neither `ak`, `sk` nor `credentials` is given. */
  ak?: string;
  /** Secret access key. Defaults to `HUAWEICLOUD_SDK_SK`. Never sent: it only keys the signature. */
  sk?: string;
  /** Security token of temporary credentials (sent as `X-Security-Token`). Read from `HUAWEICLOUD_SDK_SECURITY_TOKEN` only when AK/SK come from the environment too. */
  securityToken?: string;
  /** Instead of `ak`/`sk`/`securityToken`: a function returning (possibly temporary) credentials, called again when they expire. */
  credentials?: CredentialsProvider;
  domainId?: string;
  projectId?: string;
}

/** The credentials a request is signed with. */
export interface ResolvedCredentials {
  ak: string;
  sk: string;
  securityToken: string | undefined;
  scope: CredentialScope;
  /** The domain or project id, sent in the scope's header. */
  scopeId: string;
  /** Epoch milliseconds; undefined for long-term credentials. */
  expiresAt: number | undefined;
}

/**
 * Reads the credential options of a client of `scope` (options first, then the official SDK's environment
 * variables, or a credentials provider) and returns what resolves the credentials of each attempt (at once when
 * they are at hand, a promise when a provider must be asked). Bad values are
 * a `ConfigurationError` naming the option, now; a provider's result is checked when it is called.
 */
export function readHuaweiCloudCredentials(
  options: HuaweiCloudCredentialOptions,
  scope: CredentialScope,
  now: () => number,
): () => ResolvedCredentials | Promise<ResolvedCredentials> {
  const { option, env } = CREDENTIAL_SCOPES[scope];
  const provider = readFunction<CredentialsProvider>("credentials", options.credentials);
  const scopeOption = readOptionalCredential(option, options[option], env);

  if (provider) {
    for (const name of ["ak", "sk", "securityToken"] as const) {
      if (options[name] !== undefined)
        throw new ConfigurationError(name, "pass either `credentials` (a provider) or `ak`/`sk`/`securityToken`, not both");
    }
    const cache = new CredentialsCache(provider, scope, scopeOption, now);
    return () => cache.get();
  }

  const fromEnvironment = options.ak === undefined && options.sk === undefined;
  const ak = readCredential("ak", options.ak, fromEnvironment ? HUAWEICLOUD_ENV.ak : undefined);
  const sk = readCredential("sk", options.sk, fromEnvironment ? HUAWEICLOUD_ENV.sk : undefined);
  const securityToken = readOptionalCredential(
    "securityToken",
    options.securityToken,
    fromEnvironment ? HUAWEICLOUD_ENV.securityToken : undefined,
  );
  const scopeId = scopeOption ?? readCredential(option, options[option], env);
  const resolved: ResolvedCredentials = { ak, sk, securityToken, scope, scopeId, expiresAt: undefined };
  return () => resolved;
}

/** Caches what a credentials provider returns and asks again when it is about to expire. */
class CredentialsCache {
  #current: ResolvedCredentials | undefined;
  #pending: Promise<ResolvedCredentials> | undefined;

  constructor(
    private readonly provider: CredentialsProvider,
    private readonly scope: CredentialScope,
    private readonly fallbackScopeId: string | undefined,
    private readonly now: () => number,
  ) {}

  get(): ResolvedCredentials | Promise<ResolvedCredentials> {
    const current = this.#current;
    if (current && !expiresSoon(current, this.now())) return current;
    this.#pending ??= this.#refresh().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #refresh(): Promise<ResolvedCredentials> {
    let returned: unknown;
    try {
      returned = await this.provider();
    } catch (error) {
      // The provider's own error is the cause; the message does not repeat it (it may quote a response).
      throw new IdentityClientError("Huawei Cloud credentials provider (`credentials` option) failed; see `cause`", { cause: error });
    }
    const resolved = checkProvided(returned, this.scope, this.fallbackScopeId);
    if (resolved.expiresAt !== undefined && resolved.expiresAt <= this.now()) {
      throw new ConfigurationError(
        "credentials",
        `the provider returned credentials that expired at ${new Date(resolved.expiresAt).toISOString()}`,
      );
    }
    this.#current = resolved;
    return resolved;
  }
}

function expiresSoon(credentials: ResolvedCredentials, now: number): boolean {
  return credentials.expiresAt !== undefined && now >= credentials.expiresAt - CREDENTIALS_REFRESH_MARGIN_MS;
}

/** Validates what a provider returned; messages name the field, never its value. */
function checkProvided(value: unknown, scope: CredentialScope, fallbackScopeId: string | undefined): ResolvedCredentials {
  const { option, env } = CREDENTIAL_SCOPES[scope];
  if (typeof value !== "object" || value === null) {
    throw new ConfigurationError("credentials", `the provider must return an object { ak, sk, securityToken?, ${option}?, expiresAt? }`);
  }
  const provided = value as Record<string, unknown>;
  const field = (name: string, required: boolean): string | undefined => {
    const fieldValue = provided[name];
    if (fieldValue === undefined || fieldValue === null || fieldValue === "") {
      if (required) throw new ConfigurationError("credentials", `the provider returned no \`${name}\``);
      return undefined;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects.
    if (typeof fieldValue !== "string" || /[\s\u0000-\u001f\u007f]/.test(fieldValue)) {
      throw new ConfigurationError("credentials", `the provider returned a \`${name}\` that is not a string without whitespace`);
    }
    return fieldValue;
  };
  const ak = field("ak", true)!;
  const sk = field("sk", true)!;
  const securityToken = field("securityToken", false);
  const scopeId = field(option, false) ?? fallbackScopeId;
  if (scopeId === undefined) {
    throw new ConfigurationError(
      option,
      `it is required; pass \`${option}\`, set ${env}, or return \`${option}\` from the \`credentials\` provider`,
    );
  }
  return { ak, sk, securityToken, scope, scopeId, expiresAt: readExpiry(provided.expiresAt) };
}

function readExpiry(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === "number" || typeof value === "string"
        ? new Date(value).getTime()
        : Number.NaN;
  if (Number.isNaN(time)) {
    throw new ConfigurationError(
      "credentials",
      "the provider returned an `expiresAt` that is not a Date, epoch milliseconds or an ISO 8601 string",
    );
  }
  return time;
}
