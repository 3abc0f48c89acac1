#!/usr/bin/env python3
"""The word-diff target head to head: `stet diff --files A B` against
`git diff --no-index --word-diff=porcelain A B` on the 1 MB and 10 MB pairs
of make_pairs.py, runs alternating (stet, git, `stet --version`, and the
baseline binary when given) so that every command sees the same load.
Prints the median wall time of each, the stet/git ratio, the median CPU
times (user + system: stet's two threads both count), the diff's own
cost (the median less `stet --version`), and the changed words of stet and
of the baseline (counted as run.py counts them); fails when the changed
words grew against the baseline.

Usage: bench/diff/vs_git.py [build/src/stet] [runs] [baseline-stet]   (from the project root)"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the counting of run.py)


def timed(argv):
    """Wall time and CPU time (user + system, all threads) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main():
    stet = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(bench.ROOT, "build", "src", "stet"))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    baseline = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    work = tempfile.mkdtemp(prefix="stet-vs-git-")
    grown = False
    try:
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_pairs.py"),
                        os.path.join(bench.CORPUS, "complete"), work], check=True)
        print(f"machine: {os.cpu_count()} cores, load average {' '.join(open('/proc/loadavg').read().split()[:3])}, "
              f"{runs} alternating runs")
        print("| pair | stet (s) | git (s) | stet/git | stet --version (s) | diff less start-up (s) | baseline (s) "
              "| CPU stet / git / baseline (s) | changed words | baseline words |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for label in ("1m", "10m"):
            a, b = os.path.join(work, f"{label}-a.txt"), os.path.join(work, f"{label}-b.txt")
            commands = {
                "stet": [stet, "diff", "--files", a, b],
                "git": ["git", "diff", "--no-index", "--word-diff=porcelain", a, b],
                "version": [stet, "--version"],
            }
            if baseline:
                commands["baseline"] = [baseline, "diff", "--files", a, b]
            times = {name: [] for name in commands}
            cpus = {name: [] for name in commands}
            for name, argv in commands.items():
                timed(argv)  # warm-up
            for _ in range(runs):
                for name, argv in commands.items():
                    wall, cpu = timed(argv)
                    times[name].append(wall)
                    cpus[name].append(cpu)
            med = {name: statistics.median(values) for name, values in times.items()}
            cpu = {name: statistics.median(values) for name, values in cpus.items()}
            words = bench.count("stet", bench.counters(stet)["stet"](a, b))
            base_words = bench.count("stet", bench.counters(baseline)["stet"](a, b)) if baseline else None
            grown = grown or (base_words is not None and words > base_words)
            base = f"{med['baseline']:.3f}" if baseline else ""
            base_cpu = f" / {cpu['baseline']:.3f}" if baseline else ""
            print(f"| {label} | {med['stet']:.3f} | {med['git']:.3f} | {med['stet'] / med['git']:.2f} "
                  f"| {med['version']:.3f} | {med['stet'] - med['version']:.3f} | {base} "
                  f"| {cpu['stet']:.3f} / {cpu['git']:.3f}{base_cpu} | {words} | {base_words if baseline else ''} |",
                  flush=True)
        print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if grown:
        print("changed words grew against the baseline")
        sys.exit(1)


if __name__ == "__main__":
    main()
