import { readFileSync } from "node:fs";
import { HuaweiCloudApiError as SharedHuaweiCloudApiError } from "@identity-clients/huaweicloud-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf, thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { apigProblems } from "../../huaweicloud-core/test/apig.js";
import {
  ConfigurationError,
  CREDENTIALS_REFRESH_MARGIN_MS,
  createHuaweiCloudIdentityStoreClient,
  HUAWEICLOUD_IDENTITYSTORE_REGIONS,
  HuaweiCloudApiError,
  type HuaweiCloudIdentityStoreClientOptions,
  IdentityClientError,
  InvalidRequestError,
} from "../src/index.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const facts = JSON.parse(readFileSync(new URL("../../../specs/huaweicloud-identitystore/sdk-facts.json", import.meta.url), "utf8")) as {
  endpoints: { regions: string[]; hostPattern: string };
};

const AK = "TESTAK0000000000001";
const SK = "test-sk-Zq81mN3vB7xK2pL9";
const TOKEN = "test-token-Hh5Jj6Kk7Ll8";
const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const STORE = { identity_store_id: "d-941407b4b3" };
const USERS = "/v1/identity-stores/{identity_store_id}/users" as const;
const ENV_NAMES = [
  "HUAWEICLOUD_SDK_AK",
  "HUAWEICLOUD_SDK_SK",
  "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  "HUAWEICLOUD_SDK_PROJECT_ID",
  "HUAWEICLOUD_SDK_DOMAIN_ID",
];

let server: LocalServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

function clearEnv() {
  for (const name of ENV_NAMES) vi.stubEnv(name, "");
}

const configurationError = (run: () => unknown) => thrownBy(run, ConfigurationError);
const credentials = { ak: AK, sk: SK, projectId: PROJECT };

/** The problems the API gateway would find with the last request `server` received. */
const gatewayProblems = (secretKeys: Record<string, string> = { [AK]: SK }) =>
  apigProblems(server!.requests.at(-1)!, { secretKeys, required: { "x-project-id": PROJECT } });

/** A client whose requests are recorded and answered with `{}`, never sent. */
function recordingClient(options: HuaweiCloudIdentityStoreClientOptions) {
  const urls: string[] = [];
  const client = createHuaweiCloudIdentityStoreClient({
    ...options,
    fetch: async (request) => {
      urls.push(request.url);
      return Response.json({ users: [], page_info: {} });
    },
  });
  return { client, urls };
}

