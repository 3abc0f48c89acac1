#!/usr/bin/env bash
# Builds stet in every CMake build type with g++ and with clang, warnings as
# errors, and prints a table of which cells built. Not part of CI (eight
# builds take far longer than CI's 30 minutes on two cores); run it after a
# change to flags, warnings or dependencies.
#   scripts/check_build_types.sh [--all] [--types "Debug Release"] [--compilers "g++ clang++"] [DIR]
# By default each cell builds the stet binary and the test binary (stet_tests);
# --all builds everything (benchmarks too). Build trees go to DIR (default
# build-types/), one per cell, so that a second run only rebuilds what changed.
set -uo pipefail
cd "$(dirname "$0")/.."
targets=(--target stet stet_tests)
types=(Debug Release RelWithDebInfo MinSizeRel)
compilers=(g++ clang++)
root=build-types
while [ $# -gt 0 ]; do
  case "$1" in
    --all) targets=(); shift ;;
    --types) read -ra types <<<"$2"; shift 2 ;;
    --compilers) read -ra compilers <<<"$2"; shift 2 ;;
    -*) echo "usage: $0 [--all] [--types LIST] [--compilers LIST] [DIR]" >&2; exit 2 ;;
    *) root=$1; shift ;;
  esac
done
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
jobs=${STET_JOBS:-2}
failed=0
results=()
for cxx in "${compilers[@]}"; do
  for type in "${types[@]}"; do
    dir="$root/$cxx-$type"
    log="$dir.log"
    mkdir -p "$root"
    start=$SECONDS
    if CXX=$cxx cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" -DSTET_WARNINGS_AS_ERRORS=ON \
        "${launcher[@]}" >"$log" 2>&1 && cmake --build "$dir" -j "$jobs" "${targets[@]}" >>"$log" 2>&1; then
      verdict=ok
    else
      verdict="FAILED (see $log)"
      failed=1
    fi
    warnings=$(grep -c "warning:" "$log")
    results+=("$(printf '%-9s %-15s %-6s %4d warnings %5d s' "$cxx" "$type" "${verdict%% *}" "$warnings" $((SECONDS - start)))")
    echo "${results[-1]}${verdict#ok}" >&2
  done
done
echo
printf '%s\n' "${results[@]}"
exit $failed
