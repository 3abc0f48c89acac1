#!/usr/bin/env python3
"""Writes COUNT small text files, versions FIRST.. of TOTAL/10 documents (ten
versions each), into DIR/<round>/doc-NNNNNN.txt for one `stet ingest` batch."""
import os
import shutil
import sys

folder, first, count, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
documents = max(1, total // 10)
shutil.rmtree(folder, ignore_errors=True)
os.makedirs(folder)
for i in range(first, first + count):
    doc = i % documents
    # One subfolder per round, so the file stem (the document id) repeats.
    round_dir = os.path.join(folder, str(i // documents))
    os.makedirs(round_dir, exist_ok=True)
    with open(os.path.join(round_dir, f"doc-{doc:06d}.txt"), "w") as out:
        out.write(f"Document {doc}, version {i}.\n")
        out.write("The council met on Tuesday and approved the budget. " * (1 + i % 7) + "\n")
