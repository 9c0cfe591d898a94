// Starts and stops Prism mock servers for the specs. Used by each package's vitest global setup,
// `pnpm demo`, `pnpm smoke` and the runtime smoke. Prism answers from the spec's examples and validates every request against it.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const READY = /Prism is listening on (http:\/\/\S+)/;

export function specPath(provider) {
  return join(root, "specs", provider, "openapi.yaml");
}

function prismBin() {
  const packageJson = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(packageJson);
  return join(dirname(packageJson), typeof bin === "string" ? bin : bin.prism);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts `prism mock` for one provider's spec on a free loopback port and resolves once it is
 * listening. Rejects with Prism's own output when it exits early or is not ready in time.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startPrism(provider, { readyTimeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [prismBin(), "mock", specPath(provider), "-h", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  let output = "";
  const exited = new Promise((resolveExit) => child.once("exit", (code, signal) => resolveExit({ code, signal })));

  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Prism for specs/${provider}/openapi.yaml was not ready after ${readyTimeoutMs} ms. Output:\n${output}`));
    }, readyTimeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        child.stderr.off("data", onData);
        resolveUrl(match[1].replace(/\/$/, ""));
      }
    };
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start Prism for specs/${provider}/openapi.yaml: ${error.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Prism for specs/${provider}/openapi.yaml exited (code ${code}, signal ${signal}) before it was ready. Output:\n${output}`,
        ),
      );
    });
  });

  // Keep draining Prism's request log so it never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();

  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts one Prism mock per provider, all at once, and resolves once every one is listening. When any cannot start,
 * stops the ones that did and rejects with the first failure (in `providers` order).
 * @returns {Promise<{ urls: Record<string, string>, stop: () => Promise<void> }>} `urls`: provider folder → mock URL
 */
export async function startPrisms(providers, options) {
  const started = await Promise.allSettled(providers.map((provider) => startPrism(provider, options)));
  const mocks = started.filter((result) => result.status === "fulfilled").map((result) => result.value);
  const stop = async () => {
    await Promise.all(mocks.map((mock) => mock.stop()));
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { urls: Object.fromEntries(providers.map((provider, index) => [provider, started[index].value.url])), stop };
}
