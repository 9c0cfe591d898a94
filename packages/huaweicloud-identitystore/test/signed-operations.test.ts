// Every operation of the spec, sent through its named function to a loopback stand-in for Huawei Cloud's API gateway
// (packages/huaweicloud-core/test/apig.ts) that verifies each request as APIG does: it recomputes the canonical
// request from the method, path, query, headers and body bytes it received, signs it with the SK it knows, and checks
// that Host, X-Sdk-Date, X-Project-Id and X-Security-Token are signed, with the right values and a date within 15
// minutes of its clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import { json } from "../../../scripts/local-server.mjs";
import { type ApigServer, startApigServer } from "../../huaweicloud-core/test/apig.js";
import * as api from "../src/index.js";
import { createHuaweiCloudIdentityStoreClient, type HuaweiCloudIdentityStoreClient } from "../src/index.js";

const AK = "SIGNEDOPSAK000000001";
const SK = "signed-operations-sk-7c2e91d0";
const TOKEN = "signed-operations-token-5b7c";
const PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const NOW = new Date("2026-03-04T05:06:07Z");
const { success } = contractCases("huaweicloud-identitystore");

let gateway: ApigServer;
let answer: ContractCase | undefined;
let store: HuaweiCloudIdentityStoreClient;
beforeAll(async () => {
  gateway = await startApigServer(
    { secretKeys: { [AK]: SK }, required: { "x-project-id": PROJECT, "x-security-token": TOKEN }, now: () => NOW.getTime() },
    (_request, response) => {
      if (answer?.hasJsonResponse) json(response, answer.status, answer.example);
      else response.writeHead(answer?.status ?? 200).end();
    },
  );
  store = createHuaweiCloudIdentityStoreClient({
    ak: AK,
    sk: SK,
    securityToken: TOKEN,
    projectId: PROJECT,
    endpoint: gateway.url,
    clock: () => NOW,
  });
});
afterAll(() => gateway.close());

type NamedCall = (client: HuaweiCloudIdentityStoreClient, init: object) => Promise<{ data: unknown }>;

describe("every operation's request verified server-side", () => {
  it.each(success)("$name: $operation", async (entry) => {
    answer = entry;
    const before = gateway.requests.length;

    const { data } = await (api as unknown as Record<string, NamedCall>)[entry.name]!(store, entry.init);

    expect(gateway.rejected).toEqual([]);
    expect(gateway.requests).toHaveLength(before + 1);
    const request = gateway.requests.at(-1)!;
    expect(request.method).toBe(entry.operation.split(" ")[0]);
    expect(request.headers["x-domain-id"]).toBeUndefined();
    if (entry.init.body === undefined) expect(request.body).toBe("");
    else expect(JSON.parse(request.body)).toEqual(entry.init.body);
    if (entry.hasJsonResponse) expect(data).toEqual(entry.example);
  });

  it("covers all 54 operations, and the gateway rejects a request signed with another SK", async () => {
    expect(success).toHaveLength(54);
    const wrong = createHuaweiCloudIdentityStoreClient({
      ak: AK,
      sk: "not-the-sk",
      securityToken: TOKEN,
      projectId: PROJECT,
      endpoint: gateway.url,
      clock: () => NOW,
    });

    await expect(api.listUsers(wrong, { params: { path: { identity_store_id: "d-941407b4b3" } } })).rejects.toMatchObject({
      status: 401,
      isSignatureMismatch: true,
    });
    expect(gateway.rejected.map((rejected) => rejected.problems[0])).toEqual([expect.stringContaining("signature does not verify")]);
  });
});
