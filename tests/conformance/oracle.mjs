// The differential oracle's JavaScript side (tests/oracle.rs): what @fluent/bundle says
// about source .ftl files loaded bundle by bundle, as an app would load them.
//
// Reads a job on stdin:
//   {"bundles": [{"locale": "vi", "files": ["/abs/a.ftl", "/abs/shared.ftl"]}, ...]}
// (each bundle's files in the order to add them). For each bundle, makes one FluentBundle
// with those files, then formats every message and term it serves (each value and
// attribute, no arguments) and collects every error. Writes on stdout:
//   {"runtime": "js",
//    "files": {"/abs/a.ftl": [{"kind": "junk" | "unreadable", "line": N, "end": N | null,
//                              "error": "..."}]},      (only files with problems)
//    "bundles": [[{"file", "id", "kind", "error", "refs": [[file, id], ...]}], ...]}
// one list per bundle of the job, in its order: the entries with errors, where their
// served definition is, and the entries they refer to as this bundle resolves them (so
// that an error a message only inherits from another can be told from its own).
// kind: "override" (a second definition of an id the bundle already has), "unknown"
// (message, term or attribute), "no-value", "cyclic", "function", "other". A missing
// argument is expected (nothing is passed) and left out.
//
// Run:    npm ci --prefix tests/conformance        (once)
//         node tests/conformance/oracle.mjs < job.json

import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { parse } from "@fluent/syntax";

const job = JSON.parse(readFileSync(0, "utf8"));

// The line (1-based) of an offset of `text`.
function lines(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const files = {};
const resources = new Map(); // path -> FluentResource, or null when the file is lost
const fileOf = new Map(); // entry (as parsed, shared by every bundle) -> its file

function load(path) {
  if (resources.has(path)) return resources.get(path);
  const problems = [];
  let text = null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
    if (text.startsWith("\ufeff")) text = text.slice(1);
  } catch (e) {
    problems.push({ kind: "unreadable", line: 1, end: null, error: String(e) });
  }
  let resource = null;
  if (text !== null) {
    // @fluent/bundle's own parser skips what it cannot read without a word; the
    // reference parser of the same project says what and where (its Junk).
    try {
      const line = lines(text);
      for (const item of parse(text, { withSpans: true }).body) {
        if (item.type !== "Junk") continue;
        const a = item.annotations[0];
        problems.push({
          kind: "junk",
          line: line(item.span.start),
          end: line(Math.max(item.span.start, item.span.end - 1)),
          error: a ? `${a.code}: ${a.message}` : "junk",
        });
      }
    } catch (e) {
      // Deep nesting overflows the parser's stack: the whole file is lost.
      problems.push({ kind: "unreadable", line: 1, end: null, error: String(e) });
    }
    try {
      resource = new FluentResource(text);
      for (const entry of resource.body) fileOf.set(entry, path);
    } catch (e) {
      problems.push({ kind: "unreadable", line: 1, end: null, error: String(e) });
    }
  }
  if (problems.length > 0) files[path] = problems;
  resources.set(path, resource);
  return resource;
}

// What an error is about, from @fluent/bundle's wording (esm/resolver.js); null for a
// missing argument.
function kind(error) {
  const text = String(error.message);
  if (text.startsWith("Unknown variable: ")) return null;
  if (/^Unknown (message|term|attribute): /.test(text)) return "unknown";
  if (text.startsWith("No value: ")) return "no-value";
  if (text === "Cyclic reference") return "cyclic";
  if (text.startsWith("Unknown function: ")) return "function";
  return "other";
}

// The message and term references of a pattern (@fluent/bundle's own AST, esm/ast.d.ts).
function references(pattern, out) {
  if (typeof pattern === "string") return;
  const walk = (e) => {
    if (typeof e === "string" || e === null || e === undefined) return;
    if (e.type === "mesg") out.push(e.name);
    else if (e.type === "term") {
      out.push(`-${e.name}`);
      e.args.forEach(walk);
    } else if (e.type === "func") e.args.forEach(walk);
    else if (e.type === "narg") walk(e.value);
    else if (e.type === "select") {
      walk(e.selector);
      for (const v of e.variants) references(v.value, out);
    }
  };
  pattern.forEach(walk);
}

function check({ locale, files: paths }) {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const found = [];
  for (const path of paths) {
    const resource = load(path);
    if (resource === null) continue;
    const errors = bundle.addResource(resource);
    // addResource reports each definition it keeps out, in order; the entries it kept out
    // are those the bundle does not serve.
    let k = 0;
    for (const entry of resource.body) {
      const map = entry.id.startsWith("-") ? bundle._terms : bundle._messages;
      if (map.get(entry.id) !== entry) {
        const error = String(errors[k++] ?? "kept out");
        found.push({ file: path, id: entry.id, kind: "override", error, refs: [] });
      }
    }
  }
  const served = (id) => (id.startsWith("-") ? bundle._terms : bundle._messages).get(id);
  // Every message and term it serves. Terms are private to a bundle, but their patterns
  // format like any other: an error inside a term shows even when no message uses it.
  for (const entry of [...bundle._messages.values(), ...bundle._terms.values()]) {
    const patterns = [entry.value, ...Object.values(entry.attributes)].filter((p) => p !== null);
    const seen = new Set();
    const errors = [];
    for (const pattern of patterns) {
      const list = [];
      try {
        bundle.formatPattern(pattern, null, list);
      } catch (e) {
        list.push(e); // too many placeables: thrown, not collected
      }
      for (const e of list) {
        const k = kind(e);
        const error = String(e);
        if (k !== null && !seen.has(error)) {
          seen.add(error);
          errors.push({ kind: k, error });
        }
      }
    }
    if (errors.length === 0) continue;
    const names = [];
    patterns.forEach((p) => references(p, names));
    const refs = [];
    for (const name of new Set(names)) {
      const target = served(name);
      if (target !== undefined) refs.push([fileOf.get(target), name]);
    }
    for (const e of errors) found.push({ file: fileOf.get(entry), id: entry.id, ...e, refs });
  }
  return found;
}

const bundles = job.bundles.map(check);
process.stdout.write(JSON.stringify({ runtime: "js", files, bundles }) + "\n");
