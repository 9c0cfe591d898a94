import { describe, expect, it } from "vitest";
import {
  createHuaweiCloudError,
  describeHuaweiCloudError,
  HuaweiCloudApiError,
  type HuaweiCloudApiErrorBody,
  isRetryableHuaweiCloudError,
} from "../src/index.js";

const response = (headers: Record<string, string> = {}) => new Response(null, { status: 404, headers });

/** The error the core would build from this body and response. */
function errorFor(body: HuaweiCloudApiErrorBody, status = 404, headers: Record<string, string> = {}) {
  const described = describeHuaweiCloudError(body, response(headers));
  return createHuaweiCloudError({
    provider: "Huawei Cloud Test",
    operation: "GET /v1/things/{id}",
    status,
    statusText: "",
    body,
    headers: new Headers(headers),
    ...described,
  });
}

describe("HuaweiCloudApiError reads the three error bodies the official SDKs read", () => {
  it.each([
    ["{ error_code, error_msg, request_id }", { error_code: "IIC.404", error_msg: "Not found.", request_id: "r-1" }, "r-1"],
    ["{ code, message }", { code: "IIC.404", message: "Not found." }, "hdr-1"],
    ["{ error: { code, message } }", { error: { code: "IIC.404", message: "Not found." } }, "hdr-1"],
  ])("%s", (_shape, body, requestId) => {
    const error = errorFor(body, 404, { "X-Request-Id": "hdr-1" });

    expect(error).toBeInstanceOf(HuaweiCloudApiError);
    expect(error).toMatchObject({ errorCode: "IIC.404", code: "IIC.404", errorMsg: "Not found.", detail: "Not found.", requestId });
    expect(error.message).toBe(`Huawei Cloud Test API error 404 on GET /v1/things/{id} [IIC.404]: Not found. (request id ${requestId})`);
  });

  it("prefers error_code/error_msg, then code/message, then the nested error", () => {
    const all = { error_code: "A", error_msg: "a", code: "B", message: "b", error: { code: "C", message: "c" } };
    expect(errorFor(all).errorCode).toBe("A");
    expect(errorFor({ code: "B", message: "b", error: { code: "C", message: "c" } }).errorMsg).toBe("b");
    expect(errorFor({ error: { code: "C", message: "c" } }).errorMsg).toBe("c");
  });

  it("reads encoded_authorization_message at the top or inside error", () => {
    expect(
      errorFor({ error_code: "IIC.1000", error_msg: "no", encoded_authorization_message: "enc-1" }, 403).encodedAuthorizationMessage,
    ).toBe("enc-1");
    expect(
      errorFor({ error: { code: "IIC.1000", message: "no", encoded_authorization_message: "enc-2" } }, 403).encodedAuthorizationMessage,
    ).toBe("enc-2");
  });

  it("takes the request id from X-Request-Id when the body has none or an empty one", () => {
    expect(errorFor({ error_code: "IIC.404", error_msg: "x", request_id: "" }, 404, { "x-request-id": "hdr-2" }).requestId).toBe("hdr-2");
    expect(errorFor("Bad Gateway", 502, { "x-request-id": "gw-7" })).toMatchObject({
      requestId: "gw-7",
      errorCode: undefined,
      errorMsg: undefined,
    });
    expect(errorFor(undefined, 502)).toMatchObject({ requestId: undefined, errorCode: undefined });
  });

  it("ignores values that are not strings", () => {
    const body = { error_code: 404, error_msg: ["x"] } as unknown as HuaweiCloudApiErrorBody;
    expect(errorFor(body)).toMatchObject({ errorCode: undefined, errorMsg: undefined });
  });

  it("explains APIGW.0301 in the message and keeps the gateway's own message in errorMsg", () => {
    const error = errorFor({ error_code: "APIGW.0301", error_msg: "verify aksk signature fail", request_id: "r" }, 401);
    expect(error.isSignatureMismatch).toBe(true);
    expect(error.message).toContain("the request signature did not verify (APIGW.0301)");
    expect(error.errorMsg).toBe("verify aksk signature fail");
  });

  it("has its own name, also after minification", () => {
    expect(errorFor({}).name).toBe("HuaweiCloudApiError");
  });
});

describe("isRetryableHuaweiCloudError", () => {
  it("retries a 409 IIC.1006 in any of the three shapes, and nothing else", () => {
    expect(isRetryableHuaweiCloudError(409, { error_code: "IIC.1006", error_msg: "conflict" })).toBe(true);
    expect(isRetryableHuaweiCloudError(409, { code: "IIC.1006", message: "conflict" })).toBe(true);
    expect(isRetryableHuaweiCloudError(409, { error: { code: "IIC.1006", message: "conflict" } })).toBe(true);
    expect(isRetryableHuaweiCloudError(409, { error_code: "IIC.1007", error_msg: "exists" })).toBe(false);
    expect(isRetryableHuaweiCloudError(400, { error_code: "IIC.1006", error_msg: "conflict" })).toBe(false);
    expect(isRetryableHuaweiCloudError(409, "IIC.1006")).toBe(false);
  });
});
