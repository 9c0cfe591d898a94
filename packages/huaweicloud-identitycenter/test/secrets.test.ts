// Secret-leak suite: every error path of the Huawei client, with known secret values (SK, security token,
// the Authorization signatures actually sent, rotated credentials), must keep them out of messages, stacks,
// JSON.stringify, util.inspect, warnings and logger output — even when the gateway echoes the request.
import { afterEach, describe, expect, it } from "vitest";
import { findLeaks, findLeaksWithoutAnswer } from "../../../scripts/leak-check.mjs";
import type { LocalServer } from "../../../scripts/local-server.mjs";
import { signaturesSent, startEchoingGateway } from "../../huaweicloud-core/test/echoing-gateway.js";
import { createHuaweiCloudIdentityCenterClient, type HuaweiCloudIdentityCenterClientOptions, IdentityClientError } from "../src/index.js";
import { errorStatuses } from "./spec.js";

const SK = "huawei-sk-canary-3b7e91d0";
const TOKEN = "huawei-token-canary-c45f02aa";
const DOMAIN = "8c1eef3a241945f69c3d3a6b0252e783";
const INSTANCE = { instance_id: "ins-8c1eef3a241945f6" };
const CREDENTIALS: Record<string, HuaweiCloudIdentityCenterClientOptions> = {
  "static AK/SK with a security token": { ak: "AK-CANARY-VISIBLE", sk: SK, securityToken: TOKEN, domainId: DOMAIN },
  "a credentials provider": { credentials: async () => ({ ak: "AK-CANARY-VISIBLE", sk: SK, securityToken: TOKEN }), domainId: DOMAIN },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A hostile gateway: answers with `status`, quoting the request's headers the way APIGW.0301 quotes its canonical request.
async function echoServer(status: number, contentType = "application/json") {
  server = await startEchoingGateway(status, contentType);
  return server.url;
}

const secretsSeen = () => [SK, TOKEN, ...signaturesSent(server?.requests ?? [])];

const client = (options: HuaweiCloudIdentityCenterClientOptions) =>
  createHuaweiCloudIdentityCenterClient({ retry: { baseDelayMs: 1 }, ...options });
const create = (options: HuaweiCloudIdentityCenterClientOptions) =>
  client(options).POST("/v1/instances/{instance_id}/application-instances", {
    params: { path: INSTANCE },
    body: { name: "Slack", template_id: "tpl-1" },
  });

describe.each(Object.entries(CREDENTIALS))("no secret leaks from the Huawei client (%s)", (_style, credentials) => {
  it.each(errorStatuses)("documented error status %s quoting the request", async (status) => {
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
    const { error, leaks } = await findLeaks(secretsSeen, (logger) => client({ ...credentials, baseUrl, logger }).GET("/v1/instances"));
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(leaks).toEqual([]);
  });

  it("a timeout and a refused connection", async () => {
    const { timeout, refused } = await findLeaksWithoutAnswer([SK, TOKEN], (target) => create({ ...credentials, ...target }));
    expect([timeout.error, refused.error].map((error) => (error as Error).name)).toEqual(["TimeoutError", "NetworkError"]);
    expect([...timeout.leaks, ...refused.leaks]).toEqual([]);
  });
});

describe("no secret leaks from configuration and credential-provider errors", () => {
  it("a bad SK, a plain-http endpoint, a provider that throws or returns a bad SK", async () => {
    const badSk = await findLeaks([SK], () => createHuaweiCloudIdentityCenterClient({ ak: "AK", sk: `${SK}\n`, domainId: DOMAIN }));
    const insecure = await findLeaks([SK], () =>
      createHuaweiCloudIdentityCenterClient({ ak: "AK", sk: SK, domainId: DOMAIN, endpoint: "http://iam.example.com" }),
    );
    const throwing = await findLeaks([SK, TOKEN], () =>
      client({ credentials: async () => Promise.reject(new Error("STS unavailable")), domainId: DOMAIN }).GET("/v1/instances"),
    );
    const badFromProvider = await findLeaks([SK], () =>
      client({ credentials: async () => ({ ak: "AK", sk: `${SK} ` }), domainId: DOMAIN }).GET("/v1/instances"),
    );
    expect([...badSk.leaks, ...insecure.leaks, ...throwing.leaks, ...badFromProvider.leaks]).toEqual([]);
  });
});
