// Renders the results of `pnpm bench` as BENCHMARKS.md and as an SVG chart of per-request overhead. Pure:
// results in, text out.
import { CATEGORIES } from "./profile.mjs";

/** The targets of issue 17 (and the signer's and the named call's), each judged in BENCHMARKS.md. */
const TARGETS = {
  /** Signed clients (SCP, Huawei): median time per request, client ÷ raw fetch. */
  signedRatio: 1.25,
  /** Unsigned clients (Siit). */
  unsignedRatio: 1.15,
  /** The client against the official Huawei SDK's full call: its median over ours, and our requests/s over its. */
  officialSpeedup: 1.6,
  /** A named call against the same call by path: no measurable time, i.e. within the run-to-run noise. */
  namedRatio: 1.03,
  signerRatio: 3,
  bundleBytes: 10 * 1024,
  coldStartMs: 20,
  /** tsc over a consumer of every operation of the largest spec, over tsc on an empty module. */
  typecheckOverMs: 1000,
};

const escapeXml = (text) =>
  String(text).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
const int = (value) => Math.round(value).toLocaleString("en-US");
const fixed = (value, digits) => value.toFixed(digits);
export const micros = (ms) => `${int(ms * 1000)} µs`;
export const kB = (bytes) => `${fixed(bytes / 1024, 2)} kB`;
const MB = (bytes) => `${fixed(bytes / 1024 / 1024, 2)} MB`;
const size = (bytes) => (bytes >= 1024 * 1024 ? MB(bytes) : kB(bytes));
const times = (value) => `${fixed(value, 2)}×`;
// Ratios judged against a target: three decimals, as measured, so a value just over the line does not print as on it.
const exact = (value) => `${fixed(value, 3)}×`;
const ms = (value) => `${int(value)} ms`;
const verdict = (ok) => (ok ? "met" : "**missed**");

/** The client ÷ raw fetch target of a provider: signed or not. */
const ratioTarget = (row) => (row.signed === false ? TARGETS.unsignedRatio : TARGETS.signedRatio);

function table(header, rows) {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

const SERIES = [
  { key: "fetch", label: "raw fetch", color: "#9aa5b1" },
  { key: "openapiFetch", label: "bare openapi-fetch", color: "#6c8ebf" },
  { key: "client", label: "our client (by path)", color: "#d9822b" },
  { key: "named", label: "our client (named operation)", color: "#f0b65a" },
  { key: "official", label: "official Huawei SDK", color: "#8e5ea2" },
];

/** The per-request overhead chart: per provider, the median time of each side it has; the dashed line is its target. */
export function renderChart(overhead) {
  const labelWidth = 260;
  const plotWidth = 420;
  const barHeight = 16;
  const titleHeight = 30;
  const top = 58;
  const groups = overhead.map((row) => ({ row, series: SERIES.filter(({ key }) => row[key] !== undefined) }));
  const groupHeights = groups.map(({ series }) => titleHeight + series.length * (barHeight + 4) + 18);
  const height = top + groupHeights.reduce((sum, h) => sum + h, 0) + 40;
  const width = labelWidth + plotWidth + 140;
  const max = Math.max(
    ...groups.flatMap(({ row, series }) => series.map(({ key }) => row[key].medianMs)),
    ...overhead.map((row) => row.fetch.medianMs * ratioTarget(row)),
  );
  const x = (valueMs) => labelWidth + (valueMs / max) * plotWidth;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">Median time per request (lower is better)</text>`,
    `<text x="12" y="40" fill="#555">Loopback server answering each operation with its spec example; the dashed line is the provider's target over raw fetch.</text>`,
  ];
  let title = top;
  groups.forEach(({ row, series }, group) => {
    parts.push(
      `<text x="12" y="${title + 12}"><tspan font-weight="600">${escapeXml(row.label)}</tspan><tspan fill="#555"> · ${row.operations} operations · client ${times(row.ratio.median)} raw fetch</tspan></text>`,
    );
    const y0 = title + titleHeight - 8;
    series.forEach(({ key, label, color }, index) => {
      const y = y0 + index * (barHeight + 4);
      const value = row[key].medianMs;
      parts.push(`<text x="${labelWidth - 8}" y="${y + barHeight - 4}" text-anchor="end" fill="#333">${escapeXml(label)}</text>`);
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${Math.max(1, x(value) - labelWidth).toFixed(1)}" height="${barHeight}" fill="${color}"/>`,
      );
      parts.push(`<text x="${(x(value) + 6).toFixed(1)}" y="${y + barHeight - 4}" fill="#333">${escapeXml(micros(value))}</text>`);
    });
    const target = x(row.fetch.medianMs * ratioTarget(row)).toFixed(1);
    parts.push(
      `<line x1="${target}" x2="${target}" y1="${y0 - 2}" y2="${y0 + series.length * (barHeight + 4)}" stroke="#c0392b" stroke-dasharray="4 3"/>`,
    );
    title += groupHeights[group];
  });
  const legendY = height - 16;
  SERIES.forEach(({ label, color }, index) => {
    const lx = 12 + index * 150;
    parts.push(
      `<rect x="${lx}" y="${legendY - 10}" width="12" height="12" fill="${color}"/>`,
      `<text x="${lx + 18}" y="${legendY}" font-size="11">${escapeXml(label)}</text>`,
    );
  });
  parts.push("</svg>", "");
  return parts.join("\n");
}

