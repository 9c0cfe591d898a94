#!/usr/bin/env node
// Breaking-change detection for the specs.
//
//   pnpm spec:diff                     classify every change of each spec since its base
//   pnpm spec:diff siit                one provider
//   pnpm spec:diff --base v1-branch    compare with a given git ref instead
//   pnpm spec:diff --check             exit 1 when a spec change needs a bigger bump than the pending changesets give
//
// The base of specs/<provider>/openapi.yaml is the highest `@identity-clients/<provider>@x.y.z` tag (the last
// release); without one, the point where HEAD left `main` (or `origin/main`, or HEAD itself when neither
// exists). The working-tree spec is compared with the base's. Each change is breaking, feature or fix, from
// the view of a typed client: requests and responses have opposite variance (a server accepting less
// breaks callers; a server returning more breaks readers). The rules are listed in CONTRIBUTING.md.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { selectProviders } from "./providers.mjs";
import { deref, HTTP_METHODS } from "./spec-ref.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const LEVELS = ["fix", "feature", "breaking"];
export const BUMPS = ["patch", "minor", "major"];
const show = (value) => JSON.stringify(value);
const same = (a, b) => show(a) === show(b);

/** A schema with `allOf` merged into one: properties and required lists joined, other keys first-wins. */
function flatten(spec, schema) {
  const node = deref(spec, schema) ?? {};
  if (!Array.isArray(node.allOf)) return node;
  const { allOf, ...rest } = node;
  const parts = [rest, ...allOf.map((part) => flatten(spec, part))];
  const merged = Object.assign({}, ...parts.toReversed());
  merged.properties = Object.assign({}, ...parts.map((part) => part.properties ?? {}));
  merged.required = [...new Set(parts.flatMap((part) => part.required ?? []))];
  return merged;
}

function operations(spec) {
  const ops = new Map();
  for (const [path, rawItem] of Object.entries(spec?.paths ?? {})) {
    const item = deref(spec, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      if (!item[method]) continue;
      // `/a/{id}` and `/a/{uid}` are the same route: the renamed path parameter shows up as a parameter change.
      const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;
      const parameters = new Map();
      for (const raw of [...(item.parameters ?? []), ...(item[method].parameters ?? [])]) {
        const parameter = deref(spec, raw);
        parameters.set(`${parameter.in}.${parameter.name}`, parameter);
      }
      ops.set(key, { label: `${method.toUpperCase()} ${path}`, op: item[method], parameters });
    }
  }
  return ops;
}

/**
 * Every difference between two parsed OpenAPI 3.0 documents, per operation (`METHOD path`), as
 * `{ level: "breaking" | "feature" | "fix", where, message }`.
 */
export function diffSpecs(oldSpec, newSpec) {
  const changes = [];
  const add = (level, where, message) => changes.push({ level, where, message });
  const ctx = { oldSpec, newSpec, add, stack: new Set() };
  const before = operations(oldSpec);
  const after = operations(newSpec);
  for (const [key, { label }] of before) if (!after.has(key)) add("breaking", label, "operation was removed");
  for (const [key, now] of after) {
    const was = before.get(key);
    if (was) compareOperation(ctx, was, now, now.label);
    else add("feature", now.label, "operation was added");
  }
  return changes;
}

/** Reports changed documentation keys (description, summary, examples, x-*) and any key no rule handles, as fixes. */
function compareRest(ctx, o, n, where, handled) {
  for (const key of new Set([...Object.keys(o ?? {}), ...Object.keys(n ?? {})])) {
    if (handled.includes(key) || same(o?.[key], n?.[key])) continue;
    const verb = o?.[key] === undefined ? "was added" : n?.[key] === undefined ? "was removed" : "changed";
    ctx.add("fix", where, `${key} ${verb}`);
  }
}

