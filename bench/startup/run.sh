#!/usr/bin/env bash
# Start-up cost of stet against git, each pair timed in alternation:
#   stet --version                      vs git --version
#   stet diff --files A B (small files) vs git diff --no-index --word-diff A B
#   stet show DOC@1                     vs git cat-file -p BLOB (the same bytes)
# Prints a table of medians (wall and CPU time, ratio stet/git) and the
# dynamic loader's statistics for stet --version. The issue's target is a
# ratio of at most 1.5 for each.
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
echo
echo "Medians of $runs alternating runs each (bench/startup/alternate.py), in ms:"
echo
echo "| stet | wall | CPU | git | wall | CPU | wall ratio | CPU ratio |"
echo "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
alt() { python3 bench/startup/alternate.py "$runs" "$@"; }
alt "\`stet --version\`" "$stet --version" "\`git --version\`" "git --version"
alt "\`stet diff --files\`" "$stet diff --files $work/a.txt $work/b.txt" \
  "\`git diff --no-index --word-diff\`" "git diff --no-index --word-diff $work/a.txt $work/b.txt"
alt "\`stet show doc@1\`" "$stet --store $work/store show doc@1" "\`git cat-file -p\`" "git -C $work/store cat-file -p $blob"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
LD_DEBUG=statistics "$stet" --version 2>&1 >/dev/null | grep -E "total startup time|final number of relocations:" | sed 's/^ *[0-9]*: *//'
echo "shared libraries: $(ldd "$stet" | wc -l)"