describe("region and endpoint", () => {
  it("knows the official SDK's 17 regions (sdk-facts.json) and the spec's server variable", () => {
    expect(HUAWEICLOUD_IDENTITYSTORE_REGIONS).toEqual(facts.endpoints.regions);
    expect(HUAWEICLOUD_IDENTITYSTORE_REGIONS).toHaveLength(17);
    expect(facts.endpoints.hostPattern).toBe("https://identitystore.{region}.myhuaweicloud.com");
  });

  it.each(HUAWEICLOUD_IDENTITYSTORE_REGIONS)("region %s talks to https://identitystore.%s.myhuaweicloud.com", async (region) => {
    const { client, urls } = recordingClient({ ...credentials, region });

    await client.GET(USERS, { params: { path: STORE } });

    expect(urls).toEqual([`https://identitystore.${region}.myhuaweicloud.com/v1/identity-stores/d-941407b4b3/users`]);
  });

  it("endpoint or baseUrl overrides the region's endpoint", async () => {
    const viaEndpoint = recordingClient({ ...credentials, region: "cn-north-4", endpoint: "https://proxy.example.com/store/" });
    const viaBaseUrl = recordingClient({ ...credentials, baseUrl: "https://proxy.example.com" });

    await viaEndpoint.client.GET(USERS, { params: { path: STORE } });
    await viaBaseUrl.client.GET(USERS, { params: { path: STORE } });

    expect(viaEndpoint.urls).toEqual(["https://proxy.example.com/store/v1/identity-stores/d-941407b4b3/users"]);
    expect(viaBaseUrl.urls).toEqual(["https://proxy.example.com/v1/identity-stores/d-941407b4b3/users"]);
  });

  it.each([
    ["no region and no endpoint", {}, "region", "it is required (Identity Store has no global endpoint)"],
    ["an unknown region", { region: "eu-west-101" }, "region", 'got "eu-west-101"'],
    ["a region in the wrong case", { region: "AP-SOUTHEAST-1" }, "region", 'got "AP-SOUTHEAST-1"'],
    ["a region that is not a string", { region: 1 }, "region", "got number"],
    ["an unknown region even with an endpoint", { region: "nowhere-1", endpoint: "https://proxy.example.com" }, "region", "nowhere-1"],
    ["both endpoint and baseUrl", { endpoint: "https://a.example", baseUrl: "https://b.example" }, "endpoint", "not both"],
    ["an endpoint that is not a URL", { endpoint: "identitystore.ap-southeast-1.myhuaweicloud.com" }, "endpoint", "not an absolute URL"],
    ["an endpoint with a query", { endpoint: "https://proxy.example.com/?a=1" }, "endpoint", "query"],
    ["a baseUrl that is not a URL", { baseUrl: "proxy" }, "baseUrl", "not an absolute URL"],
    ["a plain-http endpoint to another host", { endpoint: "http://proxy.example.com" }, "baseUrl", "unencrypted"],
  ])("rejects %s, naming the option", (_label, endpoint, option, message) => {
    const error = configurationError(() =>
      createHuaweiCloudIdentityStoreClient({ ...credentials, ...endpoint } as unknown as HuaweiCloudIdentityStoreClientOptions),
    );
    expect(error.option).toBe(option);
    expect(error.message).toContain(message);
  });

  it("lists the known regions when one is wrong", () => {
    const error = configurationError(() =>
      createHuaweiCloudIdentityStoreClient({ ...credentials, region: "ap-southeast-9" as "ap-southeast-1" }),
    );
    for (const region of HUAWEICLOUD_IDENTITYSTORE_REGIONS) expect(error.message).toContain(region);
  });
});

