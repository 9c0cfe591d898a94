// The waiters against a local stateful server: CreateAccountAssignment, DeleteAccountAssignment and
// ProvisionPermissionSet start a request whose status moves through the answers scripted for it, and the status
// operations report where it is. Polls are 1 ms apart: the assertions are on what was polled and answered, never
// on time.
import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { apigProblems } from "../../huaweicloud-core/test/apig.js";
import {
  createAccountAssignment,
  createHuaweiCloudIdentityCenterClient,
  deleteAccountAssignment,
  HuaweiCloudApiError,
  type HuaweiCloudIdentityCenterClient,
  InvalidRequestError,
  provisionPermissionSet,
  WaiterError,
  waitUntilAccountAssignmentCreated,
  waitUntilAccountAssignmentDeleted,
  waitUntilPermissionSetProvisioned,
} from "../src/index.js";

const FAST = { minDelayMs: 1, maxDelayMs: 1 };
const CREDENTIALS = { ak: "WAITERAK000000000001", sk: "waiter-sk-3c9d", domainId: "8c1eef3a241945f69c3d3a6b0252e783" };
const instance_id = "ins-8c1eef3a241945f6";
const permission_set_id = "ps-6bd8e7a1f2c34d5e";
const assignment = {
  permission_set_id,
  principal_id: "7a4b1c2d-3e5f-4a6b-8c9d-0e1f2a3b4c5d",
  principal_type: "USER",
  target_id: "0b3e5f7a9c1d4e6f8a2b4c6d8e0f1a3b",
  target_type: "ACCOUNT",
} as const;

type Kind = "creation" | "deletion" | "provisioning";
type Step = { status: "IN_PROGRESS" | "SUCCEEDED" | "FAILED"; failure_reason?: string } | { error: number };

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A stateful IAM Identity Center: each create, delete or provision starts a request (`req-1`, `req-2`, ...) whose
 * status polls answer `steps` in turn (the last one again after that). Returns a client signed for it.
 */
async function statefulService(steps: Step[]): Promise<{ iic: HuaweiCloudIdentityCenterClient; polls: () => string[] }> {
  const requests = new Map<string, { kind: Kind; polled: number }>();
  const body = (kind: Kind, request_id: string, step: Step) => {
    const status = "status" in step ? step : { status: "IN_PROGRESS" as const };
    const common = { request_id, created_date: 1753695145064, ...status };
    if (kind === "provisioning") {
      return {
        permission_set_provisioning_status: {
          ...common,
          created_date: "1753695145064",
          account_id: assignment.target_id,
          permission_set_id,
        },
      };
    }
    return { [`account_assignment_${kind}_status`]: { ...common, ...assignment } };
  };
  server = await startLocalServer((request, response) => {
    const { pathname } = new URL(request.url, "http://x");
    const start = /\/(account-assignments\/(create|delete)|permission-sets\/[^/]+\/provision)$/.exec(pathname);
    if (request.method === "POST" && start) {
      const kind: Kind = start[2] === "create" ? "creation" : start[2] === "delete" ? "deletion" : "provisioning";
      const request_id = `req-${requests.size + 1}`;
      requests.set(request_id, { kind, polled: 0 });
      return json(response, 200, body(kind, request_id, { status: "IN_PROGRESS" }));
    }
    const poll = /\/(account-assignments\/(creation|deletion)-status|permission-sets\/provisioning-status)\/([^/]+)$/.exec(pathname);
    const known = poll ? requests.get(decodeURIComponent(poll[3]!)) : undefined;
    if (request.method !== "GET" || !poll || !known) {
      return json(response, 404, { error_code: "IIC.404", error_msg: "The request does not exist.", request_id: "r-404" });
    }
    const step = steps[Math.min(known.polled++, steps.length - 1)]!;
    if ("error" in step) return json(response, step.error, { error_code: `IIC.${step.error}`, error_msg: "Failure.", request_id: "r-err" });
    json(response, 200, body(known.kind, decodeURIComponent(poll[3]!), step));
  });
  const iic = createHuaweiCloudIdentityCenterClient({ ...CREDENTIALS, endpoint: server.url, retry: false });
  const polls = () => server!.requests.filter((request) => request.method === "GET").map((request) => request.url);
  return { iic, polls };
}

