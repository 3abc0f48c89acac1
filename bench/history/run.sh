#!/usr/bin/env bash
# History benchmark on the shared corpus of document histories (722 revisions
# of 21 documents), stet against git in one run, medians of RUNS runs:
#   1. back-fill: `stet ingest --manifest` of every revision (one call, one
#      commit) vs `git fast-import` (one commit per revision) vs a
#      `git add && git commit` loop (LOOP_VERSIONS revisions): versions/s;
#   2. blame of wpcom-terms-of-service (107 revisions): `stet blame` vs
#      `git blame` on the git repository made by fast-import (successive
#      commits of one file);
#   3. phrase search: `stet log -S` over every document and `stet grep --ever`
#      vs `git log -S` on that repository.
#   bench/history/run.sh [STET_BINARY] [CORPUS_HISTORY_DIR] [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stet=$(realpath "${1:-$here/../../build/src/stet}")
corpus=$(realpath "${2:-$here/../../../shared/corpus/history}")
work=${3:-$(mktemp -d /tmp/stet-bench-history.XXXXXX)}
runs=${RUNS:-3}
loop_versions=${LOOP_VERSIONS:-100}
phrase=${PHRASE:-personal information}
mkdir -p "$work"
cd "$work"
count=$(python3 "$here/make_inputs.py" "$corpus" .)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; sync; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f\n", e - s}'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN {printf "%.0f", n / t}'; }
med() { local i; for i in $(seq "$runs"); do seconds "$@"; done | median; }

stet_manifest() { rm -rf store; "$stet" --store store init >/dev/null; "$stet" --store store ingest --manifest manifest.csv; }
fast_import() { rm -rf fi; git init -q --bare -b main fi; git -C fi fast-import --quiet < fast-import.stream; }
commit_loop() {
  rm -rf loop; git init -q loop
  head -n "$loop_versions" order.txt | while IFS=$'\t' read -r doc path; do
    cp "$path" "loop/$doc.txt"
    git -C loop add "$doc.txt" && git -C loop -c user.name=b -c user.email=b@example.org commit -q -m revision
  done
}

t_stet=$(med stet_manifest)
t_fi=$(med fast_import)
t_loop=$(med commit_loop)
echo "back-fill of $count revisions (median of $runs):"
echo "  stet ingest --manifest  ${t_stet} s  $(rate "$count" "$t_stet") versions/s"
echo "  git fast-import         ${t_fi} s  $(rate "$count" "$t_fi") versions/s"
echo "  git add+commit loop     ${t_loop} s for $loop_versions  $(rate "$loop_versions" "$t_loop") versions/s"

stet_manifest >/dev/null 2>&1
rm -rf wt && git clone -q fi wt
t_blame=$(med "$stet" --store store blame wpcom-terms-of-service)
t_gblame=$(med git -C wt blame wpcom-terms-of-service.txt)
echo "blame of wpcom-terms-of-service (107 revisions):"
echo "  stet blame  ${t_blame} s"
echo "  git blame   ${t_gblame} s  (ratio stet/git $(awk -v a="$t_blame" -v b="$t_gblame" 'BEGIN {printf "%.2f", a / b}'))"

t_pick=$(med "$stet" --store store log -S "$phrase")
t_grep=$(med "$stet" --store store grep "$phrase" --ever)
t_glog=$(med git -C fi log -S "$phrase" --oneline)
echo "phrase '$phrase' over every revision:"
echo "  stet log -S       ${t_pick} s"
echo "  stet grep --ever  ${t_grep} s"
echo "  git log -S        ${t_glog} s"
