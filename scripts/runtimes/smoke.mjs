// @ts-check
// The smoke suite `pnpm test:runtimes` runs inside each runtime (Node, Bun, Deno, workerd), copied into a project
// where the packed packages are installed, so every import below resolves as it does for a user. It uses only what
// every server-side runtime has (fetch, Web Crypto, timers): no `process`, no `node:*`, no `Buffer`.
//
// For each provider: one signed call that the verifier (a node:http server in the driving Node process) accepts
// after recomputing its signature, and one call signed with a wrong secret, which the verifier refuses with an
// answer that quotes the request's credentials back; that must reject with the provider's typed error, and what
// the error shows (message, String, JSON, stack) goes back to the driver, which searches it for every secret.
// Then each provider's examples/demo.mjs against its Prism mock, where the runtime can host it.
import { createHuaweiCloudIdentityCenterClient, HuaweiCloudApiError } from "@identity-clients/huaweicloud-identitycenter";
// Types and generated operations only so far (its client is to come): that it loads is what there is to check.
import { listUsers as listIdentityStoreUsers } from "@identity-clients/huaweicloud-identitystore";
import { createScpClient, listUsers, ScpApiError } from "@identity-clients/scp-iam-identity-center";
import { createApplicationInstance, createSiitClient, SiitApiError } from "@identity-clients/siit";
import huaweiDemo from "./demos/huaweicloud-identitycenter.mjs";
import scpDemo from "./demos/scp-iam-identity-center.mjs";
import siitDemo from "./demos/siit.mjs";

/**
 * @typedef {{
 *   siit: { apiKey: string },
 *   scp: { accessKey: string, secretKey: string, authToken: string },
 *   huawei: { ak: string, sk: string, securityToken: string, domainId: string },
 * }} Credentials
 * @typedef {{ name: string, status: number, code: string | undefined, message: string, string: string, json: string, stack: string }} ErrorReport
 */

/** Bad answers are not retried: one request per call, so the verifier's count is exact. */
const NO_RETRY = { retry: /** @type {const} */ (false) };

/**
 * @param {{ verifierUrl: string, credentials: Credentials, wrong: Credentials, prism?: Record<string, string> }} config
 * @returns {Promise<{ signed: Record<string, unknown>, errors: Record<string, ErrorReport>, demos: Record<string, number>, nodeCrypto: boolean, identityStoreLoads: boolean }>}
 */
export async function smoke({ verifierUrl, credentials, wrong, prism }) {
  const baseUrl = verifierUrl;
  const clients = (/** @type {Credentials} */ keys) => ({
    siit: createSiitClient({ apiKey: keys.siit.apiKey, baseUrl, ...NO_RETRY }),
    scp: createScpClient({ ...keys.scp, baseUrl, ...NO_RETRY }),
    huawei: createHuaweiCloudIdentityCenterClient({ ...keys.huawei, endpoint: baseUrl, ...NO_RETRY }),
  });
  const good = clients(credentials);
  const bad = clients(wrong);

  // Siit: a bearer key and a JSON body. SCP: a query the client re-encodes (sorted, Go-escaped) before signing
  // the URL. Huawei: a JSON body (its SHA-256 is signed) and a security token (signed header).
  const calls = {
    siit: (/** @type {ReturnType<typeof clients>} */ c) =>
      createApplicationInstance(c.siit, {
        params: { path: { uid: "s_4Qm8Xr2Tb6" } },
        body: { provider: "okta_actions", external_id: "0oa8f2k1xQzP4nR7d5d7", instance_name: "Figma (Okta production)" },
      }),
    scp: (/** @type {ReturnType<typeof clients>} */ c) =>
      listUsers(c.scp, {
        params: { query: { size: 20, page: 0, instance_id: "ssoins-12345", user_id: "jdoe lee/ü", sort: "user_id:asc" } },
      }),
    huawei: (/** @type {ReturnType<typeof clients>} */ c) =>
      c.huawei.POST("/v1/instances/{instance_id}/application-instances", {
        params: { path: { instance_id: "ins-8c1eef3a241945f6" } },
        body: { name: "Payroll — 給与", template_id: "tpl-ea56cf20" },
      }),
  };
  const errorClasses = { siit: SiitApiError, scp: ScpApiError, huawei: HuaweiCloudApiError };

  /** @type {Record<string, unknown>} */
  const signed = {};
  /** @type {Record<string, ErrorReport>} */
  const errors = {};
  for (const [provider, call] of Object.entries(calls)) {
    const { data } = await call(good);
    signed[provider] = data;

    const error = await call(bad).then(
      () => {
        throw new Error(`${provider}: the call signed with a wrong secret succeeded`);
      },
      (/** @type {unknown} */ thrown) => thrown,
    );
    const ErrorClass = errorClasses[/** @type {keyof typeof errorClasses} */ (provider)];
    if (!(error instanceof ErrorClass)) throw new Error(`${provider}: expected ${ErrorClass.name}, got ${describe(error)}`);
    errors[provider] = {
      name: error.name,
      status: error.status,
      code: error.code,
      message: error.message,
      string: String(error),
      json: JSON.stringify(error),
      stack: error.stack ?? "",
    };
  }

  /** @type {Record<string, number>} */
  const demos = {};
  if (prism) {
    const run = {
      siit: (/** @type {(...values: unknown[]) => void} */ log) => siitDemo({ baseUrl: prism.siit ?? "", apiKey: "demo-api-key", log }),
      "scp-iam-identity-center": (/** @type {(...values: unknown[]) => void} */ log) =>
        scpDemo({ baseUrl: prism["scp-iam-identity-center"] ?? "", accessKey: "demo-access-key", secretKey: "demo-secret-key", log }),
      "huaweicloud-identitycenter": (/** @type {(...values: unknown[]) => void} */ log) =>
        huaweiDemo({
          baseUrl: prism["huaweicloud-identitycenter"] ?? "",
          ak: "DEMOACCESSKEY0000001",
          sk: "demo-secret-key",
          domainId: "8c1eef3a241945f69c3d3a6b0252e783",
          log,
        }),
    };
    for (const [name, demo] of Object.entries(run)) {
      /** @type {string[]} */
      const lines = [];
      await demo((...values) => lines.push(values.join(" ")));
      if (!lines.some((line) => line.startsWith("Expected failure: "))) throw new Error(`demo ${name} ended without its expected failure`);
      demos[name] = lines.length;
    }
  }
  return { signed, errors, demos, nodeCrypto: hasNodeCrypto(), identityStoreLoads: typeof listIdentityStoreUsers === "function" };
}

/** Whether node:crypto is there to sign with; where it is not, the clients sign with Web Crypto. */
function hasNodeCrypto() {
  const runtime = /** @type {{ process?: { getBuiltinModule?: (id: string) => unknown } }} */ (globalThis);
  return runtime.process?.getBuiltinModule?.("node:crypto") !== undefined;
}

/** @param {unknown} value */
function describe(value) {
  return value instanceof Error ? `${value.name}: ${value.message}` : typeof value;
}
