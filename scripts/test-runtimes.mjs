#!/usr/bin/env node
// `pnpm test:runtimes` (after a build): the packages as users get them, in every server-side runtime they support.
//   1. pack every package and install the tarballs with npm into a fresh project outside the workspace;
//   2. start the verifier (scripts/runtimes/verifier.mjs: a node:http server in this process that recomputes each
//      provider's signature) and a Prism mock per provider;
//   3. run scripts/runtimes/smoke.mjs in each runtime, from that project: per provider one signed call the verifier
//      accepts and one typed error that must show no secret, then each provider's examples/demo.mjs against Prism.
// Runtimes: this machine's Node, Node 22 and 24, Bun and Deno (each runs the smoke from the project's node_modules),
// and workerd, Cloudflare Workers' runtime, which runs it as a Worker's `test` handler after esbuild bundles it the
// way wrangler does: once as today's Workers (nodejs_compat is on by default since compatibility date 2026-08-04)
// and once as a Worker without nodejs_compat (no node:* modules, no `process`, no `Buffer`).
// The runtimes come from their registry packages (scripts/runtimes/install.mjs), cached in .cache/runtimes/.
//
// `--only deno,workerd` runs some runtimes; `--keep` keeps the temporary project.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { installProject, packPackages, publishablePackages } from "./pack-smoke.mjs";
import { startPrisms } from "./prism.mjs";
import { installRuntime, RUNTIME_PACKAGES } from "./runtimes/install.mjs";
import { startVerifier } from "./runtimes/verifier.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MARKER = "runtime-smoke-report ";
const RUN_TIMEOUT_MS = 120_000;
// The newest compatibility date before nodejs_compat became the default: a Worker that never enabled it.
const WITHOUT_NODEJS_COMPAT_DATE = "2026-08-03";

/**
 * One runtime to run the smoke in. `nodeCrypto`: whether it has node:crypto (else the clients sign with Web Crypto);
 * the smoke reports it and the run fails when it differs, so each signing path is known to be the one tested.
 * @typedef {{ id: string, name: string, note?: string, runtime?: { spec: string, bin: string }, nodeCrypto: boolean,
 *   command(binary: string, project: string, entry: string, version: string): Promise<{ command: string, args: string[], cwd: string, env?: Record<string, string> }>,
 *   entry(configSource: string): string, version(binary: string): Promise<string> }} Runtime
 */

const script = (configSource) =>
  `import { smoke } from "./smoke.mjs";\nconst report = await smoke(${configSource});\nconsole.log(${JSON.stringify(MARKER)} + JSON.stringify(report));\n`;
