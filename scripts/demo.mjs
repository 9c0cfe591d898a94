#!/usr/bin/env node
// `pnpm demo` (after `turbo run build`): starts a Prism mock for every spec, runs each package's
// examples/demo.mjs against its mock, and stops the mocks. No credentials or network needed. Each demo gets
// `{ baseUrl, mocks }`: its own mock's URL, and every mock's by provider folder (a demo across packages, such as
// Identity Store's onboarding with IAM Identity Center, reaches the other provider's mock there).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startPrisms } from "./prism.mjs";
import { listProviders } from "./providers.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const providers = listProviders().filter((provider) => existsSync(join(root, "packages", provider, "examples", "demo.mjs")));

let mocks;
try {
  mocks = await startPrisms(listProviders());
  const { urls } = mocks;
  for (const provider of providers) {
    const url = urls[provider];
    console.log(`\n=== ${provider}: examples/demo.mjs against the Prism mock at ${url}\n`);
    const { default: demo } = await import(pathToFileURL(join(root, "packages", provider, "examples", "demo.mjs")).href);
    await demo({ baseUrl: url, mocks: urls });
  }
  console.log(`\nDemo finished: ${providers.length} provider(s) against local Prism mocks.`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await mocks?.stop();
}
