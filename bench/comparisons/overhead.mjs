#!/usr/bin/env node
// Per-request overhead of one provider's client against a bare `fetch` to the same loopback server, and against
// the official Huawei SDK's full call for the Huawei packages.
// `node bench/comparisons/overhead.mjs <provider> [--out file]`
//
// Every side sends every operation of the spec in turn with the spec's example arguments and reads the whole
// answer. The baseline (`fetch`) builds the same URL, headers and JSON body by hand and sends them unsigned; the
// client is typed, signs (SCP, Huawei) and has its default retries and timeouts on, called by path (`client.GET`)
// and by name (`listInstances(client, ...)`). Bare openapi-fetch (no retries, no timeouts, unsigned) shows the
// library the client is built on; the official Huawei SDK (`HcClient.sendRequest` with GlobalCredentials or
// BasicCredentials, as its generated service clients call it) is what the Huawei packages replace.
//
// 1. Sequential: batches of 100 requests per side rotate (one request in flight), so drift hits all alike.
// 2. 50 in flight: rounds of 500 requests per side, 50 at a time; requests/s per round.
// 3. CPU per call with no network: `fetch` answers from memory (it still builds the `Request` Node's fetch would).
// 4. A CPU profile of raw fetch and of the client (the inspector, in this process): where each one's time goes.
// No forced GC between batches: on Node 20 a forced full GC slows the calls after it, the more code a call runs.
import { deepStrictEqual } from "node:assert";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import createOpenApiFetch from "openapi-fetch";
import { callInit, exampleCalls, expandPath, queryString } from "../../scripts/example-calls.mjs";
import { operationName } from "../../scripts/operations-codegen.mjs";
import { forkSpecServer, log, scaled, writeResult } from "../lib/measure.mjs";
import { categorize, perCall } from "../lib/profile.mjs";
import { CREDENTIALS, loadSpec, provider as providerOf } from "../lib/providers.mjs";
import { median, ratio, summarize } from "../lib/stats.mjs";

const require = createRequire(import.meta.url);
const folder = process.argv[2];
const provider = providerOf(folder);
const calls = exampleCalls(loadSpec(folder));
const server = await forkSpecServer(folder);

const library = await import(provider.packageName);
const createClient = library[provider.factory];
const client = createClient(provider.options(server.url));
const named = calls.map((call) => {
  const operation = library[operationName(call.operationId)];
  if (typeof operation !== "function") throw new Error(`${provider.packageName} exports no ${operationName(call.operationId)}()`);
  return operation;
});

