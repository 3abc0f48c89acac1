#!/usr/bin/env bash
# `cmake --install` of a build tree into a DESTDIR, then the installed
# binary and man page used as a packager's user would: stet --version, a
# store round trip, `man -l` of the installed page and `man stet` through
# MANPATH (skipped, exit 77, without man-db). The installed binary must not
# find anything in the build tree (no RUNPATH into it).
#   tests/install_check.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
DESTDIR="$work/root" cmake --install "$build" --prefix /usr/local >/dev/null
bin="$work/root/usr/local/bin/stet"
page="$work/root/usr/local/share/man/man1/stet.1"
[ -x "$bin" ] || { echo "install_check: $bin was not installed" >&2; exit 1; }
[ -f "$page" ] || { echo "install_check: $page was not installed" >&2; exit 1; }
build_abs=$(cd "$build" && pwd)
if command -v readelf >/dev/null && readelf -d "$bin" | grep -E "R(UN)?PATH" | grep -qF "$build_abs"; then
  echo "install_check: the installed binary's RUNPATH points into the build tree" >&2
  exit 1
fi
"$bin" --version | grep -qx "stet [0-9.]*" || { echo "install_check: stet --version failed" >&2; exit 1; }
printf 'An installed stet keeps this text.\n' >"$work/page.txt"
printf 'An installed stet keeps this text, and more.\n' >"$work/page2.txt"
export STET_AUTHOR="Installer <i@example.org>"
"$bin" --store "$work/store" ingest "$work/page.txt" --doc t >/dev/null
"$bin" --store "$work/store" ingest "$work/page2.txt" --doc t >/dev/null
cmp <("$bin" --store "$work/store" show t@1) "$work/page.txt" || { echo "install_check: show differs" >&2; exit 1; }
diff_out=$("$bin" --store "$work/store" diff t 1 2 --format wdiff) && rc=0 || rc=$?
[ "$rc" -eq 1 ] && grep -qF '{+, and more+}' <<<"$diff_out" ||
  { echo "install_check: diff of the two versions failed (exit $rc): $diff_out" >&2; exit 1; }
"$bin" --store "$work/store" verify >/dev/null || { echo "install_check: verify failed" >&2; exit 1; }
if ! command -v man >/dev/null; then
  echo "install_check: man is not installed (package man-db); man page not rendered" >&2
  exit 77
fi
for how in "-l $page" "stet"; do
  # shellcheck disable=SC2086  # $how is two words for man -l
  rendered=$(MANPATH="$work/root/usr/local/share/man" MANWIDTH=80 man -P cat $how 2>&1)
  grep -q "stet - record every version" <<<"$rendered" || { echo "install_check: man $how failed: $rendered" >&2; exit 1; }
  grep -q "EXIT STATUS" <<<"$rendered" || { echo "install_check: man $how lacks EXIT STATUS" >&2; exit 1; }
done
echo "install_check: installed stet and its man page work"
