// Instance creation and deletion are asynchronous: the create answers at once and the instance becomes
// usable later; a delete is accepted before the instance is gone. Samsung's official Terraform provider
// polls ShowInstance for both (every 2 s, for up to 5 minutes); so do these waiters, with backoff.
import { ApiError, type WaiterOptions, waitUntil } from "@identity-clients/core";
import type { ScpClient } from "./client.js";
import { showInstance } from "./generated/operations.js";
import type { InstanceDetail } from "./types.js";

/** The states a created instance settles in. */
const SETTLED_STATES = new Set(["ACTIVE", "INACTIVE"]);

/**
 * Polls ShowInstance until the instance's `state` is `ACTIVE` or `INACTIVE`, and resolves with it. Rejects with
 * a `WaiterError` (`reason: "timeout"`, carrying the last answer) when `maxWaitMs` (default 5 minutes) passes
 * first; an error other than a 404 (the instance may not be visible at once) ends the wait at once.
 */
export async function waitUntilInstanceReady(
  client: ScpClient,
  target: { instance_id: string },
  options: WaiterOptions = {},
): Promise<InstanceDetail> {
  const { instance_id } = target;
  const result = await waitUntil({
    ...options,
    description: `SCP IAM Identity Center instance ${instance_id} to be ready`,
    poll: (signal) => showInstance(client, { params: { path: { instance_id } }, signal }),
    accept(outcome) {
      if (!outcome.ok) {
        if (isNotFound(outcome.error)) return { state: "retry" };
        throw outcome.error;
      }
      return SETTLED_STATES.has(String(outcome.result.data.instance.state)) ? { state: "success" } : { state: "retry" };
    },
  });
  return result.data.instance;
}

/**
 * Polls ShowInstance until it answers 404. Rejects with a `WaiterError` (`reason: "timeout"`, carrying the last
 * answer) when `maxWaitMs` (default 5 minutes) passes first; any other error ends the wait at once.
 */
export async function waitUntilInstanceDeleted(
  client: ScpClient,
  target: { instance_id: string },
  options: WaiterOptions = {},
): Promise<void> {
  const { instance_id } = target;
  await waitUntil({
    ...options,
    description: `SCP IAM Identity Center instance ${instance_id} to be deleted`,
    poll: (signal) => showInstance(client, { params: { path: { instance_id } }, signal }),
    accept(outcome) {
      if (outcome.ok) return { state: "retry" };
      if (isNotFound(outcome.error)) return { state: "success" };
      throw outcome.error;
    },
  });
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
