#!/usr/bin/env node
// Per-request overhead of one provider's client against a bare `fetch` to the same loopback server.
// `node bench/comparisons/overhead.mjs <provider> [--out file]`
//
// Every side sends every operation of the spec in turn, one request at a time, with the spec's example
// arguments, and reads the whole answer. The baseline (`fetch`) builds the same URL, headers and JSON body by
// hand and sends them unsigned; the client is typed, signs (SCP, Huawei) and has its default retries and
// timeouts on. In between, bare openapi-fetch (what the client is built on: same unsigned headers, no retries,
// no timeouts) shows how much of the overhead is the library's. Batches of the sides rotate, so drift hits them
// alike. (No forced GC between batches: on Node 20 a forced full GC makes the next calls markedly slower, the
// more so the more code a call runs, which would overstate the client's overhead.)
import { deepStrictEqual } from "node:assert";
import { performance } from "node:perf_hooks";
import createOpenApiFetch from "openapi-fetch";
import { exampleCalls, expandPath, queryString } from "../../scripts/example-calls.mjs";
import { forkSpecServer, log, scaled, writeResult } from "../lib/measure.mjs";
import { loadSpec, provider as providerOf } from "../lib/providers.mjs";
import { median, ratio, summarize } from "../lib/stats.mjs";

const folder = process.argv[2];
const provider = providerOf(folder);
const calls = exampleCalls(loadSpec(folder));
const server = await forkSpecServer(folder);

const { [provider.factory]: createClient } = await import(provider.packageName);
const client = createClient(provider.options(server.url));

/** What a careful hand-written caller does: build the request, send it, check the status, read the body. */
async function viaFetch(call) {
  const url = `${server.url}${expandPath(call.path, call.params.path)}${queryString(call.params.query)}`;
  const headers = provider.rawHeaders();
  const init = { method: call.method, headers };
  if (call.hasBody) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(call.body);
  }
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${call.method} ${url}: ${response.status}`);
  if (call.hasJsonResponse) return response.json();
  await response.arrayBuffer();
  return undefined;
}

const clientInits = calls.map((call) => {
  const params = {};
  if (Object.keys(call.params.path).length > 0) params.path = call.params.path;
  if (Object.keys(call.params.query).length > 0) params.query = call.params.query;
  const init = {};
  if (Object.keys(params).length > 0) init.params = params;
  if (call.hasBody) init.body = call.body;
  return init;
});

const bare = createOpenApiFetch({ baseUrl: server.url });
async function viaOpenApiFetch(call, index) {
  const { data, error, response } = await bare.request(call.method.toLowerCase(), call.path, {
    ...clientInits[index],
    headers: provider.rawHeaders(),
  });
  if (error !== undefined || !response.ok) throw new Error(`openapi-fetch ${call.operationId}: ${response.status}`);
  return data;
}

async function viaClient(call, index) {
  const { data } = await client[call.method](call.path, clientInits[index]);
  return data;
}

// Both sides get the documented answer for every operation before anything is timed.
for (const [index, call] of calls.entries()) {
  const expected = call.hasJsonResponse ? call.response : undefined;
  deepStrictEqual(await viaFetch(call), expected, `fetch ${call.operationId}`);
  deepStrictEqual(await viaClient(call, index), expected, `client ${call.operationId}`);
  const bareData = await viaOpenApiFetch(call, index);
  deepStrictEqual(call.hasJsonResponse ? bareData : undefined, expected, `openapi-fetch ${call.operationId}`);
}

const sides = { fetch: viaFetch, openapiFetch: viaOpenApiFetch, client: viaClient };
const samples = { fetch: [], openapiFetch: [], client: [] };
const busyMs = { fetch: 0, openapiFetch: 0, client: 0 };
let next = 0;

async function batch(side, size, record) {
  const send = sides[side];
  const started = performance.now();
  for (let i = 0; i < size; i++) {
    const index = (next + i) % calls.length;
    const t0 = performance.now();
    await send(calls[index], index);
    if (record) samples[side].push(performance.now() - t0);
  }
  if (record) busyMs[side] += performance.now() - started;
}

const warmupBatches = scaled(10, 2);
const rounds = scaled(100, 4);
const batchSize = 100;
log(
  `overhead ${folder}: ${calls.length} operations, ${warmupBatches} warm-up and ${rounds} measured rounds of ${batchSize} requests per side`,
);
const names = Object.keys(sides);
for (let round = 0; round < warmupBatches; round++) for (const side of names) await batch(side, batchSize, false);
for (let round = 0; round < rounds; round++) {
  // Rotate which side goes first, and move through the operations so every side sends the same mix.
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const side of order) await batch(side, batchSize, true);
  next = (next + batchSize) % calls.length;
}
await server.stop();

// The same calls with no network at all: a `fetch` that answers from memory, given to our client and to bare
// openapi-fetch. What is left is each one's own CPU time per call (building, signing, checking, parsing).
const answers = calls.map((call) => (call.hasJsonResponse ? JSON.stringify(call.response) : null));
let answering = 0;
async function inMemoryFetch(request) {
  if (request.body !== null) await request.arrayBuffer();
  const body = answers[answering];
  return new Response(body, { status: calls[answering].status, headers: body === null ? {} : { "content-type": "application/json" } });
}
const offlineClient = createClient({ ...provider.options("http://127.0.0.1:9"), fetch: inMemoryFetch });
const offlineBare = createOpenApiFetch({ baseUrl: "http://127.0.0.1:9", fetch: inMemoryFetch });
const offline = {
  openapiFetch: async (index) =>
    (
      await offlineBare.request(calls[index].method.toLowerCase(), calls[index].path, {
        ...clientInits[index],
        headers: provider.rawHeaders(),
      })
    ).data,
  client: async (index) => (await offlineClient[calls[index].method](calls[index].path, clientInits[index])).data,
};
const cpuSamples = { openapiFetch: [], client: [] };
for (let round = 0; round < warmupBatches + rounds; round++) {
  for (const name of round % 2 === 0 ? ["openapiFetch", "client"] : ["client", "openapiFetch"]) {
    const started = performance.now();
    for (let i = 0; i < batchSize; i++) {
      answering = (next + i) % calls.length;
      await offline[name](answering);
    }
    if (round >= warmupBatches) cpuSamples[name].push((performance.now() - started) / batchSize);
  }
  next = (next + batchSize) % calls.length;
}

const side = (name) => {
  const stats = summarize(samples[name]);
  return {
    medianMs: stats.median,
    p99Ms: stats.p99,
    meanMs: stats.mean,
    requestsPerSecond: Math.round((samples[name].length / busyMs[name]) * 1000),
  };
};
const result = { fetch: side("fetch"), openapiFetch: side("openapiFetch"), client: side("client") };
const ratios = (name) => ({
  median: ratio(result[name].medianMs, result.fetch.medianMs),
  p99: ratio(result[name].p99Ms, result.fetch.p99Ms),
  requestsPerSecond: ratio(result[name].requestsPerSecond, result.fetch.requestsPerSecond),
});
writeResult({
  provider: folder,
  label: provider.label,
  operations: calls.length,
  requestsPerSide: samples.fetch.length,
  ...result,
  ratio: ratios("client"),
  openapiFetchRatio: ratios("openapiFetch"),
  // Median over batches of the mean time per call, with an in-memory fetch.
  cpuPerCallMs: { openapiFetch: median(cpuSamples.openapiFetch), client: median(cpuSamples.client) },
});
