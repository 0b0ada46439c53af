"""Conformance formatter for fluent.runtime (the Python Fluent runtime).

Loads a *built* songngu directory (DIR/manifest.json plus
DIR/<locale>/<resource>.ftl), builds one FluentBundle per locale with every
resource the manifest lists for it (sorted by resource path), and formats
every message value and attribute, with no arguments, for every locale in the
manifest, falling back to the manifest's default_locale. Each .ftl file is
also parsed with fluent.syntax to count its Junk and its messages+terms.
format.mjs does the same with @fluent/bundle; the two must agree.

Run:    python3 -m pip install -r tests/conformance/requirements.txt   (once)
        python3 tests/conformance/format.py DIR [--isolating]
Prints: one JSON document on stdout (UTF-8, 2-space indent, trailing newline):
  {"runtime": "python", "isolating": false,
   "files": {"<locale>/<resource>": {"junk": N, "entries": N, "errors": [...]}},
   "results": [{"locale", "id", "attribute" (null for the value), "from",
                "text", "errors": [...]}, ...]}
  results are sorted by (locale, id, attribute with null first).
  fluent.runtime's add_resource reports no errors, so "errors" in files is
  always empty here (@fluent/bundle reports overridden messages/terms).
Exits 0 on success; on bad usage or an unreadable/invalid manifest or
resource file, prints one line on stderr and exits 2.
"""

import json
import os
import sys

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import FluentType
from fluent.syntax import FluentParser
from fluent.syntax import ast as FTL


def die(message):
    sys.stderr.write("format.py: " + " ".join(str(message).split()) + "\n")
    sys.exit(2)


def read_text(path):
    with open(path, "r", encoding="utf-8") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def main(argv):
    isolating = False
    positional = []
    for arg in argv:
        if arg == "--isolating":
            isolating = True
        elif arg.startswith("-"):
            die("unknown option %s; usage: python3 format.py DIR [--isolating]" % arg)
        else:
            positional.append(arg)
    if len(positional) != 1:
        die("usage: python3 format.py DIR [--isolating]")
    root = positional[0]

    manifest_path = os.path.join(root, "manifest.json")
    try:
        manifest = json.loads(read_text(manifest_path))
    except (OSError, ValueError) as e:
        die("cannot read %s: %s" % (manifest_path, e))
    if not isinstance(manifest, dict) or not isinstance(manifest.get("locales"), dict):
        die('manifest.json: no "locales" object')
    default_locale = manifest.get("default_locale")
    if not isinstance(default_locale, str):
        die('manifest.json: no "default_locale" string')
    locales = sorted(manifest["locales"])

    files = {}
    bundles = {}  # locale -> (bundle, set of message ids)
    parser = FluentParser(with_spans=False)

    def bundle_for(locale):
        if locale in bundles:
            return bundles[locale]
        bundle = FluentBundle([locale], use_isolating=isolating)
        ids = set()  # message ids (not terms) of this locale's resources
        entry = manifest["locales"].get(locale)
        resources = entry.get("resources") if isinstance(entry, dict) else None
        if not isinstance(resources, dict):
            resources = {}
        for path in sorted(resources):
            key = locale + "/" + path
            try:
                text = read_text(os.path.join(root, locale, path))
            except (OSError, ValueError) as e:
                die("cannot read %s: %s" % (key, e))
            ast = parser.parse(text)
            junk = sum(1 for item in ast.body if isinstance(item, FTL.Junk))
            entries = sum(1 for item in ast.body if isinstance(item, (FTL.Message, FTL.Term)))
            resource = FluentResource(text)
            for item in resource.body:
                if isinstance(item, FTL.Message):
                    ids.add(item.id.name)
            errors = bundle.add_resource(resource) or []
            files[key] = {"junk": junk, "entries": entries, "errors": [str(e) for e in errors]}
        bundles[locale] = (bundle, ids)
        return bundles[locale]

    # Build every locale's bundle up front so files lists every manifest file.
    for locale in locales:
        bundle_for(locale)

    def format_pattern(bundle, pattern):
        try:
            text, errors = bundle.format_pattern(pattern, {})
            errors = list(errors)
        except Exception as e:  # e.g. RecursionError on a self-reference
            text, errors = "{???}", [e]
        if isinstance(text, FluentType):
            text = text.format(bundle._babel_locale)
        return {"text": str(text), "errors": [str(e) for e in errors]}

    results = []
    for locale in locales:
        chain = [locale] if locale == default_locale else [locale, default_locale]
        chain_bundles = [(l, bundle_for(l)[0]) for l in chain]
        ids = set()
        for l in chain:
            ids |= bundle_for(l)[1]
        for msg_id in sorted(ids):
            source, bundle = next((l, b) for l, b in chain_bundles if b.has_message(msg_id))
            message = bundle.get_message(msg_id)
            base = {"locale": locale, "id": msg_id}
            if message.value is not None:
                results.append(dict(base, attribute=None, **{"from": source},
                                    **format_pattern(bundle, message.value)))
            for name in sorted(message.attributes):
                results.append(dict(base, attribute=name, **{"from": source},
                                    **format_pattern(bundle, message.attributes[name])))

    out = {"runtime": "python", "isolating": isolating, "files": files, "results": results}
    sys.stdout.buffer.write((json.dumps(out, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
