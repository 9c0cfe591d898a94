import { ConfigurationError } from "@identity-clients/core";

/** The published environment → region pairs of the IAM Identity Center endpoint. */
export const SCP_REGIONS = {
  s: ["kr-west1", "kr-east1"],
  g: ["kr-south1", "kr-south2", "kr-south3"],
  e: ["kr-west1", "kr-east1"],
} as const;

/** An SCP environment: `s`, `g` or `e`. */
export type ScpEnvironment = keyof typeof SCP_REGIONS;
/** A region of some environment, e.g. `kr-west1`. */
export type ScpRegion = (typeof SCP_REGIONS)[ScpEnvironment][number];

/** `https://iam-identity-center.{region}.{env}.samsungsdscloud.com` for a published pair. */
export function scpEndpoint(region: unknown, env: unknown): string {
  const environments = Object.keys(SCP_REGIONS) as ScpEnvironment[];
  if (typeof env !== "string" || !environments.includes(env as ScpEnvironment)) {
    throw new ConfigurationError("env", `expected one of ${environments.map((e) => JSON.stringify(e)).join(", ")}, got ${describe(env)}`);
  }
  const regions: readonly string[] = SCP_REGIONS[env as ScpEnvironment];
  if (typeof region !== "string" || !regions.includes(region)) {
    throw new ConfigurationError("region", `environment "${env}" has regions ${regions.join(", ")}; got ${describe(region)}`);
  }
  return `https://iam-identity-center.${region}.${env}.samsungsdscloud.com`;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : value === null ? "null" : typeof value;
}
