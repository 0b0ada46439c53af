"""Reads files written by `songngu export` and `songngu tmx` with translate-toolkit,
an independent implementation of XLIFF 1.2, PO and TMX, and prints what it found as
JSON: per file, the units with their id, source, target and state.

Usage: python3 read.py FILE...   (the format is taken from the file name)
"""
import json
import sys

from translate.storage import factory


def describe(path):
    store = factory.getobject(path)
    units = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        units.append({
            "id": unit.getid(),
            "context": unit.getcontext() if hasattr(unit, "getcontext") else "",
            "source": str(unit.source),
            "target": str(unit.target or ""),
            "translated": bool(unit.istranslated()),
            "fuzzy": bool(unit.isfuzzy()),
            "approved": bool(getattr(unit, "isapproved", lambda: False)()),
            "notes": unit.getnotes() or "",
        })
    languages = {}
    for name in ("sourcelanguage", "targetlanguage"):
        try:
            languages[name] = getattr(store, "get" + name)()
        except Exception:  # noqa: BLE001 - not every store has both
            languages[name] = None
    return {"type": type(store).__name__, "units": units, **languages}


def main():
    print(json.dumps({path: describe(path) for path in sys.argv[1:]}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
