import { createHmac, createSecretKey, type KeyObject } from "node:crypto";

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

/**
 * Computes `Scp-Signature`: base64 of HMAC-SHA256, keyed with the secret key, over
 * METHOD + URL + TIMESTAMP + ACCESS_KEY + ACCOUNT_ID + `Openapi` (no separators). Pure: the same input
 * always gives the same signature. The request body is not part of the signature.
 */
export function signScpRequest(input: ScpSignatureInput): string {
  const message = `${input.method.toUpperCase()}${input.url}${String(input.timestamp)}${input.accessKey}${input.accountId ?? ""}${SCP_CLIENT_TYPE}`;
  return createHmac("sha256", hmacKey(input.secretKey)).update(message, "utf8").digest("base64");
}

// The key object of the last secret key: a client signs every request with the same one, and a KeyObject
// saves importing the key again for each signature.
let lastKey: { secretKey: string; key: KeyObject } | undefined;
function hmacKey(secretKey: string): KeyObject {
  if (lastKey?.secretKey !== secretKey) lastKey = { secretKey, key: createSecretKey(secretKey, "utf8") };
  return lastKey.key;
}
