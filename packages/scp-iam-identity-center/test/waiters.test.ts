// The instance waiters against a local server whose instance moves through the states the service reports.
// Polls are 1 ms apart: the assertions are on what was polled and answered, never on time.
import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../../scripts/capture-error.mjs";
import { json, type LocalServer, startLocalServer } from "../../../scripts/local-server.mjs";
import { createScpClient, ScpApiError, WaiterError, waitUntilInstanceDeleted, waitUntilInstanceReady } from "../src/index.js";

const FAST = { minDelayMs: 1, maxDelayMs: 1 };
const instance = (state: string | undefined) => ({ instance: { id: "ssoins-1", name: "Acme", ...(state ? { state } : {}) } });

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers ShowInstance with each of `answers` in turn (the last one again after that). */
async function sequence(answers: { status: number; body?: unknown }[]) {
  server = await startLocalServer((request, response) => {
    expect(request.method).toBe("GET");
    expect(request.url).toBe("/v1/instances/ssoins-1");
    const answer = answers[Math.min(server!.requests.length - 1, answers.length - 1)]!;
    json(response, answer.status, answer.body ?? { message: "not found" });
  });
  return createScpClient({ accessKey: "ak", secretKey: "sk", baseUrl: server.url, retry: false });
}

describe("waitUntilInstanceReady", () => {
  it("polls ShowInstance through a 404 and an unsettled state until the instance is ACTIVE", async () => {
    const scp = await sequence([{ status: 404 }, { status: 200, body: instance(undefined) }, { status: 200, body: instance("ACTIVE") }]);

    const ready = await waitUntilInstanceReady(scp, { instance_id: "ssoins-1" }, FAST);

    expect(ready).toMatchObject({ id: "ssoins-1", state: "ACTIVE" });
    expect(server?.requests).toHaveLength(3);
  });

  it("settles on INACTIVE too, as the official provider does", async () => {
    const scp = await sequence([{ status: 200, body: instance("INACTIVE") }]);

    expect(await waitUntilInstanceReady(scp, { instance_id: "ssoins-1" }, FAST)).toMatchObject({ state: "INACTIVE" });
  });

  it("rejects with a timeout WaiterError carrying the last answer when maxWaitMs passes first", async () => {
    const scp = await sequence([{ status: 200, body: instance(undefined) }]);

    const error = await rejectionOf(waitUntilInstanceReady(scp, { instance_id: "ssoins-1" }, { ...FAST, maxWaitMs: 0 }), WaiterError);

    expect(error).toMatchObject({ reason: "timeout", polls: 1, description: "SCP IAM Identity Center instance ssoins-1 to be ready" });
    expect(error.lastResult).toMatchObject({ data: instance(undefined) });
  });

  it("ends at once on an error other than 404", async () => {
    const scp = await sequence([{ status: 403, body: { message: "denied" } }]);

    const error = await rejectionOf(waitUntilInstanceReady(scp, { instance_id: "ssoins-1" }, FAST), ScpApiError);

    expect(error.status).toBe(403);
    expect(server?.requests).toHaveLength(1);
  });
});

describe("waitUntilInstanceDeleted", () => {
  it("polls ShowInstance until it answers 404", async () => {
    const scp = await sequence([{ status: 200, body: instance("ACTIVE") }, { status: 200, body: instance("ACTIVE") }, { status: 404 }]);

    await waitUntilInstanceDeleted(scp, { instance_id: "ssoins-1" }, FAST);

    expect(server?.requests).toHaveLength(3);
  });

  it("stops with the signal's reason when aborted", async () => {
    const scp = await sequence([{ status: 200, body: instance("ACTIVE") }]);
    const controller = new AbortController();

    const waiting = waitUntilInstanceDeleted(
      scp,
      { instance_id: "ssoins-1" },
      { ...FAST, signal: controller.signal, onPoll: () => controller.abort() },
    );

    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect(server?.requests).toHaveLength(1);
  });
});
