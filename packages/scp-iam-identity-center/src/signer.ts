import { canUseNodeCrypto, hmacSha256, hmacSha256WebCrypto, IdentityClientError } from "@identity-clients/core";

/** The client type SCP's signing scheme names; sent as `Scp-ClientType` and part of the signed message. */
export const SCP_CLIENT_TYPE = "Openapi";

export interface ScpSignatureInput {
  /** HTTP method; signed upper case. */
  method: string;
  /** The absolute URL exactly as it is sent: scheme, host, path and `?query`. Signed as given, never re-encoded. */
  url: string;
  /** Epoch milliseconds, the value of `Scp-Timestamp`. */
  timestamp: string | number;
  accessKey: string;
  secretKey: string;
  /** The account id sent as `Scp-AccountId`; empty or absent when none is sent. */
  accountId?: string | undefined;
}

/** True where {@link signScpRequest} can sign synchronously (the runtime has `node:crypto`). */
export const canSignSynchronously = canUseNodeCrypto;

/**
 * Computes `Scp-Signature`: base64 of HMAC-SHA256, keyed with the secret key, over
 * METHOD + URL + TIMESTAMP + ACCESS_KEY + ACCOUNT_ID + `Openapi` (no separators). Pure: the same input
 * always gives the same signature. The request body is not part of the signature.
 *
 * Synchronous, so it needs `node:crypto` (Node, Bun, Deno, Cloudflare Workers with `nodejs_compat`); elsewhere
 * it throws, and `createScpClient` signs with Web Crypto instead.
 */
export function signScpRequest(input: ScpSignatureInput): string {
  if (!canUseNodeCrypto) {
    throw new IdentityClientError(
      "signScpRequest needs node:crypto, which this runtime lacks (on Cloudflare Workers, enable nodejs_compat); createScpClient signs with Web Crypto there",
    );
  }
  return hmacSha256(input.secretKey, signedMessage(input), "base64");
}

/** {@link signScpRequest} with Web Crypto, which every runtime has. */
export async function signScpRequestWithWebCrypto(input: ScpSignatureInput): Promise<string> {
  const signature = new Uint8Array(await hmacSha256WebCrypto(input.secretKey, signedMessage(input)));
  let binary = "";
  for (const byte of signature) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function signedMessage(input: ScpSignatureInput): string {
  return `${input.method.toUpperCase()}${input.url}${String(input.timestamp)}${input.accessKey}${input.accountId ?? ""}${SCP_CLIENT_TYPE}`;
}
