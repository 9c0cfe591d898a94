// Secret-leak suite: every error path of the Siit client, with a known API key, must keep the key out of
// messages, stacks, JSON.stringify, util.inspect, warnings and logger output — even when the server echoes it.
import { afterEach, describe, expect, it } from "vitest";
import { findLeaks, findLeaksWithoutAnswer } from "../../../scripts/leak-check.mjs";
import { type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createSiitClient, IdentityClientError, type SiitClientOptions } from "../src/index.js";
import { errorStatuses } from "./spec.js";

const API_KEY = "siit-leak-canary-4f9a1c77e2";
const SECRETS = [API_KEY];

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A hostile server: answers with `status`, echoing the request's credentials in body and headers.
async function echoServer(status: number, contentType = "application/json") {
  server = await startLocalServer((request, response) => {
    const echo = `you sent ${request.headers.authorization} with ${request.body}`;
    response.writeHead(status, { "content-type": contentType, "x-echo": String(request.headers.authorization) });
    response.end(contentType === "application/json" ? JSON.stringify({ error: echo, troubleshoot: echo }) : `<html>${echo}</html>`);
  });
  return server.url;
}

const client = (options: SiitClientOptions) => createSiitClient({ apiKey: API_KEY, retry: { baseDelayMs: 1 }, ...options });
const createInstance = (siit: ReturnType<typeof createSiitClient>, uid = "s_1") =>
  siit.POST("/v1/applications/{uid}/instances", { params: { path: { uid } }, body: { provider: "okta_actions", external_id: API_KEY } });

describe("no secret leaks from the Siit client", () => {
  it.each(errorStatuses)("documented error status %s echoing the key", async (status) => {
    const baseUrl = await echoServer(Number(status));
    const { error, leaks, logs } = await findLeaks(SECRETS, (logger) => createInstance(client({ baseUrl, logger })));
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(logs.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it.each([
    ["a 200 HTML page echoing the key", () => echoServer(200, "text/html")],
    ["a 503 retried until it gives up", () => echoServer(503)],
  ])("%s", async (_label, start) => {
    const baseUrl = await start();
    const { error, leaks } = await findLeaks(SECRETS, (logger) => client({ baseUrl, logger }).GET("/v1/applications"));
    expect(error).toBeInstanceOf(IdentityClientError);
    expect(leaks).toEqual([]);
  });

  it("a timeout and a refused connection", async () => {
    const { timeout, refused } = await findLeaksWithoutAnswer(SECRETS, (target) => createInstance(client({ ...target })));
    expect([timeout.error, refused.error].map((error) => (error as Error).name)).toEqual(["TimeoutError", "NetworkError"]);
    expect([...timeout.leaks, ...refused.leaks]).toEqual([]);
  });

  it("configuration and invalid-request errors", async () => {
    const badKey = await findLeaks([`${API_KEY}`], () => createSiitClient({ apiKey: `${API_KEY}\n` }));
    const insecure = await findLeaks(SECRETS, () => client({ baseUrl: "http://siit.example.com" }));
    const emptyUid = await findLeaks(SECRETS, (logger) => createInstance(client({ logger }), ""));
    expect([...badKey.leaks, ...insecure.leaks, ...emptyUid.leaks]).toEqual([]);
  });
});