const firstLine = async (binary, args) => (await capture(binary, args, {})).stdout.split("\n")[0]?.trim() ?? "";
/** "v22.23.3", "deno 2.9.6 (stable, ...)", "workerd 2026-11-17" → the version alone. */
const versionOf = async (binary) => (await firstLine(binary, ["--version"])).replace(/^(v|deno |workerd )/, "").replace(/ \(.*$/, "");

/** @type {Runtime[]} */
const RUNTIMES = [
  { ...nodeLike("node", "Node", undefined), note: "this machine's" },
  nodeLike("node22", "Node", RUNTIME_PACKAGES.node22),
  nodeLike("node24", "Node", RUNTIME_PACKAGES.node24),
  nodeLike("bun", "Bun", RUNTIME_PACKAGES.bun),
  {
    id: "deno",
    name: "Deno",
    note: "--allow-net=127.0.0.1 and read access to the project only",
    runtime: RUNTIME_PACKAGES.deno,
    nodeCrypto: true,
    entry: script,
    version: versionOf,
    // Least privilege: loopback only, read the project; no environment, no writes, no prompts.
    command: async (binary, project, entry) => ({
      command: binary,
      args: ["run", "--no-prompt", "--allow-net=127.0.0.1", `--allow-read=${project}`, entry],
      cwd: project,
      env: { DENO_DIR: join(project, ".deno"), DENO_NO_UPDATE_CHECK: "1" },
    }),
  },
  workerd("workerd", undefined),
  workerd("workerd-no-compat", WITHOUT_NODEJS_COMPAT_DATE),
];

/** @returns {Runtime} */
function nodeLike(id, name, runtime) {
  return {
    id,
    name,
    runtime,
    nodeCrypto: true,
    entry: script,
    version: versionOf,
    command: async (binary, project, entry) => ({ command: binary, args: [entry], cwd: project }),
  };
}

/**
 * A Worker whose `test` handler runs the smoke, bundled by esbuild as wrangler bundles a Worker (the `workerd` and
 * `worker` export conditions, ESM), run by `workerd test`. Outbound fetches may reach loopback only.
 * @param {string | undefined} compatibilityDate undefined: the newest date this workerd supports (nodejs_compat on)
 * @returns {Runtime}
 */
function workerd(id, compatibilityDate) {
  return {
    id,
    name: "workerd",
    note:
      compatibilityDate === undefined
        ? "a Worker with today's compatibility date: nodejs_compat on"
        : `a Worker with compatibility date ${compatibilityDate} and no flags: no nodejs_compat, so no node:*, process or Buffer`,
    runtime: RUNTIME_PACKAGES.workerd,
    nodeCrypto: compatibilityDate === undefined,
    entry: (configSource) =>
      `import { smoke } from "./smoke.mjs";\nexport default {\n  async test() {\n    const report = await smoke(${configSource});\n    console.log(${JSON.stringify(MARKER)} + JSON.stringify(report));\n  },\n};\n`,
    version: versionOf,
    async command(binary, project, entry, version) {
      const { build } = await import("esbuild");
      const bundle = entry.replace(/\.mjs$/, ".bundle.js");
      // No `external`: a static import of a node:* module fails the bundle, as it fails a Worker without nodejs_compat.
      await build({
        entryPoints: [join(project, entry)],
        outfile: join(project, bundle),
        bundle: true,
        format: "esm",
        platform: "neutral",
        conditions: ["workerd", "worker", "browser"],
        mainFields: ["module", "main"],
        logLevel: "error",
      });
      const date = compatibilityDate ?? version;
      const config = join(project, `${id}.capnp`);
      writeFileSync(
        config,
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smoke),
    (name = "loopback", network = (allow = ["local"])),
  ],
);
const smoke :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed ${JSON.stringify(bundle)})],
  compatibilityDate = ${JSON.stringify(date)},
  globalOutbound = "loopback",
);
`,
      );
      return { command: binary, args: ["test", config], cwd: project };
    },
  };
}

/** Runs a command to its end, collecting its output; rejects only when it cannot start. */
function capture(command, args, { cwd, env, timeoutMs = RUN_TIMEOUT_MS }) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, stdout, stderr });
    });
  });
}

/** Credentials for one runtime: public ids that name it, random secrets. */
function credentialsFor(id) {
  const secret = (label) => `${label}-${randomBytes(12).toString("base64url")}`;
  return {
    siit: { apiKey: secret("siit-key") },
    scp: { accessKey: `scp-ak-${id}`, secretKey: secret("scp-sk"), authToken: secret("scp-token") },
    huawei: {
      ak: `AK${id.toUpperCase().replace(/[^A-Z0-9]/g, "")}`,
      sk: secret("hw-sk"),
      securityToken: secret("hw-token"),
      domainId: "8c1eef3a241945f69c3d3a6b0252e783",
    },
  };
}

/** The same ids with other secrets: every call made with these is refused. */
function wrongCredentials(right) {
  const other = credentialsFor("x");
  return {
    siit: other.siit,
    scp: { ...right.scp, secretKey: other.scp.secretKey },
    huawei: { ...right.huawei, sk: other.huawei.sk },
  };
}

const REFUSALS = { siit: "revoked API key", scp: "Scp-Signature does not match", huawei: "verify aksk signature fail" };
const ECHOED = {
  siit: (data) => data?.result?.instance_name === "Figma (Okta production)",
  scp: (data) => data?.users?.[0]?.user_id === "jdoe lee/ü",
  huawei: (data) => data?.application_instance?.name === "Payroll — 給与",
};

/** Everything wrong with one runtime's run, judged from the verifier's records and the runtime's report. */
function problemsOf({ id, nodeCrypto }, report, verifier, secrets) {
  const problems = [];
  if (report.identityStoreLoads !== true) problems.push("@identity-clients/huaweicloud-identitystore did not load");
  if (report.nodeCrypto !== nodeCrypto) problems.push(`node:crypto is ${report.nodeCrypto ? "" : "not "}there, expected the opposite`);
  for (const provider of ["siit", "scp", "huawei"]) {
    const accepted = verifier.verified.filter((entry) => entry.runtime === id && entry.provider === provider).length;
    if (accepted !== 1) problems.push(`${provider}: the verifier accepted ${accepted} signed request(s), expected 1`);
    const refusals = verifier.refused.filter((entry) => entry.runtime === id && entry.provider === provider);
    if (refusals.length !== 1 || refusals[0].reason !== REFUSALS[provider]) {
      problems.push(
        `${provider}: the verifier refused ${JSON.stringify(refusals.map((entry) => entry.reason))}, expected ["${REFUSALS[provider]}"]`,
      );
    }
    if (!ECHOED[provider](report.signed[provider])) problems.push(`${provider}: the answer to the signed call did not come back intact`);
    const error = report.errors[provider];
    if (error?.status !== 401) problems.push(`${provider}: the typed error has status ${error?.status}, expected 401`);
    for (const [where, text] of Object.entries(error ?? {})) {
      if (typeof text !== "string") continue;
      for (const [what, value] of secrets) if (text.includes(value)) problems.push(`${provider}: the error's ${where} shows ${what}`);
    }
  }
  if (report.errors.huawei?.code !== "APIGW.0301") problems.push(`huawei: error code ${report.errors.huawei?.code}, expected APIGW.0301`);
  const demos = Object.keys(report.demos);
  if (demos.length !== 3) problems.push(`ran ${demos.length} demo(s) (${demos.join(", ")}), expected 3`);
  return problems;
}