/** The target rows: what, measured, verdict. */
export function targetRows(results) {
  const { overhead, signing, coldStart, footprint, codegen } = results;
  const rows = [];
  for (const row of overhead) {
    const target = ratioTarget(row);
    rows.push([
      `${row.label}: ${row.signed === false ? "unsigned" : "signed"} call median ≤ ${times(target)} raw fetch`,
      exact(row.ratio.median),
      verdict(row.ratio.median <= target),
    ]);
  }
  for (const row of overhead.filter((entry) => entry.officialSpeedup !== undefined)) {
    rows.push(
      [
        `${row.label}: ≥ ${times(TARGETS.officialSpeedup)} the official SDK's full call, one at a time (its median ÷ ours)`,
        exact(row.officialSpeedup),
        verdict(row.officialSpeedup >= TARGETS.officialSpeedup),
      ],
      [
        `${row.label}: ≥ ${times(TARGETS.officialSpeedup)} the official SDK's full call, ${row.concurrent.inFlight} in flight (our requests/s ÷ its)`,
        exact(row.concurrent.officialSpeedup),
        verdict(row.concurrent.officialSpeedup >= TARGETS.officialSpeedup),
      ],
    );
  }
  for (const row of overhead) {
    rows.push([
      `${row.label}: a named operation costs no measurable time over the path call (median within ${times(TARGETS.namedRatio)})`,
      exact(row.namedRatio.median),
      verdict(row.namedRatio.median <= TARGETS.namedRatio),
    ]);
  }
  rows.push([
    `Huawei signer ≥ ${times(TARGETS.signerRatio)} the official signer's ops/s`,
    exact(signing.huawei.ratio),
    verdict(signing.huawei.ratio >= TARGETS.signerRatio),
  ]);
  for (const row of footprint.packages.filter((entry) => entry.oneCallBundleBytes !== undefined)) {
    rows.push([
      `\`${row.name}\`: one-call consumer ≤ ${kB(TARGETS.bundleBytes)} min+gz with its dependencies`,
      kB(row.oneCallBundleBytes),
      verdict(row.oneCallBundleBytes <= TARGETS.bundleBytes),
    ]);
  }
  for (const row of ourColdStarts(coldStart)) {
    rows.push([
      `\`${row.name}\`: cold \`import\` ≤ ${ms(TARGETS.coldStartMs)}`,
      ms(row.importMs),
      verdict(row.importMs <= TARGETS.coldStartMs),
    ]);
  }
  const typecheck = typecheckOverage(codegen);
  if (typecheck) {
    const { largest, over } = typecheck;
    rows.push([
      `type-check of a consumer calling all ${largest.operations} operations of the largest spec (\`${largest.label}\`) ≤ +${ms(TARGETS.typecheckOverMs)} over an empty module`,
      `+${ms(over)}`,
      verdict(over <= TARGETS.typecheckOverMs),
    ]);
  }
  return rows;
}

const emptyModule = (codegen) => codegen.typecheck.find((row) => row.operations === 0);
const largestConsumer = (codegen) =>
  codegen.typecheck.filter((row) => row.operations > 0).reduce((a, b) => (b.operations > (a?.operations ?? -1) ? b : a), undefined);
