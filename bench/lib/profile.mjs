// Where a side's time per call goes, from V8 CPU profiles (the inspector's `Profiler.stop` result): each sample's
// own frame is put in a category (our packages, openapi-fetch's serializers, the digests and HMAC, Node's fetch,
// streams, abort signals and events, timers, garbage collection, ...). Pure: profiles in, microseconds out.

/** Categories in the order reports list them; `idle` is time the process waited (for the server), not CPU. */
export const CATEGORIES = [
  "our core",
  "our provider package (signing, options)",
  "openapi-fetch (serializers)",
  "crypto (digests, HMAC)",
  "fetch itself (undici)",
  "web streams",
  "abort signals and events",
  "timers",
  "other Node.js internals",
  "native (socket writes, JSON, V8 builtins)",
  "garbage collection",
  "bench harness",
];

/** The category of one profile node's call frame. */
export function categoryOf({ functionName, url }) {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)" || functionName === "(root)") return "native (socket writes, JSON, V8 builtins)";
  if (url.includes("/packages/core/")) return "our core";
  if (url.includes("/packages/")) return "our provider package (signing, options)";
  if (url.includes("/openapi-fetch/")) return "openapi-fetch (serializers)";
  if (url.includes("/bench/") || url.includes("/scripts/")) return "bench harness";
  if (url === "") return "native (socket writes, JSON, V8 builtins)";
  if (/internal\/crypto\/|node:crypto/.test(url)) return "crypto (digests, HMAC)";
  if (url.includes("undici")) return "fetch itself (undici)";
  if (url.includes("webstreams")) return "web streams";
  if (/abort_controller|event_target|js_transferable|node:events/.test(url)) return "abort signals and events";
  if (/timers/.test(url)) return "timers";
  return "other Node.js internals";
}

/** Microseconds of samples per category in one profile (`idle` included, under its own name). */
export function categorize(profile) {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = Object.fromEntries([...CATEGORIES, "idle"].map((name) => [name, 0]));
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = frames.get(profile.samples[i]);
    const delta = profile.timeDeltas[i] ?? 0;
    if (frame && delta > 0) totals[categoryOf(frame)] += delta;
  }
  return totals;
}

/** Sums categorized profiles and divides by the calls they covered: microseconds per call, per category. */
export function perCall(categorized, calls) {
  if (!(calls > 0)) throw new Error(`perCall needs a positive number of calls, got ${calls}`);
  const sum = {};
  for (const totals of categorized) for (const [name, micros] of Object.entries(totals)) sum[name] = (sum[name] ?? 0) + micros;
  return Object.fromEntries(Object.entries(sum).map(([name, micros]) => [name, micros / calls]));
}
