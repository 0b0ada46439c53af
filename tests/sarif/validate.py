"""Validates SARIF logs against the official SARIF 2.1.0 JSON schema stored beside this
script (see README.md here for where it comes from).

    python3 tests/sarif/validate.py LOG.sarif [LOG.sarif ...]

Exit status: 0 when every log is valid, 1 when one is not (each error is printed with
its JSON path), 77 when the `jsonschema` package is not installed (the caller decides
whether that is a skip or a failure). tests/check_formats.rs runs it.
"""

import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install -r tests/interchange/requirements.txt)", file=sys.stderr)
    sys.exit(77)

SCHEMA = pathlib.Path(__file__).with_name("sarif-schema-2.1.0.json")


def main(paths):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    # The stored schema must itself be a valid draft-04 schema (it was copied by hand).
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failed = False
    for path in paths:
        log = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}")
        failed = failed or bool(errors)
    if not paths:
        print("usage: validate.py LOG.sarif [LOG.sarif ...]", file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
