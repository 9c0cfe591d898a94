// Account assignments and permission-set provisioning are asynchronous: CreateAccountAssignment,
// DeleteAccountAssignment and ProvisionPermissionSet answer at once with a `request_id` and the status
// IN_PROGRESS, and the work finishes later as SUCCEEDED or FAILED (with a `failure_reason`). These waiters poll the
// request's status operation until it settles, with backoff; the official SDKs leave that loop to the caller.
import { InvalidRequestError, type WaiterOptions, waitUntil } from "@identity-clients/core";
import type { HuaweiCloudIdentityCenterClient } from "./client.js";
import {
  describeAccountAssignmentCreationStatus,
  describeAccountAssignmentDeletionStatus,
  describePermissionSetProvisioningStatus,
} from "./generated/operations.js";
import type { AccountAssignmentOperationStatus, PermissionSetProvisioningStatus } from "./types.js";

/** An asynchronous request: the instance, and the `request_id` its create/delete/provision call answered with. */
export interface AsynchronousRequestTarget {
  instance_id: string;
  /** e.g. `account_assignment_creation_status.request_id` of CreateAccountAssignment's answer. */
  request_id: string | undefined;
}

/**
 * Polls DescribeAccountAssignmentCreationStatus until the request's `status` is SUCCEEDED, and resolves with the
 * status. Rejects with a `WaiterError` (`reason: "failure"`, its message ending in the `failure_reason`, the status
 * in `lastResult`) when it is FAILED, or (`reason: "timeout"`) when `maxWaitMs` (default 5 minutes) passes first.
 * An error answer ends the wait at once (after the client's own retries).
 *
 * @example
 * const { data } = await createAccountAssignment(iic, { params: { path: { instance_id } }, body });
 * await waitUntilAccountAssignmentCreated(iic, { instance_id, request_id: data.account_assignment_creation_status.request_id });
 */
export function waitUntilAccountAssignmentCreated(
  client: HuaweiCloudIdentityCenterClient,
  target: AsynchronousRequestTarget,
  options: WaiterOptions = {},
): Promise<AccountAssignmentOperationStatus> {
  return waitForRequest("waitUntilAccountAssignmentCreated", "account assignment creation", target, options, async (path, signal) => {
    const { data } = await describeAccountAssignmentCreationStatus(client, { params: { path }, signal });
    return data.account_assignment_creation_status;
  });
}

/** As {@link waitUntilAccountAssignmentCreated}, for DeleteAccountAssignment (DescribeAccountAssignmentDeletionStatus). */
export function waitUntilAccountAssignmentDeleted(
  client: HuaweiCloudIdentityCenterClient,
  target: AsynchronousRequestTarget,
  options: WaiterOptions = {},
): Promise<AccountAssignmentOperationStatus> {
  return waitForRequest("waitUntilAccountAssignmentDeleted", "account assignment deletion", target, options, async (path, signal) => {
    const { data } = await describeAccountAssignmentDeletionStatus(client, { params: { path }, signal });
    return data.account_assignment_deletion_status;
  });
}

/**
 * As {@link waitUntilAccountAssignmentCreated}, for ProvisionPermissionSet (DescribePermissionSetProvisioningStatus):
 * pass `permission_set_provisioning_status.request_id` of its answer.
 */
export function waitUntilPermissionSetProvisioned(
  client: HuaweiCloudIdentityCenterClient,
  target: AsynchronousRequestTarget,
  options: WaiterOptions = {},
): Promise<PermissionSetProvisioningStatus> {
  return waitForRequest("waitUntilPermissionSetProvisioned", "permission set provisioning", target, options, async (path, signal) => {
    const { data } = await describePermissionSetProvisioningStatus(client, { params: { path }, signal });
    return data.permission_set_provisioning_status;
  });
}

type RequestPath = { instance_id: string; request_id: string };

async function waitForRequest<Status extends { status?: string; failure_reason?: string }>(
  waiter: string,
  what: string,
  target: AsynchronousRequestTarget,
  options: WaiterOptions,
  poll: (path: RequestPath, signal: AbortSignal) => Promise<Status>,
): Promise<Status> {
  for (const name of ["instance_id", "request_id"] as const) {
    const value = target?.[name];
    if (typeof value !== "string" || value.trim() === "") {
      throw new InvalidRequestError(
        waiter,
        name,
        "must be a non-empty string (the request_id comes from the answer of the call waited for)",
        "target",
      );
    }
  }
  const path = { instance_id: target.instance_id, request_id: target.request_id! };
  return waitUntil({
    ...options,
    description: `IAM Identity Center ${what} ${path.request_id}`,
    poll: (signal) => poll(path, signal),
    accept(outcome) {
      if (!outcome.ok) throw outcome.error;
      const { status, failure_reason } = outcome.result;
      if (status === "SUCCEEDED") return { state: "success" };
      if (status === "FAILED")
        return { state: "failure", reason: `status FAILED: ${failure_reason || "the service gave no failure_reason"}` };
      return { state: "retry" };
    },
  });
}
