import {
  type ApiClient,
  COMMON_OPTION_NAMES,
  type CommonClientOptions,
  createApiClient,
  readCredential,
  readOptions,
} from "@identity-clients/core";
import { SiitApiError, type SiitErrorBody } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { packageName, packageVersion } from "./generated/package.js";
import { bodylessResponses, secretFields } from "./generated/spec-facts.js";
import { readRateLimit } from "./rate-limit.js";

export const SIIT_BASE_URL = "https://api.siit.io";
export const SIIT_API_KEY_ENV = "SIIT_API_KEY";

export interface SiitClientOptions extends CommonClientOptions {
  /** A Siit API key. Defaults to the `SIIT_API_KEY` environment variable. Sent as `Authorization: Bearer`. */
  apiKey?: string;
}

/** The typed Siit client: openapi-fetch's `GET`/`POST`/`PUT` over the Siit paths, rejecting with `SiitApiError`. */
export type SiitClient = ApiClient<paths>;

export function createSiitClient(clientOptions?: SiitClientOptions): SiitClient {
  const options = readOptions<SiitClientOptions>(clientOptions, [...COMMON_OPTION_NAMES, "apiKey"]);
  const apiKey = readCredential("apiKey", options.apiKey, SIIT_API_KEY_ENV);
  const authorization = `Bearer ${apiKey}`;
  return createApiClient<paths, SiitErrorBody | string | undefined>(options, {
    name: "Siit",
    packageName,
    packageVersion,
    defaultBaseUrl: SIIT_BASE_URL,
    authenticate(request) {
      request.headers.set("Authorization", authorization);
    },
    describeError(body) {
      return { detail: isErrorBody(body) ? body.error : undefined };
    },
    createError: (init) => new SiitApiError(init),
    // Siit allows 60 requests a minute per key: calls of one client share a gate that holds them while the
    // window is used up (see the core's rate-limit-gate.ts). A rate-limited answer says when to come back in
    // X-SiitApi-Reset, which the core waits for; `Retry-After` wins when both are sent.
    readRateLimit(headers, now) {
      const rateLimit = readRateLimit(headers, now);
      return rateLimit && { limit: rateLimit.limit, remaining: rateLimit.remaining, resetAt: rateLimit.resetAt?.getTime() };
    },
    secretFields,
    bodylessResponses,
    secretValues: () => [apiKey],
  });
}

function isErrorBody(body: unknown): body is SiitErrorBody {
  return typeof body === "object" && body !== null && typeof (body as SiitErrorBody).error === "string";
}
