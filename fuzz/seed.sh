#!/usr/bin/env bash
# Writes the starting inputs of every fuzz target into fuzz/corpus/<target>/ from the
# shipped content and, when ../shared/corpora is beside the checkout, the Fluent spec's
# fixtures and a few Firefox pairs. Run from anywhere; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sep=$'\n=====\n'
corpus=fuzz/corpus
mkdir -p "$corpus"/{check_pair,ingest,import_xliff,import_po,lock,config}

# check_pair: reference ===== translation ===== lock
for en in locales/en/*.ftl; do
    r=$(basename "$en")
    vi=locales/vi/$r
    { cat "$en"; printf '%s' "$sep"; [ -f "$vi" ] && cat "$vi"; printf '%s' "$sep"; [ -f "$vi.lock" ] && cat "$vi.lock"; } \
        > "$corpus/check_pair/shipped-$r"
done
shared=../shared/corpora
if [ -d "$shared" ]; then
    find "$shared" -name '*.ftl' -path '*fixtures*' | while read -r f; do
        cp "$f" "$corpus/check_pair/spec-$(basename "$f")"
    done
    for r in browser/browser/preferences/preferences.ftl toolkit/toolkit/about/aboutSupport.ftl; do
        en=$(find "$shared/firefox" -path "*en-US*/$r" | head -1 || true)
        vi=$(find "$shared/firefox" -path "*/vi/$r" | head -1 || true)
        if [ -n "$en" ] && [ -n "$vi" ]; then
            { cat "$en"; printf '%s' "$sep"; cat "$vi"; } > "$corpus/check_pair/firefox-$(basename "$r")"
        fi
    done
fi

# ingest: announcement ===== its reference resource
for md in source/*.md; do
    slug=$(basename "$md" .md)
    ref=$(find locales -name "$slug.ftl" | sort | head -1)
    cp "$md" "$corpus/ingest/$slug-new.md"
    { cat "$md"; printf '%s' "$sep"; cat "$ref"; } > "$corpus/ingest/$slug-again.md"
done

# import: what export writes for fuzz/project, in every state; lock and config: its own
cargo build --quiet --release
bin=target/release/songngu
for only in "" "--only missing,drifted" "--only accepted"; do
    name=$(echo "all $only" | tr -c 'a-z\n' '-')
    for format in xliff po; do
        ext=$([ $format = xliff ] && echo xlf || echo po)
        $bin --root fuzz/project export --locale vi --format $format $only \
            > "$corpus/import_$format/vi-$name.$ext" 2>/dev/null || true
    done
done
find "$corpus/import_xliff" "$corpus/import_po" -empty -delete
rm -rf fuzz/project/.songngu
cp fuzz/project/locales/vi/a.ftl.lock "$corpus/lock/project.lock"
for l in locales/*/*.lock; do cp "$l" "$corpus/lock/$(echo "$l" | tr / -)"; done
cp fuzz/project/songngu.toml "$corpus/config/project.toml"
cp songngu.toml "$corpus/config/shipped.toml"
printf 'reference = "vi"\nlocales = ["vi", "en", "en-US"]\n[severity]\nuntranslated = "error"\nnot-nfc = "off"\n' \
    > "$corpus/config/severity.toml"
echo "seeded: $(find "$corpus" -type f | wc -l) inputs in $root/$corpus"
