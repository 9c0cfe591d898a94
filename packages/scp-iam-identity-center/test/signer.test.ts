import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createScpClient, signScpRequest } from "../src/index.js";

// The reference vectors (access key, secret key and timestamp shared by all three).
const ACCESS_KEY = "2sd2gg=2agbdSD26svcD";
const SECRET_KEY = "test-secret-key";
const TIMESTAMP = "1605290625682";
const BASE = "https://iam-identity-center.kr-west1.e.samsungsdscloud.com";

describe("signScpRequest", () => {
  it.each([
    ["POST", `${BASE}/v1/instances`, undefined, "uOA6D3iPwhz9JFHoboOVZSmrZeYsLh6dYIb5cx0npQk="],
    ["GET", `${BASE}/v1/instances?page=0&size=20`, undefined, "ta+VdComfwYDmKt0m5Awi3+pCi2V3h1wIPMLc64EZ9E="],
    ["GET", `${BASE}/v1/instances/ssoins-12345`, "1234ab567cd64769e8f9g490hi304891", "WshiWKIxkew1Po5jKrGanoTfqn4YEGvbrftQkaaj1mc="],
  ])("%s %s (account id %s) → %s", (method, url, accountId, signature) => {
    expect(signScpRequest({ method, url, timestamp: TIMESTAMP, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, accountId })).toBe(signature);
  });

  it("signs the method upper case, a numeric timestamp like its decimal string, and an empty account id like none", () => {
    const base = { url: `${BASE}/v1/instances`, accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
    const expected = "uOA6D3iPwhz9JFHoboOVZSmrZeYsLh6dYIb5cx0npQk=";
    expect(signScpRequest({ ...base, method: "post", timestamp: Number(TIMESTAMP) })).toBe(expected);
    expect(signScpRequest({ ...base, method: "POST", timestamp: TIMESTAMP, accountId: "" })).toBe(expected);
  });

  it("changes with every signed part and signs the URL as given, never re-encoded", () => {
    const base = {
      method: "GET",
      url: `${BASE}/v1/instances?sort=name%3Aasc`,
      timestamp: TIMESTAMP,
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
    };
    const signature = signScpRequest(base);
    const variants = [
      { ...base, method: "DELETE" },
      { ...base, url: `${BASE}/v1/instances?sort=name:asc` },
      { ...base, url: `${BASE}/v1/instances?sort=name%253Aasc` },
      { ...base, timestamp: "1605290625683" },
      { ...base, accessKey: "other" },
      { ...base, secretKey: "other" },
      { ...base, accountId: "acc" },
    ];
    for (const variant of variants) expect(signScpRequest(variant)).not.toBe(signature);
  });

  it("is deterministic and standard padded base64 of 32 bytes", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.nat(), (path, secretKey, timestamp) => {
        const input = { method: "GET", url: `${BASE}/${path}`, timestamp, accessKey: ACCESS_KEY, secretKey };
        const signature = signScpRequest(input);
        expect(signature).toBe(signScpRequest({ ...input }));
        expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      }),
    );
  });
});

// Characters that URLs reserve or that need percent-encoding, plus non-ASCII text.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."/?#[]@!$&'()*+,;=%:~-._ \"<>\\^`{|}"),
    fc.constantFrom("é", "한", "국", "😀", "ü", "\u00a0"),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  minLength: 1,
  maxLength: 12,
});
const usableId = tricky.filter((id) => id.trim() !== "" && id !== "." && id !== "..");

