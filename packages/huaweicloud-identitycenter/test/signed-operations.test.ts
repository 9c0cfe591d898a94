// Every operation of the spec, sent through its named function to a loopback stand-in for Huawei Cloud's API gateway
// (packages/huaweicloud-core/test/apig.ts) that verifies each request as APIG does: it recomputes the canonical
// request from the method, path, query, headers and body bytes it received, signs it with the SK it knows, and checks
// that Host, X-Sdk-Date, X-Domain-Id and X-Security-Token are signed, with the right values and a date within 15
// minutes of its clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import { json } from "../../../scripts/local-server.mjs";
import { type ApigServer, startApigServer } from "../../huaweicloud-core/test/apig.js";
import * as api from "../src/index.js";
import { createHuaweiCloudIdentityCenterClient, type HuaweiCloudIdentityCenterClient } from "../src/index.js";

const AK = "SIGNEDOPSAK000000001";
const SK = "signed-operations-sk-7c2e91d0";
const TOKEN = "signed-operations-token-5b7c";
const DOMAIN = "8c1eef3a241945f69c3d3a6b0252e783";
const NOW = new Date("2026-03-04T05:06:07Z");
const { success } = contractCases("huaweicloud-identitycenter");

let gateway: ApigServer;
let answer: ContractCase | undefined;
let iic: HuaweiCloudIdentityCenterClient;
beforeAll(async () => {
  gateway = await startApigServer(
    { secretKeys: { [AK]: SK }, required: { "x-domain-id": DOMAIN, "x-security-token": TOKEN }, now: () => NOW.getTime() },
    (_request, response) => {
      if (answer?.hasJsonResponse) json(response, answer.status, answer.example);
      else response.writeHead(answer?.status ?? 200).end();
    },
  );
  iic = createHuaweiCloudIdentityCenterClient({
    ak: AK,
    sk: SK,
    securityToken: TOKEN,
    domainId: DOMAIN,
    endpoint: gateway.url,
    clock: () => NOW,
  });
});
afterAll(() => gateway.close());

type NamedCall = (client: HuaweiCloudIdentityCenterClient, init: object) => Promise<{ data: unknown }>;

describe("every operation's request verified server-side", () => {
  it.each(success)("$name: $operation", async (entry) => {
    answer = entry;
    const before = gateway.requests.length;

    const { data } = await (api as unknown as Record<string, NamedCall>)[entry.name]!(iic, entry.init);

    expect(gateway.rejected).toEqual([]);
    expect(gateway.requests).toHaveLength(before + 1);
    const request = gateway.requests.at(-1)!;
    expect(request.method).toBe(entry.operation.split(" ")[0]);
    expect(request.headers["x-project-id"]).toBeUndefined();
    if (entry.init.body === undefined) expect(request.body).toBe("");
    else expect(JSON.parse(request.body)).toEqual(entry.init.body);
    if (entry.hasJsonResponse) expect(data).toEqual(entry.example);
  });

  it("covers all 81 operations, and the gateway rejects a request signed with another SK", async () => {
    expect(success).toHaveLength(81);
    const wrong = createHuaweiCloudIdentityCenterClient({
      ak: AK,
      sk: "not-the-sk",
      securityToken: TOKEN,
      domainId: DOMAIN,
      endpoint: gateway.url,
      clock: () => NOW,
    });

    await expect(api.listInstances(wrong)).rejects.toMatchObject({ status: 401, isSignatureMismatch: true });
    expect(gateway.rejected.map((rejected) => rejected.problems[0])).toEqual([expect.stringContaining("signature does not verify")]);
  });
});
