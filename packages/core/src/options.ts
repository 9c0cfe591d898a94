import { ConfigurationError } from "./errors.js";

/**
 * Reads a credential from the option or, when the option is absent, from an environment variable.
 * The value itself never appears in an error message.
 */
export function readCredential(option: string, value: unknown, envVar?: string): string {
  const fromEnvironment = value === undefined && envVar !== undefined;
  // null counts as not given, like undefined.
  const credential = fromEnvironment ? readEnv(envVar) : (value ?? undefined);
  const source = fromEnvironment ? `environment variable ${envVar}` : `\`${option}\``;
  if (credential === undefined) {
    const hint = envVar ? `pass \`${option}\` or set ${envVar}` : `pass \`${option}\``;
    throw new ConfigurationError(option, `it is required; ${hint}`);
  }
  if (typeof credential !== "string") {
    throw new ConfigurationError(option, `expected a string, got ${typeOf(credential)}`);
  }
  if (credential.trim() === "") {
    throw new ConfigurationError(option, `${source} is blank`);
  }
  // Header values cannot carry these; a trailing newline from a key file is the usual culprit.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects.
  if (/[\s\u0000-\u001f\u007f]/.test(credential)) {
    throw new ConfigurationError(option, `${source} contains whitespace or control characters (a trailing newline?)`);
  }
  return credential;
}

/**
 * Reads a credential that may be absent: undefined when neither the option nor the environment variable is given,
 * otherwise as {@link readCredential} reads it (a given option is read alone: the environment is not its fallback).
 */
export function readOptionalCredential(option: string, value: unknown, envVar?: string): string | undefined {
  if (value !== undefined) return readCredential(option, value);
  if (envVar === undefined || readEnv(envVar) === undefined) return undefined;
  return readCredential(option, undefined, envVar);
}

/**
 * Checks that the options argument is an object with no unknown keys, so a typo such as `apikey`
 * is reported as such instead of as a missing `apiKey`.
 */
export function readOptions<T extends object>(value: unknown, known: readonly (keyof T & string)[]): T {
  if (value === undefined) return {} as T;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError("options", `expected an object, got ${typeOf(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key as keyof T & string)) {
      const suggestion = known.find((name) => name.toLowerCase() === key.toLowerCase());
      const hint = suggestion ? `did you mean \`${suggestion}\`?` : `known options: ${known.join(", ")}`;
      throw new ConfigurationError(key, `unknown option; ${hint}`);
    }
  }
  return value as T;
}

/** Validates a base URL: absolute http(s), no credentials, query or fragment. Returns it without a trailing slash. */
export function readBaseUrl(option: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new ConfigurationError(option, `expected a URL string, got ${typeOf(value)}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(option, `${JSON.stringify(value)} is not an absolute URL (e.g. ${fallback})`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(option, `expected an http(s) URL, got protocol ${JSON.stringify(url.protocol)}`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(option, "must not contain a user name or password; pass credentials as options");
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(option, `must not contain a query or fragment, got ${JSON.stringify(value)}`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Validates a duration in milliseconds: a positive finite number within the range timers accept. */
export function readDuration(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 2_147_483_647) {
    throw new ConfigurationError(option, `expected a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}

/** Validates extra headers: an object of string values. */
export function readHeaders(option: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError(option, `expected an object of header names to strings, got ${typeOf(value)}`);
  }
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue !== "string") {
      throw new ConfigurationError(option, `header ${JSON.stringify(name)} must be a string, got ${typeOf(headerValue)}`);
    }
  }
  return value as Record<string, string>;
}

/** Validates an optional function option such as `fetch`. */
export function readFunction<F extends (...args: never[]) => unknown>(option: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") {
    throw new ConfigurationError(option, `expected a function, got ${typeOf(value)}`);
  }
  return value as F;
}

/**
 * An environment variable, or undefined when it is unset or empty, when the runtime has no `process` (a Worker), or
 * when reading it is not allowed (Deno without --allow-env).
 */
export function readEnv(name: string): string | undefined {
  // `process` is absent in browsers and some edge runtimes.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  let value: string | undefined;
  try {
    value = env?.[name];
  } catch {
    // Deno without --allow-env throws on reading a variable: one we may not read is one we do not have.
    return undefined;
  }
  return value === "" ? undefined : value;
}

function typeOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