function compareOperation(ctx, was, now, where) {
  const { add } = ctx;
  if (was.op.operationId !== now.op.operationId) {
    // The generated `operations` type (exported by each package) is keyed by operationId.
    add("breaking", where, `operationId changed from ${show(was.op.operationId)} to ${show(now.op.operationId)}`);
  }
  compareRest(ctx, was.op, now.op, where, ["operationId", "parameters", "requestBody", "responses"]);

  for (const key of was.parameters.keys()) {
    if (!now.parameters.has(key)) add("breaking", `${where} parameters.${key}`, "was removed");
  }
  for (const [key, parameter] of now.parameters) {
    const at = `${where} parameters.${key}`;
    const old = was.parameters.get(key);
    if (!old) {
      add(parameter.required ? "breaking" : "feature", at, parameter.required ? "was added as required" : "was added (optional)");
      continue;
    }
    if (!old.required && parameter.required) add("breaking", at, "became required");
    if (old.required && !parameter.required) add("feature", at, "became optional");
    compareSchema(ctx, old.schema, parameter.schema, at, "request");
    compareRest(ctx, old, parameter, at, ["name", "in", "required", "schema"]);
  }

  const oldBody = deref(ctx.oldSpec, was.op.requestBody);
  const newBody = deref(ctx.newSpec, now.op.requestBody);
  const bodyAt = `${where} requestBody`;
  if (oldBody && !newBody) add("breaking", bodyAt, "was removed");
  if (!oldBody && newBody)
    add(newBody.required ? "breaking" : "feature", bodyAt, newBody.required ? "was added as required" : "was added (optional)");
  if (oldBody && newBody) {
    if (!oldBody.required && newBody.required) add("breaking", bodyAt, "became required");
    if (oldBody.required && !newBody.required) add("feature", bodyAt, "became optional");
    compareContent(ctx, oldBody.content, newBody.content, bodyAt, "request");
    compareRest(ctx, oldBody, newBody, bodyAt, ["required", "content"]);
  }

  const oldResponses = was.op.responses ?? {};
  const newResponses = now.op.responses ?? {};
  for (const status of Object.keys(oldResponses)) {
    // A success response is what callers' `data` is typed from; an error response only documents what the
    // API may answer (clients reject with a typed error either way).
    if (!(status in newResponses)) add(/^2/.test(status) ? "breaking" : "fix", `${where} responses.${status}`, "was removed");
  }
  for (const [status, raw] of Object.entries(newResponses)) {
    const at = `${where} responses.${status}`;
    if (!(status in oldResponses)) {
      add(/^2/.test(status) ? "feature" : "fix", at, "was added");
      continue;
    }
    const o = deref(ctx.oldSpec, oldResponses[status]) ?? {};
    const n = deref(ctx.newSpec, raw) ?? {};
    compareContent(ctx, o.content, n.content, at, "response");
    for (const name of Object.keys(o.headers ?? {}))
      if (!(name in (n.headers ?? {}))) add("breaking", `${at} headers.${name}`, "was removed");
    for (const [name, header] of Object.entries(n.headers ?? {})) {
      const old = o.headers?.[name];
      if (!old) add("feature", `${at} headers.${name}`, "was added");
      else compareSchema(ctx, deref(ctx.oldSpec, old).schema, deref(ctx.newSpec, header).schema, `${at} headers.${name}`, "response");
    }
    compareRest(ctx, o, n, at, ["content", "headers"]);
  }
}

function compareContent(ctx, oldContent = {}, newContent = {}, where, direction) {
  const at = (type) => (type === "application/json" ? where : `${where}[${type}]`);
  for (const type of Object.keys(oldContent)) if (!(type in newContent)) ctx.add("breaking", at(type), `media type ${type} was removed`);
  for (const [type, media] of Object.entries(newContent)) {
    if (!(type in oldContent)) ctx.add("feature", at(type), `media type ${type} was added`);
    else {
      compareSchema(ctx, oldContent[type].schema, media.schema, at(type), direction);
      compareRest(ctx, oldContent[type], media, at(type), ["schema"]);
    }
  }
}

// The variance table. A request schema is what the server accepts: accepting less breaks callers, accepting
// more is a feature when the generated types show it (a new enum value, null allowed) and a fix when they don't
// (a longer maxLength). A response schema is what the server returns: returning more (null, another variant,
// a value outside an enum) breaks typed readers; returning less is a fix (a stronger promise).
const tightened = (direction) => (direction === "request" ? "breaking" : "fix");
const loosened = (direction, typed) => (direction === "request" ? (typed ? "feature" : "fix") : typed ? "breaking" : "fix");
const UPPER = ["maxLength", "maximum", "maxItems", "maxProperties"];
const LOWER = ["minLength", "minimum", "minItems", "minProperties"];
const EXACT = ["pattern", "format", "multipleOf"];
const FLAGS = ["exclusiveMaximum", "exclusiveMinimum", "uniqueItems"];

