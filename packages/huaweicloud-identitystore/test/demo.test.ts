import { HuaweiCloudApiError as IdentityCenterError } from "@identity-clients/huaweicloud-identitycenter";
import { expect, inject, it } from "vitest";
import demo from "../examples/demo.mjs";
import { HuaweiCloudApiError } from "../src/index.js";

it("examples/demo.mjs onboards a user across both Huawei packages against their Prism mocks", async () => {
  const lines: string[] = [];
  const mocks = inject("prismUrls");
  expect(Object.keys(mocks).sort()).toEqual(["huaweicloud-identitycenter", "huaweicloud-identitystore"]);

  await demo({ baseUrl: inject("prismUrl"), mocks, log: (...values: unknown[]) => lines.push(values.join(" ")) });

  expect(lines).toEqual([
    "Instance ins-8c1eef3a241945f6 keeps its users in identity store d-941407b4b3",
    "Created user alice: ac6aa714-daa7-1aaa-aaa2-6715aaaa4dd9 (one-time password received: true)",
    "Added ac6aa714-daa7-1aaa-aaa2-6715aaaa4dd9 to group 0efaa0db-6aa4-7aaa-6aa5-c222aaaaf31a: membership 9b3c5f1e-2d4a-4e6b-8c7d-1f2e3a4b5c6d",
    "alice is in 2 group(s)",
    "Group 0efaa0db-6aa4-7aaa-6aa5-c222aaaaf31a has ReadOnlyOperators in account 0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b: SUCCEEDED",
    "Expected failure: Huawei Cloud Identity Store API error 404 Not Found on GET /v1/identity-stores/{identity_store_id}/users/{user_id} [IIC.404]: Not Found: user ac6aa714-daa7-1aaa-aaa2-6715aaaa4dd9. (request id 3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f)",
  ]);
  expect(lines.join("\n")).not.toContain("demo-secret-key");
  expect(lines.join("\n")).not.toContain("Xq7#pL2v!9Rt"); // the one-time password of the mock's CreateUser answer
});

it("has one HuaweiCloudApiError for both Huawei packages: an error from either client is an instance of both exports", () => {
  expect(HuaweiCloudApiError).toBe(IdentityCenterError);
});
