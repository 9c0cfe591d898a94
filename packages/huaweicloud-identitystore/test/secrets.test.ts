// Secret-leak suite: every error path of the Identity Store client, with known secret values (SK, security token,
// the Authorization signatures actually sent, rotated credentials) and the secrets the service answers with (the
// one-time passwords of CreateUser and ResetPwdMode, SCIM bearer tokens, the MFA registration `work_flow` — the
// spec's `secretFields`), must keep them out of messages, stacks, JSON.stringify, util.inspect, warnings and logger
// output — even when the gateway echoes the request or an answer that carries them is unusable.
import { afterEach, describe, expect, it } from "vitest";
import { findLeaks, findLeaksWithoutAnswer } from "../../../scripts/leak-check.mjs";
import { type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { signaturesSent, startEchoingGateway } from "../../huaweicloud-core/test/echoing-gateway.js";
import { secretFields } from "../src/generated/spec-facts.js";
import {
  createBearerToken,
  createHuaweiCloudIdentityStoreClient,
  createUser,
  type HuaweiCloudIdentityStoreClientOptions,
  IdentityClientError,
  registerMfaDeviceForUser,
  resetPwdMode,
} from "../src/index.js";
import { errorStatuses } from "./spec.js";

const SK = "huawei-sk-canary-3b7e91d0";
const TOKEN = "huawei-token-canary-c45f02aa";
const PASSWORD = "OTP-canary-Xq7#pL2v!9Rt";
const BEARER = "scim-bearer-canary-eyJraWQiOiJmZUV4";
const WORK_FLOW = "mfa-workflow-canary-f3a9c1e7";
const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const STORE = { identity_store_id: "d-941407b4b3" };
const CREDENTIALS: Record<string, HuaweiCloudIdentityStoreClientOptions> = {
  "static AK/SK with a security token": { ak: "AK-CANARY-VISIBLE", sk: SK, securityToken: TOKEN, projectId: PROJECT },
  "a credentials provider": { credentials: async () => ({ ak: "AK-CANARY-VISIBLE", sk: SK, securityToken: TOKEN }), projectId: PROJECT },
};
const ANSWERED_SECRETS = { password: PASSWORD, token: BEARER, work_flow: WORK_FLOW };

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A hostile gateway: answers with `status`, quoting the request's headers the way APIG.0301 quotes its canonical
// request, and the secrets the service answers with.
async function echoServer(status: number, contentType = "application/json") {
  server = await startEchoingGateway(status, contentType, ANSWERED_SECRETS);
  return server.url;
}

/** A 2xx answer carrying the secrets that the client cannot use: cut off, or not JSON. */
async function unusableAnswer(kind: "truncated" | "not-json") {
  server = await startLocalServer((_request, response) => {
    const body = JSON.stringify({ identity_store_id: STORE.identity_store_id, user_id: "u-1", ...ANSWERED_SECRETS });
    response.writeHead(200, { "content-type": kind === "truncated" ? "application/json" : "text/plain" });
    response.end(kind === "truncated" ? body.slice(0, -2) : body);
  });
  return server.url;
}

const secretsSeen = () => [SK, TOKEN, PASSWORD, BEARER, WORK_FLOW, ...signaturesSent(server?.requests ?? [])];

const client = (options: HuaweiCloudIdentityStoreClientOptions) =>
  createHuaweiCloudIdentityStoreClient({ retry: { baseDelayMs: 1 }, ...options });
const create = (options: HuaweiCloudIdentityStoreClientOptions) =>
  createUser(client(options), {
    params: { path: STORE },
    body: {
      user_name: "alice",
      display_name: "Alice Zhang",
      emails: [{ primary: true, type: "Work", value: "alice@example.com" }],
      name: { family_name: "Zhang", given_name: "Alice" },
      password_mode: "OTP",
    },
  });

it("the spec marks the one-time passwords, the bearer token and the MFA work flow secret", () => {
  expect([...secretFields].sort()).toEqual(Object.keys(ANSWERED_SECRETS).sort());
});

describe.each(Object.entries(CREDENTIALS))("no secret leaks from the Identity Store client (%s)", (_style, credentials) => {
  it.each(errorStatuses)("documented error status %s quoting the request and carrying answered secrets", async (status) => {
    const baseUrl = await echoServer(Number(status));
    const { error, leaks, logs } = await findLeaks(secretsSeen, (logger) => create({ ...credentials, baseUrl, logger }));
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(logs.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it.each([
    ["a 200 HTML page quoting the request", () => echoServer(200, "text/html")],
    ["a 503 retried until it gives up", () => echoServer(503)],
  ])("%s", async (_label, start) => {
    const baseUrl = await start();
    const { error, leaks } = await findLeaks(secretsSeen, (logger) =>
      client({ ...credentials, baseUrl, logger }).GET("/v1/identity-stores/{identity_store_id}/users", { params: { path: STORE } }),
    );
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(leaks).toEqual([]);
  });

  it.each([
    [
      "ResetPwdMode",
      (c: ReturnType<typeof client>) => resetPwdMode(c, { params: { path: { ...STORE, user_id: "u-1" } }, body: { mode: "OTP" } }),
    ],
    ["CreateBearerToken", (c: ReturnType<typeof client>) => createBearerToken(c, { params: { path: { ...STORE, tenant_id: "t-1" } } })],
    [
      "RegisterMfaDeviceForUser",
      (c: ReturnType<typeof client>) => registerMfaDeviceForUser(c, { params: { path: { ...STORE, user_id: "u-1" } } }),
    ],
  ])("a cut-off or non-JSON answer to %s carrying its secret", async (_operation, send) => {
    for (const kind of ["truncated", "not-json"] as const) {
      const baseUrl = await unusableAnswer(kind);
      const { error, leaks } = await findLeaks(secretsSeen, (logger) => send(client({ ...credentials, baseUrl, logger })));
      expect((error as Error).name).toBe("ResponseParseError");
      expect(leaks).toEqual([]);
      await server?.close();
      server = undefined;
    }
  });

  it("a timeout and a refused connection", async () => {
    const { timeout, refused } = await findLeaksWithoutAnswer([SK, TOKEN], (target) => create({ ...credentials, ...target }));
    expect([timeout.error, refused.error].map((error) => (error as Error).name)).toEqual(["TimeoutError", "NetworkError"]);
    expect([...timeout.leaks, ...refused.leaks]).toEqual([]);
  });
});

describe("no secret leaks from configuration and credential-provider errors", () => {
  it("a bad SK, a bad region, a plain-http endpoint, a provider that throws or returns a bad SK", async () => {
    const badSk = await findLeaks([SK], () =>
      createHuaweiCloudIdentityStoreClient({ ak: "AK", sk: `${SK}\n`, projectId: PROJECT, region: "ap-southeast-1" }),
    );
    const badRegion = await findLeaks([SK], () =>
      createHuaweiCloudIdentityStoreClient({ ak: "AK", sk: SK, projectId: PROJECT, region: "moon-1" as "ap-southeast-1" }),
    );
    const insecure = await findLeaks([SK], () =>
      createHuaweiCloudIdentityStoreClient({ ak: "AK", sk: SK, projectId: PROJECT, endpoint: "http://identitystore.example.com" }),
    );
    const throwing = await findLeaks([SK, TOKEN], () =>
      client({ credentials: async () => Promise.reject(new Error("STS unavailable")), projectId: PROJECT, region: "ap-southeast-1" }).GET(
        "/v1/identity-stores/{identity_store_id}/users",
        { params: { path: STORE } },
      ),
    );
    const badFromProvider = await findLeaks([SK], () =>
      client({ credentials: async () => ({ ak: "AK", sk: `${SK} ` }), projectId: PROJECT, region: "ap-southeast-1" }).GET(
        "/v1/identity-stores/{identity_store_id}/users",
        { params: { path: STORE } },
      ),
    );
    expect([...badSk.leaks, ...badRegion.leaks, ...insecure.leaks, ...throwing.leaks, ...badFromProvider.leaks]).toEqual([]);
  });
});
