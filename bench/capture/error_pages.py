#!/usr/bin/env python3
"""How well the capture-error verdict tells error pages from good captures on the shared corpora.

Usage: bench/capture/error_pages.py [build/src/stet] [../shared/corpus]

Error captures: every response record of the WARC/WACZ files in web/warc with an HTTP status of 4xx or
5xx. Each is judged twice: as ingested from the archive (status known), and with its payload ingested as a
plain file (status unknown: only the page's title and text can tell). Good captures: the 2xx text records of
the same archives, the saved HTML pages of web/html, and the plain texts of complete/ and history/ (every
one a real document, none an error page). Only the stet binary is used, through its JSON output.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

stet = sys.argv[1] if len(sys.argv) > 1 else "build/src/stet"
corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../../shared/corpus")


def run(store, *args):
    r = subprocess.run([stet, "--store", store, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def ingest_json(store, *args):
    code, out, err = run(store, "ingest", "--format", "json", *args)
    if code != 0:
        return None, err.strip()
    return json.loads(out), ""


work = tempfile.mkdtemp()
errors = []        # (what, flagged with status, flagged from text alone, reason)
good = {}          # kind -> [count, flagged, examples]


def count_good(kind, item):
    entry = good.setdefault(kind, [0, 0, []])
    entry[0] += 1
    if item["verdict"] == "capture-error":
        entry[1] += 1
        entry[2].append(item["id"] + ": " + item.get("capture_error", ""))


for n, path in enumerate(sorted(glob.glob(os.path.join(corpus, "web/warc/*")))):
    if not (".warc" in path or path.endswith(".wacz")):
        continue
    store = os.path.join(work, "w%d" % n)
    items, err = ingest_json(store, "--warc", path)
    if items is None:
        continue  # a deliberately broken fixture: refused whole
    for item in items:
        code, meta, _ = run(store, "show", "%s@%d" % (item["id"], item["version"]), "--meta", "--format", "json")
        status = json.loads(meta).get("http_status") if code == 0 else None
        if status is not None and status >= 400:
            page = os.path.join(work, "page-%d-%d.html" % (n, len(errors)))
            with open(page, "wb") as f:
                f.write(subprocess.run([stet, "--store", store, "show", "%s@%d" % (item["id"], item["version"])],
                                       capture_output=True).stdout)
            alone, _ = ingest_json(os.path.join(work, "p%d-%d" % (n, len(errors))), page)
            flagged_alone = bool(alone) and alone[0]["verdict"] == "capture-error"
            errors.append((os.path.basename(path) + " " + item["id"], item["verdict"] == "capture-error",
                           flagged_alone, (alone[0].get("capture_error", "") if alone else "")))
        else:
            count_good("web/warc 2xx records", item)

groups = [("web/html saved pages", [], sorted(glob.glob(os.path.join(corpus, "web/html/*/*.html")))),
          ("complete/ texts", [], sorted(glob.glob(os.path.join(corpus, "complete/*.txt"))))]
for folder in sorted(glob.glob(os.path.join(corpus, "history/*/"))):  # one document per folder, its revisions in order
    groups.append(("history/ revisions", ["--doc", os.path.basename(folder.rstrip("/"))],
                   sorted(glob.glob(os.path.join(folder, "*.txt")))))
for g, (kind, options, files) in enumerate(groups):
    for k in range(0, len(files), 200):
        items, err = ingest_json(os.path.join(work, "g%d-%d" % (g, k)), *options, *files[k:k + 200])
        if items is None:
            print("skipped %s: %s" % (kind, err))
            break
        for item in items:
            count_good(kind, item)

print("uptime: " + subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
print("error captures (HTTP 4xx/5xx records):")
for what, with_status, alone, why in errors:
    print("  %-70s with status: %s  text alone: %s %s" % (what, "flagged" if with_status else "MISSED",
                                                        "flagged" if alone else "MISSED", why))
e = len(errors)
print("flagged with status: %d of %d; from the text alone: %d of %d" %
      (sum(1 for x in errors if x[1]), e, sum(1 for x in errors if x[2]), e))
total = sum(v[0] for v in good.values())
flagged = sum(v[1] for v in good.values())
print("good captures flagged (false flags):")
for kind, (count, bad, examples) in good.items():
    print("  %-24s %d of %d" % (kind, bad, count))
    for x in examples:
        print("    " + x)
print("false flags: %d of %d (%.2f%%)" % (flagged, total, 100.0 * flagged / max(total, 1)))
subprocess.run(["rm", "-rf", work])