function compareSchema(ctx, oldRaw, newRaw, where, direction) {
  const { add } = ctx;
  if (oldRaw === undefined && newRaw === undefined) return;
  // Recursive schemas: stop when the same pair of $refs is already being compared further up.
  const pair = oldRaw?.$ref && newRaw?.$ref ? `${direction} ${oldRaw.$ref} ${newRaw.$ref}` : undefined;
  if (pair && ctx.stack.has(pair)) return;
  if (pair) ctx.stack.add(pair);
  try {
    const o = flatten(ctx.oldSpec, oldRaw);
    const n = flatten(ctx.newSpec, newRaw);
    const handled = ["$ref", "allOf", "type", "nullable", "enum", ...UPPER, ...LOWER, ...EXACT, ...FLAGS];
    handled.push("properties", "required", "additionalProperties", "items", "oneOf", "anyOf");

    const union = (s) => s.oneOf ?? s.anyOf;
    if (!union(o) !== !union(n)) {
      const variants = (union(o) ?? union(n)).map((v) => flatten(union(o) ? ctx.oldSpec : ctx.newSpec, v));
      const single = union(o) ? n : o;
      const kept = variants.some((variant) => same(variant, single));
      if (union(n)) add(kept ? loosened(direction, true) : "breaking", where, `became a union of ${variants.length} variants`);
      else add(kept ? tightened(direction) : "breaking", where, `is no longer a union (${variants.length} variants became one)`);
      return;
    }

    if (o.type !== n.type) {
      if (o.type === "integer" && n.type === "number") add(loosened(direction, true), where, "type widened from integer to number");
      else if (o.type === "number" && n.type === "integer") add(tightened(direction), where, "type narrowed from number to integer");
      else if (o.type === undefined) add(tightened(direction), where, `type became ${n.type} (was any)`);
      else if (n.type === undefined) add(loosened(direction, true), where, `type ${o.type} was removed (any value)`);
      else {
        add("breaking", where, `type changed from ${o.type} to ${n.type}`);
        return;
      }
    }

    if (!o.nullable && n.nullable) add(loosened(direction, true), where, "became nullable");
    if (o.nullable && !n.nullable) add(tightened(direction), where, "is no longer nullable");

    // Enums: a removed value breaks both sides (callers send it; readers compare with it). An added value is a
    // feature in a request but breaking in a response: an exhaustive switch over the old values no longer is.
    if (o.enum && n.enum) {
      for (const value of o.enum) if (!n.enum.some((v) => same(v, value))) add("breaking", where, `enum value ${show(value)} was removed`);
      for (const value of n.enum) {
        // An open enum (`x-open-enum`) is typed with `| (string & {})`: readers already handle values they do not know.
        if (!o.enum.some((v) => same(v, value)))
          add(direction === "request" || n["x-open-enum"] === true ? "feature" : "breaking", where, `enum value ${show(value)} was added`);
      }
    } else if (n.enum) add("breaking", where, `became an enum (${n.enum.map(show).join(", ")})`);
    else if (o.enum) add(loosened(direction, true), where, "is no longer an enum");

    for (const key of [...UPPER, ...LOWER]) {
      const [a, b] = [o[key], n[key]];
      if (a === b) continue;
      const upper = UPPER.includes(key);
      const tighter = a === undefined || (b !== undefined && (upper ? b < a : b > a));
      const description =
        a === undefined ? `${key} ${b} was added` : b === undefined ? `${key} ${a} was removed` : `${key} changed from ${a} to ${b}`;
      add(tighter ? tightened(direction) : loosened(direction, false), where, description);
    }
    for (const key of EXACT) {
      if (same(o[key], n[key])) continue;
      if (n[key] === undefined) add(loosened(direction, false), where, `${key} ${show(o[key])} was removed`);
      else
        add(
          tightened(direction),
          where,
          o[key] === undefined ? `${key} ${show(n[key])} was added` : `${key} changed from ${show(o[key])} to ${show(n[key])}`,
        );
    }
    for (const key of FLAGS) {
      if (!o[key] && n[key]) add(tightened(direction), where, `${key} was set`);
      if (o[key] && !n[key]) add(loosened(direction, false), where, `${key} was unset`);
    }

    const oldProps = o.properties ?? {};
    const newProps = n.properties ?? {};
    const oldRequired = new Set(o.required ?? []);
    const newRequired = new Set(n.required ?? []);
    const request = direction === "request";
    for (const name of Object.keys(oldProps)) if (!(name in newProps)) add("breaking", `${where}.${name}`, "was removed");
    for (const [name, schema] of Object.entries(newProps)) {
      const at = `${where}.${name}`;
      if (!(name in oldProps)) {
        if (request && newRequired.has(name)) add("breaking", at, "was added as required");
        else add("feature", at, request ? "was added (optional)" : "was added");
        continue;
      }
      if (!oldRequired.has(name) && newRequired.has(name)) add(request ? "breaking" : "fix", at, "became required");
      if (oldRequired.has(name) && !newRequired.has(name)) add(request ? "feature" : "breaking", at, "became optional");
      compareSchema(ctx, oldProps[name], schema, at, direction);
    }

    // Without additionalProperties the generated type has no index signature. Adding one lets callers send
    // other keys (a feature) and leaves readers' code compiling (a fix); removing it breaks code that used it.
    const oldExtra = o.additionalProperties;
    const newExtra = n.additionalProperties;
    if (!oldExtra && newExtra) add(request ? "feature" : "fix", `${where}.*`, "other properties are now allowed");
    if (oldExtra && !newExtra) add("breaking", `${where}.*`, "other properties are no longer allowed");
    if (typeof oldExtra === "object" && typeof newExtra === "object") compareSchema(ctx, oldExtra, newExtra, `${where}.*`, direction);

    if (o.items || n.items) compareSchema(ctx, o.items, n.items, `${where}[]`, direction);

    const [oldVariants, newVariants] = [union(o) ?? [], union(n) ?? []];
    for (let i = 0; i < Math.max(oldVariants.length, newVariants.length); i++) {
      const at = `${where}.oneOf[${i}]`;
      if (i >= newVariants.length) add(tightened(direction), at, "variant was removed");
      else if (i >= oldVariants.length) add(loosened(direction, true), at, "variant was added");
      else compareSchema(ctx, oldVariants[i], newVariants[i], at, direction);
    }
    compareRest(ctx, o, n, where, handled);
  } finally {
    if (pair) ctx.stack.delete(pair);
  }
}

