#!/usr/bin/env python3
"""Times two commands in alternation (A B, B A, A B, ...) so that both see the
same machine load, and prints the median wall time, the median CPU time
(user + system, from wait4) and the ratio of the first to the second.
  alternate.py RUNS LABEL_A "COMMAND A" LABEL_B "COMMAND B"
Output goes to /dev/null; three warm-up rounds are not counted."""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(argv, stdout=null, stderr=null)
        _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    runs = int(sys.argv[1])
    label_a, command_a, label_b, command_b = sys.argv[2:6]
    commands = [shlex.split(command_a), shlex.split(command_b)]
    times = [[], []]
    for round_ in range(runs + 3):
        order = (0, 1) if round_ % 2 == 0 else (1, 0)
        for k in order:
            wall, cpu = run_once(commands[k])
            if round_ >= 3:
                times[k].append((wall, cpu))
    medians = [(statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for t in times]
    (wall_a, cpu_a), (wall_b, cpu_b) = medians
    print(f"| {label_a} | {wall_a:.2f} | {cpu_a:.2f} | {label_b} | {wall_b:.2f} | {cpu_b:.2f} "
          f"| {wall_a / wall_b:.2f}x | {cpu_a / cpu_b:.2f}x |")


main()
