// A loopback `node:http` server that answers every operation of a spec with its documented success:
// the first 2xx status and its first JSON example (or no body where the spec documents none).
// Run as its own process (`fork("server.mjs", [provider])`), so the process being measured spends no CPU
// on answering; it sends `{ url }` over IPC once listening and exits when its parent disconnects.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleCalls, pathPattern } from "../../scripts/example-calls.mjs";
import { loadSpec } from "./providers.mjs";

// As OpenAPI matches paths: a concrete segment wins over a template (`/permission-sets/provisioning-status` is not
// `/permission-sets/{permission_set_id}`), so routes with fewer parameters are tried first.
const parameterCount = (path) => path.split("{").length - 1;

export function routesFor(spec) {
  const calls = exampleCalls(spec).sort((a, b) => parameterCount(a.path) - parameterCount(b.path));
  return calls.map((call) => {
    const body = call.hasJsonResponse ? Buffer.from(JSON.stringify(call.response)) : undefined;
    const headers = body
      ? { "content-type": "application/json", "content-length": String(body.byteLength) }
      : call.status === 204
        ? {}
        : { "content-length": "0" };
    return { method: call.method, pattern: pathPattern(call.path), status: call.status, headers, body };
  });
}

export async function startSpecServer(folder) {
  const routes = routesFor(loadSpec(folder));
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0];
      const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
      if (!route) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: `no operation ${req.method} ${path}` }));
        return;
      }
      res.writeHead(route.status, route.headers);
      res.end(route.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startSpecServer(process.argv[2]);
  process.send?.({ url: server.url });
  process.on("disconnect", () => void server.close().then(() => process.exit(0)));
}
