#!/usr/bin/env node
// Signing alone, no network: our Huawei `signRequest` against `AKSKSigner.sign` of the official
// @huaweicloud/huaweicloud-sdk-core on the same inputs (every operation of the Huawei spec with its example
// arguments), and our SCP `signScpRequest`. `node bench/comparisons/signing.mjs [--out file]`
//
// Before timing, both Huawei signers must produce the same Authorization header for every input.
// Batches of the two alternate; ops/s is the median over batches.
import { createHash, createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { formatSdkDate, signRequest } from "@identity-clients/huaweicloud-identitycenter";
import { signScpRequest } from "@identity-clients/scp-iam-identity-center";
import { exampleCalls, expandPath, queryString } from "../../scripts/example-calls.mjs";
import { log, scaled, writeResult } from "../lib/measure.mjs";
import { CREDENTIALS, loadSpec } from "../lib/providers.mjs";
import { median, ratio } from "../lib/stats.mjs";

const require = createRequire(import.meta.url);
// The SDK has no `exports` map; its files are deep-imported (as its own service packages do).
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");
const { GlobalCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials");
const officialVersion = require("@huaweicloud/huaweicloud-sdk-core/package.json").version;

const ENDPOINT = "https://identitycenter.myhuaweicloud.com";
const { ak, sk, domainId } = CREDENTIALS.huawei;
const date = new Date("2026-11-23T12:34:56Z");
const sdkDate = formatSdkDate(date);
const credentials = new GlobalCredentials({ ak, sk, domainId });

const inputs = exampleCalls(loadSpec("huaweicloud-identitycenter")).map((call) => {
  const path = expandPath(call.path, call.params.path);
  const rawPath = call.path.replace(/\{([^{}]+)\}/g, (_, name) => String(call.params.path[name]));
  const query = Object.fromEntries(Object.entries(call.params.query).map(([key, value]) => [key, String(value)]));
  return {
    operationId: call.operationId,
    ours: {
      method: call.method,
      url: `${ENDPOINT}${path}${queryString(call.params.query)}`,
      headers: { "content-type": "application/json", "x-domain-id": domainId },
      body: call.hasBody ? JSON.stringify(call.body) : undefined,
      ak,
      sk,
      date,
    },
    // What GlobalCredentials#processAuthRequest hands AKSKSigner.sign for this request (a fresh object per
    // call: the SDK builds one per request). HcClient puts path parameters into the URL as they are (the signer
    // encodes them), e.g. `identitycenter:permissionset` where the URL sent has `identitycenter%3Apermissionset`.
    official: () => ({
      endpoint: `${ENDPOINT}${rawPath}`,
      url: rawPath,
      method: call.method,
      headers: { "content-type": "application/json", "X-Domain-Id": domainId, "X-Sdk-Date": sdkDate },
      queryParams: query,
      ...(call.hasBody ? { data: call.body } : {}),
    }),
  };
});

for (const input of inputs) {
  const ours = signRequest(input.ours).authorization;
  const theirs = AKSKSigner.sign(input.official(), credentials).Authorization;
  if (ours !== theirs) throw new Error(`${input.operationId}: the signers disagree\n  ours:     ${ours}\n  official: ${theirs}`);
}

// The floor for any SDK-HMAC-SHA256 signer: the three digests it cannot avoid (SHA-256 of the body, SHA-256 of
// the canonical request, HMAC of the string to sign), on this input's real body and canonical request.
const floorInputs = inputs.map((input) => {
  const signed = signRequest(input.ours);
  return { body: input.ours.body ?? "", canonical: signed.canonicalRequest, stringToSign: signed.stringToSign };
});

const scpKeys = CREDENTIALS.scp;
const scpInputs = exampleCalls(loadSpec("scp-iam-identity-center")).map((call) => ({
  method: call.method,
  url: `https://iam-identity-center.kr-west1.e.samsungsdscloud.com${expandPath(call.path, call.params.path)}${queryString(call.params.query)}`,
  timestamp: String(date.getTime()),
  ...scpKeys,
}));

const subjects = {
  ours: (i) => signRequest(inputs[i % inputs.length].ours),
  official: (i) => AKSKSigner.sign(inputs[i % inputs.length].official(), credentials),
  huaweiFloor: (i) => {
    const input = floorInputs[i % floorInputs.length];
    createHash("sha256").update(input.body).digest("hex");
    createHash("sha256").update(input.canonical).digest("hex");
    return createHmac("sha256", sk).update(input.stringToSign, "utf8").digest("hex");
  },
  scp: (i) => signScpRequest(scpInputs[i % scpInputs.length]),
  // The floor for SCP: one HMAC-SHA256 over a message of the same length, nothing else.
  hmac: (i) => {
    const input = scpInputs[i % scpInputs.length];
    return createHmac("sha256", input.secretKey)
      .update(`${input.method}${input.url}${input.timestamp}${input.accessKey}Openapi`, "utf8")
      .digest("base64");
  },
};

const batchSize = 2000;
const rounds = scaled(40, 6);
const rates = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
let sink = 0;
function batch(name, record) {
  const sign = subjects[name];
  const started = performance.now();
  for (let i = 0; i < batchSize; i++) sink += sign(i) ? 1 : 0;
  const elapsed = performance.now() - started;
  if (record) rates[name].push((batchSize / elapsed) * 1000);
}
log(`signing: ${inputs.length} Huawei and ${scpInputs.length} SCP inputs, ${rounds} rounds of ${batchSize} signatures per signer`);
for (let round = 0; round < 5; round++) for (const name of Object.keys(subjects)) batch(name, false);
for (let round = 0; round < rounds; round++) {
  const names = Object.keys(subjects);
  for (const name of round % 2 === 0 ? names : names.reverse()) batch(name, true);
}
if (sink < 0) console.log(sink);

const opsPerSecond = (name) => Math.round(median(rates[name]));
writeResult({
  inputs: inputs.length,
  officialPackage: `@huaweicloud/huaweicloud-sdk-core@${officialVersion}`,
  huawei: {
    oursOpsPerSecond: opsPerSecond("ours"),
    officialOpsPerSecond: opsPerSecond("official"),
    ratio: ratio(opsPerSecond("ours"), opsPerSecond("official")),
    digestFloorOpsPerSecond: opsPerSecond("huaweiFloor"),
    // The best ratio any signer could reach here: only the three digests, against the official signer.
    floorRatio: ratio(opsPerSecond("huaweiFloor"), opsPerSecond("official")),
  },
  scp: {
    opsPerSecond: opsPerSecond("scp"),
    hmacFloorOpsPerSecond: opsPerSecond("hmac"),
    ratioToFloor: ratio(opsPerSecond("scp"), opsPerSecond("hmac")),
  },
});
