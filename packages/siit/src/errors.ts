import { ApiError } from "@identity-clients/core";
import type { components } from "./generated/openapi.js";
import { type RateLimit, readRateLimit } from "./rate-limit.js";

/** Siit's error body: `{ error, troubleshoot }`. */
export type SiitErrorBody = components["schemas"]["errors_object"];

/**
 * A non-2xx answer from the Siit API. `body` is the parsed `{ error, troubleshoot }` object when Siit
 * sent one (401 has no documented body), `detail` is its `error` text.
 */
export class SiitApiError extends ApiError<SiitErrorBody | string | undefined> {
  /** Siit's hint on how to fix the request, when it gave one. */
  get troubleshoot(): string | undefined {
    const body = this.body;
    return typeof body === "object" && typeof body.troubleshoot === "string" ? body.troubleshoot : undefined;
  }

  /** The rate-limit headers of the response; `resetAt` is set when the request was rate-limited. */
  get rateLimit(): RateLimit | undefined {
    return readRateLimit(this.headers);
  }
}
Object.defineProperty(SiitApiError.prototype, "name", { value: "SiitApiError", writable: true, configurable: true });