// ---- Release check: base selection, pending changesets, the CLI ----

/** The bump a change of `level` needs. In 0.x a breaking change is a minor bump (semver item 4; `^0.y.z` stops at the next minor). */
export function neededBump(level, version) {
  if (level === "breaking") return version.startsWith("0.") ? "minor" : "major";
  return level === "feature" ? "minor" : "patch";
}

/** The highest bump each package gets from the pending changesets (`.changeset/*.md` front matter). */
export function readChangesets(root = repoRoot) {
  const dir = join(root, ".changeset");
  const bumps = {};
  if (!existsSync(dir)) return bumps;
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split(/\r?\n/);
    const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
    if (lines[0]?.trimEnd() !== "---" || end === -1)
      throw new Error(`.changeset/${file}: no front matter (--- lines naming packages and bumps)`);
    for (const [name, bump] of Object.entries(parseYaml(lines.slice(1, end).join("\n")) ?? {})) {
      if (!BUMPS.includes(bump)) throw new Error(`.changeset/${file}: "${name}": ${show(bump)} is not major, minor or patch`);
      if (!bumps[name] || BUMPS.indexOf(bump) > BUMPS.indexOf(bumps[name])) bumps[name] = bump;
    }
  }
  return bumps;
}

/** Why the pending changesets are not enough for these changes, or undefined when they are. */
export function checkBump({ provider, changes, version, bumps }) {
  const worst = LEVELS.findLast((level) => changes.some((change) => change.level === level));
  if (!worst) return undefined;
  const needed = neededBump(worst, version);
  const name = `@identity-clients/${provider}`;
  const found = bumps[name];
  if (found && BUMPS.indexOf(found) >= BUMPS.indexOf(needed)) return undefined;
  const [first, ...others] = changes.filter((change) => change.level === worst);
  const more = others.length > 0 ? `, and ${others.length} more` : "";
  const zero = version.startsWith("0.") && worst === "breaking" ? ` (${name} is ${version}: in 0.x a breaking change is a minor bump)` : "";
  return `specs/${provider}/openapi.yaml: ${worst} change (${first.where} ${first.message}${more}) needs a ${needed} changeset for ${name}${zero}; found ${found ?? "none"}`;
}

function git(root, args) {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}
function tryGit(root, args) {
  try {
    return git(root, args).trim();
  } catch {
    return undefined;
  }
}
const commitOf = (root, ref) => tryGit(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);

function semver(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version);
  return match && [Number(match[1]), Number(match[2]), Number(match[3]), match[4]];
}
function compareVersions(a, b) {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  if (x[3] === y[3]) return 0;
  if (x[3] === undefined || y[3] === undefined) return x[3] === undefined ? 1 : -1; // 1.0.0-rc.1 < 1.0.0
  return x[3].localeCompare(y[3], "en", { numeric: true });
}

