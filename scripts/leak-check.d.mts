/** Every way an error is shown: message, stack, JSON.stringify, util.inspect and String(). */
export function renderings(error: unknown): Record<string, string>;

export interface LeakReport {
  error: unknown;
  /** `"<secret>" in <where>` for every secret found; empty when nothing leaked. */
  leaks: string[];
  logs: string[];
  warnings: string[];
}

/** Runs a failing action (given a logger to pass to the client) and searches every output for the secrets. */
export function findLeaks(
  secrets: string[] | (() => string[]),
  action: (logger: { debug(line: string): void }) => Promise<unknown> | unknown,
): Promise<LeakReport>;

/** A server that never answers (timeout after 30 ms), then nothing listening (refused): both reports. */
export function findLeaksWithoutAnswer(
  secrets: string[] | (() => string[]),
  action: (target: { baseUrl: string; logger: { debug(line: string): void }; timeoutMs?: number }) => Promise<unknown> | unknown,
): Promise<{ timeout: LeakReport; refused: LeakReport }>;
