// The one place secrets are removed before anything is shown: error bodies and messages, warnings and
// logger lines all pass through a Redactor.

export const REDACTED = "[REDACTED]";

/** Header names whose values are always secret (compared lower-case). */
const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-auth-token",
  "x-security-token",
  "scp-signature",
]);

/** Field names whose values are always secret (compared lower-case, `_` and `-` ignored). */
const SECRET_FIELDS = [
  "password",
  "secret",
  "secretkey",
  "sk",
  "apikey",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "securitytoken",
  "authtoken",
  "clientsecret",
  "privatekey",
  "bindcredential",
  "authorization",
  "signature",
];

const normalise = (name: string) => name.toLowerCase().replace(/[-_]/g, "");

/** `"name": "value"` in JSON text; the value may be cut off at the end of the text (a truncated snippet). */
const JSON_STRING_MEMBER = /"([A-Za-z0-9_-]{1,64})"(\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)/g;

export interface Redactor {
  /** Replaces every known secret value inside a string. */
  text(value: string): string;
  /** A deep copy with secret fields and known secret values replaced. */
  value<T>(value: T): T;
  /** Headers as a plain object, secret ones replaced. */
  headers(headers: Headers): Record<string, string>;
  /** A redactor that also knows these secret values (e.g. the passwords in one request body). */
  with(secretValues: Iterable<string>): Redactor;
}

export interface RedactorInit {
  /** Extra secret field names, e.g. the fields a spec marks `format: password` or `x-secret`. */
  secretFields?: readonly string[] | undefined;
  /** Secret strings to scrub wherever they appear (keys, tokens). Values shorter than 4 characters are ignored. */
  secretValues?: Iterable<string> | undefined;
}

export function createRedactor(init: RedactorInit = {}): Redactor {
  const fields = new Set([...SECRET_FIELDS, ...(init.secretFields ?? []).map(normalise)]);
  return build(fields, [...(init.secretValues ?? [])]);
}

function build(fields: Set<string>, values: string[]): Redactor {
  // Longest first, so a secret that contains another is replaced whole.
  const secrets = [...new Set(values.filter((value) => typeof value === "string" && value.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  const isSecretField = (name: string) => fields.has(normalise(name));

  function text(value: string): string {
    let result = value;
    for (const secret of secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    // JSON quoted in text (the snippet of an answer that did not parse, a logged body): a secret field's string
    // value is replaced even when it is not a known value, e.g. a one-time password the service answered with.
    if (result.includes(":")) {
      result = result.replace(JSON_STRING_MEMBER, (member, name: string, colon: string) =>
        isSecretField(name) ? `"${name}"${colon}"${REDACTED}"` : member,
      );
    }
    return result;
  }

  function value<T>(input: T, seen = new WeakSet<object>()): T {
    if (typeof input === "string") return text(input) as T;
    if (typeof input !== "object" || input === null) return input;
    if (seen.has(input)) return "[Circular]" as T;
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => value(item, seen)) as T;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      copy[key] = isSecretField(key) && item !== null && item !== undefined && item !== "" ? REDACTED : value(item, seen);
    }
    return copy as T;
  }

  function headers(input: Headers): Record<string, string> {
    const copy: Record<string, string> = {};
    input.forEach((headerValue, name) => {
      copy[name] = SECRET_HEADERS.has(name) ? REDACTED : text(headerValue);
    });
    return copy;
  }

  return {
    text,
    value: (input) => value(input),
    headers,
    with: (more) => deferred(fields, [...secrets, ...more]),
  };
}

/**
 * The redactor `build(fields, values)` would return, built on first use: every call and attempt adds secrets,
 * but only an error, a warning or a log line needs them sorted and matched.
 */
function deferred(fields: Set<string>, values: string[]): Redactor {
  let built: Redactor | undefined;
  const get = () => (built ??= build(fields, values));
  return {
    text: (input) => get().text(input),
    value: (input) => get().value(input),
    headers: (input) => get().headers(input),
    with: (more) => deferred(fields, [...values, ...more]),
  };
}

/** The string values of secret fields anywhere in a JSON value, so they can be scrubbed from echoes too. */
export function secretValuesIn(json: unknown, secretFields: readonly string[] = []): string[] {
  const fields = new Set([...SECRET_FIELDS, ...secretFields.map(normalise)]);
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    for (const [key, item] of Object.entries(node)) {
      if (typeof item === "string" && fields.has(normalise(key))) found.push(item);
      else visit(item);
    }
  };
  visit(json);
  return found;
}

/**
 * The values of the credential headers a request carries, and their long parts (a signature inside an
 * `Authorization` value), so a server echoing them back cannot leak them into an error.
 */
export function secretHeaderValues(headers: Headers): string[] {
  const values: string[] = [];
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name)) return;
    values.push(value, ...value.split(/[\s,=]+/).filter((part) => part.length >= 16));
  });
  return values;
}
