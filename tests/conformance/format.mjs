// Conformance formatter for @fluent/bundle (the JavaScript Fluent runtime).
//
// Loads a *built* songngu directory (DIR/manifest.json plus
// DIR/<locale>/<resource>.ftl), builds one FluentBundle per locale with every
// resource the manifest lists for it (sorted by resource path), and formats
// every message value and attribute, with no arguments, for every locale in
// the manifest, falling back to the manifest's default_locale. Each .ftl file
// is also parsed with @fluent/syntax to count its Junk and its messages+terms.
// format.py does the same with Python's fluent.runtime; the two must agree.
//
// Run:    npm ci --prefix tests/conformance        (once)
//         node tests/conformance/format.mjs DIR [--isolating]
// Prints: one JSON document on stdout (UTF-8, 2-space indent, trailing newline):
//   {"runtime": "js", "isolating": false,
//    "files": {"<locale>/<resource>": {"junk": N, "entries": N, "errors": [...]}},
//    "results": [{"locale", "id", "attribute" (null for the value), "from",
//                 "text", "errors": [...]}, ...]}
//   results are sorted by (locale, id, attribute with null first).
// Exits 0 on success; on bad usage or an unreadable/invalid manifest or
// resource file, prints one line on stderr and exits 2.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { parse } from "@fluent/syntax";

function die(message) {
  process.stderr.write(`format.mjs: ${String(message).replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(2);
}

// Code-point order (same as Python's and Rust's string order); JS's default
// sort compares UTF-16 code units, which differs for astral characters.
function cmp(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

function readText(path) {
  let text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  return text;
}

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

const args = process.argv.slice(2);
let isolating = false;
const positional = [];
for (const arg of args) {
  if (arg === "--isolating") {
    isolating = true;
  } else if (arg.startsWith("-")) {
    die(`unknown option ${arg}; usage: node format.mjs DIR [--isolating]`);
  } else {
    positional.push(arg);
  }
}
if (positional.length !== 1) {
  die("usage: node format.mjs DIR [--isolating]");
}
const dir = positional[0];

let manifest;
try {
  manifest = JSON.parse(readText(join(dir, "manifest.json")));
} catch (e) {
  die(`cannot read ${join(dir, "manifest.json")}: ${e.message}`);
}
if (!isObject(manifest) || !isObject(manifest.locales)) {
  die("manifest.json: no \"locales\" object");
}
if (typeof manifest.default_locale !== "string") {
  die("manifest.json: no \"default_locale\" string");
}
const defaultLocale = manifest.default_locale;
const locales = Object.keys(manifest.locales).sort(cmp);

const files = {};
const bundles = new Map(); // locale -> {bundle, ids}

function bundleFor(locale) {
  if (bundles.has(locale)) {
    return bundles.get(locale);
  }
  const bundle = new FluentBundle(locale, { useIsolating: isolating });
  const ids = new Set(); // message ids (not terms) of this locale's resources
  const entry = manifest.locales[locale];
  const resources = isObject(entry) && isObject(entry.resources) ? entry.resources : {};
  for (const path of Object.keys(resources).sort(cmp)) {
    const key = `${locale}/${path}`;
    let text;
    try {
      text = readText(join(dir, locale, path));
    } catch (e) {
      die(`cannot read ${key}: ${e.message}`);
    }
    const ast = parse(text, { withSpans: false });
    let junk = 0;
    let entries = 0;
    for (const item of ast.body) {
      if (item.type === "Junk") junk += 1;
      else if (item.type === "Message" || item.type === "Term") entries += 1;
    }
    const resource = new FluentResource(text);
    for (const entry of resource.body) {
      if (!entry.id.startsWith("-")) ids.add(entry.id);
    }
    const errors = bundle.addResource(resource).map((e) => String(e));
    files[key] = { junk, entries, errors };
  }
  const built = { bundle, ids };
  bundles.set(locale, built);
  return built;
}

// Build every locale's bundle up front so files lists every manifest file.
for (const locale of locales) {
  bundleFor(locale);
}

function format(bundle, pattern) {
  const errors = [];
  let text;
  try {
    text = bundle.formatPattern(pattern, null, errors);
  } catch (e) {
    errors.push(e);
    text = "{???}";
  }
  return { text: String(text), errors: errors.map((e) => String(e)) };
}

const results = [];
for (const locale of locales) {
  const chain = locale === defaultLocale ? [locale] : [locale, defaultLocale];
  const chainBundles = chain.map((l) => [l, bundleFor(l).bundle]);
  const ids = new Set();
  for (const l of chain) {
    for (const id of bundleFor(l).ids) ids.add(id);
  }
  for (const id of [...ids].sort(cmp)) {
    const [from, bundle] = chainBundles.find(([, b]) => b.hasMessage(id));
    const message = bundle.getMessage(id);
    if (message.value !== null && message.value !== undefined) {
      results.push({ locale, id, attribute: null, from, ...format(bundle, message.value) });
    }
    for (const name of Object.keys(message.attributes).sort(cmp)) {
      results.push({
        locale,
        id,
        attribute: name,
        from,
        ...format(bundle, message.attributes[name]),
      });
    }
  }
}

const out = { runtime: "js", isolating, files, results };
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
