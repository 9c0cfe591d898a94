import { expect, inject, it } from "vitest";
import demo from "../examples/demo.mjs";

it("examples/demo.mjs onboards a user against the Prism mock: key check, user, application, instance, request", async () => {
  const lines: string[] = [];
  await demo({ baseUrl: inject("prismUrl"), log: (...values: unknown[]) => lines.push(values.join(" ")) });

  expect(lines.slice(0, 4)).toEqual([
    "Created user Léa Dubois (u_6Rt2Yh8Jk4)",
    "Added to Figma; instance Slack (Okta production)",
    "Requests left this minute: 59",
    "Opened request REQ-1042 (open)",
  ]);
  expect(lines).toContain("2 application(s) in all.");
  expect(lines.at(-1)).toMatch(/^Expected failure: Siit API error 409 Conflict on POST \/v1\/applications\/\{uid\}\/instances/);
  expect(lines.join("\n")).not.toContain("demo-api-key");
});
