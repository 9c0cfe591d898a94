import { expect, inject, it } from "vitest";
import demo from "../examples/demo.mjs";

it("examples/demo.mjs runs against the Prism mock: a permission set provisioned and assigned, then an application instance created, listed, renamed, its certificate rotated, deleted", async () => {
  const lines: string[] = [];
  await demo({ baseUrl: inject("prismUrl"), log: (...values: unknown[]) => lines.push(values.join(" ")) });

  expect(lines.slice(0, 3)).toEqual([
    "Instance: ins-8c1eef3a241945f6",
    "Permission set ReadOnlyOperators (ps-6bd8e7a1f2c34d5e) provisioned to 0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b: SUCCEEDED",
    "USER 7a4b1c2d-3e5f-4a6b-8c9d-0e1f2a3b4c5d has ps-6bd8e7a1f2c34d5e in 0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b: SUCCEEDED",
  ]);
  expect(lines).toContain("Created application instance: app-ins-a033c907016a59ae CREATED");
  expect(lines).toContain("2 application instance(s) in all.");
  expect(lines).toContain("Activated certificate: cer-7b2c9e41-3f6a-4d8e-a1b5-c0d9e8f7a6b5 ACTIVE");
  expect(lines).toContain("Deleted the old certificate: cer-ea56cf20-4ec3-445a-883f-eb70f35fe7d1");
  expect(lines.some((line) => line.startsWith("Expected failure: Huawei Cloud IAM Identity Center API error 401"))).toBe(true);
  expect(lines.join("\n")).not.toContain("demo-secret-key");
});