/** What a careful hand-written caller does: build the request, send it, check the status, read the body. */
async function viaFetch(call, signal) {
  const url = `${server.url}${expandPath(call.path, call.params.path)}${queryString(call.params.query)}`;
  const headers = provider.rawHeaders();
  const init = { method: call.method, headers };
  if (signal) init.signal = signal;
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

const clientInits = calls.map(callInit);

const bare = createOpenApiFetch({ baseUrl: server.url });
async function viaOpenApiFetch(call, index) {
  const { data, error, response } = await bare.request(call.method.toLowerCase(), call.path, {
    ...clientInits[index],
    headers: provider.rawHeaders(),
  });
  if (error !== undefined || !response.ok) throw new Error(`openapi-fetch ${call.operationId}: ${response.status}`);
  return data;
}

/** Raw fetch with what one attempt's timeout needs: an AbortSignal linked into the request, and a timer. */
async function viaFetchWithSignal(call) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await viaFetch(call, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

const viaClient = async (call, index) => (await client[call.method](call.path, clientInits[index])).data;
const viaNamed = async (_call, index) => (await named[index](client, clientInits[index])).data;

/**
 * The official SDK's full call, as its generated service clients make it: `ParamCreater` options (method, URL
 * template, path and query parameters, body, `Content-Type`) handed to `HcClient.sendRequest`, which signs them
 * with the client's credentials (AKSKSigner) and sends them with axios.
 */
function officialSide() {
  if (!provider.official) return undefined;
  const { ClientBuilder } = require("@huaweicloud/huaweicloud-sdk-core/ClientBuilder");
  const Credentials = require(`@huaweicloud/huaweicloud-sdk-core/auth/${provider.official.credentials}`)[provider.official.credentials];
  const { ak, sk } = CREDENTIALS.huawei;
  let credentials = new Credentials().withAk(ak).withSk(sk);
  if (provider.official.scope.domainId) credentials = credentials.withDomainId(provider.official.scope.domainId);
  if (provider.official.scope.projectId) credentials = credentials.withProjectId(provider.official.scope.projectId);
  // A custom User-Agent keeps the builder from writing an application id under the user's home directory.
  const hcClient = new ClientBuilder((built) => built, provider.official.credentials)
    .withCredential(credentials)
    .withEndpoint(server.url)
    .withOptions({ customUserAgent: "identity-clients-bench" })
    .build();
  const version = require("@huaweicloud/huaweicloud-sdk-core/package.json").version;
  return {
    label: `@huaweicloud/huaweicloud-sdk-core@${version} (${provider.official.credentials})`,
    async send(call) {
      const options = {
        method: call.method,
        url: call.path,
        contentType: "application/json",
        queryParams: { ...call.params.query },
        pathParams: { ...call.params.path },
        headers: {},
        responseHeaders: ["X-Request-Id"],
      };
      if (call.hasBody) options.data = call.body;
      // The SDK answers with the parsed body, `httpStatusCode` added to it (to an array's object too).
      const answer = await hcClient.sendRequest(options);
      if (answer.httpStatusCode !== call.status) throw new Error(`official SDK ${call.operationId}: ${answer.httpStatusCode}`);
      if (!call.hasJsonResponse) return undefined;
      if (Array.isArray(answer)) return [...answer];
      const { httpStatusCode: _status, ...data } = answer;
      return data;
    },
  };
}
const official = officialSide();

const sides = {
  fetch: (call) => viaFetch(call),
  fetchSignal: viaFetchWithSignal,
  openapiFetch: viaOpenApiFetch,
  client: viaClient,
  named: viaNamed,
};
if (official) sides.official = official.send;
const names = Object.keys(sides);

// Every side gets the documented answer for every operation before anything is timed.
for (const [index, call] of calls.entries()) {
  const expected = call.hasJsonResponse ? call.response : undefined;
  for (const name of names) {
    const data = await sides[name](call, index);
    deepStrictEqual(call.hasJsonResponse ? data : undefined, expected, `${name} ${call.operationId}`);
  }
}

// 1. Sequential.
const samples = Object.fromEntries(names.map((name) => [name, []]));
const busyMs = Object.fromEntries(names.map((name) => [name, 0]));
let next = 0;
async function batch(name, size, record) {
  const send = sides[name];
  const started = performance.now();
  for (let i = 0; i < size; i++) {
    const index = (next + i) % calls.length;
    const t0 = performance.now();
    await send(calls[index], index);
    if (record) samples[name].push(performance.now() - t0);
  }
  if (record) busyMs[name] += performance.now() - started;
}
const warmupBatches = scaled(10, 2);
const rounds = scaled(100, 4);
const batchSize = 100;
log(
  `overhead ${folder}: ${calls.length} operations, sides ${names.join(", ")}; ${rounds} rounds of ${batchSize} requests each, one in flight`,
);
for (let round = 0; round < warmupBatches; round++) for (const name of names) await batch(name, batchSize, false);
for (let round = 0; round < rounds; round++) {
  // Rotate which side goes first, and move through the operations so every side sends the same mix.
  for (const name of names.map((_, i) => names[(i + round) % names.length])) await batch(name, batchSize, true);
  next = (next + batchSize) % calls.length;
}

// 2. 50 in flight.
const IN_FLIGHT = 50;
const concurrentNames = ["fetch", "client", ...(official ? ["official"] : [])];
const concurrentRate = Object.fromEntries(concurrentNames.map((name) => [name, []]));
async function concurrentRound(name, total, record) {
  const send = sides[name];
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      const index = (next + issued++) % calls.length;
      await send(calls[index], index);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  if (record) concurrentRate[name].push((total / (performance.now() - started)) * 1000);
}
const concurrentRounds = scaled(20, 3);
const concurrentSize = 500;
log(`overhead ${folder}: ${concurrentRounds} rounds of ${concurrentSize} requests per side, ${IN_FLIGHT} in flight`);
for (const name of concurrentNames) await concurrentRound(name, concurrentSize, false);
for (let round = 0; round < concurrentRounds; round++) {
  for (const name of concurrentNames.map((_, i) => concurrentNames[(i + round) % concurrentNames.length])) {
    await concurrentRound(name, concurrentSize, true);
  }
  next = (next + concurrentSize) % calls.length;
}

// 4 (while the server still runs). Profiles of raw fetch and of the client, alternating chunks.
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 250 });
const profiled = { fetch: [], client: [] };
const profileChunks = scaled(8, 2);
const chunkSize = 500;
log(`overhead ${folder}: CPU profiles of raw fetch and the client, ${profileChunks} chunks of ${chunkSize} requests each`);
for (let chunk = 0; chunk < profileChunks; chunk++) {
  for (const name of chunk % 2 === 0 ? ["fetch", "client"] : ["client", "fetch"]) {
    await session.post("Profiler.start");
    for (let i = 0; i < chunkSize; i++) {
      const index = (next + i) % calls.length;
      await sides[name](calls[index], index);
    }
    const { profile } = await session.post("Profiler.stop");
    profiled[name].push(categorize(profile));
  }
  next = (next + chunkSize) % calls.length;
}
session.disconnect();
await server.stop();

