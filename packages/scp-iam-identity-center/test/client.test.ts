import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionOf, thrownBy } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import {
  ConfigurationError,
  createScpClient,
  type InstanceCreateRequest,
  InvalidRequestError,
  SCP_REGIONS,
  ScpApiError,
  type ScpClientOptions,
  scpEndpoint,
  signScpRequest,
} from "../src/index.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const ACCESS_KEY = "AK-test-0001";
const SECRET_KEY = "very-secret-key-0123456789";
const TOKEN = "token-abcdef-987654";
const BIND_PASSWORD = "Bind-P@ssw0rd-42";
const ENV_NAMES = ["SCP_ACCESS_KEY", "SCP_SECRET_KEY", "SCP_ACCOUNT_ID", "SCP_AUTH_TOKEN"];

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
const keys = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
const local = { baseUrl: "http://127.0.0.1:9" };

function capturing() {
  const sent: Request[] = [];
  const fetch = async (request: Request) => {
    sent.push(request);
    return Response.json({ instances: [] });
  };
  return { sent, fetch };
}

describe("credentials", () => {
  it("requires credentials, naming both styles and their environment variables", () => {
    clearEnv();
    const error = configurationError(() => createScpClient(local));
    expect(error.option).toBe("accessKey");
    expect(error.message).toContain("SCP_ACCESS_KEY");
    expect(error.message).toContain("SCP_SECRET_KEY");
    expect(error.message).toContain("SCP_AUTH_TOKEN");
  });

  it("refuses a token without keys (option or environment): the token goes on top of the signature, never instead", () => {
    clearEnv();
    const fromOption = configurationError(() => createScpClient({ ...local, authToken: TOKEN }));
    vi.stubEnv("SCP_AUTH_TOKEN", TOKEN);
    const fromEnvironment = configurationError(() => createScpClient(local));
    for (const error of [fromOption, fromEnvironment]) {
      expect(error.option).toBe("accessKey");
      expect(error.message).toContain("a token is sent on top of access-key signing, never instead of it");
      expect(error.message).not.toContain(TOKEN);
    }
  });

  it("requires the secret key with the access key even when a token is given", () => {
    clearEnv();
    expect(configurationError(() => createScpClient({ ...local, accessKey: ACCESS_KEY, authToken: TOKEN })).option).toBe("secretKey");
  });

  it("requires the secret key with the access key, naming its environment variable", () => {
    clearEnv();
    const error = configurationError(() => createScpClient({ ...local, accessKey: ACCESS_KEY }));
    expect(error.option).toBe("secretKey");
    expect(error.message).toContain("SCP_SECRET_KEY");
  });

  it.each([
    ["secretKey", { ...keys, secretKey: `${SECRET_KEY}\n` }],
    ["accessKey", { ...keys, accessKey: " " }],
    ["authToken", { ...keys, authToken: `${TOKEN} ` }],
    ["accountId", { ...keys, accountId: "" }],
  ] as const)("rejects a malformed %s without echoing it", (option, options) => {
    clearEnv();
    const error = configurationError(() => createScpClient({ ...local, ...options }));
    expect(error.option).toBe(option);
    expect(error.message).not.toContain(SECRET_KEY);
    expect(error.message).not.toContain(TOKEN);
  });

  it("reads keys and the account id from SCP_ACCESS_KEY, SCP_SECRET_KEY and SCP_ACCOUNT_ID", async () => {
    clearEnv();
    vi.stubEnv("SCP_ACCESS_KEY", ACCESS_KEY);
    vi.stubEnv("SCP_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("SCP_ACCOUNT_ID", "acct-77");
    const { sent, fetch } = capturing();
    await createScpClient({ ...local, fetch, clock: () => new Date(1_790_000_000_000) }).GET("/v1/instances");

    const request = sent[0]!;
    expect(request.headers.get("scp-accesskey")).toBe(ACCESS_KEY);
    expect(request.headers.get("scp-accountid")).toBe("acct-77");
    expect(request.headers.get("scp-signature")).toBe(
      signScpRequest({
        method: "GET",
        url: request.url,
        timestamp: 1_790_000_000_000,
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        accountId: "acct-77",
      }),
    );
    expect(request.headers.has("x-auth-token")).toBe(false);
  });

  it("signs as usual and adds X-Auth-Token on top (token from the option, or SCP_AUTH_TOKEN with keys from the environment)", async () => {
    clearEnv();
    vi.stubEnv("SCP_ACCESS_KEY", ACCESS_KEY);
    vi.stubEnv("SCP_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("SCP_AUTH_TOKEN", TOKEN);
    const { sent, fetch } = capturing();
    const clock = () => new Date(1_790_000_000_000);
    await createScpClient({ ...local, fetch, clock }).GET("/v1/instances");
    await createScpClient({ ...local, ...keys, fetch, clock, authToken: "explicit-token" }).GET("/v1/instances");

    expect(sent.map((request) => request.headers.get("x-auth-token"))).toEqual([TOKEN, "explicit-token"]);
    for (const request of sent) {
      expect(request.headers.get("scp-accesskey")).toBe(ACCESS_KEY);
      expect(request.headers.get("scp-timestamp")).toBe("1790000000000");
      // The token is not part of the signed message.
      expect(request.headers.get("scp-signature")).toBe(
        signScpRequest({ method: "GET", url: request.url, timestamp: 1_790_000_000_000, accessKey: ACCESS_KEY, secretKey: SECRET_KEY }),
      );
      expect(request.headers.get("scp-api-version")).toBe("iam-identity-center 1.6");
    }
  });

  it("explicit keys win over a token in the environment", async () => {
    clearEnv();
    vi.stubEnv("SCP_AUTH_TOKEN", TOKEN);
    const { sent, fetch } = capturing();
    await createScpClient({ ...local, ...keys, fetch }).GET("/v1/instances");
    expect(sent[0]?.headers.has("x-auth-token")).toBe(false);
    expect(sent[0]?.headers.get("scp-accesskey")).toBe(ACCESS_KEY);
  });
});

describe("options", () => {
  it("rejects a misspelt option", () => {
    const options = { ...keys, ...local, secretkey: "x" } as unknown as ScpClientOptions;
    expect(configurationError(() => createScpClient(options)).message).toBe(
      "Invalid client option `secretkey`: unknown option; did you mean `secretKey`?",
    );
  });

  it("builds the regional endpoint from region + env", async () => {
    const { sent, fetch } = capturing();
    await createScpClient({ ...keys, region: "kr-south2", env: "g", fetch }).GET("/v1/instances");
    expect(sent[0]?.url).toBe("https://iam-identity-center.kr-south2.g.samsungsdscloud.com/v1/instances");
  });

  it("knows every published environment/region pair and nothing else", () => {
    const pairs = Object.entries(SCP_REGIONS).flatMap(([env, regions]) => regions.map((region) => `${env}:${region}`));
    expect(pairs).toEqual(["s:kr-west1", "s:kr-east1", "g:kr-south1", "g:kr-south2", "g:kr-south3", "e:kr-west1", "e:kr-east1"]);
    for (const pair of pairs) {
      const [env, region] = pair.split(":");
      expect(scpEndpoint(region, env)).toBe(`https://iam-identity-center.${region}.${env}.samsungsdscloud.com`);
    }
  });

  it.each([
    ["region", { region: "kr-south1", env: "e" }, 'environment "e" has regions kr-west1, kr-east1'],
    ["env", { region: "kr-west1", env: "x" }, 'expected one of "s", "g", "e"'],
    ["env", { region: "kr-west1" }, "is required with `region`"],
    ["region", { env: "s" }, "is required with `env`"],
    ["region", {}, "pass `region` and `env`"],
    ["baseUrl", { baseUrl: "https://proxy.example", region: "kr-west1", env: "e" }, "not both"],
    ["baseUrl", { baseUrl: "iam-identity-center.kr-west1.e.samsungsdscloud.com" }, "not an absolute URL"],
  ])("rejects a bad endpoint (%s): %j", (option, endpoint, message) => {
    const error = configurationError(() => createScpClient({ ...keys, ...(endpoint as ScpClientOptions) }));
    expect(error.option).toBe(option);
    expect(error.message).toContain(message);
  });

  it("sends Accept-Language en-US by default, ko-KR on request, and rejects others", async () => {
    const { sent, fetch } = capturing();
    await createScpClient({ ...keys, ...local, fetch }).GET("/v1/instances");
    await createScpClient({ ...keys, ...local, fetch, acceptLanguage: "ko-KR" }).GET("/v1/instances");
    expect(sent.map((request) => request.headers.get("accept-language"))).toEqual(["en-US", "ko-KR"]);

    const options = { ...keys, ...local, acceptLanguage: "fr-FR" } as unknown as ScpClientOptions;
    expect(configurationError(() => createScpClient(options)).option).toBe("acceptLanguage");
  });

  it.each([
    ["not a function", new Date(1_700_000_000_000)],
    ["returning an invalid Date", () => new Date(Number.NaN)],
    ["returning a number", () => Date.now()],
    ["returning a date before 1970", () => new Date(-1)],
  ])("rejects a clock %s", (_label, clock) => {
    const options = { ...keys, ...local, clock } as unknown as ScpClientOptions;
    expect(configurationError(() => createScpClient(options)).option).toBe("clock");
  });

  it("sends every documented header on a signed request, with a User-Agent naming the package", async () => {
    server = await startLocalServer((_request, response) => json(response, 200, { instances: [] }));
    await createScpClient({ ...keys, baseUrl: server.url }).GET("/v1/instances");

    const headers = server.requests[0]!.headers;
    expect(headers["scp-clienttype"]).toBe("Openapi");
    expect(headers["scp-api-version"]).toBe("iam-identity-center 1.6");
    expect(headers["accept-language"]).toBe("en-US");
    expect(headers["scp-accesskey"]).toBe(ACCESS_KEY);
    expect(headers["scp-timestamp"]).toMatch(/^\d{13}$/);
    expect(headers["scp-signature"]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // No account id: no header (an empty one would sign the same, so it is left out).
    expect(headers["scp-accountid"]).toBeUndefined();
    expect(headers["x-auth-token"]).toBeUndefined();
    expect(headers["user-agent"]).toBe(`identity-clients-scp-iam-identity-center/${version} node/${process.versions.node}`);
  });
});

describe("requests and errors", () => {
  it("refuses an empty instance id before sending", async () => {
    const { sent, fetch } = capturing();
    const error = await rejectionOf(
      createScpClient({ ...keys, ...local, fetch }).DELETE("/v1/instances/{instance_id}", { params: { path: { instance_id: "" } } }),
      InvalidRequestError,
    );
    expect(error.parameter).toBe("instance_id");
    expect(sent).toEqual([]);
  });

  it("gives the status, request id, code and message of a JSON error, with bind_credential and keys redacted", async () => {
    server = await startLocalServer((request, response) =>
      json(
        response,
        400,
        { code: "InvalidParameter", message: `bad input: ${request.body}`, request: JSON.parse(request.body) as unknown },
        { "x-request-id": "req-123" },
      ),
    );
    const scp = createScpClient({ ...keys, baseUrl: server.url });
    const body: InstanceCreateRequest = {
      name: "My Instance",
      identity_store_type: "ACTIVE_DIRECTORY",
      identity_store_config: { bind_credential: BIND_PASSWORD, bind_dn: "CN=Administrator,CN=Users,DC=test,DC=add" },
    };

    const error = await rejectionOf(scp.POST("/v1/instances", { body }), ScpApiError);

    expect(error.status).toBe(400);
    expect(error.requestId).toBe("req-123");
    expect(error.code).toBe("InvalidParameter");
    expect(error.detail).toContain("bad input");
    expect(error.message).toContain("SCP IAM Identity Center API error 400 Bad Request on POST /v1/instances [InvalidParameter]");
    expect(error.body).toMatchObject({ request: { name: "My Instance", identity_store_config: { bind_credential: "[REDACTED]" } } });
    const printed = `${error.message}${error.stack}${JSON.stringify(error)}${inspect(error, { depth: 10 })}${inspect(error.headers)}`;
    expect(printed).not.toContain(BIND_PASSWORD);
    expect(printed).not.toContain(SECRET_KEY);
    const signature = server.requests[0]!.headers["scp-signature"] as string;
    expect(printed).not.toContain(signature);
  });

  it("keeps a text error body as text", async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(503, { "content-type": "text/plain" });
      response.end("upstream unavailable");
    });
    const error = await rejectionOf(createScpClient({ ...keys, baseUrl: server.url }).GET("/v1/instances"), ScpApiError);
    expect(error.status).toBe(503);
    expect(error.body).toBe("upstream unavailable");
    expect(error.code).toBeUndefined();
  });

  it("reads SCP's validation-array bodies into a readable detail, with the first problem's type as the code", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 400, [
        { loc: ["body", "name"], msg: "field required", type: "value_error.missing" },
        {
          loc: ["query", "size", 0],
          msg: "ensure this value is less than or equal to 10000",
          type: "value_error.number.not_le",
          ctx: { limit_value: 10000 },
        },
      ]),
    );
    const error = await rejectionOf(createScpClient({ ...keys, baseUrl: server.url }).GET("/v1/instances"), ScpApiError);
    expect(error.detail).toBe("body.name: field required; query.size.0: ensure this value is less than or equal to 10000");
    expect(error.code).toBe("value_error.missing");
    expect(error.message).toContain("[value_error.missing]");
    expect(error.body).toEqual([
      { loc: ["body", "name"], msg: "field required", type: "value_error.missing" },
      {
        loc: ["query", "size", 0],
        msg: "ensure this value is less than or equal to 10000",
        type: "value_error.number.not_le",
        ctx: { limit_value: 10000 },
      },
    ]);
  });

  it("reads the official SDK's spelling (type_), entries without loc, and lists at most five problems", async () => {
    const problems = [
      { loc: null, msg: "instance not ready", type_: "state_error" },
      ...Array.from({ length: 6 }, (_, i) => ({ loc: ["body", `field${i}`], msg: "invalid" })),
    ];
    server = await startLocalServer((_request, response) => json(response, 400, problems));
    const error = await rejectionOf(createScpClient({ ...keys, baseUrl: server.url }).GET("/v1/instances"), ScpApiError);
    expect(error.code).toBe("state_error");
    expect(error.detail).toBe(
      "instance not ready; body.field0: invalid; body.field1: invalid; body.field2: invalid; body.field3: invalid (and 2 more)",
    );
  });

  it("reads { code, message } bodies", async () => {
    server = await startLocalServer((_request, response) => json(response, 409, { code: "Conflict", message: "instance has users" }));
    const error = await rejectionOf(
      createScpClient({ ...keys, baseUrl: server.url }).DELETE("/v1/instances/{instance_id}", {
        params: { path: { instance_id: "ssoins-1" } },
      }),
      ScpApiError,
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe("Conflict");
    expect(error.detail).toBe("instance has users");
  });

  it("reads { errors: [{ code, detail }] } bodies", async () => {
    server = await startLocalServer((_request, response) =>
      json(response, 403, { errors: [{ code: "Forbidden", detail: "no permission" }] }),
    );
    const error = await rejectionOf(createScpClient({ ...keys, baseUrl: server.url }).GET("/v1/instances"), ScpApiError);
    expect(error.code).toBe("Forbidden");
    expect(error.detail).toBe("no permission");
  });

  it("keeps the token out of errors", async () => {
    server = await startLocalServer((_request, response) => json(response, 401, { message: "expired" }));
    const error = await rejectionOf(createScpClient({ ...keys, authToken: TOKEN, baseUrl: server.url }).GET("/v1/instances"), ScpApiError);
    const printed = `${error.message}${error.stack}${JSON.stringify(error)}${inspect(error, { depth: 10 })}${inspect(error.headers)}`;
    expect(printed).not.toContain(TOKEN);
    expect(printed).not.toContain(SECRET_KEY);
    expect(server.requests[0]?.headers["x-auth-token"]).toBe(TOKEN);
  });
});
