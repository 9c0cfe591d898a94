import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf, thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, type RecordedRequest, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  ConfigurationError,
  CREDENTIALS_REFRESH_MARGIN_MS,
  createHuaweiCloudIdentityCenterClient,
  HUAWEICLOUD_IDENTITYCENTER_ENDPOINT,
  HuaweiCloudApiError,
  type HuaweiCloudCredentials,
  type HuaweiCloudIdentityCenterClientOptions,
  IdentityClientError,
  InvalidRequestError,
  signRequest,
  TimeoutError,
} from "../src/index.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const AK = "TESTAK0000000000001";
const SK = "test-sk-Zq81mN3vB7xK2pL9";
const TOKEN = "test-token-Hh5Jj6Kk7Ll8";
const DOMAIN = "8c1eef3a241945f69c3d3a6b0252e783";
const INSTANCE = { instance_id: "ins-8c1eef3a241945f6" };
const APP = { ...INSTANCE, application_instance_id: "app-ins-a033c907016a59ae" };
const ENV_NAMES = ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN", "HUAWEICLOUD_SDK_DOMAIN_ID"];

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

/** A clock the test moves by hand. */
function manualClock(start = "2026-11-23T10:00:00Z") {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** Recomputes the signature of a request as the server received it, with the SK the server knows. */
function verify(request: RecordedRequest, origin: string, sk = SK) {
  const signedNames = /SignedHeaders=([^,]+),/.exec(String(request.headers.authorization))![1]!.split(";");
  const headers: Record<string, string> = {};
  for (const name of signedNames) if (name !== "x-sdk-date") headers[name] = String(request.headers[name]);
  const date = String(request.headers["x-sdk-date"]).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z");
  const ak = /Access=([^,]+),/.exec(String(request.headers.authorization))![1]!;
  return signRequest({ method: request.method, url: `${origin}${request.url}`, headers, body: request.body, ak, sk, date: new Date(date) })
    .authorization;
}

describe("createHuaweiCloudIdentityCenterClient options", () => {
  it("requires AK, SK and domain id, naming the option and the official SDK's environment variable", () => {
    clearEnv();
    expect(configurationError(() => createHuaweiCloudIdentityCenterClient()).message).toBe(
      "Invalid client option `ak`: it is required; pass `ak` or set HUAWEICLOUD_SDK_AK",
    );
    expect(configurationError(() => createHuaweiCloudIdentityCenterClient({ ak: AK })).message).toBe(
      "Invalid client option `sk`: it is required; pass `sk`",
    );
    expect(configurationError(() => createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK })).message).toBe(
      "Invalid client option `domainId`: it is required; pass `domainId` or set HUAWEICLOUD_SDK_DOMAIN_ID",
    );
  });

  it.each([
    ["a blank SK", { ak: AK, sk: "  ", domainId: DOMAIN }, "sk"],
    ["an SK with a trailing newline", { ak: AK, sk: `${SK}\n`, domainId: DOMAIN }, "sk"],
    ["a security token with a newline", { ak: AK, sk: SK, securityToken: `${TOKEN}\n`, domainId: DOMAIN }, "securityToken"],
    ["a misspelt option", { ak: AK, sk: SK, domainID: DOMAIN }, "domainID"],
    [
      "both endpoint and baseUrl",
      { ak: AK, sk: SK, domainId: DOMAIN, endpoint: "https://a.example", baseUrl: "https://b.example" },
      "endpoint",
    ],
    ["an endpoint that is not a URL", { ak: AK, sk: SK, domainId: DOMAIN, endpoint: "identitycenter.myhuaweicloud.com" }, "endpoint"],
    ["credentials together with ak", { ak: AK, credentials: async () => ({ ak: AK, sk: SK }), domainId: DOMAIN }, "ak"],
    ["a credentials provider that is not a function", { credentials: { ak: AK, sk: SK }, domainId: DOMAIN }, "credentials"],
    ["a clock that is not a function", { ak: AK, sk: SK, domainId: DOMAIN, clock: Date.now() }, "clock"],
  ])("rejects %s at construction, without echoing secrets", (_label, options, option) => {
    clearEnv();
    const error = configurationError(() =>
      createHuaweiCloudIdentityCenterClient(options as unknown as HuaweiCloudIdentityCenterClientOptions),
    );
    expect(error.option).toBe(option);
    expect(error.message).not.toContain(SK);
    expect(error.message).not.toContain(TOKEN);
  });

  it("falls back to HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN and _DOMAIN_ID", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", AK);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", SK);
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN);
    vi.stubEnv("HUAWEICLOUD_SDK_DOMAIN_ID", DOMAIN);
    server = await startLocalServer((_request, response) => json(response, 200, { instances: [] }));

    await createHuaweiCloudIdentityCenterClient({ endpoint: server.url }).GET("/v1/instances");

    const received = server.requests[0]!;
    expect(received.headers.authorization).toMatch(
      new RegExp(
        `^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-domain-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(received.headers["x-domain-id"]).toBe(DOMAIN);
    expect(received.headers["x-security-token"]).toBe(TOKEN);
    expect(verify(received, server.url)).toBe(received.headers.authorization);
  });

  it("does not pair explicit AK/SK with a security token from the environment", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", "stale-token-from-another-session");
    server = await startLocalServer((_request, response) => json(response, 200, {}));

    await createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url }).GET("/v1/instances");

    expect(server.requests[0]!.headers["x-security-token"]).toBeUndefined();
  });

  it("talks to the global endpoint by default", async () => {
    const urls: string[] = [];
    const recordOnly = async (request: Request) => {
      urls.push(request.url);
      return Response.json({ instances: [] });
    };

    await createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, fetch: recordOnly }).GET("/v1/instances");

    expect(HUAWEICLOUD_IDENTITYCENTER_ENDPOINT).toBe("https://identitycenter.myhuaweicloud.com");
    expect(urls).toEqual(["https://identitycenter.myhuaweicloud.com/v1/instances"]);
  });
});

describe("signed requests", () => {
  it("adds X-Sdk-Date, Host, X-Domain-Id, X-Security-Token and an Authorization the server can verify over the exact body", async () => {
    server = await startLocalServer((_request, response) => json(response, 201, { application_instance: {} }));
    const { clock } = manualClock("2026-11-23T10:11:12Z");
    const client = createHuaweiCloudIdentityCenterClient({
      ak: AK,
      sk: SK,
      securityToken: TOKEN,
      domainId: DOMAIN,
      endpoint: server.url,
      clock,
    });
    const body = { name: "名前 é 😀", template_id: "tpl-88f215b39bfc7575" };

    await client.POST("/v1/instances/{instance_id}/application-instances", { params: { path: INSTANCE }, body });

    const received = server.requests[0]!;
    expect(received.body).toBe(JSON.stringify(body));
    expect(received.headers["x-sdk-date"]).toBe("20261123T101112Z");
    expect(received.headers.host).toBe(new URL(server.url).host);
    expect(received.headers["x-domain-id"]).toBe(DOMAIN);
    expect(received.headers["x-security-token"]).toBe(TOKEN);
    expect(received.headers["content-type"]).toBe("application/json");
    expect(received.headers["user-agent"]).toBe(`identity-clients-huaweicloud-identitycenter/${version} node/${process.versions.node}`);
    expect(verify(received, server.url)).toBe(received.headers.authorization);
    expect(verify(received, server.url, "another-sk")).not.toBe(received.headers.authorization);
  });

  it("dates every request afresh from the injected clock", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    const { clock, advance } = manualClock("2026-11-23T10:00:00Z");
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url, clock });

    await client.GET("/v1/instances");
    advance(61_000);
    await client.GET("/v1/instances");

    expect(server.requests.map((request) => request.headers["x-sdk-date"])).toEqual(["20261123T100000Z", "20261123T100101Z"]);
    expect(server.requests[0]!.headers.authorization).not.toBe(server.requests[1]!.headers.authorization);
    for (const request of server.requests) expect(verify(request, server.url)).toBe(request.headers.authorization);
  });

  it("signs what middleware changed: the request as openapi-fetch built it after onRequest", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url });
    const seenByMiddleware: (string | null)[] = [];
    client.use({
      onRequest: ({ request }) => {
        seenByMiddleware.push(request.headers.get("authorization"));
        return new Request(request, { body: JSON.stringify({ description: "changed", display_name: "by middleware" }) });
      },
    });

    await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/display-data", {
      params: { path: APP },
      body: { description: "d", display_name: "n" },
    });

    expect(seenByMiddleware).toEqual([null]);
    expect(server.requests[0]!.body).toBe('{"description":"changed","display_name":"by middleware"}');
    expect(verify(server.requests[0]!, server.url)).toBe(server.requests[0]!.headers.authorization);
  });

  it("encodes path parameters and signs them as the gateway canonicalizes them", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url });

    await client.GET("/v1/instances/{instance_id}/application-instances", {
      params: { path: { instance_id: "ins é/1" }, query: { marker: "a b+c", limit: 2 } },
    });

    expect(server.requests[0]!.url).toBe("/v1/instances/ins%20%C3%A9%2F1/application-instances?marker=a%20b%2Bc&limit=2");
    expect(verify(server.requests[0]!, server.url)).toBe(server.requests[0]!.headers.authorization);
  });

  it("keeps the call's timeout and abort signal on the signed request", async () => {
    server = await startLocalServer(() => {
      // never answers
    });
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url, timeoutMs: 50 });
    const controller = new AbortController();

    const timedOut = await rejectionOf(client.GET("/v1/instances"), TimeoutError);
    const aborted = client.POST("/v1/instances/{instance_id}/application-instances", {
      params: { path: INSTANCE },
      body: { name: "n", template_id: "t" },
      signal: controller.signal,
    });
    controller.abort();

    expect(timedOut.timeoutMs).toBe(50);
    await expect(aborted).rejects.toThrow(/abort/i);
  });

  it("refuses an empty path parameter before signing or sending", async () => {
    const sent: string[] = [];
    const client = createHuaweiCloudIdentityCenterClient({
      ak: AK,
      sk: SK,
      domainId: DOMAIN,
      fetch: async (request) => {
        sent.push(request.url);
        return Response.json({});
      },
    });

    const error = await rejectionOf(
      client.DELETE("/v1/instances/{instance_id}/application-instances/{application_instance_id}", {
        params: { path: { ...APP, application_instance_id: "" } },
      }),
      InvalidRequestError,
    );

    expect(error.parameter).toBe("application_instance_id");
    expect(sent).toEqual([]);
  });
});

describe("credentials provider", () => {
  function temporary(n: number, expiresAt: Date | number | string): HuaweiCloudCredentials {
    return { ak: `TMPAK${n}`, sk: `tmp-sk-${n}`, securityToken: `tmp-token-${n}`, domainId: DOMAIN, expiresAt };
  }

  it("calls the provider once, reuses its credentials, and calls it again when they are about to expire", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    const { clock, advance } = manualClock();
    const expiry = clock().getTime() + 15 * 60_000;
    let calls = 0;
    const credentials = async () => temporary(++calls, calls === 1 ? new Date(expiry) : new Date(expiry + 3_600_000));
    const client = createHuaweiCloudIdentityCenterClient({ credentials, endpoint: server.url, clock });

    await client.GET("/v1/instances");
    advance(15 * 60_000 - CREDENTIALS_REFRESH_MARGIN_MS - 1);
    await client.GET("/v1/instances");
    advance(1);
    await client.GET("/v1/instances");
    await client.GET("/v1/instances");

    expect(calls).toBe(2);
    expect(server.requests.map((request) => request.headers["x-security-token"])).toEqual([
      "tmp-token-1",
      "tmp-token-1",
      "tmp-token-2",
      "tmp-token-2",
    ]);
    expect(server.requests.map((request) => /Access=(\w+)/.exec(String(request.headers.authorization))![1])).toEqual([
      "TMPAK1",
      "TMPAK1",
      "TMPAK2",
      "TMPAK2",
    ]);
    for (const [index, request] of server.requests.entries()) {
      expect(verify(request, server.url, index < 2 ? "tmp-sk-1" : "tmp-sk-2")).toBe(request.headers.authorization);
    }
  });

  it("shares one provider call between concurrent requests", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const credentials = async () => {
      calls += 1;
      await gate;
      return temporary(calls, "2099-01-01T00:00:00Z");
    };
    const client = createHuaweiCloudIdentityCenterClient({ credentials, endpoint: server.url });

    const all = Promise.all([client.GET("/v1/instances"), client.GET("/v1/instances"), client.GET("/v1/catalog/applications")]);
    release();
    await all;

    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(3);
  });

  it("takes the domain id from the option when the provider does not return one", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    const client = createHuaweiCloudIdentityCenterClient({
      credentials: () => ({ ak: "AK1", sk: "SK1" }),
      domainId: "d-option",
      endpoint: server.url,
    });

    await client.GET("/v1/instances");

    expect(server.requests[0]!.headers["x-domain-id"]).toBe("d-option");
    expect(server.requests[0]!.headers["x-security-token"]).toBeUndefined();
  });

  it("reports a failing provider as an IdentityClientError with the cause, sending nothing, and retries it next time", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, {}));
    let calls = 0;
    const credentials = async () => {
      calls += 1;
      if (calls === 1) throw new Error("token service unavailable");
      return temporary(calls, "2099-01-01T00:00:00Z");
    };
    const client = createHuaweiCloudIdentityCenterClient({ credentials, endpoint: server.url });

    const error = await rejectionOf(client.GET("/v1/instances"), IdentityClientError);
    expect(error.message).toBe("Huawei Cloud credentials provider (`credentials` option) failed; see `cause`");
    expect((error.cause as Error).message).toBe("token service unavailable");
    expect(server.requests).toHaveLength(0);

    await client.GET("/v1/instances");
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["no sk", { ak: "AK1", domainId: DOMAIN }, "the provider returned no `sk`"],
    [
      "an sk with whitespace",
      { ak: "AK1", sk: "secret value", domainId: DOMAIN },
      "the provider returned a `sk` that is not a string without whitespace",
    ],
    [
      "no domain id anywhere",
      { ak: "AK1", sk: "SK1" },
      "it is required; pass `domainId`, set HUAWEICLOUD_SDK_DOMAIN_ID, or return `domainId` from the `credentials` provider",
    ],
    ["an unreadable expiresAt", { ak: "AK1", sk: "SK1", domainId: DOMAIN, expiresAt: "soon" }, "`expiresAt` that is not a Date"],
    [
      "credentials that have already expired",
      { ak: "AK1", sk: "SK1", domainId: DOMAIN, expiresAt: 0 },
      "expired at 1970-01-01T00:00:00.000Z",
    ],
  ])("rejects a provider result with %s before sending, without echoing it", async (_label, returned, message) => {
    clearEnv();
    const sent: string[] = [];
    const client = createHuaweiCloudIdentityCenterClient({
      credentials: () => returned as unknown as HuaweiCloudCredentials,
      fetch: async (request) => {
        sent.push(request.url);
        return Response.json({});
      },
    });

    const error = await rejectionOf(client.GET("/v1/instances"), ConfigurationError);

    expect(error.message).toContain(message);
    expect(error.message).not.toContain("secret value");
    expect(sent).toEqual([]);
  });
});

describe("errors", () => {
  const GATEWAY_MESSAGE =
    "Incorrect IAM authentication information: verify aksk signature fail, SignedHeaders: content-type;host;x-domain-id;x-sdk-date;x-security-token, " +
    `CanonicalRequest: GET|/v1/instances/||content-type:application/json|host:example|x-domain-id:${DOMAIN}|x-sdk-date:20261123T100000Z|x-security-token:${TOKEN}||`;

  it("explains a 401 APIGW.0301 as a signature mismatch (wrong SK or clock skew) without revealing secrets", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 401, { error_code: "APIGW.0301", error_msg: GATEWAY_MESSAGE, request_id: "0a1b2c3d4e5f60718293a4b5c6d7e8f9" }),
    );
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, securityToken: TOKEN, domainId: DOMAIN, endpoint: server.url });

    const error = await rejectionOf(client.GET("/v1/instances"), HuaweiCloudApiError);

    expect(error.status).toBe(401);
    expect(error.isSignatureMismatch).toBe(true);
    expect(error.errorCode).toBe("APIGW.0301");
    expect(error.requestId).toBe("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    expect(error.message).toBe(
      "Huawei Cloud IAM Identity Center API error 401 Unauthorized on GET /v1/instances [APIGW.0301]: the request signature did not verify (APIGW.0301). " +
        "Usual causes: the secret key (SK) does not belong to the access key (AK); this machine's clock is more than 15 minutes off (X-Sdk-Date is UTC); " +
        "or a proxy changed the path, query, body or a signed header. The gateway's own message is in `errorMsg` (request id 0a1b2c3d4e5f60718293a4b5c6d7e8f9)",
    );
    expect(error.errorMsg).toContain("x-security-token:[REDACTED]|");
    expect(error.errorMsg).toContain(`x-domain-id:${DOMAIN}`);
    const everything = `${error.message}${error.stack}${JSON.stringify(error)}${JSON.stringify(error.body)}${String(error.errorMsg)}`;
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(SK);
    expect(everything).not.toContain(String(server.requests[0]!.headers.authorization));
  });

  it("takes the request id from X-Request-Id when the body has none", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 404, { error_code: "IIC.404", error_msg: "The resource does not exist." }, { "X-Request-Id": "hdr-req-42" }),
    );
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url });

    const error = await rejectionOf(
      client.GET("/v1/instances/{instance_id}/application-instances/{application_instance_id}", { params: { path: APP } }),
      HuaweiCloudApiError,
    );

    expect(error.requestId).toBe("hdr-req-42");
    expect(error.errorCode).toBe("IIC.404");
    expect(error.errorMsg).toBe("The resource does not exist.");
    expect(error.message).toBe(
      "Huawei Cloud IAM Identity Center API error 404 Not Found on GET /v1/instances/{instance_id}/application-instances/{application_instance_id} [IIC.404]: The resource does not exist. (request id hdr-req-42)",
    );
  });

  it("keeps a non-JSON error answer as text", async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(502, { "content-type": "text/plain", "x-request-id": "gw-7" });
      response.end("Bad Gateway");
    });
    const client = createHuaweiCloudIdentityCenterClient({ ak: AK, sk: SK, domainId: DOMAIN, endpoint: server.url });

    const error = await rejectionOf(client.GET("/v1/instances"), HuaweiCloudApiError);

    expect(error.status).toBe(502);
    expect(error.body).toBe("Bad Gateway");
    expect(error.errorCode).toBeUndefined();
    expect(error.requestId).toBe("gw-7");
  });
});

describe("retries", () => {
  const body = { display_name: "Slack", description: "Team chat ✓" };

  it("retries a 409 IIC.1006 concurrency conflict, re-signing with a fresh X-Sdk-Date and the same body bytes", async () => {
    const { clock, advance } = manualClock();
    server = await startLocalServer((_request, response) => {
      advance(1000); // each attempt happens a second later
      if (server!.requests.length === 1)
        json(response, 409, { error_code: "IIC.1006", error_msg: "Concurrent modification", request_id: "r1" });
      else response.writeHead(200).end();
    });
    const client = createHuaweiCloudIdentityCenterClient({
      ak: AK,
      sk: SK,
      domainId: DOMAIN,
      baseUrl: server.url,
      clock,
      retry: { baseDelayMs: 1 },
    });

    await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/display-data", {
      params: { path: APP },
      body,
    });

    const [first, second] = server.requests;
    expect(second?.body).toBe(first?.body);
    expect(first?.headers["x-sdk-date"]).not.toBe(second?.headers["x-sdk-date"]);
    for (const request of server.requests) expect(request.headers.authorization).toBe(verify(request, server.url));
  });

  it("retries IIC.1006 even for a create, but not another 409", async () => {
    server = await startLocalServer((_request, response) =>
      server!.requests.length === 1
        ? json(response, 409, { error_code: "IIC.1006", error_msg: "Concurrent modification", request_id: "r1" })
        : json(response, 409, { error_code: "IIC.1007", error_msg: "Already exists", request_id: "r2" }),
    );
    const client = createHuaweiCloudIdentityCenterClient({
      ak: AK,
      sk: SK,
      domainId: DOMAIN,
      baseUrl: server.url,
      retry: { baseDelayMs: 1 },
    });

    const error = await rejectionOf(
      client.POST("/v1/instances/{instance_id}/application-instances", {
        params: { path: INSTANCE },
        body: { name: "Slack", template_id: "tpl-1" },
      }),
      HuaweiCloudApiError,
    );

    expect(error).toMatchObject({ status: 409, errorCode: "IIC.1007", attempts: 2 });
    expect(error.retries).toEqual([{ attempt: 1, reason: "status 409 (retryable error)", delayMs: expect.any(Number) }]);
  });
});