// 3. The same calls with no network: a `fetch` that answers from memory. It builds the `Request` Node's fetch
// builds (so what an AbortSignal costs there counts), and answers as the server would.
const answers = calls.map((call) => (call.hasJsonResponse ? JSON.stringify(call.response) : null));
let answering = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  if (request.body !== null) await request.arrayBuffer();
  const body = answers[answering];
  const headers =
    body === null ? { "content-length": "0" } : { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
  return new Response(body, { status: calls[answering].status, headers });
};
const offlineNames = ["fetch", "openapiFetch", "client", "named"];
const offlineBare = createOpenApiFetch({ baseUrl: server.url });
const offlineSides = {
  ...sides,
  openapiFetch: (call, index) =>
    offlineBare.request(call.method.toLowerCase(), call.path, { ...clientInits[index], headers: provider.rawHeaders() }),
};
const cpuSamples = Object.fromEntries(offlineNames.map((name) => [name, []]));
for (let round = 0; round < warmupBatches + rounds; round++) {
  for (const name of offlineNames.map((_, i) => offlineNames[(i + round) % offlineNames.length])) {
    const started = performance.now();
    for (let i = 0; i < batchSize; i++) {
      answering = (next + i) % calls.length;
      await offlineSides[name](calls[answering], answering);
    }
    if (round >= warmupBatches) cpuSamples[name].push((performance.now() - started) / batchSize);
  }
  next = (next + batchSize) % calls.length;
}
globalThis.fetch = realFetch;

const side = (name) => {
  const stats = summarize(samples[name]);
  return {
    medianMs: stats.median,
    p99Ms: stats.p99,
    meanMs: stats.mean,
    requestsPerSecond: Math.round((samples[name].length / busyMs[name]) * 1000),
  };
};
const result = Object.fromEntries(names.map((name) => [name, side(name)]));
const ratios = (name, baseline = "fetch") => ({
  median: ratio(result[name].medianMs, result[baseline].medianMs),
  p99: ratio(result[name].p99Ms, result[baseline].p99Ms),
  requestsPerSecond: ratio(result[name].requestsPerSecond, result[baseline].requestsPerSecond),
});
const concurrent = Object.fromEntries(concurrentNames.map((name) => [name, Math.round(median(concurrentRate[name]))]));
writeResult({
  provider: folder,
  label: provider.label,
  signed: provider.signed,
  operations: calls.length,
  requestsPerSide: samples.fetch.length,
  ...result,
  ratio: ratios("client"),
  namedRatio: ratios("named", "client"),
  fetchSignalRatio: ratios("fetchSignal"),
  openapiFetchRatio: ratios("openapiFetch"),
  ...(official && {
    officialPackage: official.label,
    // How many times faster the client is: the official call's median over the client's.
    officialSpeedup: ratio(result.official.medianMs, result.client.medianMs),
  }),
  concurrent: {
    inFlight: IN_FLIGHT,
    requests: concurrentRounds * concurrentSize,
    requestsPerRound: concurrentSize,
    requestsPerSecond: concurrent,
    clientRatio: ratio(concurrent.client, concurrent.fetch),
    ...(official && { officialSpeedup: ratio(concurrent.client, concurrent.official) }),
  },
  // Median over batches of the mean time per call, with an in-memory fetch.
  cpuPerCallMs: Object.fromEntries(offlineNames.map((name) => [name, median(cpuSamples[name])])),
  // Microseconds per call by category, from CPU profiles over the network (idle: waiting for the server). The
  // profiler's own sampling inflates every category; compare the two sides, not the absolute values.
  profile: {
    requests: profileChunks * chunkSize,
    fetch: perCall(profiled.fetch, profileChunks * chunkSize),
    client: perCall(profiled.client, profileChunks * chunkSize),
  },
});
