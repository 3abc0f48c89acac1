#!/usr/bin/env bash
# Size and time of `stet report` on a long real history: every revision of a
# corpus document ingested in order (retrieval times from its revisions.tsv),
# then the report written REPEAT times (hyperfine when installed).
#   bench/report/run.sh [build/src/stet] [history-folder] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
stet=$(realpath "${1:-build/src/stet}")
history=${2:-../shared/corpus/history/wpcom-terms-of-service}
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store="$work/store"
while IFS=$'\t' read -r rev _ date _; do
  [ "$rev" = rev ] && continue
  STET_AUTHOR="Bench <b@example.org>" "$stet" --store "$store" ingest "$history/$rev.txt" --doc doc \
    --retrieved "$date" --source "https://example.org/$rev" >/dev/null 2>&1
done <"$history/revisions.tsv"
versions=$("$stet" --store "$store" list | awk '{print $2}')
"$stet" --store "$store" report doc -o "$work/report.html"
bytes=$(stat -c %s "$work/report.html")
echo "history: $history ($versions versions, $(du -sb "$history" | cut -f1) bytes of text)"
echo "report: $bytes bytes"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$work/times.md" \
    "$stet --store $store report doc -o $work/again.html" >/dev/null
  sed -n 3p "$work/times.md"
else
  /usr/bin/time -f "report: %e s wall, %M KB peak" "$stet" --store "$store" report doc -o "$work/again.html"
fi
