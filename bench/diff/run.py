#!/usr/bin/env python3
"""Times stet diff --format wdiff against git --word-diff=porcelain, wdiff and
dwdiff on generated pairs and on the real histories; prints a Markdown table
of median wall time, peak RSS and changed words for each tool.

Changed words are \w+ runs inside the changes of each tool's output, counted
from a second, untimed run whose markup cannot be confused with the text
(prose about diffs contains "[-" and "{+"): git's porcelain lines, wdiff and
dwdiff with control characters as delimiters, stet's JSON ops (moved text
counted on both sides, as the others show it).

With a baseline binary (say, a build of main) the changed words of stet
are also counted with it on every pair, and the script fails when the
binary under test changes more words than the baseline on any pair.

Usage: bench/diff/run.py [build/src/stet] [runs] [baseline-stet]   (from the project root)"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
WORD = re.compile(r"\w+")
MARKED = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)


MARKS = ["-w", "\x01", "-x", "\x02", "-y", "\x03", "-z", "\x04"]
CONTROL = re.compile("\x01(.*?)\x02|\x03(.*?)\x04", re.S)


def tools(stet):
    return {
        "stet": lambda a, b: [stet, "diff", "--files", a, b, "--format", "wdiff"],
        "git": lambda a, b: ["git", "diff", "--no-index", "--word-diff=porcelain", a, b],
        "wdiff": lambda a, b: ["wdiff", a, b],
        "dwdiff": lambda a, b: ["dwdiff", a, b],
    }


def counters(stet):
    return {
        "stet": lambda a, b: [stet, "diff", "--files", a, b, "--format", "json"],
        "git": lambda a, b: ["git", "diff", "--no-index", "--word-diff=porcelain", a, b],
        "wdiff": lambda a, b: ["wdiff"] + MARKS + [a, b],
        "dwdiff": lambda a, b: ["dwdiff"] + MARKS + [a, b],
    }


def count(name, argv):
    output = subprocess.run(argv, capture_output=True, text=True, errors="replace").stdout
    if name == "stet":
        ops = json.loads(output)["ops"]
        return sum(len(WORD.findall(op["text"])) for op in ops if op["op"] != "equal" and "ignored" not in op)
    if name in ("wdiff", "dwdiff"):
        return sum(len(WORD.findall(m.group(1) or m.group(2) or "")) for m in CONTROL.finditer(output))
    return changed_words(name, output)


def changed_words(name, output):
    if name == "git":
        count, body = 0, False
        for line in output.splitlines():
            if line.startswith("@@"):
                body = True
            elif body and line[:1] in "+-":
                count += len(WORD.findall(line[1:]))
        return count
    return sum(len(WORD.findall(m.group(1) or m.group(2) or "")) for m in MARKED.finditer(output))


def measure(argv, runs):
    """Median wall time, median CPU time (user + system) and peak RSS. On a
    shared machine the CPU time is the steadier of the two."""
    times, cpus, peak = [], [], 0
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as stats:
            subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats.name] + argv,
                           capture_output=True, text=True, errors="replace")
            seconds, user, system, kb = stats.read().split()[-4:]
        times.append(float(seconds))
        cpus.append(float(user) + float(system))
        peak = max(peak, int(kb))
    return statistics.median(times), statistics.median(cpus), peak


def history_pairs():
    history = os.path.join(CORPUS, "history")
    for doc in sorted(os.listdir(history)) if os.path.isdir(history) else []:
        folder = os.path.join(history, doc)
        if os.path.isdir(folder):
            revs = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
            yield doc, [(os.path.join(folder, x), os.path.join(folder, y)) for x, y in zip(revs, revs[1:])]


def main():
    stet = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "src", "stet"))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    baseline = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    if not os.path.isdir(os.path.join(CORPUS, "complete")):
        print("corpus absent: nothing to measure")
        return
    work = tempfile.mkdtemp(prefix="stet-bench-")
    try:
        grown = run_all(stet, runs, work, baseline)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if grown:
        print("changed words grew against the baseline on: " + ", ".join(grown))
        sys.exit(1)


def baseline_check(stet, baseline, a, b, label, grown):
    """Changed words of `stet` against `baseline` on one pair; notes growth."""
    if not baseline:
        return ""
    ours, theirs = count("stet", counters(stet)["stet"](a, b)), count("stet", counters(baseline)["stet"](a, b))
    if ours > theirs:
        grown.append(label)
    return f" (baseline {theirs})"


def run_all(stet, runs, work, baseline):
    grown = []
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_pairs.py"),
                    os.path.join(CORPUS, "complete"), work], check=True)
    print("| pair | tool | median wall (s) | median CPU (s) | peak RSS (KB) | changed words |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for label in ("100k", "1m", "10m"):
        a, b = os.path.join(work, f"{label}-a.txt"), os.path.join(work, f"{label}-b.txt")
        for name, argv in tools(stet).items():
            seconds, cpu, kb = measure(argv(a, b), runs)
            words = count(name, counters(stet)[name](a, b))
            note = baseline_check(stet, baseline, a, b, label, grown) if name == "stet" else ""
            print(f"| {label} | {name} | {seconds:.3f} | {cpu:.3f} | {kb} | {words}{note} |", flush=True)
    for doc, pairs in history_pairs():
        for name, argv in tools(stet).items():
            total, cpu_total, peak, words = 0.0, 0.0, 0, 0
            for a, b in pairs:
                seconds, cpu, kb = measure(argv(a, b), 1)
                total, cpu_total, peak = total + seconds, cpu_total + cpu, max(peak, kb)
                words += count(name, counters(stet)[name](a, b))
                if name == "stet":
                    baseline_check(stet, baseline, a, b, f"{doc} {os.path.basename(b)}", grown)
            print(f"| history {doc} ({len(pairs)} pairs, summed) | {name} | {total:.3f} | {cpu_total:.3f} | {peak} "
                  f"| {words} |", flush=True)
    return grown


if __name__ == "__main__":
    main()
