#!/usr/bin/env python3
"""make_docs.py DIR COUNT SIZE [SEED [PREFIX]]

Writes COUNT text documents of about SIZE bytes into DIR, cut from the real
prose in ../shared/corpus/complete (or from a fixed word list when the corpus
is absent). Deterministic for a given seed."""
import glob
import os
import random
import sys


def main():
    out_dir, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    prefix = sys.argv[5] if len(sys.argv) > 5 else "doc"
    corpus = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpus", "complete")
    words = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            words += f.read().split()
    if not words:
        print("make_docs: corpus absent, using generated words", file=sys.stderr)
        words = [f"word{i}" for i in range(5000)]
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    for i in range(count):
        start = rng.randrange(len(words))
        out, length, j = [], 0, start
        while length < size:
            w = words[j % len(words)]
            out.append(w)
            length += len(w) + 1
            j += 1
        with open(os.path.join(out_dir, f"{prefix}{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(" ".join(out) + "\n")


main()
