import type * as NodeCrypto from "node:crypto";
import { IdentityClientError } from "@identity-clients/core";

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

// node:crypto where the runtime has it (Node, Bun, Deno, Workers with nodejs_compat), taken from
// process.getBuiltinModule instead of a static import so that the package still loads where it is missing
// (a Worker without nodejs_compat); the client signs with Web Crypto there. Web Crypto is async and, on
// Node, over ten times slower for one small HMAC, so node:crypto stays the first choice.
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  "node:crypto",
) as typeof NodeCrypto | undefined;

/** True where {@link signScpRequest} can sign synchronously (the runtime has `node:crypto`). */
export const canSignSynchronously = nodeCrypto !== undefined;

/**
 * Computes `Scp-Signature`: base64 of HMAC-SHA256, keyed with the secret key, over
 * METHOD + URL + TIMESTAMP + ACCESS_KEY + ACCOUNT_ID + `Openapi` (no separators). Pure: the same input
 * always gives the same signature. The request body is not part of the signature.
 *
 * Synchronous, so it needs `node:crypto` (Node, Bun, Deno, Cloudflare Workers with `nodejs_compat`); elsewhere
 * it throws, and `createScpClient` signs with Web Crypto instead.
 */
export function signScpRequest(input: ScpSignatureInput): string {
  if (nodeCrypto === undefined) {
    throw new IdentityClientError(
      "signScpRequest needs node:crypto, which this runtime lacks (on Cloudflare Workers, enable nodejs_compat); createScpClient signs with Web Crypto there",
    );
  }
  return nodeCrypto.createHmac("sha256", hmacKey(nodeCrypto, input.secretKey)).update(signedMessage(input), "utf8").digest("base64");
}

// The key object of the last secret key: a client signs every request with the same one, and a KeyObject
// saves importing the key again for each signature.
let lastKey: { secretKey: string; key: NodeCrypto.KeyObject } | undefined;
function hmacKey(crypto: typeof NodeCrypto, secretKey: string): NodeCrypto.KeyObject {
  if (lastKey?.secretKey !== secretKey) lastKey = { secretKey, key: crypto.createSecretKey(secretKey, "utf8") };
  return lastKey.key;
}

/** {@link signScpRequest} with Web Crypto, which every runtime has. */
export async function signScpRequestWithWebCrypto(input: ScpSignatureInput): Promise<string> {
  const key = await crypto.subtle.importKey("raw", utf8.encode(input.secretKey), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8.encode(signedMessage(input))));
  let binary = "";
  for (const byte of signature) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const utf8 = new TextEncoder();

function signedMessage(input: ScpSignatureInput): string {
  return `${input.method.toUpperCase()}${input.url}${String(input.timestamp)}${input.accessKey}${input.accountId ?? ""}${SCP_CLIENT_TYPE}`;
}
