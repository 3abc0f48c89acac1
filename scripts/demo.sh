#!/usr/bin/env bash
# The demo: a fresh store, the seed's two statements as republished by a news
# site, the original of the first, and what stet says about them.
#   scripts/demo.sh STET_BINARY STORE_DIR
set -euo pipefail
stet=$(realpath "$1")
store=$2
cd "$(dirname "$0")/.."
docs=fixtures/docs
rm -rf "$store"

# Prints a command as a user would type it, then runs it; exit status 1
# (differences or findings) is an answer, not a failure.
step() {
  local shown="stet"
  for arg in "${@:2}"; do shown+=" $(printf '%q' "$arg")"; done
  printf '\n\033[1m$ %s\033[0m\n' "$shown"
  "$@" || [ $? -eq 1 ]
}

export STET_STORE=$store
export STET_AUTHOR="stet demo"
step "$stet" init
step "$stet" ingest --split "$docs/nato-2014-03-17-republished.txt" \
  --doc nato/2014-03-17/nac-statement --doc nato/2014-03-17/sg-crimea \
  --source "news site republication of two NATO texts" --retrieved 2014-03-18T09:30:00Z
step "$stet" ingest "$docs/nac-statement-original.txt" --doc nato/2014-03-17/nac-statement \
  --source "NATO Press Release (2014) 046" --retrieved 2014-03-17T18:00:00Z
step "$stet" list
step "$stet" log nato/2014-03-17/nac-statement
# The republication alone, then against the original: where it was cut.
step "$stet" check "$docs/nac-statement-republished.txt" "$docs/sg-crimea-republished.txt"
step "$stet" check nato/2014-03-17/nac-statement@1
step "$stet" diff nato/2014-03-17/nac-statement 1 2 --context 1
step "$stet" diff nato/2014-03-17/nac-statement 1 2 --format stat
step "$stet" verify
# A fact-checker holding only the republished copy, and a store with the
# original: which recorded text is it, how much of it, and where was it cut?
factcheck=$(dirname "$store")/demo-factcheck-store
rm -rf "$factcheck"
step "$stet" --store "$factcheck" ingest "$docs/nac-statement-original.txt" --doc nato/nac-statement \
  --source "NATO Press Release (2014) 046"
step "$stet" --store "$factcheck" match "$docs/nac-statement-republished.txt"
report=$(dirname "$store")/nac-statement-report.html
step "$stet" report nato/2014-03-17/nac-statement -o "$report"
echo "the report: $report (open it in a browser)"
