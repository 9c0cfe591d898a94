// What a Huawei Cloud client does to each attempt before it is sent: resolve the current credentials, then sign
// the exact bytes with a fresh X-Sdk-Date and the scope's header (X-Domain-Id or X-Project-Id).
import { ConfigurationError, type OutgoingRequest, readFunction } from "@identity-clients/core";
import {
  CREDENTIAL_SCOPES,
  type CredentialScope,
  type HuaweiCloudCredentialOptions,
  type ResolvedCredentials,
  readHuaweiCloudCredentials,
} from "./credentials.js";
import { canSignSynchronously, type SignedRequest, signRequest, signRequestWithWebCrypto } from "./signer.js";

/** The options of a Huawei Cloud client that this package reads: the credentials, and the clock requests are dated by. */
export interface HuaweiCloudAuthOptions extends HuaweiCloudCredentialOptions {
  /** The clock requests are dated and credentials expired by. Default `() => new Date()`. */
  clock?: () => Date;
}

/** The option names {@link createHuaweiCloudAuth} reads for a scope, for a client's `readOptions()`. */
export function huaweiCloudAuthOptionNames<Scope extends CredentialScope>(
  scope: Scope,
): readonly ["ak", "sk", "securityToken", "credentials", "clock", (typeof CREDENTIAL_SCOPES)[Scope]["option"]] {
  return ["ak", "sk", "securityToken", "credentials", "clock", CREDENTIAL_SCOPES[scope].option];
}

/** What a provider client passes to the core's `createApiClient`. */
export interface HuaweiCloudAuth {
  /**
   * Signs one attempt in place (the core calls it for every attempt, retries included). Returns at once when the
   * credentials are at hand and `node:crypto` signs; a Promise when a credentials provider must be asked or Web
   * Crypto signs. Failures are always a rejected Promise.
   */
  authenticate(request: OutgoingRequest): void | Promise<void>;
  /** The secrets signed with so far (rotated credentials included), for the core to scrub from anything shown. */
  secretValues(): Iterable<string>;
}

/**
 * Reads the credential and clock options of a client of `scope` (a bad one is a `ConfigurationError` naming it)
 * and returns the per-attempt signing for the core's `createApiClient`.
 */
export function createHuaweiCloudAuth(options: HuaweiCloudAuthOptions, scope: CredentialScope): HuaweiCloudAuth {
  const clock = readFunction<() => Date>("clock", options.clock) ?? (() => new Date());
  const credentials = readHuaweiCloudCredentials(options, scope, () => now(clock).getTime());
  const secretsUsed = new Set<string>();
  return {
    authenticate(request) {
      const sign = (resolved: ResolvedCredentials) => {
        secretsUsed.add(resolved.sk);
        if (resolved.securityToken !== undefined) secretsUsed.add(resolved.securityToken);
        return signHuaweiCloudRequest(request, resolved, now(clock));
      };
      // Credentials at hand are used at once, and synchronous signing returns nothing: no promise per attempt.
      try {
        const current = credentials();
        return current instanceof Promise ? current.then(sign) : sign(current);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    secretValues: () => secretsUsed,
  };
}

/** The request headers the signature covers, besides `Host` and `X-Sdk-Date`. */
const SIGNED_HEADERS = ["content-type", "x-domain-id", "x-project-id", "x-security-token", "x-sdk-content-sha256"];

/**
 * Signs one attempt: the exact body bytes, a fresh `X-Sdk-Date`, `Content-Type`, the scope's id header and, with
 * temporary credentials, `X-Security-Token`. Changes the request's headers in place. Synchronous where `node:crypto`
 * is available; elsewhere (a Worker without nodejs_compat) it signs with Web Crypto and returns a Promise.
 */
export function signHuaweiCloudRequest(request: OutgoingRequest, credentials: ResolvedCredentials, date: Date): void | Promise<void> {
  const { headers, body } = request;
  const scopeHeader = CREDENTIAL_SCOPES[credentials.scope].header;
  // Every operation is JSON; the official SDKs send (and sign) this header on every request.
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  headers.set(scopeHeader, credentials.scopeId);
  if (credentials.securityToken !== undefined) headers.set("x-security-token", credentials.securityToken);

  const signedHeaders: Record<string, string> = {};
  for (const name of SIGNED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) signedHeaders[name] = value;
  }
  const input = { method: request.method, url: request.url, headers: signedHeaders, body, ak: credentials.ak, sk: credentials.sk, date };
  const apply = (signed: SignedRequest) => {
    headers.set("host", signed.host);
    headers.set("x-sdk-date", signed.sdkDate);
    headers.set("authorization", signed.authorization);
  };
  if (canSignSynchronously) return apply(signRequest(input));
  // No node:crypto here (a Worker without nodejs_compat): Web Crypto, which is async.
  return signRequestWithWebCrypto(input).then(apply);
}

function now(clock: () => Date): Date {
  const date = clock();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ConfigurationError("clock", "it must return a valid Date");
  }
  return date;
}
