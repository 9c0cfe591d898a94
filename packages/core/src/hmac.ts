// HMAC-SHA256 and SHA-256 for the request signers, with node:crypto where the runtime has it and Web Crypto
// where it does not.

/** The part of `node:crypto` used here, typed locally: core is built without Node's types. */
interface NodeCrypto {
  createSecretKey(key: string, encoding: "utf8"): KeyObject;
  createHmac(algorithm: "sha256", key: KeyObject): { update(data: string, encoding: "utf8"): { digest(encoding: DigestEncoding): string } };
  hash(algorithm: "sha256", data: string | Uint8Array, outputEncoding: "hex"): string;
}
/** A `node:crypto` KeyObject, only handed back to `createHmac`. */
type KeyObject = { readonly type: "secret" };

// node:crypto where the runtime has it (Node, Bun, Deno, Workers with nodejs_compat), taken from
// process.getBuiltinModule instead of a static import so that the packages still load where it is missing
// (a Worker without nodejs_compat); the clients sign with Web Crypto there. Web Crypto is async and, on Node,
// over ten times slower for these small digests, so node:crypto stays the first choice.
function lookUpNodeCrypto(): NodeCrypto | undefined {
  return (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:crypto") as
    | NodeCrypto
    | undefined;
}
// Pure: a bundle that uses none of this module leaves the lookup out.
const nodeCrypto = /* @__PURE__ */ lookUpNodeCrypto();

/** True where the runtime has `node:crypto`, so {@link hmacSha256} and {@link sha256Hex} can be called. */
export const canUseNodeCrypto = nodeCrypto !== undefined;

export type DigestEncoding = "hex" | "base64";

// The key object of the last secret: a client signs every request with the same one, and a KeyObject saves
// importing the key again for each signature.
let lastKey: { secret: string; key: KeyObject } | undefined;

/** HMAC-SHA256 of `message` (UTF-8), keyed with `secret` (UTF-8), with node:crypto. Only where {@link canUseNodeCrypto}. */
export function hmacSha256(secret: string, message: string, encoding: DigestEncoding): string {
  if (lastKey?.secret !== secret) lastKey = { secret, key: nodeCrypto!.createSecretKey(secret, "utf8") };
  return nodeCrypto!.createHmac("sha256", lastKey.key).update(message, "utf8").digest(encoding);
}

// The same for Web Crypto: the import of the last secret's key, shared by the signatures that follow. An import
// that failed would fail again for the same secret, so a rejected one is kept too.
let lastWebKey: { secret: string; key: Promise<CryptoKey> } | undefined;

/** {@link hmacSha256} with Web Crypto, which every runtime has: the digest's bytes. */
export async function hmacSha256WebCrypto(secret: string, message: string): Promise<ArrayBuffer> {
  if (lastWebKey?.secret !== secret) {
    lastWebKey = { secret, key: crypto.subtle.importKey("raw", utf8.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]) };
  }
  return crypto.subtle.sign("HMAC", await lastWebKey.key, utf8.encode(message));
}

// One-shot `crypto.hash` (Node >= 20.12) is about twice as fast as createHash() for inputs this small.
/** Lowercase hex SHA-256 of `data` (a string is taken as UTF-8), with node:crypto. Only where {@link canUseNodeCrypto}. */
export function sha256Hex(data: string | Uint8Array): string {
  return nodeCrypto!.hash("sha256", data, "hex");
}

/** {@link sha256Hex} with Web Crypto, which every runtime has. */
export async function sha256HexWebCrypto(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", typeof data === "string" ? utf8.encode(data) : data));
}

const utf8 = /* @__PURE__ */ new TextEncoder();

/** Lowercase hex of a digest's bytes. */
export function hex(digest: ArrayBuffer): string {
  let out = "";
  for (const byte of new Uint8Array(digest)) out += HEX_BYTE[byte];
  return out;
}
const HEX_BYTE = /* @__PURE__ */ Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