/** Named secrets of a run: the runtime's keys and tokens (right and wrong), and every credential the verifier has received. */
function secretsOf(right, wrong, received) {
  const named = [
    ["the Siit API key", right.siit.apiKey],
    ["the wrong Siit API key", wrong.siit.apiKey],
    ["the SCP secret key", right.scp.secretKey],
    ["the wrong SCP secret key", wrong.scp.secretKey],
    ["the SCP auth token", right.scp.authToken],
    ["the Huawei SK", right.huawei.sk],
    ["the wrong Huawei SK", wrong.huawei.sk],
    ["the Huawei security token", right.huawei.securityToken],
  ];
  for (const value of received) {
    const signature = /Signature=([0-9a-f]{64})$/.exec(value)?.[1];
    named.push(["a credential header sent (signature or token)", signature ?? value.replace(/^Bearer /, "")]);
  }
  return named;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const started = Date.now();
  const keep = process.argv.includes("--keep");
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt === -1 ? undefined : new Set(process.argv[onlyAt + 1]?.split(","));
  const runtimes = RUNTIMES.filter((runtime) => only === undefined || only.has(runtime.id));
  if (runtimes.length === 0)
    throw new Error(`--only: no runtime named ${[...(only ?? [])].join(", ")}; known: ${RUNTIMES.map((runtime) => runtime.id).join(", ")}`);

  // Downloads (first run only) and the Prism mocks start in their own processes while the packages are packed and
  // installed. That is synchronous (pack-smoke's helpers), so the mocks' readiness is only read afterwards: their ready
  // timeout is long enough not to fire in the meantime.
  const publishable = publishablePackages();
  const providers = publishable.filter(({ dir }) => existsSync(join(dir, "examples", "demo.mjs")));
  const mocks = startPrisms(
    providers.map(({ folder }) => folder),
    { readyTimeoutMs: 300_000 },
  );
  mocks.catch(() => undefined);
  const binaries = new Map();
  const installs = Promise.all(
    [...new Set(runtimes.map((runtime) => runtime.runtime))].map(async (runtime) =>
      binaries.set(runtime, runtime ? await installRuntime(runtime) : process.execPath),
    ),
  );
  installs.catch(() => undefined);
  const work = mkdtempSync(join(tmpdir(), "identity-clients-runtimes-"));
  const credentials = new Map(
    runtimes.map((runtime) => {
      const right = credentialsFor(runtime.id);
      return [runtime.id, { right, wrong: wrongCredentials(right) }];
    }),
  );
  const verifier = await startVerifier(
    new Map([...credentials].map(([id, { right, wrong }]) => [id, { credentials: right, revokedApiKey: wrong.siit.apiKey }])),
  );
  let failed = 0;
  try {
    const tarballs = join(work, "tarballs");
    mkdirSync(tarballs);
    const packed = packPackages(publishable, tarballs, { quiet: true });
    const project = join(work, "project");
    installProject(
      project,
      Object.fromEntries(packed.map(({ manifest, tarball }) => [manifest.name, `file:${tarball}`])),
      {},
      { quiet: true },
    );
    mkdirSync(join(project, "demos"));
    copyFileSync(join(root, "scripts", "runtimes", "smoke.mjs"), join(project, "smoke.mjs"));
    for (const { folder } of providers)
      copyFileSync(join(root, "packages", folder, "examples", "demo.mjs"), join(project, "demos", `${folder}.mjs`));
    console.log(`runtimes: ${packed.length} packages packed and installed with npm into ${project} (${seconds(Date.now() - started)})`);

    const { urls: prismUrls } = await mocks;
    await installs;
    console.log(`runtimes: Prism mocks up and runtimes ready (${seconds(Date.now() - started)})`);

    for (const runtime of runtimes) {
      const runStarted = Date.now();
      const binary = binaries.get(runtime.runtime);
      const { right, wrong } = credentials.get(runtime.id);
      const entry = `run-${runtime.id}.mjs`;
      writeFileSync(
        join(project, entry),
        runtime.entry(JSON.stringify({ verifierUrl: verifier.url, credentials: right, wrong, prism: prismUrls })),
      );
      const version = await runtime.version(binary);
      const { command, args, cwd, env } = await runtime.command(binary, project, entry, version);
      const result = await capture(command, args, { cwd, env });
      const reportLine = `${result.stdout}\n${result.stderr}`.split("\n").find((line) => line.startsWith(MARKER));
      const report = reportLine ? JSON.parse(reportLine.slice(MARKER.length)) : undefined;
      const problems =
        result.code !== 0 || !report
          ? [`exited with ${result.signal ?? `code ${result.code}`}${report ? "" : " and no report"}`]
          : problemsOf(runtime, report, verifier, secretsOf(right, wrong, verifier.received));
      const took = seconds(Date.now() - runStarted);
      const label = `${runtime.name} ${version}${runtime.note ? ` (${runtime.note})` : ""}`;
      if (problems.length === 0) {
        const signing = runtime.nodeCrypto ? "node:crypto" : "Web Crypto";
        console.log(
          `runtimes: ${label}: 3 signed calls verified server-side (${signing}), 3 typed errors showing no secret, 3 demos (${took})`,
        );
      } else {
        failed += 1;
        console.error(`runtimes: ${label}: FAILED (${took})\n  ${problems.join("\n  ")}`);
        const output = `${result.stdout}${result.stderr}`
          .split("\n")
          .filter((line) => !line.startsWith(MARKER))
          .join("\n");
        console.error(`--- its output (${report ? "the report left out" : "no report"})\n${output.slice(-4000)}\n---`);
      }
    }
  } finally {
    await verifier.close();
    // Stops the mocks once they are up (a failed start stopped its own).
    await mocks.then(
      (started) => started.stop(),
      () => undefined,
    );
    if (keep) console.log(`runtimes: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const total = seconds(Date.now() - started);
  if (failed > 0) throw new Error(`runtimes: ${failed} of ${runtimes.length} runtime(s) failed (${total})`);
  console.log(`runtimes: all ${runtimes.length} pass (${total})`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
