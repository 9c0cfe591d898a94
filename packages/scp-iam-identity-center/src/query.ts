// The query string as Samsung's official Go SDK sends (and signs) it: Go's url.Values.Encode() sorts the keys
// byte-wise, keeps each key's values in order, and escapes with url.QueryEscape (space as "+", everything but
// A-Z a-z 0-9 - _ . ~ percent-encoded as upper-case UTF-8 bytes).

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;
const utf8 = new TextEncoder();

const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is what this tests for.
const ASCII = /^[\u0000-\u007f]*$/;

/** Go's url.QueryEscape. */
export function goQueryEscape(value: string): string {
  if (ALL_UNRESERVED.test(value)) return value;
  let out = "";
  for (const char of value) {
    if (char === " ") out += "+";
    else if (UNRESERVED.test(char)) out += char;
    else for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function compareBytes(a: string, b: string): number {
  // For ASCII, UTF-8 byte order is code-unit order.
  if (ASCII.test(a) && ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** Go's url.Values.Encode() over the (decoded) pairs of a query. */
export function goEncodeQuery(params: URLSearchParams): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of params) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort(compareBytes)
    .flatMap((key) => (byKey.get(key) ?? []).map((value) => `${goQueryEscape(key)}=${goQueryEscape(value)}`))
    .join("&");
}

// `key=value` pairs of unreserved characters only: decoding and escaping leave them as they are.
const PLAIN_PAIR = /^[A-Za-z0-9\-_.~]+=[A-Za-z0-9\-_.~]*$/;

/**
 * The Go form of a query made only of plain pairs (the usual case): the pairs sorted by key, each key's values
 * in order (the sort is stable). Undefined when a pair needs decoding or escaping.
 */
function plainGoQuery(query: string): string | undefined {
  const pairs = query.split("&");
  for (const pair of pairs) if (!PLAIN_PAIR.test(pair)) return undefined;
  const key = (pair: string) => pair.slice(0, pair.indexOf("="));
  // Plain keys are ASCII: code-unit order is byte order.
  return pairs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).join("&");
}

/**
 * The URL with its query re-encoded as the official SDK encodes it; the URL itself (same string) when it has no
 * query or already has that form. Only the query changes: scheme, host and path are kept as given.
 */
export function withGoQuery(url: string): string {
  const mark = url.indexOf("?");
  if (mark === -1) return url;
  const hash = url.indexOf("#", mark);
  const query = url.slice(mark + 1, hash === -1 ? undefined : hash);
  const encoded = (query === "" ? undefined : plainGoQuery(query)) ?? goEncodeQuery(new URLSearchParams(query));
  if (encoded === "") return url.slice(0, mark);
  return encoded === query ? url : `${url.slice(0, mark)}?${encoded}`;
}
