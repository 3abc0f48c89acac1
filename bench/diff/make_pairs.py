#!/usr/bin/env python3
"""Makes benchmark pairs from real prose: side A is corpus text joined to the
wanted size; side B has about 1% of its words edited (replaced, removed or
inserted), one paragraph moved elsewhere and the last 3% cut off."""
import os
import random
import re
import sys


def prose(corpus, size):
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".txt"))
    parts, total = [], 0
    while total < size:
        for name in names:
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                text = f.read()
            parts.append(text)
            total += len(text.encode())
            if total >= size:
                break
    return "\n\n".join(parts).encode()[:size].decode("utf-8", "ignore")


def edit(text, rng):
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 4:
        moved = paragraphs.pop(rng.randrange(1, len(paragraphs) // 2))
        paragraphs.insert(rng.randrange(len(paragraphs) // 2, len(paragraphs)), moved)
    text = "\n\n".join(paragraphs)
    pieces = re.split(r"(\s+)", text)
    words = [k for k in range(0, len(pieces), 2) if pieces[k]]
    for k in rng.sample(words, max(1, len(words) // 100)):
        choice = rng.random()
        if choice < 0.5:
            pieces[k] = rng.choice(["revised", "amended", "new", "other", "final"])
        elif choice < 0.75:
            pieces[k] = ""
        else:
            pieces[k] = pieces[k] + " inserted"
    text = "".join(pieces)
    return text[: int(len(text) * 0.97)]


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for label, size in (("100k", 100_000), ("1m", 1_000_000), ("10m", 10_000_000)):
        a = prose(corpus, size)
        b = edit(a, random.Random(size))
        for side, text in (("a", a), ("b", b)):
            with open(os.path.join(out, f"{label}-{side}.txt"), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
