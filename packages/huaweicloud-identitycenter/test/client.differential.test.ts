// Client-level differential test: the requests this client sends (X-Domain-Id, as the official SDK's
// GlobalCredentials sign them) carry byte for byte the Authorization the official Huawei Cloud Node.js SDK computes
// for the same call. The signer itself is tested against the official one in @identity-clients/huaweicloud-core.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyText, pathParam, queryText, sdkDate, securityToken } from "../../huaweicloud-core/test/arbitraries.js";
import { officialSign } from "../../huaweicloud-core/test/official-signer.js";
import { createHuaweiCloudIdentityCenterClient, formatSdkDate } from "../src/index.js";

const ENDPOINT = "https://identitycenter.myhuaweicloud.com";

describe("the client's requests and the official signer", { timeout: 60_000 }, () => {
  interface Captured {
    request: Request;
    body: string;
  }
  function capturingClient(credentials: { ak: string; sk: string; domainId: string; securityToken?: string | undefined }, date: Date) {
    const captured: Captured[] = [];
    const client = createHuaweiCloudIdentityCenterClient({
      ak: credentials.ak,
      sk: credentials.sk,
      domainId: credentials.domainId,
      ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
      clock: () => date,
      fetch: async (request) => {
        captured.push({ request, body: await request.text() });
        return Response.json({});
      },
    });
    return { client, captured };
  }

  it("a PUT with path parameters and a unicode JSON body is signed exactly as the official SDK signs it", async () => {
    await fc.assert(
      fc.asyncProperty(
        pathParam,
        pathParam,
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        keyText(16),
        keyText(30),
        keyText(32),
        securityToken,
        sdkDate,
        async (instanceId, applicationInstanceId, displayName, description, ak, sk, domainId, token, date) => {
          const { client, captured } = capturingClient({ ak, sk, domainId, securityToken: token }, date);
          const body = { display_name: displayName, description };

          await client.PUT("/v1/instances/{instance_id}/application-instances/{application_instance_id}/display-data", {
            params: { path: { instance_id: instanceId, application_instance_id: applicationInstanceId } },
            body,
          });

          const sent = captured[0]!;
          expect(sent.body).toBe(JSON.stringify(body));
          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/instances/${instanceId}/application-instances/${applicationInstanceId}/display-data`,
            method: "PUT",
            data: body,
            ak,
            sk,
            domainId,
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(sent.request.headers.get("authorization")).toBe(official.Authorization);
          expect(sent.request.headers.get("x-sdk-date")).toBe(official["X-Sdk-Date"]);
          expect(sent.request.headers.get("x-domain-id")).toBe(domainId);
          expect(sent.request.headers.get("x-security-token")).toBe(token ?? null);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a paginated GET with limit and marker is signed exactly as the official SDK signs it", async () => {
    await fc.assert(
      fc.asyncProperty(
        pathParam,
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        fc.option(queryText, { nil: undefined }),
        keyText(16),
        keyText(30),
        keyText(32),
        securityToken,
        sdkDate,
        async (instanceId, limit, marker, ak, sk, domainId, token, date) => {
          const { client, captured } = capturingClient({ ak, sk, domainId, securityToken: token }, date);
          const queryParams = { ...(limit === undefined ? {} : { limit }), ...(marker === undefined ? {} : { marker }) };

          await client.GET("/v1/instances/{instance_id}/application-instances", {
            params: { path: { instance_id: instanceId }, query: queryParams },
          });

          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/instances/${instanceId}/application-instances`,
            method: "GET",
            query: Object.fromEntries(Object.entries(queryParams).map(([key, value]) => [key, String(value)])),
            ak,
            sk,
            domainId,
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(captured[0]!.request.headers.get("authorization")).toBe(official.Authorization);
        },
      ),
      { numRuns: 60 },
    );
  });
});
