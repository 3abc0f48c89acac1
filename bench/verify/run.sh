#!/usr/bin/env bash
# stet verify against git fsck --full on the same store of 10,000 versions
# (1,000 documents x 10 versions, 5 versions per ingest commit: 2,000
# commits), first with loose objects, then packed by git gc. Prints the
# median of RUNS timed runs of each, all in one run.
# Usage: bench/verify/run.sh [path/to/stet] [RUNS]
# BENCH_STORE=DIR starts from a copy of a store built earlier by this script
# (building one is 2,000 real `stet ingest` runs and takes minutes).
set -euo pipefail
STET=$(realpath "${1:-build/src/stet}")
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
FIXTURES="$HERE/../../fixtures/docs"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STORE="$WORK/store"
export STET_AUTHOR="bench <bench@example.org>"

# Texts: the fixtures, each made distinct per document and version.
build_store() {
  local base batch k n doc ver f files ids
  base=$(cat "$FIXTURES"/*.txt)
  mkdir -p "$WORK/in"
  echo "building a store of 10000 versions in $STORE ..." >&2
  for ((batch = 0; batch < 2000; batch++)); do
    files=()
    ids=()
    for ((k = 0; k < 5; k++)); do
      n=$((batch * 5 + k))
      doc=$((n % 1000))
      ver=$((n / 1000))
      f="$WORK/in/$n.txt"
      printf 'Document %d, version %d\n\n%s\n\nRevision note %d.\n' "$doc" "$ver" \
        "${base:0:$((2000 + (doc * 37 + ver * 101) % 4000))}" "$n" >"$f"
      files+=("$f")
      ids+=("--doc=doc-$doc")
    done
    "$STET" --store "$STORE" ingest "${files[@]}" "${ids[@]}" >/dev/null
  done
}

# A copy of BENCH_STORE with every object loose again.
copy_store() {
  cp -a "$BENCH_STORE" "$STORE"
  mkdir -p "$WORK/packs"
  for pack in "$STORE"/objects/pack/*.pack; do
    [ -e "$pack" ] || continue
    mv "$pack" "$WORK/packs/"
    rm -f "${pack%.pack}".*
    git -C "$STORE" unpack-objects -q <"$WORK/packs/$(basename "$pack")"
  done
}

if [ -n "${BENCH_STORE:-}" ]; then copy_store; else build_store; fi
git -C "$STORE" count-objects -v | grep -E '^(count|size):' >&2

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Wall time and CPU time (user + system): the machine may be shared, and
# CPU time is what the work itself costs.
run_case() {
  local label=$1 walls=() cpus=() i out
  shift
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -o "$WORK/time" -f '%e %U %S' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$WORK/time")
    walls+=("$(echo "$out" | awk '{print $1}')")
    cpus+=("$(echo "$out" | awk '{print $2 + $3}')")
  done
  printf '%-26s wall median %6.2f s  cpu median %6.2f s   (cpu runs: %s)\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "${cpus[*]}"
}

"$STET" --store "$STORE" verify | tail -1
git -C "$STORE" fsck --full && echo "git fsck --full: clean"
run_case "stet verify (loose)" "$STET" --store "$STORE" verify
run_case "git fsck --full (loose)" git -C "$STORE" fsck --full
git -C "$STORE" gc -q --prune=now
run_case "stet verify (packed)" "$STET" --store "$STORE" verify
run_case "git fsck --full (packed)" git -C "$STORE" fsck --full