const IN_PROGRESS = { status: "IN_PROGRESS" } as const;
const SUCCEEDED = { status: "SUCCEEDED" } as const;

describe("waitUntilAccountAssignmentCreated", () => {
  it("takes the request_id from CreateAccountAssignment's answer and polls IN_PROGRESS twice, then SUCCEEDED", async () => {
    const { iic, polls } = await statefulService([IN_PROGRESS, IN_PROGRESS, SUCCEEDED]);
    const { data } = await createAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });

    const done = await waitUntilAccountAssignmentCreated(
      iic,
      { instance_id, request_id: data.account_assignment_creation_status.request_id },
      FAST,
    );

    expect(done).toMatchObject({ request_id: "req-1", status: "SUCCEEDED", principal_id: assignment.principal_id });
    expect(polls()).toEqual(Array(3).fill(`/v1/instances/${instance_id}/account-assignments/creation-status/req-1`));
    for (const request of server!.requests) {
      expect(
        apigProblems(request, { secretKeys: { [CREDENTIALS.ak]: CREDENTIALS.sk }, required: { "x-domain-id": CREDENTIALS.domainId } }),
      ).toEqual([]);
    }
  });

  it("rejects with a failure WaiterError carrying the failure_reason and the FAILED status", async () => {
    const reason = "The permission set is being provisioned; try again later.";
    const { iic, polls } = await statefulService([IN_PROGRESS, { status: "FAILED", failure_reason: reason }]);
    const { data } = await createAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });
    const request_id = data.account_assignment_creation_status.request_id;

    const error = await rejectionOf(waitUntilAccountAssignmentCreated(iic, { instance_id, request_id }, FAST), WaiterError);

    expect(error).toMatchObject({ reason: "failure", polls: 2, description: "IAM Identity Center account assignment creation req-1" });
    expect(error.message).toBe(
      `Waiting for IAM Identity Center account assignment creation req-1 failed after 2 poll(s): status FAILED: ${reason}`,
    );
    expect(error.lastResult).toMatchObject({ status: "FAILED", failure_reason: reason });
    expect(polls()).toHaveLength(2);
  });

  it("says so when a FAILED status comes without a failure_reason", async () => {
    const { iic } = await statefulService([{ status: "FAILED" }]);
    const { data } = await createAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });

    const error = await rejectionOf(
      waitUntilAccountAssignmentCreated(iic, { instance_id, request_id: data.account_assignment_creation_status.request_id }, FAST),
      WaiterError,
    );

    expect(error.message).toContain("status FAILED: the service gave no failure_reason");
  });

  it("rejects with a timeout WaiterError carrying the last status when maxWaitMs passes first", async () => {
    const { iic, polls } = await statefulService([IN_PROGRESS]);
    const { data } = await createAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });
    const request_id = data.account_assignment_creation_status.request_id;

    const error = await rejectionOf(
      waitUntilAccountAssignmentCreated(iic, { instance_id, request_id }, { ...FAST, maxWaitMs: 0 }),
      WaiterError,
    );

    expect(error).toMatchObject({ reason: "timeout", polls: 1 });
    expect(error.message).toContain("still not done after 0 ms (maxWaitMs)");
    expect(error.lastResult).toMatchObject({ request_id: "req-1", status: "IN_PROGRESS" });
    expect(polls()).toHaveLength(1);
  });

  it("ends at once on an error answer, with that error", async () => {
    const { iic, polls } = await statefulService([IN_PROGRESS, { error: 403 }]);
    const { data } = await createAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });

    const error = await rejectionOf(
      waitUntilAccountAssignmentCreated(iic, { instance_id, request_id: data.account_assignment_creation_status.request_id }, FAST),
      HuaweiCloudApiError,
    );

    expect(error).toMatchObject({ status: 403, errorCode: "IIC.403" });
    expect(polls()).toHaveLength(2);
  });

  it("refuses a missing request_id before polling", async () => {
    const { iic, polls } = await statefulService([SUCCEEDED]);

    const error = await rejectionOf(
      waitUntilAccountAssignmentCreated(iic, { instance_id, request_id: undefined }, FAST),
      InvalidRequestError,
    );

    expect(error.parameter).toBe("request_id");
    expect(error.message).toContain("waitUntilAccountAssignmentCreated");
    expect(polls()).toEqual([]);
  });
});

