import { ConfigurationError } from "@identity-clients/core";

/** The regions the official SDK knows for Identity Store (`identitycenterstore`); there is no global endpoint. */
export const HUAWEICLOUD_IDENTITYSTORE_REGIONS = [
  "af-north-1",
  "af-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "cn-east-3",
  "cn-north-4",
  "cn-south-1",
  "cn-south-4",
  "cn-southwest-2",
  "la-north-2",
  "la-south-2",
  "me-east-1",
  "sa-brazil-1",
  "tr-west-1",
] as const;

/** A region of Identity Store, e.g. `ap-southeast-1`. */
export type HuaweiCloudIdentityStoreRegion = (typeof HUAWEICLOUD_IDENTITYSTORE_REGIONS)[number];

/** `https://identitystore.{region}.myhuaweicloud.com` for a known region; a `ConfigurationError` naming `region` otherwise. */
export function identityStoreEndpoint(region: unknown): string {
  const regions: readonly string[] = HUAWEICLOUD_IDENTITYSTORE_REGIONS;
  if (typeof region !== "string" || !regions.includes(region)) {
    const got = typeof region === "string" ? JSON.stringify(region) : region === null ? "null" : typeof region;
    throw new ConfigurationError(
      "region",
      `expected one of the regions Identity Store is offered in (${regions.join(", ")}), got ${got}; for another endpoint pass \`endpoint\``,
    );
  }
  return `https://identitystore.${region}.myhuaweicloud.com`;
}
