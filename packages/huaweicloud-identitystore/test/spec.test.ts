// What the coming client relies on in specs/huaweicloud-identitystore/openapi.yaml: the secrets it must redact,
// the lists its paginators walk, and the one list that answers a bare array.
import { describe, expect, it } from "vitest";
import { secretFields } from "../src/generated/spec-facts.js";
import { operations, responseExample } from "./spec.js";

type Parameter = { $ref?: string };
const parameterNames = (op: (typeof operations)[number]) =>
  ((op.parameters ?? []) as Parameter[]).map((parameter) => parameter.$ref?.split("/").at(-1));
const successStatus = (op: (typeof operations)[number]) => Object.keys(op.responses).find((status) => status.startsWith("2"))!;

describe("specs/huaweicloud-identitystore/openapi.yaml", () => {
  it("has the 54 operations of the official SDK, each signed and each taking the optional X-Security-Token", () => {
    expect(operations).toHaveLength(54);
    for (const op of operations) {
      expect(op.security, op.operationId).toEqual([{ aksk: [] }]);
      expect(parameterNames(op), op.operationId).toContain("X-Security-Token");
    }
  });

  it("marks the one-time passwords, the SCIM bearer token and the MFA registration string secret", () => {
    expect([...secretFields].sort()).toEqual(["password", "token", "work_flow"]);
  });

  it("declares x-pagination on exactly the lists that take limit and marker; their examples are last pages", () => {
    const paged = operations.filter((op) => parameterNames(op).includes("marker"));
    expect(paged.map((op) => op.operationId).sort()).toEqual([
      "ListGroupMemberships",
      "ListGroupMembershipsForMember",
      "ListGroups",
      "ListUsers",
    ]);
    for (const op of operations) {
      const pagination = op["x-pagination"] as
        | { style: string; items: string; marker: string; nextMarker: string; limit: string }
        | undefined;
      if (!paged.includes(op)) {
        expect(pagination, op.operationId).toBeUndefined();
        continue;
      }
      expect(pagination, op.operationId).toEqual({
        style: "marker",
        items: pagination?.items,
        marker: "marker",
        nextMarker: "page_info.next_marker",
        limit: "limit",
      });
      const body = responseExample(op.operationId, successStatus(op)) as Record<string, unknown> & { page_info: { next_marker?: unknown } };
      expect(Array.isArray(body[pagination!.items]), op.operationId).toBe(true);
      expect(body.page_info.next_marker ?? null, op.operationId).toBeNull();
    }
  });

  it("answers ListSpCertificates with a bare JSON array", () => {
    expect(Array.isArray(responseExample("ListSpCertificates", "200"))).toBe(true);
  });
});
