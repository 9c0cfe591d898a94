import { expect, inject, it } from "vitest";
import demo from "../examples/demo.mjs";

it("examples/demo.mjs sets up single sign-on end to end against the Prism mock", async () => {
  const lines: string[] = [];
  await demo({ baseUrl: inject("prismUrl"), log: (...values: unknown[]) => lines.push(values.join(" ")) });

  expect(lines).toEqual([
    "Instance ssoins-12345 is ACTIVE; users sign in at https://login.e.samsungsdscloud.com/d-12345",
    "User johndoe is in group Admin_Group",
    "Permission set Admin_Permission_Set (e8d4b9f2c1a7e5d3f0b6c9a2d8e4f7b1)",
    "USER GROUP0407 has Admin_Permission_Set in Admin Account",
    "Expected failure: SCP IAM Identity Center API error 404 Not Found on GET /v1/instances/{instance_id}",
  ]);
  expect(lines.join("\n")).not.toContain("demo-secret-key");
});
