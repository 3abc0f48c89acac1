#!/usr/bin/env bash
# The transparency log on a store of RECORDS records (default 100,000:
# 20,000 documents x 5 versions, in commits of BATCH ingests each, default
# 1,000: 100 ingest commits): medians (hyperfine, RUNS runs after a warm-up)
# of `stet checkpoint --sign`, `stet prove` against a checkpoint,
# `stet verify-proof` beside `stet --version` (process start-up), the
# proof's size against 32 x ceil(log2 n) plus note and record, and
# `stet export-tiles` into a fresh folder against `git ls-tree -r` of the
# same store; then that a re-export adds and changes no file.
# Usage: bench/tlog/run.sh [path/to/stet] [WORK_DIR]
# BENCH_STORE=DIR reuses a store built earlier by this script (building one
# is RECORDS / BATCH real `stet ingest` runs and takes minutes). The first
# command after a new binary or a deleted index reads every record once; the
# script does that before timing.
set -euo pipefail
STET=$(realpath "${1:-build/src/stet}")
WORK=${2:-$(mktemp -d /tmp/stet-bench-tlog.XXXXXX)}
RUNS=${RUNS:-10}
RECORDS=${RECORDS:-100000}
BATCH=${BATCH:-1000}
export STET_AUTHOR="bench <bench@example.org>"
mkdir -p "$WORK"
STORE=${BENCH_STORE:-$WORK/store}

median_of() { jq -r '.results[0].median' "$1" | awk '{printf "%.4f", $1}'; }
# Median seconds of "$@" over RUNS runs (no shell in between).
timed() {
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
  median_of "$WORK/h.json"
}

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
echo "load: $(uptime)"
rm -f "$WORK/key" "$WORK/key.pub" "$WORK/key.vkey" "$WORK/cp"
"$STET" keygen "$WORK/key" --name bench.example/log >/dev/null
VKEY=$(cat "$WORK/key.vkey")
s=$(date +%s.%N)
"$STET" --store "$STORE" checkpoint --sign "$WORK/key" -o "$WORK/cp" >/dev/null
e=$(date +%s.%N)
n=$(sed -n 2p "$WORK/cp")
echo "store: $n records, $(git -C "$STORE" rev-list --count main) commits, $(du -sh "$STORE" | cut -f1)"
echo "first signed checkpoint (new key: reads every record) $(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.2f", e - s}')s"

t_checkpoint=$(timed "$STET" --store "$STORE" checkpoint --sign "$WORK/key")
t_prove=$(timed "$STET" --store "$STORE" prove doc123 --checkpoint "$WORK/cp")
"$STET" --store "$STORE" prove doc123 --checkpoint "$WORK/cp" >"$WORK/proof"
t_verify=$(timed "$STET" verify-proof "$WORK/proof" --key "$VKEY")
t_version=$(timed "$STET" --version)

log2=$(awk -v n="$n" 'BEGIN {l = 0; while (2 ^ l < n) l++; print l}')
hashes=$(awk '/^index /{p=1; next} p && /^$/{exit} p{c++} END {print c+0}' "$WORK/proof")
note_bytes=$(wc -c <"$WORK/cp")
record_bytes=$(sed -n 's/^extra //p' "$WORK/proof" | base64 -d | wc -c)
proof_bytes=$(wc -c <"$WORK/proof")
bound=$((32 * log2 + note_bytes + record_bytes))
payload=$((32 * hashes + note_bytes + record_bytes))

TILES_RUNS=${TILES_RUNS:-3}
hyperfine -N --runs "$TILES_RUNS" --prepare "rm -rf $WORK/tiles" --export-json "$WORK/h.json" \
  -- "$STET --store $STORE export-tiles $WORK/tiles" >/dev/null 2>&1
t_tiles=$(median_of "$WORK/h.json")
"$STET" --store "$STORE" export-tiles "$WORK/tiles" >/dev/null
(cd "$WORK/tiles" && find . -type f ! -name checkpoint -print0 | sort -z | xargs -0 sha256sum) >"$WORK/tiles.before"
t_again=$(RUNS=$TILES_RUNS timed "$STET" --store "$STORE" export-tiles "$WORK/tiles")
(cd "$WORK/tiles" && find . -type f ! -name checkpoint -print0 | sort -z | xargs -0 sha256sum) >"$WORK/tiles.after"
same=$(cmp -s "$WORK/tiles.before" "$WORK/tiles.after" && echo "no file added or changed" || echo "FILES CHANGED")
t_lstree=$(timed git -C "$STORE" ls-tree -r main)
files=$(find "$WORK/tiles" -type f | wc -l)
echo "load: $(uptime)"

echo "checkpoint --sign        median ${t_checkpoint}s (target <= 1 s)"
echo "prove                    median ${t_prove}s (target <= 0.05 s)"
echo "verify-proof             median ${t_verify}s (target <= 0.005 s); stet --version ${t_version}s;" \
  "verify-proof's own cost $(awk -v a="$t_verify" -v b="$t_version" 'BEGIN {printf "%.4f", a - b}')s"
echo "proof                    ${proof_bytes} bytes: ${hashes} path hashes (ceil(log2 n) = ${log2}), note ${note_bytes}, record ${record_bytes};"
echo "                         payload 32 x ${hashes} + note + record = ${payload} bytes <= bound 32 x ${log2} + note + record = ${bound} bytes"
echo "                         (as C2SP text each hash is a 45-byte base64 line and the record a base64 line)"
echo "export-tiles (fresh)     median ${t_tiles}s, ${files} files, $(awk -v n="$n" -v t="$t_tiles" 'BEGIN {printf "%.0f", n / t}') records/s"
echo "export-tiles (again)     median ${t_again}s: ${same}"
echo "git ls-tree -r main      median ${t_lstree}s, $(awk -v n="$n" -v t="$t_lstree" 'BEGIN {printf "%.0f", n / t}') records/s"
