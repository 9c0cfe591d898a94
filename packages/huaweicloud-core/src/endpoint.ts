import { ConfigurationError } from "@identity-clients/core";

/** Huawei Cloud clients take `endpoint` (the official SDKs' name for it) or the core's `baseUrl`: one, not both. */
export function checkEndpointOrBaseUrl(options: { endpoint?: unknown; baseUrl?: unknown }): void {
  if (options.endpoint !== undefined && options.baseUrl !== undefined) {
    throw new ConfigurationError("endpoint", "pass either `endpoint` or `baseUrl`, not both");
  }
}
