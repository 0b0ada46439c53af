#!/usr/bin/env bash
# The whole speed comparison (benches/newsroom): songngu against compare-locales 9 on the
# Firefox corpus, and against `cat | sha256sum` on a synthetic newsroom archive of 20,000
# announcements; prints a table of the ratios. Takes a few minutes and about 1 GB of disk
# under target/. Arguments go to the bench: --count N, --seed S, --runs R, --dir DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c "import compare_locales" >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check "compare-locales>=9,<10" \
        || echo "note: compare-locales could not be installed; the Firefox row will have no ratio"
fi
cargo bench --bench newsroom -- "$@"
