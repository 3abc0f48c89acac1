#!/usr/bin/env bash
# What re-hashing every read costs on the 10 MB pair of bench/diff: the two
# sides ingested into a store, then side by side in one hyperfine run
#   stet diff DOC 1 2          (reads both versions from the store, re-hashing each)
#   stet diff --files A B      (the same diff from files: no store, no hashing)
#   openssl dgst -sha256 A B   (the hashing alone, as a bound)
#   bench/diff/read_check.sh [build/src/stet] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
stet=$(realpath "${1:-build/src/stet}")
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/diff/make_pairs.py ../shared/corpus/complete "$work" >/dev/null
a=$work/10m-a.txt b=$work/10m-b.txt
STET_AUTHOR="Bench <b@example.org>" "$stet" --store "$work/store" ingest "$a" --doc doc >/dev/null 2>&1
STET_AUTHOR="Bench <b@example.org>" "$stet" --store "$work/store" ingest "$b" --doc doc >/dev/null 2>&1
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N -i --warmup 1 --runs "$runs" --style basic --export-markdown "$work/t.md" \
  "$stet --store $work/store diff doc 1 2 --format wdiff" \
  "$stet diff --files $a $b --format wdiff" \
  "openssl dgst -sha256 $a $b" >/dev/null
sed -n '1,$p' "$work/t.md"
