#!/usr/bin/env bash
# Start-up cost of stet against git, side by side in one hyperfine run each:
#   stet --version                      vs git --version
#   stet diff --files A B (small files) vs git diff --no-index --word-diff A B
#   stet show DOC@1                     vs git cat-file -p BLOB (the same bytes)
# Prints hyperfine's table (median in ms, user and system time) and the
# dynamic loader's statistics for stet --version.
#   bench/startup/run.sh [build/src/stet] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
stet=$(realpath "${1:-build/src/stet}")
runs=${2:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=../shared/corpus/history/wpcom-terms-of-service
if [ -f "$corpus/001.txt" ]; then
  head -c 3000 "$corpus/001.txt" >"$work/a.txt"
  head -c 3000 "$corpus/002.txt" >"$work/b.txt"
else
  printf 'The council met on Monday and agreed.\n' >"$work/a.txt"
  printf 'The council met on Tuesday and agreed.\n' >"$work/b.txt"
fi
STET_AUTHOR="Bench <b@example.org>" "$stet" --store "$work/store" ingest "$work/a.txt" --doc doc >/dev/null 2>&1
blob=$("$stet" --store "$work/store" show doc@1 --meta --format json | sed -n 's/.*"object_id": "\([0-9a-f]*\)".*/\1/p')
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench() {
  hyperfine -N -i --warmup 5 --runs "$runs" --style basic --export-markdown "$work/t.md" "$@" >/dev/null
  sed -n '3,$p' "$work/t.md"
}
echo "| command | mean (ms) | min (ms) | max (ms) | relative |"
echo "| --- | ---: | ---: | ---: | ---: |"
bench "$stet --version" "git --version"
bench "$stet diff --files $work/a.txt $work/b.txt" "git diff --no-index --word-diff $work/a.txt $work/b.txt"
bench "$stet --store $work/store show doc@1" "git -C $work/store cat-file -p $blob"
echo
echo "median wall and user+system CPU (ms), from hyperfine's JSON:"
measure() {  # measure LABEL COMMAND
  hyperfine -N -i --warmup 5 --runs "$runs" --export-json "$work/t.json" "$2" >/dev/null 2>&1
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("  %-22s %7.2f wall %6.2f cpu" % (sys.argv[2], r["median"]*1000, (r["user"]+r["system"])*1000))' "$work/t.json" "$1"
}
measure "stet --version" "$stet --version"
measure "git --version" "git --version"
measure "stet diff --files" "$stet diff --files $work/a.txt $work/b.txt"
measure "git diff --word-diff" "git diff --no-index --word-diff $work/a.txt $work/b.txt"
measure "stet show" "$stet --store $work/store show doc@1"
measure "git cat-file -p" "git -C $work/store cat-file -p $blob"
echo
LD_DEBUG=statistics "$stet" --version 2>&1 >/dev/null | grep -E "total startup time|final number of relocations:" | sed 's/^ *[0-9]*: *//'
echo "shared libraries: $(ldd "$stet" | wc -l)"
