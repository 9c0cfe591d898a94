import { IdentityClientError } from "@identity-clients/core";
import type { SiitClient } from "./client.js";

/**
 * Checks the client's API key with `GET /ping`. Resolves `true` when Siit answers `{"result":"pong"}`; rejects
 * with a `SiitApiError` whose `status` is 401 when the key is missing, revoked or mistyped, and with the usual
 * errors (`NetworkError`, `TimeoutError`, ...) when Siit cannot be reached. A 2xx that is not Siit's answer
 * (a proxy, a wrong `baseUrl`) rejects with an `IdentityClientError`.
 *
 * @example
 * await checkCredentials(siit); // before a long import, fail fast on a bad key
 */
export async function checkCredentials(client: SiitClient, options: { signal?: AbortSignal } = {}): Promise<true> {
  const { data, response } = await client.GET("/ping", { signal: options.signal ?? null });
  if (data?.result !== "pong") {
    throw new IdentityClientError(`GET /ping answered ${response.status} without "pong": is baseUrl the Siit API?`);
  }
  return true;
}
