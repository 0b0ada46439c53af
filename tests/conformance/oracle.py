"""The differential oracle's Python side (tests/oracle.rs): what fluent.runtime says about
source .ftl files loaded bundle by bundle, as an app would load them.

Reads a job on stdin:
  {"bundles": [{"locale": "vi", "files": ["/abs/a.ftl", "/abs/shared.ftl"]}, ...]}
(each bundle's files in the order to add them). For each bundle, makes one FluentBundle
with those files, then formats every message and term it serves (each value and
attribute, no arguments) and collects every error. Writes on stdout the same JSON as
oracle.mjs (see there):
  {"runtime": "python", "files": {path: [{"kind", "line", "end", "error"}]},
   "bundles": [[{"file", "id", "kind", "error", "refs": [[file, id], ...]}], ...]}

Run:    python3 -m pip install -r tests/conformance/requirements.txt   (once)
        python3 tests/conformance/oracle.py < job.json
"""

import json
import sys

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as FTL
from fluent.syntax.visitor import Visitor

files = {}
resources = {}  # path -> parsed resource, or None when the file is lost
file_of = {}  # id(entry) -> its file (entries are shared by every bundle they are in)
keep = []  # the entries, so that their id()s stay theirs


def load(path):
    if path in resources:
        return resources[path]
    problems = []
    resource = None
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        # fluent.runtime's FluentResource is fluent.syntax's parser: what it cannot read
        # is Junk in the resource, with the parser's annotation.
        resource = FluentResource(text)
    except (OSError, UnicodeDecodeError, RecursionError) as e:
        # Not UTF-8, or a parser that gave up (deep nesting): the whole file is lost.
        problems.append({"kind": "unreadable", "line": 1, "end": None, "error": repr(e)})
    if resource is not None:
        for item in resource.body:
            if isinstance(item, FTL.Junk):
                a = item.annotations[0] if item.annotations else None
                end = max(item.span.start, item.span.end - 1)
                problems.append({
                    "kind": "junk",
                    "line": text.count("\n", 0, item.span.start) + 1,
                    "end": text.count("\n", 0, end) + 1,
                    "error": "%s: %s" % (a.code, a.message) if a else "junk",
                })
            elif isinstance(item, (FTL.Message, FTL.Term)):
                file_of[id(item)] = path
                keep.append(item)
    if problems:
        files[path] = problems
    resources[path] = resource
    return resource


def kind(error):
    """What an error is about, from fluent.runtime's wording (resolver.py, utils.py);
    None for a missing argument."""
    text = str(error)
    if isinstance(error, RecursionError):
        # A loop: fluent.runtime 0.4 guards patterns against loops, but compiles a pattern
        # that is one placeable (`a = { b }`) to the placeable alone, without the guard
        # (prepare.py, compile_Pattern), so such a loop recurses until Python stops it.
        return "cyclic"
    if text.startswith("Unknown external: "):
        return None
    if text.startswith(("Unknown message: ", "Unknown term: ", "Unknown attribute: ")):
        return "unknown"
    if text.startswith("No pattern: "):
        return "no-value"
    if text == "Cyclic reference":
        return "cyclic"
    if text.startswith("Unknown function: "):
        return "function"
    return "other"


class References(Visitor):
    """The message and term references of an entry (terms with their `-`)."""

    def __init__(self):
        super().__init__()
        self.names = []

    def visit_MessageReference(self, node):
        self.names.append(node.id.name)
        self.generic_visit(node)

    def visit_TermReference(self, node):
        self.names.append("-" + node.id.name)
        self.generic_visit(node)


def key(item):
    return ("-" if isinstance(item, FTL.Term) else "") + item.id.name


def check(job):
    bundle = FluentBundle([job["locale"]], use_isolating=False)
    found = []
    for path in job["files"]:
        resource = load(path)
        if resource is None:
            continue
        bundle.add_resource(resource)
        # fluent.runtime keeps the first definition of an id and says nothing
        # (add_resource: "TODO - warn/error about duplicates"): the definitions it kept
        # out are those its maps do not hold.
        for item in resource.body:
            if isinstance(item, (FTL.Message, FTL.Term)):
                table = bundle._terms if isinstance(item, FTL.Term) else bundle._messages
                if table.get(item.id.name) is not item:
                    found.append({"file": path, "id": key(item), "kind": "override",
                                  "error": "a definition of %s is already in the bundle" % key(item),
                                  "refs": []})

    def served(name):
        if name.startswith("-"):
            return bundle._terms.get(name[1:])
        return bundle._messages.get(name)

    # Every message and term it serves. Terms are private to a bundle, but their patterns
    # format like any other: an error inside a term shows even when no message uses it.
    entries = [(n, False) for n in bundle._messages] + [(n, True) for n in bundle._terms]
    for name, is_term in entries:
        compiled = bundle._lookup(name, term=is_term)
        patterns = [compiled.value] if compiled.value is not None else []
        patterns += list(compiled.attributes.values())
        errors = []
        for pattern in patterns:
            try:
                _, listed = bundle.format_pattern(pattern, {})
            except Exception as e:  # RecursionError, say: the runtime fails altogether
                listed = [e]
            for e in listed:
                k = kind(e)
                error = "%s: %s" % (type(e).__name__, e)
                if k is not None and all(error != x["error"] for x in errors):
                    errors.append({"kind": k, "error": error})
        if not errors:
            continue
        item = bundle._terms[name] if is_term else bundle._messages[name]
        visitor = References()
        visitor.visit(item)
        refs = []
        for ref in dict.fromkeys(visitor.names):
            target = served(ref)
            if target is not None:
                refs.append([file_of[id(target)], ref])
        for e in errors:
            found.append(dict(file=file_of[id(item)], id=key(item), refs=refs, **e))
    return found


def main():
    job = json.load(sys.stdin)
    bundles = [check(b) for b in job["bundles"]]
    out = {"runtime": "python", "files": files, "bundles": bundles}
    sys.stdout.buffer.write((json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
