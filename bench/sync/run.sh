#!/bin/sh
# Push and pull time of stet against plain git on the same repository, for
# stores of 10,000 and 100,000 versions built with `stet ingest` batches.
#
# usage: bench/sync/run.sh [STET_BINARY] [SIZES...]
#   STET_BINARY  default: build/src/stet
#   SIZES        default: 10000 100000
# Initial transfers (first push, first pull, clone) are timed only for sizes up
# to $BENCH_INITIAL_MAX (default 10000): at 100,000 versions each takes minutes
# and the default run stays under ten minutes once the stores exist.
# Work happens in $BENCH_DIR (default: a folder in /dev/shm when present, so
# the figures measure stet and git, not the disk's fsync latency). Stores are
# kept between runs in $BENCH_DIR/store-N and reused; delete them to rebuild.
set -eu

stet=$(realpath "${1:-build/src/stet}")
[ $# -gt 0 ] && shift
sizes=${*:-10000 100000}
base=/dev/shm
[ -d "$base" ] || base=${TMPDIR:-/tmp}
work=${BENCH_DIR:-$base/stet-bench-sync}
batch=${BENCH_BATCH:-5000}
initial_max=${BENCH_INITIAL_MAX:-10000}
mkdir -p "$work"
here=$(dirname "$0")

now() { date +%s.%N; }
# elapsed LABEL COMMAND...: runs COMMAND quietly and prints seconds taken.
elapsed() {
  label=$1; shift
  t0=$(now)
  "$@" >/dev/null 2>&1 || { echo "failed: $label" >&2; exit 1; }
  t1=$(now)
  printf '%-34s %8.2f s\n' "$label" "$(echo "$t1 - $t0" | bc)"
}

build_store() {
  n=$1 store=$2
  [ -d "$store" ] && return 0
  tmp="$store.building"
  rm -rf "$tmp"
  done_count=0
  while [ "$done_count" -lt "$n" ]; do
    count=$(( n - done_count < batch ? n - done_count : batch ))
    python3 "$here/make_batch.py" "$work/batch" "$done_count" "$count" "$n"
    STET_AUTHOR=bench "$stet" --store "$tmp" ingest "$work"/batch/*/*.txt >/dev/null 2>&1
    done_count=$(( done_count + count ))
  done
  rm -rf "$work/batch"
  mv "$tmp" "$store"
}

initial_transfers() {
  store=$1 r=$2
  elapsed "initial push: stet push" "$stet" --store "$store" push "$r/stet-remote.git"
  elapsed "initial push: git push" git -C "$store" push -q "$r/git-remote.git" main
  echo "an independent store's own text" | STET_AUTHOR=bench "$stet" --store "$r/other" ingest --doc other - >/dev/null 2>&1
  elapsed "pull into another store: stet" "$stet" --store "$r/other" pull "$r/stet-remote.git"
  git init -q --bare "$r/git-fetcher.git"
  elapsed "fetch into empty repo: git fetch" git -C "$r/git-fetcher.git" fetch -q "$r/git-remote.git" main:refs/remotes/o/main
  elapsed "clone: stet clone" "$stet" clone "$r/stet-remote.git" "$r/clone"
  elapsed "clone: git clone --bare --no-local" git clone -q --no-local --bare "$r/git-remote.git" "$r/git-clone.git"
}

run_size() {
  n=$1
  store=$work/store-$n
  t0=$(now)
  build_store "$n" "$store"
  printf '== %s versions (%s documents, %s commits), store %s, built/reused in %.0f s\n' "$n" "$((n / 10))" \
    "$(git -C "$store" rev-list --count main)" "$(du -sh "$store" | cut -f1)" "$(echo "$(now) - $t0" | bc)"
  r=$work/run-$n
  rm -rf "$r" && mkdir -p "$r"
  for name in stet git; do git init -q --bare "$r/$name-remote.git"; done
  if [ "$n" -le "$initial_max" ]; then
    initial_transfers "$store" "$r"
  else
    # Same repositories as after the initial transfers: one packed copy,
    # then plain copies of it (git clone --local would check every object).
    git clone -q --bare --no-local "$store" "$r/packed.git"
    for copy in stet-remote.git git-remote.git clone git-clone.git git-fetcher.git; do
      cp -r "$r/packed.git" "$r/$copy"
    done
    git -C "$r/clone" remote set-url origin "$r/stet-remote.git"
  fi
  # 100 more versions: incremental push and pull.
  python3 "$here/make_batch.py" "$r/more" "$n" 100 "$n"
  STET_AUTHOR=bench "$stet" --store "$r/clone" ingest "$r"/more/*/*.txt >/dev/null 2>&1
  git -C "$r/git-clone.git" fetch -q "$r/clone" main:main
  elapsed "push 100 new versions: stet" "$stet" --store "$r/clone" push
  elapsed "push 100 new versions: git push" git -C "$r/git-clone.git" push -q "$r/git-remote.git" main
  elapsed "pull 100 new versions: stet (ff)" "$stet" --store "$store" pull "$r/stet-remote.git"
  elapsed "fetch 100 new versions: git fetch" git -C "$r/git-fetcher.git" fetch -q "$r/git-remote.git" main:refs/remotes/o/main
  # Put the kept store back where it was, so a rerun measures the same thing.
  git -C "$store" update-ref refs/heads/main "$(git -C "$store" rev-parse main~1)"
  rm -rf "$r"
}

echo "stet sync benchmark: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, work in $work"
echo "git $(git --version | cut -d' ' -f3), $("$stet" --version)"
for n in $sizes; do
  run_size "$n"
done
