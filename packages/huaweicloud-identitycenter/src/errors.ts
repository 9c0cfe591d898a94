import { ApiError, type ApiErrorInit } from "@identity-clients/core";
import type { components } from "./generated/openapi.js";

/** The error body of IAM Identity Center and its API gateway: `{ error_code, error_msg, request_id }`. */
export type HuaweiCloudErrorBody = components["schemas"]["ErrorResponse"];
/** The 403 error body, which adds `encoded_authorization_message`. */
export type HuaweiCloudForbiddenErrorBody = components["schemas"]["ForbiddenErrorResponse"];

/** What `HuaweiCloudApiError#body` holds: the parsed error body, or the text of a non-JSON answer. */
export type HuaweiCloudApiErrorBody = HuaweiCloudErrorBody | HuaweiCloudForbiddenErrorBody | string | undefined;
type Body = HuaweiCloudApiErrorBody;

/** The API gateway's error code for a request whose AK/SK signature did not verify. */
export const SIGNATURE_MISMATCH_CODE = "APIGW.0301";

export const SIGNATURE_MISMATCH_HINT =
  "the request signature did not verify (APIGW.0301). Usual causes: the secret key (SK) does not belong to the access key (AK); " +
  "this machine's clock is more than 15 minutes off (X-Sdk-Date is UTC); or a proxy changed the path, query, body or a signed header. " +
  "The gateway's own message is in `errorMsg`";

/**
 * A non-2xx answer from IAM Identity Center (or its API gateway). `errorCode`, `errorMsg` and `requestId`
 * come from the body's `error_code`, `error_msg` and `request_id` (the request id falls back to the
 * `X-Request-Id` header). Secrets the gateway echoes (the security token in an `APIGW.0301` message) are
 * redacted by the core before the error is built.
 */
export class HuaweiCloudApiError extends ApiError<Body> {
  /** `error_code`, e.g. `IIC.404`, `IIC.1006` or, from the gateway, `APIGW.0301`. */
  get errorCode(): string | undefined {
    return this.code;
  }

  /** `error_msg` as the service sent it (with any echoed secret redacted). */
  get errorMsg(): string | undefined {
    const body = this.body;
    return typeof body === "object" && typeof body.error_msg === "string" ? body.error_msg : undefined;
  }

  /** `encoded_authorization_message` of a 403. */
  get encodedAuthorizationMessage(): string | undefined {
    const body = this.body;
    return typeof body === "object" && "encoded_authorization_message" in body ? body.encoded_authorization_message : undefined;
  }

  /** True for a 401 `APIGW.0301`: the signature did not verify (wrong SK or clock skew). */
  get isSignatureMismatch(): boolean {
    return this.code === SIGNATURE_MISMATCH_CODE;
  }
}
Object.defineProperty(HuaweiCloudApiError.prototype, "name", { value: "HuaweiCloudApiError", writable: true, configurable: true });

export function isErrorBody(body: unknown): body is HuaweiCloudErrorBody {
  return typeof body === "object" && body !== null && ("error_code" in body || "error_msg" in body);
}

export function describeHuaweiCloudError(body: unknown, response: Response): Pick<ApiErrorInit, "code" | "detail" | "requestId"> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (!isErrorBody(body)) return { requestId };
  const code = typeof body.error_code === "string" ? body.error_code : undefined;
  const message = typeof body.error_msg === "string" ? body.error_msg : undefined;
  return {
    code,
    detail: code === SIGNATURE_MISMATCH_CODE ? SIGNATURE_MISMATCH_HINT : message,
    requestId: (typeof body.request_id === "string" && body.request_id) || requestId,
  };
}

export function createHuaweiCloudError(init: ApiErrorInit<Body>): HuaweiCloudApiError {
  return new HuaweiCloudApiError(init);
}

/** IAM Identity Center's concurrency conflict: the request was rejected unapplied, so it is safe to send again. */
export const CONCURRENCY_CONFLICT_CODE = "IIC.1006";

export function isRetryableHuaweiCloudError(status: number, body: unknown): boolean {
  return status === 409 && isErrorBody(body) && body.error_code === CONCURRENCY_CONFLICT_CODE;
}
