import { ApiError, type ApiErrorInit } from "@identity-clients/core";

/**
 * A Huawei Cloud error body. IAM Identity Center, Identity Store and the API gateway send
 * `{ error_code, error_msg, request_id }` (403 adds `encoded_authorization_message`); other Huawei Cloud services
 * send `{ code, message }` or `{ error: { code, message } }`. The official SDKs read all three, and so does
 * {@link HuaweiCloudApiError}.
 */
export interface HuaweiCloudErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  encoded_authorization_message?: string;
  code?: string;
  message?: string;
  error?: { code?: string; message?: string; encoded_authorization_message?: string };
}

/** What `HuaweiCloudApiError#body` holds: the parsed error body, or the text of a non-JSON answer. */
export type HuaweiCloudApiErrorBody = HuaweiCloudErrorBody | string | undefined;
type Body = HuaweiCloudApiErrorBody;

/** The API gateway's error code for a request whose AK/SK signature did not verify. */
export const SIGNATURE_MISMATCH_CODE = "APIGW.0301";

const SIGNATURE_MISMATCH_HINT =
  "the request signature did not verify (APIGW.0301). Usual causes: the secret key (SK) does not belong to the access key (AK); " +
  "this machine's clock is more than 15 minutes off (X-Sdk-Date is UTC); or a proxy changed the path, query, body or a signed header. " +
  "The gateway's own message is in `errorMsg`";

/** The code, message and extras of an error body, whichever of the three shapes it has. */
interface ReadErrorBody {
  code: string | undefined;
  message: string | undefined;
  requestId: string | undefined;
  encodedAuthorizationMessage: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * Reads `{ error_code, error_msg }`, else `{ code, message }`, else `{ error: { code, message } }` (the first shape
 * with a code or a message wins); `request_id` and `encoded_authorization_message` at the top or inside `error`.
 */
function readErrorBody(body: unknown): ReadErrorBody {
  const none = { code: undefined, message: undefined, requestId: undefined, encodedAuthorizationMessage: undefined };
  if (typeof body !== "object" || body === null || Array.isArray(body)) return none;
  const top = body as Record<string, unknown>;
  const nested = typeof top.error === "object" && top.error !== null ? (top.error as Record<string, unknown>) : {};
  const shapes: [unknown, unknown][] = [
    [top.error_code, top.error_msg],
    [top.code, top.message],
    [nested.code, nested.message],
  ];
  const [code, message] = shapes.map(([c, m]) => [text(c), text(m)]).find(([c, m]) => c !== undefined || m !== undefined) ?? [];
  return {
    code,
    message,
    requestId: text(top.request_id) ?? text(nested.request_id),
    encodedAuthorizationMessage: text(top.encoded_authorization_message) ?? text(nested.encoded_authorization_message),
  };
}

/**
 * A non-2xx answer from a Huawei Cloud service (or its API gateway). `errorCode` and `errorMsg` come from the
 * body's `error_code`/`error_msg` (or `code`/`message`, or `error.code`/`error.message`); `requestId` from its
 * `request_id`, else the `X-Request-Id` header. Secrets the gateway echoes (the security token in an `APIGW.0301`
 * message) are redacted by the core before the error is built. One class for every Huawei Cloud package, so
 * `instanceof` works whichever client threw it.
 */
export class HuaweiCloudApiError extends ApiError<Body> {
  /** The error code, e.g. `IIC.404`, `IIC.1006` or, from the gateway, `APIGW.0301`. */
  get errorCode(): string | undefined {
    return this.code;
  }

  /** The service's message (`error_msg`, `message` or `error.message`) as sent, with any echoed secret redacted. */
  get errorMsg(): string | undefined {
    return readErrorBody(this.body).message;
  }

  /** `encoded_authorization_message` of a 403. */
  get encodedAuthorizationMessage(): string | undefined {
    return readErrorBody(this.body).encodedAuthorizationMessage;
  }

  /** True for a 401 `APIGW.0301`: the signature did not verify (wrong SK or clock skew). */
  get isSignatureMismatch(): boolean {
    return this.code === SIGNATURE_MISMATCH_CODE;
  }
}
Object.defineProperty(HuaweiCloudApiError.prototype, "name", { value: "HuaweiCloudApiError", writable: true, configurable: true });

/** The core's `describeError` for Huawei Cloud: code, message (a hint for `APIGW.0301`) and request id. */
export function describeHuaweiCloudError(body: unknown, response: Response): Pick<ApiErrorInit, "code" | "detail" | "requestId"> {
  const { code, message, requestId } = readErrorBody(body);
  return {
    code,
    detail: code === SIGNATURE_MISMATCH_CODE ? SIGNATURE_MISMATCH_HINT : message,
    requestId: requestId ?? response.headers.get("x-request-id") ?? undefined,
  };
}

export function createHuaweiCloudError(init: ApiErrorInit<Body>): HuaweiCloudApiError {
  return new HuaweiCloudApiError(init);
}

/** IAM Identity Center's (and Identity Store's) concurrency conflict: the request was rejected unapplied, so it is safe to send again. */
export const CONCURRENCY_CONFLICT_CODE = "IIC.1006";

/** The core's `isRetryable` for Huawei Cloud: a 409 `IIC.1006`, whatever the method. */
export function isRetryableHuaweiCloudError(status: number, body: unknown): boolean {
  return status === 409 && readErrorBody(body).code === CONCURRENCY_CONFLICT_CODE;
}