describe("credentials", () => {
  it("requires AK, SK and the project id, naming the option and the official SDK's environment variable", () => {
    clearEnv();
    const region = "ap-southeast-1";
    expect(configurationError(() => createHuaweiCloudIdentityStoreClient({ region })).message).toBe(
      "Invalid client option `ak`: it is required; pass `ak` or set HUAWEICLOUD_SDK_AK",
    );
    expect(configurationError(() => createHuaweiCloudIdentityStoreClient({ region, ak: AK })).message).toBe(
      "Invalid client option `sk`: it is required; pass `sk`",
    );
    expect(configurationError(() => createHuaweiCloudIdentityStoreClient({ region, ak: AK, sk: SK })).message).toBe(
      "Invalid client option `projectId`: it is required; pass `projectId` or set HUAWEICLOUD_SDK_PROJECT_ID",
    );
  });

  it.each([
    ["a blank SK", { ak: AK, sk: "  ", projectId: PROJECT }, "sk"],
    ["an SK with a trailing newline", { ak: AK, sk: `${SK}\n`, projectId: PROJECT }, "sk"],
    ["a security token with a newline", { ak: AK, sk: SK, securityToken: `${TOKEN}\n`, projectId: PROJECT }, "securityToken"],
    ["a blank project id", { ak: AK, sk: SK, projectId: " " }, "projectId"],
    ["a project id that is not a string", { ak: AK, sk: SK, projectId: 42 }, "projectId"],
    ["a domain id (IAM Identity Center's option)", { ak: AK, sk: SK, projectId: PROJECT, domainId: "d" }, "domainId"],
    ["a misspelt option", { ak: AK, sk: SK, projectID: PROJECT }, "projectID"],
    ["credentials together with sk", { sk: SK, credentials: async () => ({ ak: AK, sk: SK }), projectId: PROJECT }, "sk"],
    ["a credentials provider that is not a function", { credentials: { ak: AK, sk: SK }, projectId: PROJECT }, "credentials"],
    ["a clock that is not a function", { ak: AK, sk: SK, projectId: PROJECT, clock: Date.now() }, "clock"],
  ])("rejects %s at construction, without echoing secrets", (_label, options, option) => {
    clearEnv();
    const error = configurationError(() =>
      createHuaweiCloudIdentityStoreClient({ region: "ap-southeast-1", ...options } as unknown as HuaweiCloudIdentityStoreClientOptions),
    );
    expect(error.option).toBe(option);
    expect(error.message).not.toContain(SK);
    expect(error.message).not.toContain(TOKEN);
  });

  it("falls back to HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN and _PROJECT_ID; a domain id in the environment is not sent", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", AK);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", SK);
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN);
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT);
    vi.stubEnv("HUAWEICLOUD_SDK_DOMAIN_ID", "8c1eef3a241945f69c3d3a6b0252e783");
    server = await startLocalServer((_request, response) => json(response, 200, { users: [], page_info: {} }));

    await createHuaweiCloudIdentityStoreClient({ endpoint: server.url }).GET(USERS, { params: { path: STORE } });

    const received = server.requests[0]!;
    expect(received.headers.authorization).toMatch(
      new RegExp(
        `^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(received.headers["x-project-id"]).toBe(PROJECT);
    expect(received.headers["x-security-token"]).toBe(TOKEN);
    expect(received.headers["x-domain-id"]).toBeUndefined();
    expect(gatewayProblems()).toEqual([]);
  });

  it("takes the project id from a rotating credentials provider, refreshing before expiry", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { users: [], page_info: {} }));
    let now = Date.parse("2026-11-23T10:00:00Z");
    let calls = 0;
    const client = createHuaweiCloudIdentityStoreClient({
      endpoint: server.url,
      clock: () => new Date(now),
      credentials: async () => {
        calls += 1;
        return {
          ak: `TMPAK${calls}`,
          sk: `tmp-sk-${calls}`,
          securityToken: `tmp-token-${calls}`,
          projectId: PROJECT,
          expiresAt: now + 15 * 60_000,
        };
      },
    });

    await client.GET(USERS, { params: { path: STORE } });
    now += 15 * 60_000 - CREDENTIALS_REFRESH_MARGIN_MS;
    await client.GET(USERS, { params: { path: STORE } });

    expect(calls).toBe(2);
    expect(server.requests.map((request) => request.headers["x-security-token"])).toEqual(["tmp-token-1", "tmp-token-2"]);
    expect(
      apigProblems(server.requests[1]!, { secretKeys: { TMPAK2: "tmp-sk-2" }, required: { "x-project-id": PROJECT }, now: () => now }),
    ).toEqual([]);
  });

  it("reports a failing provider as an IdentityClientError with the cause, sending nothing", async () => {
    const { client, urls } = recordingClient({
      region: "ap-southeast-1",
      projectId: PROJECT,
      credentials: async () => Promise.reject(new Error("token service unavailable")),
    });

    const error = await rejectionOf(client.GET(USERS, { params: { path: STORE } }), IdentityClientError);

    expect(error.message).toBe("Huawei Cloud credentials provider (`credentials` option) failed; see `cause`");
    expect(urls).toEqual([]);
  });
});

describe("signed requests", () => {
  it("carry X-Sdk-Date, Host, X-Project-Id, X-Security-Token and an Authorization the gateway verifies over the exact body", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 200, { identity_store_id: STORE.identity_store_id, user_id: "u-1", password: "Xq7#pL2v!9Rt" }),
    );
    const client = createHuaweiCloudIdentityStoreClient({
      ...credentials,
      securityToken: TOKEN,
      endpoint: server.url,
      clock: () => new Date("2026-11-23T10:11:12Z"),
    });
    const body = {
      user_name: "alice",
      display_name: "Alice 张 é 😀",
      emails: [{ primary: true, type: "Work", value: "alice@example.com" }],
      name: { family_name: "Zhang", given_name: "Alice" },
      password_mode: "OTP" as const,
    };

    await client.POST(USERS, { params: { path: STORE }, body });

    const received = server.requests[0]!;
    expect(received.body).toBe(JSON.stringify(body));
    expect(received.headers).toMatchObject({
      "x-sdk-date": "20261123T101112Z",
      "x-project-id": PROJECT,
      "x-security-token": TOKEN,
      "content-type": "application/json",
      "user-agent": `identity-clients-huaweicloud-identitystore/${version} node/${process.versions.node}`,
    });
    expect(
      apigProblems(received, {
        secretKeys: { [AK]: SK },
        required: { "x-project-id": PROJECT },
        now: () => Date.parse("2026-11-23T10:11:12Z"),
      }),
    ).toEqual([]);
  });

  it("encodes path and query parameters and signs them as the gateway canonicalizes them", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { users: [], page_info: {} }));
    const client = createHuaweiCloudIdentityStoreClient({ ...credentials, endpoint: server.url });

    await client.GET(USERS, { params: { path: { identity_store_id: "d-é/1 x" }, query: { user_name: "a b+c", limit: 2 } } });

    expect(server.requests[0]!.url).toBe("/v1/identity-stores/d-%C3%A9%2F1%20x/users?user_name=a%20b%2Bc&limit=2");
    expect(gatewayProblems()).toEqual([]);
    expect(gatewayProblems({ [AK]: "another-sk" })).not.toEqual([]);
  });

  it("refuses an empty path parameter before signing or sending", async () => {
    const { client, urls } = recordingClient({ ...credentials, region: "ap-southeast-1" });

    const error = await rejectionOf(client.GET(USERS, { params: { path: { identity_store_id: "" } } }), InvalidRequestError);

    expect(error.parameter).toBe("identity_store_id");
    expect(urls).toEqual([]);
  });
});

describe("errors and retries", () => {
  it("is the one HuaweiCloudApiError of every Huawei package, with the request id from X-Request-Id", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 404, { error_code: "IIC.404", error_msg: "The user does not exist." }, { "X-Request-Id": "hdr-req-42" }),
    );
    const client = createHuaweiCloudIdentityStoreClient({ ...credentials, endpoint: server.url });

    const error = await rejectionOf(
      client.GET(`${USERS}/{user_id}`, { params: { path: { ...STORE, user_id: "u-1" } } }),
      HuaweiCloudApiError,
    );

    expect(HuaweiCloudApiError).toBe(SharedHuaweiCloudApiError);
    expect(error).toMatchObject({ status: 404, errorCode: "IIC.404", errorMsg: "The user does not exist.", requestId: "hdr-req-42" });
    expect(error.message).toBe(
      "Huawei Cloud Identity Store API error 404 Not Found on GET /v1/identity-stores/{identity_store_id}/users/{user_id} [IIC.404]: The user does not exist. (request id hdr-req-42)",
    );
  });

  it("reads a { code, message } body too", async () => {
    server = await startLocalServer((_request, response) => json(response, 400, { code: "IIC.400", message: "Bad request." }));
    const client = createHuaweiCloudIdentityStoreClient({ ...credentials, endpoint: server.url });

    const error = await rejectionOf(client.GET(USERS, { params: { path: STORE } }), HuaweiCloudApiError);

    expect(error).toMatchObject({ errorCode: "IIC.400", errorMsg: "Bad request." });
  });

  it("retries a 409 IIC.1006 concurrency conflict even for a create, re-signing each attempt", async () => {
    server = await startLocalServer((_request, response) =>
      server!.requests.length === 1
        ? json(response, 409, { error_code: "IIC.1006", error_msg: "Concurrent modification", request_id: "r1" })
        : json(response, 201, { group_id: "g-1", identity_store_id: STORE.identity_store_id }),
    );
    const client = createHuaweiCloudIdentityStoreClient({ ...credentials, endpoint: server.url, retry: { baseDelayMs: 1 } });

    const { data } = await client.POST("/v1/identity-stores/{identity_store_id}/groups", {
      params: { path: STORE },
      body: { display_name: "Engineering" },
    });

    expect(data.group_id).toBe("g-1");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    for (const request of server.requests) {
      expect(apigProblems(request, { secretKeys: { [AK]: SK }, required: { "x-project-id": PROJECT } })).toEqual([]);
    }
  });
});