// Property tests: 60 and 100 generated cases of two signed calls each, one over loopback; about a second on a quiet
// machine, so the budget allows for a loaded one.
describe("the signed URL is the sent URL", { timeout: 60_000 }, () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer((request, response) => {
      json(response, 200, request.url.includes("?") || request.url === "/v1/instances" ? { instances: [] } : { instance: { id: "x" } });
    });
  });
  afterAll(() => server.close());

  it("for any instance id and sort string, over the wire: the server recomputes the signature from what it received", async () => {
    let clock = 1_700_000_000_000;
    const scp = createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, baseUrl: server.url, clock: () => new Date(clock) });
    await fc.assert(
      fc.asyncProperty(usableId, tricky, async (instanceId, sort) => {
        clock += 1;
        server.requests.length = 0;
        await scp.GET("/v1/instances/{instance_id}", { params: { path: { instance_id: instanceId } } });
        await scp.GET("/v1/instances", { params: { query: { sort, page: 0 } } });
        for (const received of server.requests) {
          const headers = received.headers;
          expect(headers["scp-timestamp"]).toBe(String(clock));
          expect(headers["scp-signature"]).toBe(
            signScpRequest({
              method: received.method,
              url: `${server.url}${received.url}`,
              timestamp: String(headers["scp-timestamp"]),
              accessKey: ACCESS_KEY,
              secretKey: SECRET_KEY,
            }),
          );
        }
        expect(server.requests).toHaveLength(2);
      }),
      { numRuns: 60 },
    );
  });

  it("for any query, over the wire: keys arrive sorted byte-wise and Go-escaped, values intact, signed as received", async () => {
    let clock = 1_700_000_000_000;
    const scp = createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, baseUrl: server.url, clock: () => new Date(clock) });
    const utf8 = new TextEncoder();
    const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(utf8.encode(a)), Buffer.from(utf8.encode(b)));
    // Keys as query parameters are named (openapi-fetch leaves keys unescaped, so they must be URL-safe); values: anything.
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
    const query = fc.dictionary(key, fc.oneof(tricky, fc.nat({ max: 10000 }), fc.array(tricky, { minLength: 1, maxLength: 3 })), {
      maxKeys: 5,
    });
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        clock += 1;
        server.requests.length = 0;
        // Any names, not only the documented ones: the encoding must not depend on what the spec declares.
        await scp.GET("/v1/instances", { params: { query: params as never } });
        const received = server.requests[0];
        if (!received) throw new Error("no request arrived");
        expect(received.headers["scp-signature"]).toBe(
          signScpRequest({
            method: "GET",
            url: `${server.url}${received.url}`,
            timestamp: String(received.headers["scp-timestamp"]),
            accessKey: ACCESS_KEY,
            secretKey: SECRET_KEY,
          }),
        );
        const raw = received.url.includes("?") ? received.url.slice(received.url.indexOf("?") + 1) : "";
        expect(raw).toMatch(/^[A-Za-z0-9\-_.~%+=&]*$/);
        const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
        const pairs = raw === "" ? [] : raw.split("&").map((pair) => pair.split("=").map(decode) as [string, string]);
        const keys = pairs.map(([key]) => key);
        expect(keys).toEqual([...keys].sort(byteOrder));
        const expected = Object.entries(params)
          .sort(([a], [b]) => byteOrder(a, b))
          .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => [key, String(item)]));
        expect(pairs).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });

  it("for any request, through a capturing fetch: Scp-Signature signs exactly request.url with the account id", async () => {
    const sent: Request[] = [];
    const capture = async (request: Request) => {
      sent.push(request);
      return Response.json({ instances: [], instance: {} });
    };
    const accountId = "1234ab567cd64769e8f9g490hi304891";
    const scp = createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, accountId, region: "kr-west1", env: "e", fetch: capture });
    await fc.assert(
      fc.asyncProperty(usableId, tricky, fc.nat({ max: 1000 }), async (instanceId, sort, page) => {
        sent.length = 0;
        await scp.DELETE("/v1/instances/{instance_id}", { params: { path: { instance_id: instanceId } } });
        await scp.GET("/v1/instances", { params: { query: { sort, page } } });
        for (const request of sent) {
          expect(request.url.startsWith(`${BASE}/v1/instances`)).toBe(true);
          expect(request.headers.get("scp-accountid")).toBe(accountId);
          const timestamp = request.headers.get("scp-timestamp") ?? "";
          expect(request.headers.get("scp-signature")).toBe(
            signScpRequest({
              method: request.method,
              url: request.url,
              timestamp,
              accessKey: ACCESS_KEY,
              secretKey: SECRET_KEY,
              accountId,
            }),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it("signs the reference vector when the clock says its timestamp", async () => {
    const sent: Request[] = [];
    const scp = createScpClient({
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      region: "kr-west1",
      env: "e",
      clock: () => new Date(Number(TIMESTAMP)),
      fetch: async (request) => {
        sent.push(request);
        return Response.json({ instances: [] });
      },
      apiVersion: "1.6",
    });
    await scp.GET("/v1/instances", { params: { query: { page: 0, size: 20 } } });

    expect(sent[0]?.url).toBe(`${BASE}/v1/instances?page=0&size=20`);
    expect(sent[0]?.headers.get("scp-signature")).toBe("ta+VdComfwYDmKt0m5Awi3+pCi2V3h1wIPMLc64EZ9E=");
  });

  it("signs the reference vector whatever order the query is given in: keys are sent sorted, as the official SDK sends them", async () => {
    const sent: Request[] = [];
    const scp = createScpClient({
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      region: "kr-west1",
      env: "e",
      clock: () => new Date(Number(TIMESTAMP)),
      fetch: async (request) => {
        sent.push(request);
        return Response.json({ instances: [] });
      },
    });
    await scp.GET("/v1/instances", { params: { query: { size: 20, page: 0 } } });

    expect(sent[0]?.url).toBe(`${BASE}/v1/instances?page=0&size=20`);
    expect(sent[0]?.headers.get("scp-signature")).toBe("ta+VdComfwYDmKt0m5Awi3+pCi2V3h1wIPMLc64EZ9E=");
  });

  it("takes a fresh timestamp (and signature) for every request", async () => {
    const times = [1_800_000_000_000, 1_800_000_000_500];
    let calls = 0;
    // The version policy reads the clock once at construction; then one reading per request.
    const scp = createScpClient({
      accessKey: ACCESS_KEY,
      secretKey: SECRET_KEY,
      baseUrl: server.url,
      clock: () => new Date(calls++ === 0 ? 1_700_000_000_000 : (times.shift() ?? Number.NaN)),
    });
    server.requests.length = 0;
    await scp.GET("/v1/instances");
    await scp.GET("/v1/instances");

    const [first, second] = server.requests;
    expect(first?.headers["scp-timestamp"]).toBe("1800000000000");
    expect(second?.headers["scp-timestamp"]).toBe("1800000000500");
    expect(first?.headers["scp-signature"]).not.toBe(second?.headers["scp-signature"]);
  });
});

describe("retries are signed afresh", () => {
  it("gives a retried attempt its own timestamp and a signature over the same URL", async () => {
    let clock = 1_800_000_000_000;
    const server = await startLocalServer((_request, response) => {
      clock += 250; // the next attempt happens later
      if (server.requests.length === 1) json(response, 503, { code: "Unavailable" });
      else json(response, 200, { instances: [] });
    });
    try {
      const scp = createScpClient({
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        baseUrl: server.url,
        clock: () => new Date(clock),
        retry: { baseDelayMs: 1 },
      });

      await scp.GET("/v1/instances", { params: { query: { sort: "name:asc" } } });

      const [first, second] = server.requests;
      expect([first?.url, second?.url]).toEqual(["/v1/instances?sort=name%3Aasc", "/v1/instances?sort=name%3Aasc"]);
      expect(Number(second?.headers["scp-timestamp"])).toBeGreaterThan(Number(first?.headers["scp-timestamp"]));
      for (const received of server.requests) {
        expect(received.headers["scp-signature"]).toBe(
          signScpRequest({
            method: received.method,
            url: `${server.url}${received.url}`,
            timestamp: String(received.headers["scp-timestamp"]),
            accessKey: ACCESS_KEY,
            secretKey: SECRET_KEY,
          }),
        );
      }
    } finally {
      await server.close();
    }
  });
});
