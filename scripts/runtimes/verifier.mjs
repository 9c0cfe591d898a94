// The server side of `pnpm test:runtimes`: a loopback node:http server, run by the driving Node process, that
// stands in for the three providers' gateways. It recomputes each request's credentials from what arrived on the
// wire, with its own implementation of each scheme (not the packages' signers): Siit's bearer key, SCP's
// Scp-Signature (HMAC-SHA256 over method, URL, timestamp, access key, account id and client type) and Huawei's
// SDK-HMAC-SHA256 (canonical request with the body's SHA-256, string to sign, HMAC). A request that checks out is
// answered 2xx with what it sent echoed back; one that does not is refused with 401 and a body that quotes the
// request's credential headers, as careless gateways do, so the client's error has secrets to leak.
import { createHash, createHmac } from "node:crypto";
import { createServer } from "node:http";

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * @param {Map<string, { credentials: import("./smoke.mjs").Credentials, revokedApiKey: string }>} runtimes each runtime's
 *   credentials (access keys and AKs differ per runtime, so a request names its runtime) and a Siit API key that was
 *   revoked (a bearer key names nothing else)
 */
export async function startVerifier(runtimes) {
  /** @type {{ runtime: string, provider: string }[]} */
  const verified = [];
  /** @type {{ runtime: string | undefined, provider: string, reason: string }[]} */
  const refused = [];
  /** Every credential header value received: signatures, tokens, bearer keys. None may appear in an error. */
  const received = new Set();

  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      for (const name of ["authorization", "scp-signature", "x-auth-token", "x-security-token"]) {
        const value = request.headers[name];
        if (typeof value === "string") received.add(value);
      }
      const verdict = check(request, body, runtimes);
      if (verdict.ok) {
        verified.push({ runtime: verdict.runtime, provider: verdict.provider });
        send(response, verdict.status, verdict.answer);
      } else {
        refused.push({ runtime: verdict.runtime, provider: verdict.provider, reason: verdict.reason });
        // The request's credential headers quoted back, as a gateway quoting its canonical request would.
        const quoted = Object.entries(request.headers)
          .map(([name, value]) => `${name}:${value}`)
          .join("\n");
        send(response, 401, verdict.refusal(`${verdict.reason}; received:\n${quoted}`));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    verified,
    refused,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * @param {import("node:http").IncomingMessage} request
 * @param {Buffer} body
 * @param {Map<string, { credentials: import("./smoke.mjs").Credentials, revokedApiKey: string }>} runtimes
 */
function check(request, body, runtimes) {
  const headers = request.headers;
  const authorization = headers.authorization ?? "";
  const entries = [...runtimes].map(([runtime, { credentials }]) => [runtime, credentials]);
  if (authorization.startsWith("Bearer ")) {
    const key = authorization.slice("Bearer ".length);
    const runtime = entries.find(([, credentials]) => credentials.siit.apiKey === key)?.[0];
    const revokedBy = [...runtimes].find(([, { revokedApiKey }]) => revokedApiKey === key)?.[0];
    const json = parseJson(body);
    return verdict(
      "siit",
      runtime ?? revokedBy,
      runtime ? undefined : revokedBy ? "revoked API key" : "unknown API key",
      201,
      {
        result: { uid: "i_8xK2mQ7rT4", provider: json.provider, external_id: json.external_id, instance_name: json.instance_name },
      },
      (message) => ({ error: message }),
    );
  }
  if (typeof headers["scp-signature"] === "string") {
    const accessKey = String(headers["scp-accesskey"]);
    const [runtime, credentials] = entries.find(([, c]) => c.scp.accessKey === accessKey) ?? [];
    const url = new URL(request.url ?? "", `http://${headers.host}`);
    const reason = !credentials
      ? "unknown access key"
      : headers["scp-clienttype"] !== "Openapi"
        ? "Scp-ClientType is not Openapi"
        : !fresh(Number(headers["scp-timestamp"]))
          ? "Scp-Timestamp is not within 15 minutes"
          : headers["x-auth-token"] !== credentials.scp.authToken
            ? "X-Auth-Token is not the session's token"
            : headers["scp-signature"] !== scpSignature(request, credentials.scp.secretKey)
              ? "Scp-Signature does not match"
              : undefined;
    return verdict("scp", runtime, reason, 200, { users: [{ user_id: url.searchParams.get("user_id") }], count: 1 }, (message) => ({
      code: "Unauthorized",
      message,
    }));
  }
  if (authorization.startsWith("SDK-HMAC-SHA256 ")) {
    const match = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
    const [runtime, credentials] = entries.find(([, c]) => c.huawei.ak === match?.[1]) ?? [];
    const signedNames = match?.[2]?.split(";") ?? [];
    const required = ["content-type", "host", "x-domain-id", "x-sdk-date", "x-security-token"];
    const reason = !match
      ? "malformed Authorization"
      : !credentials
        ? "unknown AK"
        : required.some((name) => !signedNames.includes(name))
          ? `SignedHeaders ${match[2]} leaves out one of ${required.join(";")}`
          : !fresh(sdkDateTime(String(headers["x-sdk-date"])))
            ? "X-Sdk-Date is not within 15 minutes"
            : headers["x-security-token"] !== credentials.huawei.securityToken || headers["x-domain-id"] !== credentials.huawei.domainId
              ? "X-Security-Token or X-Domain-Id is not the session's"
              : match[3] !== huaweiSignature(request, body, signedNames, credentials.huawei.sk)
                ? "verify aksk signature fail"
                : undefined;
    const json = parseJson(body);
    return verdict(
      "huawei",
      runtime,
      reason,
      201,
      { application_instance: { application_instance_id: "app-ins-a033c907016a59ae", name: json.name } },
      (message) => ({ error_code: "APIGW.0301", error_msg: message, request_id: "0b1e5f1e2c6d4a4f9c3e8d7a6b5c4d3e" }),
    );
  }
  return verdict("unknown", undefined, "no credentials", 0, undefined, (message) => ({ message }));
}

/**
 * @param {string} provider
 * @param {string | undefined} runtime
 * @param {string | undefined} reason why the request is refused; undefined when it checks out
 * @param {number} status
 * @param {unknown} answer
 * @param {(message: string) => unknown} refusal
 */
function verdict(provider, runtime, reason, status, answer, refusal) {
  return reason === undefined && runtime !== undefined
    ? { ok: /** @type {const} */ (true), provider, runtime, status, answer }
    : { ok: /** @type {const} */ (false), provider, runtime, reason: reason ?? "unknown runtime", refusal };
}

/** @param {number} time epoch milliseconds */
function fresh(time) {
  return Number.isFinite(time) && Math.abs(Date.now() - time) <= FIFTEEN_MINUTES;
}

/** `20261123T103000Z` → epoch milliseconds. */
function sdkDateTime(value) {
  const match = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value);
  return match ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`) : Number.NaN;
}

/** SCP: base64 HMAC-SHA256 of METHOD + the URL as received + timestamp + access key + account id + `Openapi`. */
function scpSignature(request, secretKey) {
  const headers = request.headers;
  const message = `${request.method}http://${headers.host}${request.url}${headers["scp-timestamp"]}${headers["scp-accesskey"]}${headers["scp-accountid"] ?? ""}Openapi`;
  return createHmac("sha256", secretKey).update(message, "utf8").digest("base64");
}

/** Huawei SDK-HMAC-SHA256, from Huawei Cloud's API signing guide. */
function huaweiSignature(request, body, signedNames, sk) {
  const url = new URL(request.url ?? "", "http://placeholder");
  const path = url.pathname
    .split("/")
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join("/");
  const query = [...url.searchParams]
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
    .join("&");
  const headerBlock = signedNames.map((name) => `${name}:${String(request.headers[name]).trim()}\n`).join("");
  const payloadHash = request.headers["x-sdk-content-sha256"] ?? createHash("sha256").update(body).digest("hex");
  const canonical = [request.method, path.endsWith("/") ? path : `${path}/`, query, headerBlock, signedNames.join(";"), payloadHash].join(
    "\n",
  );
  const stringToSign = `SDK-HMAC-SHA256\n${request.headers["x-sdk-date"]}\n${createHash("sha256").update(canonical).digest("hex")}`;
  return createHmac("sha256", sk).update(stringToSign).digest("hex");
}

/** Percent-encoding that keeps only A-Z a-z 0-9 - . _ ~ (encodeURIComponent also keeps ! ' ( ) *). */
function rfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** @param {Buffer} body */
function parseJson(body) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return {};
  }
}

/** @param {import("node:http").ServerResponse} response */
function send(response, status, body) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
