// Test helper for the secret-leak suites: everything a user could see of a failure, searched for secrets.
import { inspect } from "node:util";
import { startLocalServer } from "./local-server.mjs";

/** Every way an error is shown: message, stack, JSON.stringify and util.inspect (with its cause chain). */
export function renderings(error) {
  if (!(error instanceof Error)) return { value: inspect(error) };
  return {
    message: error.message,
    stack: error.stack ?? "",
    json: JSON.stringify(error) ?? "",
    inspect: inspect(error, { depth: 10 }),
    string: String(error),
  };
}

/**
 * Runs `action` (which should fail), collecting the error, process warnings and logger lines, and
 * returns the places where any of `secrets` appears. An empty list means nothing leaked. `secrets` may
 * be a function, read after the action, for secrets known only once requests were sent (signatures).
 */
export async function findLeaks(secrets, action) {
  const warnings = [];
  const logs = [];
  const onWarning = (warning) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on("warning", onWarning);
  let error;
  try {
    await action({ debug: (line) => logs.push(line) });
  } catch (thrown) {
    error = thrown;
  } finally {
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
  }
  if (error === undefined) throw new Error("findLeaks: the action did not fail, so there was nothing to check");
  const places = { ...renderings(error), warnings: warnings.join("\n"), logs: logs.join("\n") };
  const leaks = [];
  for (const secret of typeof secrets === "function" ? secrets() : secrets) {
    for (const [where, text] of Object.entries(places)) {
      if (text.includes(secret)) leaks.push(`${JSON.stringify(secret)} in ${where}`);
    }
  }
  return { error, leaks, logs, warnings };
}

/**
 * The two paths where no answer comes: a server that never answers (the call times out after 30 ms), then
 * the same address with nothing listening (the connection is refused). `action` gets the base URL, a logger
 * and, for the first, the timeout to pass to the client.
 */
export async function findLeaksWithoutAnswer(secrets, action) {
  const silent = await startLocalServer(() => undefined);
  const timeout = await findLeaks(secrets, (logger) => action({ baseUrl: silent.url, logger, timeoutMs: 30 }));
  await silent.close();
  const refused = await findLeaks(secrets, (logger) => action({ baseUrl: silent.url, logger }));
  return { timeout, refused };
}
