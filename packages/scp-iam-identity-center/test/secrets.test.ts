// Secret-leak suite: every error path of the SCP client, with known secret values (secret key, auth token,
// the LDAP bind password and the signatures actually sent), must keep them out of messages, stacks,
// JSON.stringify, util.inspect, warnings and logger output — even when the server echoes the request.
import { afterEach, describe, expect, it } from "vitest";
import { findLeaks, findLeaksWithoutAnswer } from "../../../scripts/leak-check.mjs";
import { type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createScpClient, IdentityClientError, type InstanceCreateRequest, type ScpClientOptions } from "../src/index.js";
import { errorStatuses } from "./spec.js";

const SECRET_KEY = "scp-secret-canary-7d41be90";
const AUTH_TOKEN = "scp-token-canary-5c2e8a13";
const BIND_PASSWORD = "Bind-Canary-P@ss-6f0a";
const CREDENTIALS = {
  keys: { accessKey: "AK-canary-visible", secretKey: SECRET_KEY },
  // The token goes on top of the signature (as the official SDK sends it), so both secrets travel together.
  "keys + token": { accessKey: "AK-canary-visible", secretKey: SECRET_KEY, authToken: AUTH_TOKEN },
};

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A hostile server: answers with `status`, echoing every request header and the body.
async function echoServer(status: number, contentType = "application/json") {
  server = await startLocalServer((request, response) => {
    const echo = `you sent ${JSON.stringify(request.headers)} with ${request.body}`;
    response.writeHead(status, { "content-type": contentType, "x-echo": encodeURIComponent(echo).slice(0, 4000) });
    response.end(
      contentType === "application/json" ? JSON.stringify({ code: "Echo", message: echo, request: request.body }) : `<html>${echo}</html>`,
    );
  });
  return server.url;
}

/** Every secret: the configured ones plus each signature and token the server actually received. */
const secretsSeen = () => [
  SECRET_KEY,
  AUTH_TOKEN,
  BIND_PASSWORD,
  ...(server?.requests ?? [])
    .flatMap((request) => [request.headers["scp-signature"], request.headers["x-auth-token"]])
    .filter((value): value is string => typeof value === "string"),
];

const body: InstanceCreateRequest = {
  name: "Corp AD",
  identity_store_type: "ACTIVE_DIRECTORY",
  identity_store_config: { bind_credential: BIND_PASSWORD, bind_dn: "CN=svc,DC=corp" },
};
const client = (options: ScpClientOptions) => createScpClient({ retry: { baseDelayMs: 1 }, ...options });

describe.each(Object.entries(CREDENTIALS))("no secret leaks from the SCP client (%s auth)", (_style, credentials) => {
  it.each(errorStatuses)("documented error status %s echoing the request", async (status) => {
    const baseUrl = await echoServer(Number(status));
    const { error, leaks, logs } = await findLeaks(secretsSeen, (logger) =>
      client({ ...credentials, baseUrl, logger }).POST("/v1/instances", { body }),
    );
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(logs.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it.each([
    ["a 200 HTML page echoing the request", () => echoServer(200, "text/html")],
    ["a 503 retried until it gives up", () => echoServer(503)],
  ])("%s", async (_label, start) => {
    const baseUrl = await start();
    const { error, leaks } = await findLeaks(secretsSeen, (logger) => client({ ...credentials, baseUrl, logger }).GET("/v1/instances"));
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(leaks).toEqual([]);
  });

  it("a timeout and a refused connection", async () => {
    const { timeout, refused } = await findLeaksWithoutAnswer([SECRET_KEY, AUTH_TOKEN, BIND_PASSWORD], (target) =>
      client({ ...credentials, ...target }).POST("/v1/instances", { body }),
    );
    expect([timeout.error, refused.error].map((error) => (error as Error).name)).toEqual(["TimeoutError", "NetworkError"]);
    expect([...timeout.leaks, ...refused.leaks]).toEqual([]);
  });
});

describe("no secret leaks from configuration errors and version warnings", () => {
  it("bad keys, a plain-http endpoint, a token without keys, and API version errors and warnings", async () => {
    const badKey = await findLeaks([SECRET_KEY], () =>
      createScpClient({ accessKey: "AK", secretKey: `${SECRET_KEY}\n`, baseUrl: "https://x.test" }),
    );
    const insecure = await findLeaks([SECRET_KEY], () => createScpClient({ ...CREDENTIALS.keys, baseUrl: "http://scp.example.com" }));
    const oldVersion = await findLeaks([SECRET_KEY], () =>
      createScpClient({ ...CREDENTIALS.keys, baseUrl: "https://x.test", apiVersion: "1.0" }),
    );
    const baseUrl = await echoServer(400);
    const newerVersion = await findLeaks(secretsSeen, (logger) =>
      client({ ...CREDENTIALS["keys + token"], baseUrl, logger, apiVersion: "1.9" }).GET("/v1/instances"),
    );
    const tokenAlone = await findLeaks([AUTH_TOKEN], () => createScpClient({ authToken: AUTH_TOKEN, baseUrl: "https://x.test" }));
    expect([...badKey.leaks, ...insecure.leaks, ...oldVersion.leaks, ...newerVersion.leaks, ...tokenAlone.leaks]).toEqual([]);
  });
});
