#!/usr/bin/env bash
# Ingest benchmark: versions per second for stet against git fast-import and a
# `git add && git commit` loop on the same ~8 KB documents, in one run; then
# stet's rate again with 20,000 and 100,000 documents already in the store.
#   bench/ingest/run.sh [STET_BINARY] [WORK_DIR]
# Every figure is the median of RUNS runs; each writer ends durable (sync).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stet=$(realpath "${1:-$here/../../build/src/stet}")
work=${2:-$(mktemp -d /tmp/stet-bench-ingest.XXXXXX)}
runs=${RUNS:-3}
versions=${VERSIONS:-2000}
loop_versions=${LOOP_VERSIONS:-200}
mkdir -p "$work"
cd "$work"

python3 "$here/make_docs.py" docs "$versions" 8000 1
ls docs/*.txt > files.txt

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
elapsed() { awk -v s="$1" -v e="$2" 'BEGIN {printf "%.3f\n", e - s}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; sync; e=$(date +%s.%N); elapsed "$s" "$e"; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN {printf "%.0f", n / t}'; }

stet_batch() { rm -rf store; "$stet" --store store init >/dev/null; seconds xargs -a files.txt "$stet" --store store ingest; }

fast_import_stream() {
  # One commit per version, as a history import would do.
  local i=0 mark=0
  while read -r f; do
    i=$((i + 1))
    printf 'blob\nmark :%d\ndata %d\n' $((2 * i - 1)) "$(stat -c %s "$f")"
    cat "$f"
    printf '\ncommit refs/heads/main\nmark :%d\ncommitter bench <b@example.org> %d +0000\ndata 7\nversion\n' \
      $((2 * i)) $((1700000000 + i))
    [ $i -gt 1 ] && printf 'from :%d\n' $((2 * i - 2))
    printf 'M 100644 :%d %s\n\n' $((2 * i - 1)) "$(basename "$f")"
  done < files.txt
}
fast_import() { rm -rf fi; git init -q --bare fi; seconds git -C fi fast-import --quiet < stream.fi; }

add_commit_loop() {
  rm -rf wt; git init -q wt
  local s e
  s=$(date +%s.%N)
  head -n "$loop_versions" files.txt | while read -r f; do
    cp "$f" wt/ && git -C wt add "$(basename "$f")" && git -C wt -c user.name=b -c user.email=b@e commit -qm v
  done
  sync; e=$(date +%s.%N); elapsed "$s" "$e"
}

fast_import_stream > stream.fi
declare -A t
t[stet]=$(for _ in $(seq "$runs"); do stet_batch; done | median)
t[fi]=$(for _ in $(seq "$runs"); do fast_import; done | median)
t[loop]=$(add_commit_loop)

echo "| writer | versions | seconds (median of $runs) | versions/s |"
echo "| --- | --- | --- | --- |"
echo "| stet ingest (one multi-file call) | $versions | ${t[stet]} | $(rate "$versions" "${t[stet]}") |"
echo "| git fast-import (one commit per version) | $versions | ${t[fi]} | $(rate "$versions" "${t[fi]}") |"
echo "| git add && git commit loop | $loop_versions | ${t[loop]} | $(rate "$loop_versions" "${t[loop]}") |"

# Growth: the same batch, and single-file ingests, into a store that already
# holds many documents (small ones, to build it quickly).
rm -rf big; "$stet" --store big init >/dev/null
python3 "$here/make_docs.py" small 100000 300 2 held
held=0
echo
echo "| documents already in the store | $versions-version batch: versions/s | single-file ingest: ms (median of 9) |"
echo "| --- | --- | --- |"
for target in 0 20000 100000; do
  while [ $held -lt $target ]; do
    ls small | sed -n "$((held + 1)),$((held + 10000))p" | sed 's|^|small/|' | xargs "$stet" --store big ingest >/dev/null
    held=$((held + 10000))
  done
  cp -a big probe
  batch=$(seconds xargs -a files.txt "$stet" --store probe ingest)
  single=$(for i in $(seq 9); do printf 'single %d %d\n' "$target" "$i" > one.txt; s=$(date +%s.%N); "$stet" --store probe ingest one.txt --doc "single/$i" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.1f\n", (e - s) * 1000}'; done | median)
  printf '| %d | %s | %.1f |\n' "$target" "$(rate "$versions" "$batch")" "$single"
  rm -rf probe
done
echo
echo "work folder: $work"