/**
 * What a provider's spec is compared with: `--base`, else its highest release tag, else where HEAD left
 * main (or origin/main), else HEAD itself (only uncommitted edits then count). `rev` is for git, `label` for people.
 */
export function findBase(provider, { root = repoRoot, base } = {}) {
  if (base) {
    const rev = commitOf(root, base);
    if (!rev) throw new Error(`--base ${base} is not a commit in ${root}`);
    return { rev, label: base };
  }
  const prefix = `@identity-clients/${provider}@`;
  const [last] = (tryGit(root, ["tag", "--list", `${prefix}*`]) ?? "")
    .split("\n")
    .map((tag) => tag.slice(prefix.length))
    .filter((version) => semver(version))
    .sort((a, b) => compareVersions(b, a));
  if (last) return { rev: `refs/tags/${prefix}${last}`, label: `${prefix}${last} (the last release)` };
  for (const ref of ["main", "origin/main"]) {
    const mergeBase = commitOf(root, ref) && tryGit(root, ["merge-base", "HEAD", ref]);
    if (mergeBase) return { rev: mergeBase, label: `${ref} (no release tag yet; merge-base ${mergeBase.slice(0, 7)})` };
  }
  return { rev: "HEAD", label: "HEAD (no release tag, no main or origin/main: only uncommitted edits are compared)" };
}

/** Lists each provider's changes since its base; with `check`, also what the pending changesets lack. */
export function specDiff(providers, { root = repoRoot, base, check = false, log = console.log } = {}) {
  const bumps = check ? readChangesets(root) : {};
  const problems = [];
  for (const provider of providers) {
    const file = `specs/${provider}/openapi.yaml`;
    const { rev, label } = findBase(provider, { root, base });
    let changes;
    try {
      // `rev:./path` is relative to root, which need not be the top of the git checkout.
      const atBase = `${rev}:./${file}`;
      const oldText = tryGit(root, ["cat-file", "-e", atBase]) === undefined ? undefined : git(root, ["show", atBase]);
      const newSpec = parseYaml(readFileSync(join(root, file), "utf8"));
      changes =
        oldText === undefined
          ? [{ level: "feature", where: file, message: "is new (not at the base)" }]
          : diffSpecs(parseYaml(oldText), newSpec);
    } catch (error) {
      problems.push(`${file}: cannot compare with ${label}: ${error.message.split("\n")[0]}`);
      continue;
    }
    const packageJson = join(root, "packages", provider, "package.json");
    const version = existsSync(packageJson) ? JSON.parse(readFileSync(packageJson, "utf8")).version : "0.0.0";
    const counts = LEVELS.toReversed().map((level) => `${changes.filter((c) => c.level === level).length} ${level}`);
    log(`${provider}: ${file} against ${label}: ${changes.length === 0 ? "no changes" : counts.join(", ")}`);
    for (const level of LEVELS.toReversed()) {
      for (const change of changes.filter((c) => c.level === level)) log(`  ${level.padEnd(9)}${change.where} ${change.message}`);
    }
    const worst = LEVELS.findLast((level) => changes.some((change) => change.level === level));
    if (worst) log(`  needs at least a ${neededBump(worst, version)} changeset for @identity-clients/${provider} (now ${version})`);
    const problem = check && checkBump({ provider, changes, version, bumps });
    if (problem) problems.push(problem);
  }
  return { problems };
}

function main() {
  const { values, positionals } = parseArgs({
    options: {
      base: { type: "string" },
      check: { type: "boolean" },
      // Another checkout or a test fixture; defaults to this repository.
      root: { type: "string", default: repoRoot },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log("usage: pnpm spec:diff [--base <git-ref>] [--check] [provider ...]");
    return 0;
  }
  const root = resolve(values.root);
  const providers = selectProviders(root, positionals);
  if (!providers) return 2;
  if (tryGit(root, ["rev-parse", "--git-dir"]) === undefined) {
    console.error(`error: ${root} is not a git checkout; spec:diff compares with git history`);
    return 2;
  }
  let problems;
  try {
    ({ problems } = specDiff(providers, { root, base: values.base, check: values.check }));
  } catch (error) {
    console.error(`error: ${error.message}`);
    return 2;
  }
  for (const problem of problems) console.error(`error: ${problem}`);
  if (values.check && problems.length === 0) console.log("Every spec change has a pending changeset with the bump it needs.");
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
