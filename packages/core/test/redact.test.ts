import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiError, createRedactor, NetworkError, REDACTED, ResponseParseError } from "../src/index.js";
import { secretValuesIn } from "../src/redact.js";

describe("createRedactor", () => {
  const redactor = createRedactor({ secretFields: ["x_pin"], secretValues: ["sk-live-123456", "abc"] });

  it("replaces secret fields at any depth, whatever their spelling, and leaves the rest alone", () => {
    const input = {
      name: "corp",
      identity_store_config: { bind_credential: "hunter2", bind_dn: "cn=admin" },
      tokens: [{ access_token: "at", refreshToken: "rt" }],
      "Api-Key": "k",
      x_pin: "1234",
      password: null,
    };
    expect(redactor.value(input)).toEqual({
      name: "corp",
      identity_store_config: { bind_credential: REDACTED, bind_dn: "cn=admin" },
      tokens: [{ access_token: REDACTED, refreshToken: REDACTED }],
      "Api-Key": REDACTED,
      x_pin: REDACTED,
      password: null,
    });
    expect(input.identity_store_config.bind_credential).toBe("hunter2"); // a copy, not in place
  });

  it("scrubs known secret values from any string, longest first; values under 4 characters are ignored", () => {
    expect(redactor.text("key sk-live-123456 and abc")).toBe(`key ${REDACTED} and abc`);
    expect(redactor.value({ note: "echo sk-live-123456" })).toEqual({ note: `echo ${REDACTED}` });
    expect(createRedactor({ secretValues: ["secret", "secret-long"] }).text("secret-long")).toBe(REDACTED);
  });

  it("replaces the string values of secret fields in JSON quoted in text, also when the text cuts the value off", () => {
    const withSpecFields = createRedactor({ secretFields: ["work_flow"] });
    expect(withSpecFields.text('{"user_id":"u-1","password":"Xq7#pL2v!9Rt","work_flow":"f3a9", "note" : "a \\"b\\""}')).toBe(
      `{"user_id":"u-1","password":"${REDACTED}","work_flow":"${REDACTED}", "note" : "a \\"b\\""}`,
    );
    expect(withSpecFields.text('answer: {"identity_store_id":"d-1","token":"eyJraWQiOiJmZUV4U0ox')).toBe(
      `answer: {"identity_store_id":"d-1","token":"${REDACTED}"`,
    );
    expect(withSpecFields.text('{"token": "a\\"b", "password": 5, "x": "token"}')).toBe(
      `{"token": "${REDACTED}", "password": 5, "x": "token"}`,
    );
    expect(createRedactor().text('{"work_flow":"f3a9"}')).toBe('{"work_flow":"f3a9"}');
  });

  it("redacts credential headers", () => {
    const headers = new Headers({
      Authorization: "Bearer x",
      "X-Auth-Token": "t",
      "Scp-Signature": "s",
      "X-Security-Token": "st",
      "Content-Type": "application/json",
    });
    expect(redactor.headers(headers)).toEqual({
      authorization: REDACTED,
      "x-auth-token": REDACTED,
      "scp-signature": REDACTED,
      "x-security-token": REDACTED,
      "content-type": "application/json",
    });
  });

  it("handles cycles", () => {
    const node: Record<string, unknown> = { name: "a" };
    node.self = node;
    expect(redactor.value(node)).toEqual({ name: "a", self: "[Circular]" });
  });

  it("finds the values of secret fields in a request body, so echoes of them are scrubbed too", () => {
    const body = { name: "x", identity_store_config: { bind_credential: "hunter2-pw", users_dn: "ou=u" }, extra: { pin: "9876" } };
    expect(secretValuesIn(body, ["pin"])).toEqual(["hunter2-pw", "9876"]);
    expect(redactor.with(secretValuesIn(body)).text('invalid bind_credential "hunter2-pw"')).toBe(`invalid bind_credential "${REDACTED}"`);
  });
});

describe("error output", () => {
  it("toJSON and util.inspect show the fields, Headers as objects, and a cause's name, message and code only", () => {
    const cause = Object.assign(new Error("socket hang up"), {
      code: "ECONNRESET",
      request: { headers: { authorization: "Bearer leak" } },
    });
    const error = new NetworkError("Test", "GET /x", new TypeError("fetch failed", { cause }));
    error.attempts = 2;
    error.retries = [{ attempt: 1, reason: "network error ECONNRESET", delayMs: 10 }];

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NetworkError",
      message: "Test API request GET /x failed before a response arrived: fetch failed (socket hang up)",
      operation: "GET /x",
      code: "ECONNRESET",
      attempts: 2,
      retries: [{ attempt: 1, reason: "network error ECONNRESET", delayMs: 10 }],
      cause: { name: "TypeError", message: "fetch failed", code: "ECONNRESET" },
    });
    const shown = inspect(error);
    expect(shown).toMatch(/^NetworkError: Test API request GET \/x failed/);
    expect(shown).toContain("attempts: 2");
    expect(shown).not.toContain("Bearer leak");
  });

  it("serialises ApiError headers and a ResponseParseError's snippet", () => {
    const apiError = new ApiError({
      provider: "T",
      operation: "GET /x",
      status: 500,
      statusText: "",
      body: { a: 1 },
      headers: new Headers({ "x-request-id": "r1" }),
    });
    expect(JSON.parse(JSON.stringify(apiError))).toMatchObject({ status: 500, body: { a: 1 }, headers: { "x-request-id": "r1" } });
    const parseError = new ResponseParseError({
      provider: "T",
      operation: "GET /x",
      status: 200,
      problem: "not-json",
      contentType: "text/html",
      snippet: "<p>",
    });
    expect(parseError.message).toBe('T API response 200 to GET /x is text/html, not JSON: "<p>"');
    expect(JSON.parse(JSON.stringify(parseError))).toMatchObject({ problem: "not-json", snippet: "<p>" });
  });
});