/** The type-check target's figures: the largest spec's consumer and its time over an empty module's; undefined without one. */
function typecheckOverage(codegen) {
  const largest = largestConsumer(codegen);
  return largest && { largest, over: largest.ms - emptyModule(codegen).ms };
}
/** The cold-start rows of our packages: not the official SDK, the no-import baseline or the one-line floor. */
const ourColdStarts = (coldStart) => coldStart.targets.filter((row) => !row.official && !row.baseline && !row.floor);

/** Our own code's share of a profile, the first four categories: the core, the provider package, openapi-fetch's serializers, the crypto. */
const OUR_CATEGORIES = CATEGORIES.slice(0, 4);
const busyTotal = (profile) => CATEGORIES.reduce((sum, name) => sum + (profile[name] ?? 0), 0);
const ourTotal = (profile) => OUR_CATEGORIES.reduce((sum, name) => sum + (profile[name] ?? 0), 0);

// Why a target is missed, with this run's numbers: one section per kind of target. Empty when all are met.
function missedTargetNotes(results) {
  const { overhead, coldStart, footprint, codegen } = results;
  const notes = [];
  const slow = overhead.filter((row) => row.ratio.median > ratioTarget(row));
  if (slow.length > 0) {
    notes.push(
      "### Per-request time",
      "",
      "Three things separate a client call from the bare request, and none can go: each attempt's `AbortSignal`",
      "(without it `fetch` cannot give up on an attempt that timed out or a call the caller aborted, and the",
      "connection stays busy until the server answers; *raw fetch + signal* is the same bare request with one signal",
      "and one timer), the signature (its digests alone are measured under [Signing](#signing)), and building and",
      "checking the request and answer with openapi-fetch's serializers (path, query and body encoding, header",
      "merging, the size cap, JSON checked against the spec's empty-body facts). The CPU profile of both sides over",
      "the network, per call, by category, shows where the client's extra time goes: our own code (the first four",
      "rows) is the smaller part; the rest is spent in Node's fetch, its streams and signals, and the garbage",
      "collector, handling the larger request (signature headers, the signal) the client sends. The profiler's",
      "sampling inflates every figure alike; read the differences.",
      "",
      table(
        ["category", ...slow.flatMap((row) => [`${row.label}: raw fetch`, "client", "difference"])],
        CATEGORIES.map((name) => [
          name,
          ...slow.flatMap((row) => {
            const fetchMicros = row.profile.fetch[name] ?? 0;
            const clientMicros = row.profile.client[name] ?? 0;
            return [`${int(fetchMicros)} µs`, `${int(clientMicros)} µs`, signed(clientMicros - fetchMicros)];
          }),
        ]),
      ),
      "",
      table(
        [
          "provider",
          "target",
          "raw fetch + signal",
          "client",
          "extra CPU per call (profiled)",
          "of it, our own code",
          "client CPU per call without network (raw fetch's)",
        ],
        slow.map((row) => {
          const extra = busyTotal(row.profile.client) - busyTotal(row.profile.fetch);
          return [
            row.label,
            times(ratioTarget(row)),
            times(row.fetchSignalRatio.median),
            times(row.ratio.median),
            signed(extra),
            `${int(ourTotal(row.profile.client))} µs`,
            `${micros(row.cpuPerCallMs.client)} (${micros(row.cpuPerCallMs.fetch)})`,
          ];
        }),
      ),
      "",
    );
  }
  const behindOfficial = overhead.filter(
    (row) =>
      row.officialSpeedup !== undefined &&
      (row.officialSpeedup < TARGETS.officialSpeedup || row.concurrent.officialSpeedup < TARGETS.officialSpeedup),
  );
  if (behindOfficial.length > 0) {
    notes.push(
      "### Against the official SDK",
      "",
      "No client is faster than the bare request it sends: raw fetch against the official SDK in the same run is",
      `the *ceiling*, what a client with no overhead at all would reach. To be ${times(TARGETS.officialSpeedup)} the official SDK, the client`,
      `must stay within ceiling ÷ ${fixed(TARGETS.officialSpeedup, 1)} of raw fetch (*allowed*); one at a time, compare that with what the`,
      "per-attempt signal alone costs (*raw fetch + signal*). With 50 in flight, requests/s are bounded by the CPU",
      "each request costs in this process (two cores, shared with the server).",
      "",
      table(
        [
          "provider",
          "one at a time: ours",
          "ceiling",
          "allowed",
          "raw fetch + signal",
          "client",
          `${overhead[0]?.concurrent.inFlight ?? 50} in flight: ours`,
          "ceiling",
          "allowed (req/s ÷ raw fetch's)",
          "client",
        ],
        behindOfficial.map((row) => {
          const ceiling = row.official.medianMs / row.fetch.medianMs;
          const concurrentCeiling = row.concurrent.requestsPerSecond.fetch / row.concurrent.requestsPerSecond.official;
          return [
            row.label,
            times(row.officialSpeedup),
            times(ceiling),
            `≤ ${times(ceiling / TARGETS.officialSpeedup)}`,
            times(row.fetchSignalRatio.median),
            times(row.ratio.median),
            times(row.concurrent.officialSpeedup),
            times(concurrentCeiling),
            `≥ ${times(TARGETS.officialSpeedup / concurrentCeiling)}`,
            times(row.concurrent.clientRatio),
          ];
        }),
      ),
      "",
    );
  }
  const big = footprint.packages.filter((row) => row.oneCallBundleBytes > TARGETS.bundleBytes);
  if (big.length > 0) {
    const worst = big.reduce((a, b) => (b.oneCallBundleBytes > a.oneCallBundleBytes ? b : a));
    notes.push(
      "### Bundle size",
      "",
      "A one-call consumer carries the whole call path whatever it calls: option checks, the transport (retries,",
      "timeouts, redirects, the size cap), typed errors, redaction, openapi-fetch's serializers, middleware, and for",
      "a signed provider its signer and credentials (static or from a provider, refreshed before they expire).",
      "Named operations add nothing per operation: a one-call bundle does not grow with the spec. Where the bytes",
      `of the largest one (\`${worst.name}\`, ${kB(worst.oneCallBundleBytes)}) go, by source module (each module's share of the gzipped`,
      "total is in proportion to its minified bytes):",
      "",
      table(
        ["module", "minified", "≈ gzipped"],
        (worst.oneCallModules ?? [])
          .slice(0, 14)
          .map((entry) => [`\`${entry.module}\``, kB(entry.minifiedBytes), kB(entry.gzipShareBytes)]),
      ),
      "",
    );
  }
  const slowStart = ourColdStarts(coldStart).filter((row) => row.importMs > TARGETS.coldStartMs);
  if (slowStart.length > 0) {
    const floor = coldStart.targets.find((row) => row.floor);
    const official = coldStart.targets.find((row) => row.official);
    const beyond = slowStart.map((row) => row.importMs - (floor?.importMs ?? 0));
    notes.push(
      "### Cold start",
      "",
      `Any first \`import()\` costs ${floor ? ms(floor.importMs) : "some milliseconds"} here (a one-line module: the ES module loader starting); the`,
      `packages take ${ms(Math.min(...beyond))}–${ms(Math.max(...beyond))} beyond that: reading and compiling the package (one module each) and its`,
      "dependencies (the core, openapi-fetch) and, for the signed ones, loading `node:crypto`.",
      official
        ? `The official core SDK takes ${ms(official.importMs)} on the same machine in the same run; ours take ${fixed(Math.min(...slowStart.map((row) => row.importMs)) / official.importMs, 2)}–${fixed(Math.max(...slowStart.map((row) => row.importMs)) / official.importMs, 2)} of that.`
        : "",
      "",
    );
  }
  if (typecheckOverage(codegen)?.over > TARGETS.typecheckOverMs) {
    notes.push(
      "### Type-check",
      "",
      "tsc's own figures for each consumer are in the type-check table below: the check time is what the",
      "operations' types cost; the rest is reading the declarations (the generated types of a whole spec).",
      "",
    );
  }
  return notes.length ? ["Where a target is missed, and why:", "", ...notes] : [];
}

