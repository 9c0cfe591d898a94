// The pipeline promise: a spec change reruns exactly its provider's generate/build/test. Asks turbo
// itself (a dry run, nothing executed) which files each task hashes.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { listProviders } from "../providers.mjs";
import { providersWithFacts } from "../sdk-facts.mjs";

const root = join(import.meta.dirname, "..", "..");
const turboBin = createRequire(join(root, "package.json")).resolve("turbo/bin/turbo");

interface DryTask {
  taskId: string;
  package: string;
  task: string;
  inputs: Record<string, string>;
}

/** Per package folder: the other providers whose Prism mocks its vitest config asks for (`provide.prismProviders`). */
const prismProvidersOf: Record<string, string[]> = {};
beforeAll(async () => {
  for (const folder of readdirSync(join(root, "packages"))) {
    const config = join(root, "packages", folder, "vitest.config.ts");
    if (!existsSync(config)) continue;
    const { default: resolved } = (await import(config)) as { default: { test?: { provide?: { prismProviders?: string[] } } } };
    prismProvidersOf[folder] = resolved.test?.provide?.prismProviders ?? [];
  }
});

let tasks: DryTask[];
// One turbo dry run (a native binary hashing the workspace): about a second; the budget allows for a loaded machine.
beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [turboBin, "run", "generate", "build", "typecheck", "test", "--dry=json"],
    {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  tasks = (JSON.parse(stdout) as { tasks: DryTask[] }).tasks;
}, 60_000);

function inputsOf(taskId: string): string[] {
  const task = tasks.find((t) => t.taskId === taskId);
  if (!task) throw new Error(`turbo has no task ${taskId}`);
  return Object.keys(task.inputs);
}

const specFile = (provider: string) => `../../specs/${provider}/openapi.yaml`;

it("the scripts' tests hash every spec and sdk-facts.json, so a spec edit reruns the SDK-facts check", () => {
  const inputs = inputsOf("@identity-clients/scripts#test");
  for (const provider of listProviders()) expect(inputs).toContain(`../specs/${provider}/openapi.yaml`);
  for (const provider of providersWithFacts()) expect(inputs).toContain(`../specs/${provider}/sdk-facts.json`);
});

describe.each(listProviders())("turbo inputs for %s", (provider) => {
  const pkg = `@identity-clients/${provider}`;

  it("generate hashes its spec, the codegen script and package.json", () => {
    expect(inputsOf(`${pkg}#generate`)).toEqual(expect.arrayContaining([specFile(provider), "../../scripts/generate.mjs", "package.json"]));
  });

  it("test hashes its spec (Prism serves it), its sources and its tests", () => {
    const inputs = inputsOf(`${pkg}#test`);
    expect(inputs).toContain(specFile(provider));
    expect(inputs.some((path) => path.startsWith("src/"))).toBe(true);
    expect(inputs.some((path) => path.startsWith("test/"))).toBe(true);
  });

  it("no other package's task hashes its spec, except the scripts' tests (the SDK-facts check reads every spec) and the tests of packages that mock it too", () => {
    const others = tasks.filter(
      (t) => t.package !== pkg && Object.keys(t.inputs).some((path) => path.endsWith(`specs/${provider}/openapi.yaml`)),
    );
    const mockingIt = Object.entries(prismProvidersOf)
      .filter(([, providers]) => providers.includes(provider))
      .map(([name]) => `@identity-clients/${name}#test`);
    expect(others.map((t) => t.taskId).sort()).toEqual(["@identity-clients/scripts#test", ...mockingIt].sort());
  });

  it("the tests of a package that starts this provider's mock too (prismProviders in its vitest config) hash its spec", () => {
    for (const [name, providers] of Object.entries(prismProvidersOf)) {
      if (providers.includes(provider)) expect(inputsOf(`@identity-clients/${name}#test`)).toContain(specFile(provider));
    }
  });
});
