// The credential options of both scopes, through createHuaweiCloudAuth (what each client calls): the domain scope
// is tested in depth through the IAM Identity Center client, so this file shows that the project scope reads its
// own option, environment variable and provider field, and that everything else is shared.

import { ConfigurationError, type OutgoingRequest } from "@identity-clients/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf, thrownBy } from "../../../scripts/capture-error.mjs";
import {
  CREDENTIAL_SCOPES,
  type CredentialScope,
  createHuaweiCloudAuth,
  HUAWEICLOUD_ENV,
  type HuaweiCloudAuthOptions,
  huaweiCloudAuthOptionNames,
} from "../src/index.js";

const AK = "TESTAK0000000000001";
const SK = "test-sk-Zq81mN3vB7xK2pL9";
const DATE = new Date("2026-11-23T10:11:12Z");

afterEach(() => vi.unstubAllEnvs());
function clearEnv() {
  for (const name of Object.values(HUAWEICLOUD_ENV)) vi.stubEnv(name, "");
}

/** A GET as the core hands it to a provider to sign. */
const outgoing = (url: string): OutgoingRequest => ({ method: "GET", url, headers: new Headers(), body: null });

/** The headers of one request signed by createHuaweiCloudAuth(options, scope). */
async function signedHeaders(options: HuaweiCloudAuthOptions, scope: CredentialScope) {
  const auth = createHuaweiCloudAuth({ clock: () => DATE, ...options }, scope);
  const request = outgoing("https://identitystore.ap-southeast-1.myhuaweicloud.com/v1/identity-stores/d-1/users");
  await auth.authenticate(request);
  return Object.fromEntries(request.headers);
}

describe("scopes", () => {
  it("name the option, the signed header and the official SDK's environment variable", () => {
    expect(CREDENTIAL_SCOPES).toEqual({
      domain: { option: "domainId", header: "x-domain-id", env: "HUAWEICLOUD_SDK_DOMAIN_ID" },
      project: { option: "projectId", header: "x-project-id", env: "HUAWEICLOUD_SDK_PROJECT_ID" },
    });
    expect(huaweiCloudAuthOptionNames("project")).toEqual(["ak", "sk", "securityToken", "credentials", "clock", "projectId"]);
    expect(huaweiCloudAuthOptionNames("domain")).toContain("domainId");
  });

  it.each([
    ["domain", "domainId", "x-domain-id", "x-project-id"],
    ["project", "projectId", "x-project-id", "x-domain-id"],
  ] as const)("a %s-scoped client sends and signs only its own id header", async (scope, option, header, other) => {
    clearEnv();
    const headers = await signedHeaders({ ak: AK, sk: SK, domainId: "the-domain", projectId: "the-project" }, scope);

    expect(headers[header]).toBe(option === "domainId" ? "the-domain" : "the-project");
    expect(headers[other]).toBeUndefined();
    expect(headers.authorization).toContain(`SignedHeaders=content-type;host;${header};x-sdk-date,`);
  });
});

describe("the project scope", () => {
  it("requires projectId, naming the option and HUAWEICLOUD_SDK_PROJECT_ID", () => {
    clearEnv();
    const error = thrownBy(() => createHuaweiCloudAuth({ ak: AK, sk: SK, domainId: "not-used" }, "project"), ConfigurationError);
    expect(error.option).toBe("projectId");
    expect(error.message).toBe("Invalid client option `projectId`: it is required; pass `projectId` or set HUAWEICLOUD_SDK_PROJECT_ID");
  });

  it("falls back to HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN and _PROJECT_ID", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", AK);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", SK);
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", "env-token");
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "env-project");
    vi.stubEnv("HUAWEICLOUD_SDK_DOMAIN_ID", "env-domain");

    const headers = await signedHeaders({}, "project");

    expect(headers).toMatchObject({ "x-project-id": "env-project", "x-security-token": "env-token" });
    expect(headers["x-domain-id"]).toBeUndefined();
    expect(headers.authorization).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, `));
  });

  it("rejects a blank or multi-line projectId without echoing it", () => {
    for (const projectId of ["  ", "p-1\n"]) {
      const error = thrownBy(() => createHuaweiCloudAuth({ ak: AK, sk: SK, projectId }, "project"), ConfigurationError);
      expect(error.option).toBe("projectId");
    }
  });

  it("takes projectId from a credentials provider, else from the option; a provider's domainId does not count", async () => {
    clearEnv();
    const fromProvider = await signedHeaders({ credentials: () => ({ ak: AK, sk: SK, projectId: "p-provider" }) }, "project");
    const fromOption = await signedHeaders({ credentials: () => ({ ak: AK, sk: SK }), projectId: "p-option" }, "project");
    expect(fromProvider["x-project-id"]).toBe("p-provider");
    expect(fromOption["x-project-id"]).toBe("p-option");

    const auth = createHuaweiCloudAuth({ credentials: () => ({ ak: AK, sk: SK, domainId: "d-1" }) }, "project");
    const error = await rejectionOf(auth.authenticate(outgoing("https://example.com/")) as Promise<void>, ConfigurationError);
    expect(error.message).toBe(
      "Invalid client option `projectId`: it is required; pass `projectId`, set HUAWEICLOUD_SDK_PROJECT_ID, or return `projectId` from the `credentials` provider",
    );
  });

  it("lists the SK and security token signed with in secretValues, rotated ones included", async () => {
    clearEnv();
    let calls = 0;
    const auth = createHuaweiCloudAuth(
      {
        projectId: "p-1",
        clock: () => DATE,
        credentials: () => {
          calls += 1;
          return { ak: AK, sk: `sk-${calls}`, securityToken: `token-${calls}`, expiresAt: DATE.getTime() + 1000 };
        },
      },
      "project",
    );
    await auth.authenticate(outgoing("https://example.com/"));
    await auth.authenticate(outgoing("https://example.com/"));
    expect([...auth.secretValues()].sort()).toEqual(["sk-1", "sk-2", "token-1", "token-2"]);
  });
});
