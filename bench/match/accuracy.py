#!/usr/bin/env python3
"""Accuracy and latency of `stet match` on the shared corpus (not a test).

Builds a store from every revision in ../shared/corpus/history, then asks the
real binary about 1,000 queries made from random versions (excerpts of 20-400
words, 0-5% of words edited, typographic changes, rewrapping, cut ends) and
500 excerpts of documents that are not in the store (../shared/corpus/complete:
German laws, Debian documents, licences and PEPs, none of which the history
holds). Prints top-1 document and version accuracy, the precision of "none",
the error of the reported coverage and the query latency.

    bench/match/accuracy.py build/src/stet [--queries 1000] [--unrelated 500] [--seed 15]
"""
import argparse, json, os, random, re, resource, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
WORD = re.compile(r"\w+(?:['\u2019.]\w+)*")
UNRELATED_PREFIXES = ("de-gesetz", "deb", "lic", "pep")
VOCAB = ("river", "seven", "blue", "orchard", "lantern", "quietly", "harbor", "meadow", "copper", "violet")


def ingest_history(stet, store):
    docs = {}
    for d in sorted((CORPUS / "history").iterdir()):
        if not d.is_dir():
            continue
        files = sorted(d.glob("[0-9][0-9][0-9].txt"))
        docs[d.name] = [f.read_text(encoding="utf-8", errors="replace") for f in files]
        for f in files:
            subprocess.run([stet, "--store", store, "ingest", str(f), "--doc", d.name],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return docs


def spans(text):
    """(begin, end) byte... character offsets of whitespace-separated tokens."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def excerpt(rng, text, from_start):
    toks = spans(text)
    n = rng.randint(20, 400)
    if len(toks) <= n:
        start = 0
    elif from_start:
        start = 0
    else:
        start = rng.randrange(0, len(toks) - n)
    end = min(len(toks), start + n)
    return toks[start][0], toks[end - 1][1]


def mutate(rng, text, rate):
    toks = text.split()
    edits = round(len(toks) * rate)
    for _ in range(edits):
        i = rng.randrange(len(toks))
        kind = rng.random()
        if kind < 0.6:
            toks[i] = rng.choice(VOCAB)
        elif kind < 0.8 and len(toks) > 1:
            del toks[i]
        else:
            toks.insert(i, rng.choice(VOCAB))
    out = " ".join(toks)
    if rng.random() < 0.5:  # typography both ways
        out = out.replace("'", "\u2019").replace('"', "\u201d") if rng.random() < 0.5 else \
            out.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    width = rng.choice((40, 60, 72, 100000))  # rewrap
    lines, line = [], ""
    for word in out.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines) + "\n", edits


CPU = []  # user + system time of each stet process: the machine is shared, wall time mostly waits


def ask(stet, store, text):
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([stet, "--store", store, "match", "-", "--format", "json", "-n", "1"],
                       input=text.encode(), capture_output=True)
    ms = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    if r.returncode not in (0, 1):
        raise SystemExit(f"stet match failed ({r.returncode}): {r.stderr.decode()}")
    return json.loads(r.stdout), ms


def pct(part, whole):
    return 100.0 * part / whole if whole else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stet")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--unrelated", type=int, default=500)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    stet = os.path.abspath(args.stet)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "store")
        t0 = time.perf_counter()
        docs = ingest_history(stet, store)
        versions = sum(len(v) for v in docs.values())
        print(f"store: {len(docs)} documents, {versions} versions ({time.perf_counter() - t0:.0f} s to ingest)")
        t0 = time.perf_counter()
        subprocess.run([stet, "--store", store, "index", "--rebuild"], check=True, stdout=subprocess.DEVNULL)
        build_s = time.perf_counter() - t0
        text_bytes = sum(len(t.encode()) for v in docs.values() for t in v)
        index_bytes = os.path.getsize(os.path.join(store, "stet-index.sqlite"))
        print(f"index: {build_s:.2f} s to build ({versions / build_s:.0f} versions/s with process start), "
              f"{index_bytes / 1e6:.2f} MB = {pct(index_bytes, text_bytes):.1f}% of {text_bytes / 1e6:.1f} MB of text")
        names = sorted(docs)
        rows, lat = [], []
        for q in range(args.queries):
            doc = rng.choice(names)
            vi = rng.randrange(len(docs[doc]))
            text = docs[doc][vi]
            b, e = excerpt(rng, text, from_start=rng.random() < 0.2)
            query, edits = mutate(rng, text[b:e], rng.uniform(0, 0.05))
            answer, ms = ask(stet, store, query)
            lat.append(ms)
            c = answer["candidates"][0] if answer["candidates"] else None
            words = len(text[b:e].split())
            true_share = len(WORD.findall(text[b:e])) / max(1, len(WORD.findall(text)))
            row = {"words": words, "edits": edits / max(1, words), "doc_ok": bool(c and c["doc"] == doc)}
            if row["doc_ok"]:
                first, last = c["versions"]["first"], c["versions"]["last"]
                reported = docs[doc][c["version"] - 1]
                row["version_ok"] = first <= vi + 1 <= last or text[b:e] in reported
                row["coverage_error"] = abs(c["candidate_share"] - true_share) * 100
            rows.append(row)
        unrelated_docs = sorted(p for p in (CORPUS / "complete").glob("*.txt") if p.name.startswith(UNRELATED_PREFIXES))
        none = 0
        for q in range(args.unrelated):
            text = rng.choice(unrelated_docs).read_text(encoding="utf-8", errors="replace")
            b, e = excerpt(rng, text, from_start=False)
            query, _ = mutate(rng, text[b:e], rng.uniform(0, 0.05))
            answer, ms = ask(stet, store, query)
            lat.append(ms)
            none += answer["verdict"] == "none"
    report(rows, none, args.unrelated, lat)


def report(rows, none, unrelated, lat):
    for label, sel in (("30+ words, <= 5% edits", lambda r: r["words"] >= 30),
                       ("20-29 words", lambda r: r["words"] < 30), ("all", lambda r: True)):
        part = [r for r in rows if sel(r)]
        ok = [r for r in part if r["doc_ok"]]
        cov = sorted(r["coverage_error"] for r in ok)
        print(f"{label}: {len(part)} queries, top-1 document {pct(len(ok), len(part)):.1f}%, "
              f"top-1 version {pct(sum(r['version_ok'] for r in ok), len(part)):.1f}%, "
              f"coverage error median {statistics.median(cov) if cov else float('nan'):.2f} points, "
              f"95th percentile {cov[int(0.95 * (len(cov) - 1))] if cov else float('nan'):.2f}, "
              f"within 2 points {pct(sum(c <= 2 for c in cov), len(cov)):.1f}%")
    print(f"unrelated: {unrelated} texts, answered none {pct(none, unrelated):.1f}%")
    lat.sort()
    print(f"latency per query (whole process, wall): median {statistics.median(lat):.1f} ms, "
          f"p99 {lat[int(0.99 * (len(lat) - 1))]:.1f} ms")
    cpu = sorted(CPU)
    print(f"CPU per query (whole process, user + system): median {statistics.median(cpu):.1f} ms, "
          f"p99 {cpu[int(0.99 * (len(cpu) - 1))]:.1f} ms")


if __name__ == "__main__":
    main()
