// The provider packages as the benchmarks use them: how to construct each client, the headers a hand-written
// `fetch` caller would send instead (everything but the signature), the spec it serves, and for the Huawei
// packages which credentials the official SDK's service client for it uses.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const benchRoot = join(repoRoot, "bench");

const HUAWEI = {
  ak: "BENCHAK0123456789ABCD",
  sk: "bench-secret-key-0123456789",
  domainId: "0c1f2e3d4b5a69788796a5b4c3d2e1f0",
  projectId: "5b4c3d2e1f00c1f2e3d4b5a69788796a",
};
const SCP = { accessKey: "bench-access-key-0123", secretKey: "bench-secret-key-0123456789" };
const SIIT = { apiKey: "bench-api-key-0123456789abcdef" };

/** `X-Sdk-Date` format, as a caller building Huawei requests by hand would compute it. */
const sdkDate = () =>
  new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export const PROVIDERS = [
  {
    folder: "siit",
    label: "Siit",
    packageName: "@identity-clients/siit",
    factory: "createSiitClient",
    signed: false, // an API key, no signature
    options: (baseUrl) => ({ ...SIIT, baseUrl }),
    rawHeaders: () => ({ authorization: `Bearer ${SIIT.apiKey}` }),
  },
  {
    folder: "scp-iam-identity-center",
    label: "SCP IAM Identity Center",
    packageName: "@identity-clients/scp-iam-identity-center",
    factory: "createScpClient",
    signed: true,
    options: (baseUrl) => ({ ...SCP, baseUrl }),
    rawHeaders: () => ({
      "scp-clienttype": "Openapi",
      "scp-api-version": "iam-identity-center 1.6",
      "accept-language": "en-US",
      "scp-accesskey": SCP.accessKey,
      "scp-timestamp": String(Date.now()),
    }),
  },
  {
    folder: "huaweicloud-identitycenter",
    label: "Huawei Cloud IAM Identity Center",
    packageName: "@identity-clients/huaweicloud-identitycenter",
    factory: "createHuaweiCloudIdentityCenterClient",
    signed: true,
    options: (baseUrl) => ({ ak: HUAWEI.ak, sk: HUAWEI.sk, domainId: HUAWEI.domainId, baseUrl }),
    rawHeaders: () => ({ "content-type": "application/json", "x-domain-id": HUAWEI.domainId, "x-sdk-date": sdkDate() }),
    // The official IAM Identity Center client is built with GlobalCredentials (domain-scoped).
    official: { credentials: "GlobalCredentials", scope: { domainId: HUAWEI.domainId } },
  },
  {
    folder: "huaweicloud-identitystore",
    label: "Huawei Cloud Identity Store",
    packageName: "@identity-clients/huaweicloud-identitystore",
    factory: "createHuaweiCloudIdentityStoreClient",
    signed: true,
    options: (baseUrl) => ({ ak: HUAWEI.ak, sk: HUAWEI.sk, projectId: HUAWEI.projectId, baseUrl }),
    rawHeaders: () => ({ "content-type": "application/json", "x-project-id": HUAWEI.projectId, "x-sdk-date": sdkDate() }),
    // The official Identity Store client is built with BasicCredentials (project-scoped).
    official: { credentials: "BasicCredentials", scope: { projectId: HUAWEI.projectId } },
  },
];

export const CREDENTIALS = { huawei: HUAWEI, scp: SCP, siit: SIIT };

export function provider(folder) {
  const found = PROVIDERS.find((p) => p.folder === folder);
  if (!found) throw new Error(`unknown provider ${folder}; known: ${PROVIDERS.map((p) => p.folder).join(", ")}`);
  return found;
}

/** The parsed `specs/<folder>/openapi.yaml`. */
export function loadSpec(folder) {
  return parse(readFileSync(join(repoRoot, "specs", folder, "openapi.yaml"), "utf8"));
}
