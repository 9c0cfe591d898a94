// Vitest global setup shared by every provider package: one Prism mock of the package's own spec
// (specs/<package folder name>/openapi.yaml) for the whole run, its URL provided as `prismUrl`. A package whose tests
// also need other providers' mocks (a demo across packages) names them in its vitest config,
// `test: { provide: { prismProviders: ["huaweicloud-identitycenter"] } }`; every mock's URL, its own included, is
// then provided as `prismUrls` (provider folder → URL).
import { basename } from "node:path";
import { startPrisms } from "./prism.mjs";

export default async function setup(project) {
  const own = basename(project.config.root);
  const extra = project.config.provide?.prismProviders ?? [];
  const providers = [own, ...extra.filter((provider) => provider !== own)];
  const { urls, stop } = await startPrisms(providers);
  project.provide("prismUrl", urls[own]);
  project.provide("prismUrls", urls);
  return stop;
}
