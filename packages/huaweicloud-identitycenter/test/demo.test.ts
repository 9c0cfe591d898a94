import { expect, inject, it } from "vitest";
import demo from "../examples/demo.mjs";

it("examples/demo.mjs runs against the Prism mock: create, list all, rename, rotate the certificate, delete", async () => {
  const lines: string[] = [];
  await demo({ baseUrl: inject("prismUrl"), log: (...values: unknown[]) => lines.push(values.join(" ")) });

  expect(lines).toContain("Created application instance: app-ins-a033c907016a59ae CREATED");
  expect(lines).toContain("2 application instance(s) in all.");
  expect(lines).toContain("Activated certificate: cer-7b2c9e41-3f6a-4d8e-a1b5-c0d9e8f7a6b5 ACTIVE");
  expect(lines).toContain("Deleted the old certificate: cer-ea56cf20-4ec3-445a-883f-eb70f35fe7d1");
  expect(lines.some((line) => line.startsWith("Expected failure: Huawei Cloud IAM Identity Center API error 401"))).toBe(true);
  expect(lines.join("\n")).not.toContain("demo-secret-key");
});