describe("waitUntilAccountAssignmentDeleted", () => {
  it("polls DescribeAccountAssignmentDeletionStatus with DeleteAccountAssignment's request_id until SUCCEEDED", async () => {
    const { iic, polls } = await statefulService([IN_PROGRESS, IN_PROGRESS, SUCCEEDED]);
    const { data } = await deleteAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });

    const done = await waitUntilAccountAssignmentDeleted(
      iic,
      { instance_id, request_id: data.account_assignment_deletion_status.request_id },
      FAST,
    );

    expect(done).toMatchObject({ request_id: "req-1", status: "SUCCEEDED" });
    expect(polls()).toEqual(Array(3).fill(`/v1/instances/${instance_id}/account-assignments/deletion-status/req-1`));
  });

  it("rejects with the failure_reason when the deletion FAILED", async () => {
    const { iic } = await statefulService([{ status: "FAILED", failure_reason: "The assignment is in use." }]);
    const { data } = await deleteAccountAssignment(iic, { params: { path: { instance_id } }, body: assignment });

    const error = await rejectionOf(
      waitUntilAccountAssignmentDeleted(iic, { instance_id, request_id: data.account_assignment_deletion_status.request_id }, FAST),
      WaiterError,
    );

    expect(error).toMatchObject({ reason: "failure", description: "IAM Identity Center account assignment deletion req-1" });
    expect(error.message).toMatch(/status FAILED: The assignment is in use\.$/);
  });
});

describe("waitUntilPermissionSetProvisioned", () => {
  const provision = (iic: HuaweiCloudIdentityCenterClient) =>
    provisionPermissionSet(iic, {
      params: { path: { instance_id, permission_set_id } },
      body: { target_type: "ACCOUNT", target_id: assignment.target_id },
    });

  it("polls DescribePermissionSetProvisioningStatus with ProvisionPermissionSet's request_id: IN_PROGRESS twice, then SUCCEEDED", async () => {
    const { iic, polls } = await statefulService([IN_PROGRESS, IN_PROGRESS, SUCCEEDED]);
    const { data } = await provision(iic);

    const done = await waitUntilPermissionSetProvisioned(
      iic,
      { instance_id, request_id: data.permission_set_provisioning_status?.request_id },
      FAST,
    );

    expect(done).toMatchObject({ request_id: "req-1", status: "SUCCEEDED", permission_set_id });
    expect(polls()).toEqual(Array(3).fill(`/v1/instances/${instance_id}/permission-sets/provisioning-status/req-1`));
  });

  it("rejects with the failure_reason when provisioning FAILED, and times out while IN_PROGRESS", async () => {
    const failing = await statefulService([IN_PROGRESS, { status: "FAILED", failure_reason: "Quota of policies exceeded." }]);
    const { data } = await provision(failing.iic);
    const failed = await rejectionOf(
      waitUntilPermissionSetProvisioned(
        failing.iic,
        { instance_id, request_id: data.permission_set_provisioning_status?.request_id },
        FAST,
      ),
      WaiterError,
    );
    expect(failed).toMatchObject({ reason: "failure", polls: 2, lastResult: { status: "FAILED" } });
    expect(failed.message).toMatch(/status FAILED: Quota of policies exceeded\.$/);
    await server?.close();

    const slow = await statefulService([IN_PROGRESS]);
    const started = await provision(slow.iic);
    const timedOut = await rejectionOf(
      waitUntilPermissionSetProvisioned(
        slow.iic,
        { instance_id, request_id: started.data.permission_set_provisioning_status?.request_id },
        { ...FAST, maxWaitMs: 0 },
      ),
      WaiterError,
    );
    expect(timedOut).toMatchObject({ reason: "timeout", polls: 1, lastResult: { status: "IN_PROGRESS" } });
  });
});
