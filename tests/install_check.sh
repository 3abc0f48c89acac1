#!/usr/bin/env bash
# `cmake --install` of a build tree into a DESTDIR, then the installed
# binary and man page used as a packager's user would: stet --version, a
# store round trip, and `man stet` (skipped, exit 77, without man-db).
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
"$bin" --version | grep -qx "stet [0-9.]*" || { echo "install_check: stet --version failed" >&2; exit 1; }
printf 'An installed stet keeps this text.\n' >"$work/page.txt"
STET_AUTHOR="Installer <i@example.org>" "$bin" --store "$work/store" ingest "$work/page.txt" --doc t 2>/dev/null >/dev/null
cmp <("$bin" --store "$work/store" show t@1) "$work/page.txt" || { echo "install_check: show differs" >&2; exit 1; }
if ! command -v man >/dev/null; then
  echo "install_check: man is not installed (package man-db); man page not rendered" >&2
  exit 77
fi
rendered=$(MANPATH="$work/root/usr/local/share/man" MANWIDTH=80 man -P cat stet 2>&1)
grep -q "stet - record every version" <<<"$rendered" || { echo "install_check: man stet failed: $rendered" >&2; exit 1; }
grep -q "EXIT STATUS" <<<"$rendered" || { echo "install_check: man page lacks EXIT STATUS" >&2; exit 1; }
echo "install_check: installed stet and its man page work"
