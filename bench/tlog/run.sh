#!/usr/bin/env bash
# The transparency log on a store of RECORDS records (default 100,000, in
# commits of BATCH ingests each, default 100: 1,000 commits): the median of
# RUNS runs of `stet checkpoint --sign`, `stet prove`, `stet verify-proof`,
# the proof's size against 32 x ceil(log2 n) plus note and record, and
# `stet export-tiles` into a fresh folder against `git ls-tree -r` of the
# same store, all in one run.
# Usage: bench/tlog/run.sh [path/to/stet] [WORK_DIR]
# BENCH_STORE=DIR reuses a store built earlier by this script (building one
# is RECORDS / BATCH real `stet ingest` runs and takes minutes).
set -euo pipefail
STET=$(realpath "${1:-build/src/stet}")
WORK=${2:-$(mktemp -d /tmp/stet-bench-tlog.XXXXXX)}
RUNS=${RUNS:-5}
RECORDS=${RECORDS:-100000}
BATCH=${BATCH:-100}
export STET_AUTHOR="bench <bench@example.org>"
mkdir -p "$WORK"
STORE=${BENCH_STORE:-$WORK/store}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Seconds of one run of "$@" (output discarded).
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.4f\n", e - s}'; }
timed() { for ((i = 0; i < RUNS; i++)); do seconds "$@"; done | median; }

build_store() {
  echo "building a store of $RECORDS records in $STORE ($BATCH per commit) ..." >&2
  mkdir -p "$WORK/in"
  "$STET" --store "$STORE" init >/dev/null
  for ((b = 0; b < RECORDS / BATCH; b++)); do
    files=()
    for ((k = 0; k < BATCH; k++)); do
      n=$((b * BATCH + k))
      f="$WORK/in/doc$((n % 20000)).txt"
      printf 'Document %d, version %d.\nA short text of record %d for the log benchmark.\n' \
        "$((n % 20000))" "$((n / 20000))" "$n" >"$f"
      files+=("$f")
    done
    "$STET" --store "$STORE" ingest "${files[@]}" >/dev/null
  done
}

[[ -d "$STORE" ]] || build_store
rm -f "$WORK/key" "$WORK/key.pub" "$WORK/key.vkey" "$WORK/cp"
"$STET" keygen "$WORK/key" --name bench.example/log >/dev/null
VKEY=$(cat "$WORK/key.vkey")
"$STET" --store "$STORE" checkpoint --sign "$WORK/key" -o "$WORK/cp" >/dev/null
n=$(sed -n 2p "$WORK/cp")
echo "store: $n records, $(git -C "$STORE" rev-list --count main) commits"

t_checkpoint=$(timed "$STET" --store "$STORE" checkpoint --sign "$WORK/key")
t_prove=$(timed "$STET" --store "$STORE" prove doc123 --checkpoint "$WORK/cp")
"$STET" --store "$STORE" prove doc123 --checkpoint "$WORK/cp" >"$WORK/proof"
t_verify=$(timed "$STET" verify-proof "$WORK/proof" --key "$VKEY")

log2=$(awk -v n="$n" 'BEGIN {l = 0; while (2 ^ l < n) l++; print l}')
hashes=$(awk '/^index /{p=1; next} p && /^$/{exit} p{c++} END {print c+0}' "$WORK/proof")
note_bytes=$(wc -c <"$WORK/cp")
record_bytes=$(sed -n 's/^extra //p' "$WORK/proof" | base64 -d | wc -c)
proof_bytes=$(wc -c <"$WORK/proof")
bound=$((32 * log2 + note_bytes + record_bytes))

t_tiles=$(for ((i = 0; i < RUNS; i++)); do rm -rf "$WORK/tiles"; seconds "$STET" --store "$STORE" export-tiles "$WORK/tiles"; done | median)
t_again=$(timed "$STET" --store "$STORE" export-tiles "$WORK/tiles")
t_lstree=$(timed git -C "$STORE" ls-tree -r main)
files=$(find "$WORK/tiles" -type f | wc -l)

echo "checkpoint --sign        median ${t_checkpoint}s (target <= 1 s)"
echo "prove                    median ${t_prove}s (target <= 0.05 s)"
echo "verify-proof             median ${t_verify}s (target <= 0.005 s)"
echo "proof                    ${proof_bytes} bytes: ${hashes} path hashes (ceil(log2 n) = ${log2}), note ${note_bytes}, record ${record_bytes};"
echo "                         32 x ${log2} + note + record = ${bound} bytes (as base64 text the hashes take 45 bytes a line)"
echo "export-tiles (fresh)     median ${t_tiles}s, ${files} files, $(awk -v n="$n" -v t="$t_tiles" 'BEGIN {printf "%.0f", n / t}') records/s"
echo "export-tiles (again)     median ${t_again}s (adds nothing)"
echo "git ls-tree -r main      median ${t_lstree}s, $(awk -v n="$n" -v t="$t_lstree" 'BEGIN {printf "%.0f", n / t}') records/s"
