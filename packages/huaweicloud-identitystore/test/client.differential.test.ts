// Client-level differential test: the requests this client sends (X-Project-Id, as the official SDK's
// BasicCredentials sign them for a project-scoped service) carry byte for byte the Authorization the official
// Huawei Cloud Node.js SDK computes for the same call. The signer itself is tested against the official one in
// @identity-clients/huaweicloud-core.

import { formatSdkDate } from "@identity-clients/huaweicloud-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyText, pathParam, queryText, sdkDate, securityToken } from "../../huaweicloud-core/test/arbitraries.js";
import { officialSign } from "../../huaweicloud-core/test/official-signer.js";
import { createHuaweiCloudIdentityStoreClient } from "../src/index.js";

const ENDPOINT = "https://identitystore.ap-southeast-1.myhuaweicloud.com";

describe("the client's requests and the official signer (BasicCredentials, X-Project-Id)", { timeout: 60_000 }, () => {
  interface Captured {
    request: Request;
    body: string;
  }
  function capturingClient(credentials: { ak: string; sk: string; projectId: string; securityToken?: string | undefined }, date: Date) {
    const captured: Captured[] = [];
    const client = createHuaweiCloudIdentityStoreClient({
      ak: credentials.ak,
      sk: credentials.sk,
      projectId: credentials.projectId,
      ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
      region: "ap-southeast-1",
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
        // The official SDK's url.parse() trims Unicode whitespace off the end of the URL (the last segment here).
        pathParam.filter((value) => value === value.trimEnd()),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
        fc.option(fc.string({ unit: "grapheme", maxLength: 20 }), { nil: null }),
        keyText(16),
        keyText(30),
        keyText(32),
        securityToken,
        sdkDate,
        async (identityStoreId, groupId, attributePath, attributeValue, ak, sk, projectId, token, date) => {
          const { client, captured } = capturingClient({ ak, sk, projectId, securityToken: token }, date);
          const body = { operations: [{ attribute_path: attributePath, attribute_value: attributeValue }] };

          await client.PUT("/v1/identity-stores/{identity_store_id}/groups/{group_id}", {
            params: { path: { identity_store_id: identityStoreId, group_id: groupId } },
            body,
          });

          const sent = captured[0]!;
          expect(sent.body).toBe(JSON.stringify(body));
          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/identity-stores/${identityStoreId}/groups/${groupId}`,
            method: "PUT",
            data: body,
            ak,
            sk,
            projectId,
            securityToken: token,
            sdkDate: formatSdkDate(date),
          });
          expect(sent.request.headers.get("authorization")).toBe(official.Authorization);
          expect(sent.request.headers.get("x-sdk-date")).toBe(official["X-Sdk-Date"]);
          expect(sent.request.headers.get("x-project-id")).toBe(projectId);
          expect(official["X-Project-Id"]).toBe(projectId);
          expect(sent.request.headers.get("x-domain-id")).toBeNull();
          expect(sent.request.headers.get("x-security-token")).toBe(token ?? null);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a paginated GET with limit, marker and a filter is signed exactly as the official SDK signs it", async () => {
    await fc.assert(
      fc.asyncProperty(
        pathParam,
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        fc.option(queryText, { nil: undefined }),
        fc.option(queryText, { nil: undefined }),
        keyText(16),
        keyText(30),
        keyText(32),
        securityToken,
        sdkDate,
        async (identityStoreId, limit, marker, userName, ak, sk, projectId, token, date) => {
          const { client, captured } = capturingClient({ ak, sk, projectId, securityToken: token }, date);
          const queryParams = {
            ...(limit === undefined ? {} : { limit }),
            ...(marker === undefined ? {} : { marker }),
            ...(userName === undefined ? {} : { user_name: userName }),
          };

          await client.GET("/v1/identity-stores/{identity_store_id}/users", {
            params: { path: { identity_store_id: identityStoreId }, query: queryParams },
          });

          const official = await officialSign({
            endpoint: ENDPOINT,
            path: `/v1/identity-stores/${identityStoreId}/users`,
            method: "GET",
            query: Object.fromEntries(Object.entries(queryParams).map(([key, value]) => [key, String(value)])),
            ak,
            sk,
            projectId,
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
