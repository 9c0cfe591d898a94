import { ConfigurationError, IdentityClientError } from "@identity-clients/core";

/** An AK/SK pair, with the security token of temporary credentials and the account (domain) id. */
export interface HuaweiCloudCredentials {
  /** Access key id. */
  ak: string;
  /** Secret access key. */
  sk: string;
  /** Security token of temporary credentials; sent (and signed) as `X-Security-Token`. */
  securityToken?: string | undefined;
  /** Account (domain) id, sent as `X-Domain-Id`. Falls back to the client's `domainId` option. */
  domainId?: string | undefined;
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

/** The credentials a request is signed with. */
export interface ResolvedCredentials {
  ak: string;
  sk: string;
  securityToken: string | undefined;
  domainId: string;
  /** Epoch milliseconds; undefined for long-term credentials. */
  expiresAt: number | undefined;
}

/** Caches what a credentials provider returns and asks again when it is about to expire. */
export class CredentialsCache {
  #current: ResolvedCredentials | undefined;
  #pending: Promise<ResolvedCredentials> | undefined;

  constructor(
    private readonly provider: CredentialsProvider,
    private readonly fallbackDomainId: string | undefined,
    private readonly now: () => number,
  ) {}

  get(): Promise<ResolvedCredentials> {
    const current = this.#current;
    if (current && !expiresSoon(current, this.now())) return Promise.resolve(current);
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
    const resolved = checkProvided(returned, this.fallbackDomainId);
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
function checkProvided(value: unknown, fallbackDomainId: string | undefined): ResolvedCredentials {
  if (typeof value !== "object" || value === null) {
    throw new ConfigurationError("credentials", "the provider must return an object { ak, sk, securityToken?, domainId?, expiresAt? }");
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
  const domainId = field("domainId", false) ?? fallbackDomainId;
  if (domainId === undefined) {
    throw new ConfigurationError(
      "domainId",
      "it is required; pass `domainId`, set HUAWEICLOUD_SDK_DOMAIN_ID, or return `domainId` from the `credentials` provider",
    );
  }
  return { ak, sk, securityToken, domainId, expiresAt: readExpiry(provided.expiresAt) };
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