const signed = (micros) => `${micros >= 0 ? "+" : "−"}${int(Math.abs(micros))} µs`;

export function renderMarkdown(results, chartPath) {
  const { machine, overhead, signing, coldStart, footprint, codegen } = results;
  const official = footprint.packages.find((row) => row.official);
  const baseline = coldStart.targets.find((row) => row.baseline);
  const officialStart = coldStart.targets.find((row) => row.official);
  const emptyCheck = emptyModule(codegen);
  const withOfficial = overhead.filter((row) => row.official !== undefined);
  const inFlight = overhead[0]?.concurrent.inFlight ?? 50;

  return [
    "# Benchmarks",
    "",
    `Written by \`pnpm bench\` (bench/run.mjs) on ${machine.date}; do not edit by hand. What each number means, and how`,
    "it is measured, is under [How these are measured](#how-these-are-measured). The machine is shared: its load",
    `average when the run started was ${fixed(machine.loadAverage, 2)} on ${machine.cores} cores (see [Machine](#machine)).`,
    "",
    "## Targets",
    "",
    table(["target", "measured", "verdict"], targetRows(results)),
    "",
    ...missedTargetNotes(results),
    "## Machine",
    "",
    table(
      ["", ""],
      [
        ["CPU", `${machine.cpu} (${machine.cores} logical cores)`],
        ["memory", `${fixed(machine.memoryGiB, 1)} GiB`],
        ["OS", machine.os],
        ["Node.js", machine.node],
        ["load average at start (1 min)", fixed(machine.loadAverage, 2)],
        ...(machine.loadAverageAtEnd === undefined ? [] : [["load average at the end (1 min)", fixed(machine.loadAverageAtEnd, 2)]]),
        ["whole run", `${int(results.elapsedSeconds)} s`],
      ],
    ),
    "",
    "## How to reproduce",
    "",
    "```sh",
    "pnpm install",
    "pnpm bench                  # builds (turbo), runs every comparison in its own process, rewrites this file and the chart",
    "BENCH_SCALE=0.2 pnpm bench  # fewer iterations, for a quick look (noisier)",
    "```",
    "",
    "Needs the npm registry (packages are installed into temporary projects for their footprint). Timings depend on",
    "the machine and on whatever else runs on it: compare ratios, which are measured against a baseline in the same",
    "process and run, rather than absolute times across machines.",
    "",
    "## Per-request overhead",
    "",
    `![Median time per request: raw fetch, bare openapi-fetch, our client and the official Huawei SDK, per provider](${chartPath})`,
    "",
    table(
      [
        "provider",
        "ops",
        "raw fetch median",
        "raw fetch + signal",
        "client median",
        "ratio",
        "named operation (÷ path call)",
        "client p99 (ratio)",
        "raw fetch req/s",
        "client req/s",
        "bare openapi-fetch (ratio)",
      ],
      overhead.map((row) => [
        row.label,
        String(row.operations),
        micros(row.fetch.medianMs),
        `${micros(row.fetchSignal.medianMs)} (${times(row.fetchSignalRatio.median)})`,
        micros(row.client.medianMs),
        `**${times(row.ratio.median)}**`,
        `${micros(row.named.medianMs)} (${times(row.namedRatio.median)})`,
        `${micros(row.client.p99Ms)} (${times(row.ratio.p99)})`,
        int(row.fetch.requestsPerSecond),
        int(row.client.requestsPerSecond),
        `${micros(row.openapiFetch.medianMs)} (${times(row.openapiFetchRatio.median)})`,
      ]),
    ),
    "",
    `${int(overhead[0]?.requestsPerSide ?? 0)} measured requests per side and provider, one in flight. *raw fetch + signal* is the same`,
    "bare request with the one `AbortSignal` and timer an attempt's timeout needs.",
    "",
    ...(withOfficial.length
      ? [
          "Against the official Huawei SDK's full call (`HcClient.sendRequest`, signing with its credentials and sending with",
          "axios, as its generated service clients call it), on the same server and requests:",
          "",
          table(
            ["provider", "official SDK", "official median", "our client median", "ours faster by", "official p99", "our p99"],
            withOfficial.map((row) => [
              row.label,
              `\`${row.officialPackage}\``,
              micros(row.official.medianMs),
              micros(row.client.medianMs),
              `**${times(row.officialSpeedup)}**`,
              micros(row.official.p99Ms),
              micros(row.client.p99Ms),
            ]),
          ),
          "",
        ]
      : []),
    `### ${inFlight} calls in flight`,
    "",
    table(
      ["provider", "raw fetch req/s", "client req/s", "client ÷ raw fetch", "official SDK req/s", "ours ÷ official"],
      overhead.map((row) => [
        row.label,
        int(row.concurrent.requestsPerSecond.fetch),
        int(row.concurrent.requestsPerSecond.client),
        times(row.concurrent.clientRatio),
        row.concurrent.requestsPerSecond.official === undefined ? "–" : int(row.concurrent.requestsPerSecond.official),
        row.concurrent.officialSpeedup === undefined ? "–" : `**${times(row.concurrent.officialSpeedup)}**`,
      ]),
    ),
    "",
    `Median requests/s over rounds of ${int(overhead[0]?.concurrent.requestsPerRound ?? 0)} requests per side (${int(overhead[0]?.concurrent.requests ?? 0)} in all), ${inFlight} at a time.`,
    "",
    "### CPU per call without network",
    "",
    "The same calls with a `fetch` that answers from memory (it still builds the `Request` Node's fetch builds, so",
    "what a signal costs there counts) leave each side's own CPU time per call.",
    "",
    table(
      ["provider", "raw fetch", "bare openapi-fetch", "our client (path)", "our client (named)", "client − raw fetch"],
      overhead.map((row) => [
        row.label,
        micros(row.cpuPerCallMs.fetch),
        micros(row.cpuPerCallMs.openapiFetch),
        micros(row.cpuPerCallMs.client),
        micros(row.cpuPerCallMs.named),
        signed((row.cpuPerCallMs.client - row.cpuPerCallMs.fetch) * 1000),
      ]),
    ),
    "",
    "### Where each request's time goes",
    "",
    "A CPU profile of raw fetch and of the client over the network (the same requests, alternating), per call, by",
    "category. The profiler's sampling inflates every figure; compare the columns.",
    "",
    table(
      ["category", ...overhead.flatMap((row) => [`${row.label}: raw fetch`, "client"])],
      CATEGORIES.map((name) => [
        name,
        ...overhead.flatMap((row) => [`${int(row.profile.fetch[name] ?? 0)} µs`, `${int(row.profile.client[name] ?? 0)} µs`]),
      ]),
    ),
    "",
    "## Signing",
    "",
    table(
      ["signer", "ops/s", "ratio"],
      [
        ["`signRequest` (ours, Huawei SDK-HMAC-SHA256)", int(signing.huawei.oursOpsPerSecond), times(signing.huawei.ratio)],
        [`\`AKSKSigner.sign\` (${signing.officialPackage})`, int(signing.huawei.officialOpsPerSecond), "1.00×"],
        [
          "floor: the three digests alone (SHA-256 body, SHA-256 canonical request, HMAC)",
          int(signing.huawei.digestFloorOpsPerSecond),
          times(signing.huawei.floorRatio),
        ],
        ["`signScpRequest` (ours, SCP)", int(signing.scp.opsPerSecond), `${times(signing.scp.ratioToFloor)} its floor`],
        ["floor: one HMAC-SHA256 over the same message", int(signing.scp.hmacFloorOpsPerSecond), "1.00×"],
      ],
    ),
    "",
    `Inputs: the ${signing.inputs} operations of the Huawei spec with their example arguments (both signers produce the same`,
    "`Authorization` for each, checked before timing); SCP: its spec's operations.",
    "",
    "## Cold start",
    "",
    table(
      ["import", "import time (median)", "process, spawn to exit (median)", "process − bare node"],
      coldStart.targets.map((row) => [
        row.official || row.baseline || row.floor ? row.name : `\`${row.name}\``,
        row.baseline ? "–" : ms(row.importMs),
        ms(row.processMs),
        row.baseline ? "–" : ms(row.processMs - baseline.processMs),
      ]),
    ),
    "",
    `${coldStart.runs} fresh processes per row. The official SDK's import takes ${ms(officialStart.importMs)}.`,
    "",
    "## Footprint",
    "",
    table(
      ["package", "tarball", "installed (node_modules)", "dependencies installed", "one-call consumer, min+gz", "all exports, min+gz"],
      footprint.packages.map((row) => [
        row.official ? row.name : `\`${row.name}\``,
        row.tarballBytes === undefined ? "–" : kB(row.tarballBytes),
        size(row.installedBytes),
        `${row.dependencies.length}${row.dependencies.length > 0 && row.dependencies.length <= 4 ? ` (${row.dependencies.join(", ")})` : ""}`,
        row.oneCallBundleBytes === undefined ? "–" : `${kB(row.oneCallBundleBytes)} (\`${row.oneCallOperation}\`)`,
        row.allExportsBundleBytes === undefined ? "–" : kB(row.allExportsBundleBytes),
      ]),
    ),
    "",
    `The official SDK installs ${official ? `${official.dependencies.length} packages (${MB(official.installedBytes)})` : "–"}, uuid included (it requires uuid without`,
    "declaring it); each of our provider packages installs the core, openapi-fetch and openapi-typescript-helpers",
    "(and the Huawei ones the shared huaweicloud-core).",
    "",
    "## Codegen and type-check",
    "",
    table(
      ["what", "wall time (median)", "tsc check time", "types", "instantiations"],
      [
        ["`pnpm generate` (all specs)", ms(codegen.generateMs), "–", "–", "–"],
        ...codegen.typecheck.map((row) => [
          row.operations === 0
            ? `\`tsc --noEmit\`, ${row.label}`
            : `\`tsc --noEmit\`, a consumer of \`${row.label}\` calling all ${row.operations} operations`,
          row.operations === 0 ? ms(row.ms) : `${ms(row.ms)} (+${ms(row.ms - emptyCheck.ms)} over the empty module)`,
          row.diagnostics ? ms(row.diagnostics.checkMs) : "–",
          row.diagnostics ? int(row.diagnostics.types) : "–",
          row.diagnostics ? int(row.diagnostics.instantiations) : "–",
        ]),
      ],
    ),
    "",
    `${codegen.runs} runs each, TypeScript ${codegen.typescript} with \`--extendedDiagnostics\`. Each consumer compiles (the bench`,
    "fails otherwise) and ends with a call whose body has an unknown field, marked `@ts-expect-error`, so operations",
    "typed `any` would fail it too.",
    "",
    "## How these are measured",
    "",
    "- **Per-request overhead** (`bench/comparisons/overhead.mjs`, one process per provider). A `node:http` server on",
    "  127.0.0.1, in its own process, answers every operation of the provider's spec with its first 2xx example.",
    "  Each side sends every operation in turn with the spec's example arguments and reads the whole answer:",
    "  **raw fetch** builds the same URL, headers and JSON body by hand and sends them without a signature (and",
    "  **raw fetch + signal** adds one `AbortSignal` and timer); **bare openapi-fetch** is the library our client",
    "  builds on, with the same unsigned headers; **our client** is typed, signs (SCP, Huawei) and has its default",
    "  retries (3 attempts) and timeouts on, called by path (`client.GET(path, init)`) and by name",
    "  (`listInstances(client, init)`); the **official SDK** (Huawei packages) is `@huaweicloud/huaweicloud-sdk-core`'s",
    "  `HcClient.sendRequest`, built with `ClientBuilder` and `GlobalCredentials` (IAM Identity Center) or",
    "  `BasicCredentials` (Identity Store) and given what the generated service client's `ParamCreater` gives it. Every",
    "  side's answers are checked against the spec's examples first. After a warm-up, batches of 100 requests per",
    "  side rotate, so drift hits all sides alike; median and p99 are over single requests, requests/s over the time",
    `  spent in that side's batches. With ${inFlight} in flight, rounds of requests per side rotate the same way.`,
    "  The CPU profile uses the inspector in the same process (250 µs sampling). No GC is forced between batches:",
    "  on Node 20 a forced full GC slows the calls after it, the more code a call runs.",
    "- **Signing** (`signing.mjs`): no network. Batches of 2 000 signatures alternate between signers; ops/s is the",
    "  median over batches. The official signer gets what `GlobalCredentials#processAuthRequest` hands it (a",
    "  request object with `X-Sdk-Date` set, the body as a JSON value it serialises itself).",
    '- **Cold start** (`cold-start.mjs`): `node --input-type=module -e "await import(pkg)"` in a fresh process,',
    "  packages in turn, round after round; the import is timed inside the process, the process from spawn to exit.",
    "- **Footprint** (`footprint.mjs`): each package packed with `pnpm pack` and installed by npm from its tarball",
    "  into a clean project (with the tarballs of the workspace packages it depends on); the official SDK from the",
    "  registry. Installed size is the bytes of every file under node_modules; dependencies are the packages npm",
    "  installed besides the package itself. The one-call consumer constructs the client and makes one call with a",
    "  named operation; it is bundled with esbuild (minify, ESM, `node:*` external) from the installed project and",
    "  gzipped (level 9).",
    "- **Codegen and type-check** (`codegen.mjs`): `pnpm generate` timed as a whole; the consumers are written",
    "  to `bench/.typecheck/` and checked with the repository's compiler options (strict, `exactOptionalPropertyTypes`).",
    "",
  ].join("\n");
}
