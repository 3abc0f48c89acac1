#!/usr/bin/env bash
# End-to-end test of `stet report` in a real browser: renders the report of
# the seed's first statement (the republished copy, then the original as a
# second version) and of a document carrying a <script>, in headless
# Chromium, and checks the rendered DOM; saves screenshots in OUTDIR.
# Usage: report_browser.sh STET FIXTURES OUTDIR
# Exit 77 (ctest SKIP) when chromium is not installed; 1 on a failed check.
set -euo pipefail
stet=$1 fixtures=$2 out=$3

browser=$(command -v chromium || true)
if [[ -z "$browser" ]]; then
  echo "SKIP: chromium is not installed (apt-get install chromium); the browser test did not run"
  exit 77
fi

rm -rf "$out" && mkdir -p "$out"
store="$out/store"
failures=0
check() {  # check DESCRIPTION FILE PATTERN: PATTERN (fixed string) must occur in FILE
  if grep -qF -- "$3" "$2"; then echo "ok: $1"; else echo "FAIL: $1 (no '$3' in $2)"; failures=$((failures + 1)); fi
}
check_absent() {
  if grep -qF -- "$3" "$2"; then echo "FAIL: $1 ('$3' found in $2)"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
browse() {  # browse PAGE PROFILE ARGS...: headless chromium, bounded in time, with a fresh profile
  local page=$1 profile=$2; shift 2
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --user-data-dir="$out/$profile" "$@" \
    "file://$page" 2>>"$out/chromium.log"
}

"$stet" --store "$store" ingest "$fixtures/docs/nac-statement-republished.txt" \
  --source https://example.org/news --retrieved 2014-03-18T09:30:00Z >/dev/null
"$stet" --store "$store" ingest "$fixtures/docs/nac-statement-original.txt" --doc nac-statement-republished \
  --source https://www.nato.int/cps/en/natolive/news_107681.htm >/dev/null
"$stet" --store "$store" report nac-statement-republished -o "$out/report.html"

browse "$out/report.html" profile-dom --dump-dom >"$out/report.dom.html"
check "the page rendered" "$out/report.dom.html" "<h1>nac-statement-republished</h1>"
check "the page's own script ran (its CSP hash is right)" "$out/report.dom.html" 'class=" js"'
check "the cut point is shown" "$out/report.dom.html" "v1 stops here · v2 goes on for"
check "the missing words are shown" "$out/report.dom.html" 'class="missing"'
check "the first source appears" "$out/report.dom.html" "https://example.org/news"
check "the second source appears" "$out/report.dom.html" "https://www.nato.int/cps/en/natolive/news_107681.htm"
check "v1 carries the truncated badge" "$out/report.dom.html" '<span class="badge bad"'
check "the versions were verified" "$out/report.dom.html" '<span class="badge ok">verified</span>'
check "the timeline picture rendered" "$out/report.dom.html" '<figure class="chart"><svg'
check "the timeline marks the cut-off version" "$out/report.dom.html" '<circle class="cut"'
browse "$out/report.html" profile-shot --hide-scrollbars --screenshot="$out/report.png" --window-size=1200,1600 \
  >/dev/null
if [[ -s "$out/report.png" ]]; then echo "ok: screenshot $out/report.png"; else echo "FAIL: no screenshot"; failures=$((failures + 1)); fi

# A third version whose text would retitle the page and mark the body if any of it ran.
injected="$out/injected.txt"
printf '%s\n' "The council met on Monday. <script>document.title='pwned'</script>" \
  "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> It agreed." >"$injected"
"$stet" --store "$store" ingest "$injected" --doc nac-statement-republished --source 'javascript:alert(1)' >/dev/null
"$stet" --store "$store" report nac-statement-republished -o "$out/injected.html"
browse "$out/injected.html" profile-injected --dump-dom >"$out/injected.dom.html"
check "the injected page rendered" "$out/injected.dom.html" "<h1>nac-statement-republished</h1>"
check "the injected script shows as text" "$out/injected.dom.html" "&lt;script&gt;document.title='pwned'&lt;/script&gt;"
check "the title is unchanged" "$out/injected.dom.html" "<title>nac-statement-republished — document history</title>"
check_absent "the injected script did not run" "$out/injected.dom.html" "<title>pwned</title>"
check_absent "the injected handler did not run" "$out/injected.dom.html" 'data-pwned="1"'
check_absent "no injected element exists" "$out/injected.dom.html" "<img"
check_absent "a javascript: source is no link" "$out/injected.dom.html" 'href="javascript:'

if ((failures > 0)); then
  echo "$failures check(s) failed; see $out"
  exit 1
fi
echo "all checks passed; screenshot in $out/report.png"
