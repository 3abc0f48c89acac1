#!/usr/bin/env python3
"""Inputs of the history benchmark, from the shared corpus of document histories.

   make_inputs.py CORPUS_HISTORY_DIR OUT_DIR

Writes OUT_DIR/manifest.csv (every revision: path, doc, source, retrieved),
OUT_DIR/fast-import.stream (one commit per revision, in the same order, each
revision written as <doc>.txt, so a document's revisions are successive commits
of one file) and OUT_DIR/order.txt (doc and path per line, for the commit loop)."""
import csv
import os
import sys

corpus, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rows = []
for doc in sorted(os.listdir(corpus)):
    index = os.path.join(corpus, doc, "revisions.tsv")
    if not os.path.exists(index):
        continue
    with open(index, newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append((r["author_date_utc"], doc, os.path.join(corpus, doc, r["rev"] + ".txt"), r["commit"]))
rows.sort()
with open(os.path.join(out, "manifest.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["path", "doc", "source", "retrieved"])
    for when, doc, path, commit in rows:
        w.writerow([path, doc, "git:" + commit, when])
with open(os.path.join(out, "order.txt"), "w") as f:
    for when, doc, path, commit in rows:
        f.write(f"{doc}\t{path}\n")
with open(os.path.join(out, "fast-import.stream"), "wb") as f:
    for i, (when, doc, path, commit) in enumerate(rows, 1):
        data = open(path, "rb").read()
        f.write(b"blob\nmark :%d\ndata %d\n" % (2 * i - 1, len(data)) + data + b"\n")
        f.write(b"commit refs/heads/main\nmark :%d\ncommitter bench <b@example.org> %d +0000\ndata 8\nrevision\n"
                % (2 * i, 1400000000 + i))
        if i > 1:
            f.write(b"from :%d\n" % (2 * i - 2))
        f.write(b"M 100644 :%d %s.txt\n\n" % (2 * i - 1, doc.encode()))
print(len(rows))
