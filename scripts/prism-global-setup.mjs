// Vitest global setup shared by every provider package: one Prism mock of the package's own spec
// (specs/<package folder name>/openapi.yaml) for the whole run, its URL provided as `prismUrl`. A package whose tests
// also need other providers' mocks (a demo across packages) names them in its vitest config,
// `test: { provide: { prismProviders: ["huaweicloud-identitycenter"] } }`; every mock's URL, its own included, is
// then provided as `prismUrls` (provider folder → URL).
import { basename } from "node:path";
import { startPrism } from "./prism.mjs";

export default async function setup(project) {
  const own = basename(project.config.root);
  const extra = project.config.provide?.prismProviders ?? [];
  const providers = [own, ...extra.filter((provider) => provider !== own)];
  const started = await Promise.allSettled(providers.map((provider) => startPrism(provider)));
  const mocks = started.filter((result) => result.status === "fulfilled").map((result) => result.value);
  const stop = () => Promise.all(mocks.map((mock) => mock.stop()));
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const urls = Object.fromEntries(providers.map((provider, index) => [provider, started[index].value.url]));
  project.provide("prismUrl", urls[own]);
  project.provide("prismUrls", urls);
  return stop;
}
