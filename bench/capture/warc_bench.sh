#!/bin/sh
# WARC ingest speed: `stet ingest --warc` of a WARC built from the shared
# corpus pages (gzip per record, about 100 MB uncompressed) against
# `zcat FILE > /dev/null` on the same file in the same run, alternating the
# two, RUNS times each; prints each run and the medians.
# Usage: bench/capture/warc_bench.sh [build/src/stet] [MB] [repeat|unique] [RUNS]
# repeat: the corpus pages repeated under new URIs (a crawl seeing the same
# bytes again: stet derives each distinct payload's text once); unique: each
# copy made distinct by a trailing comment, so every record is parsed.
set -eu
stet=${1:-build/src/stet}
mb=${2:-100}
kind=${3:-repeat}
runs=${4:-5}
pages=$(dirname "$0")/../../../shared/corpus/web/html
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$pages" "$work/pages.warc.gz" "$mb" "$kind" <<'PY'
import gzip, os, sys, hashlib, base64
pages, out, mb, kind = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(pages) for f in fs if f.endswith('.html'))
total, n = 0, 0
with open(out, 'wb') as o:
    while total < mb * 1000 * 1000:
        for path in files:
            body = open(path, 'rb').read()
            if kind == 'unique':
                body += b'<!-- copy %d -->' % n
            http = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' + body
            digest = base64.b32encode(hashlib.sha1(body).digest()).decode()
            head = ('WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bench.example/%d/%s\r\n'
                    'WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:bench-%d>\r\n'
                    'WARC-Payload-Digest: sha1:%s\r\nContent-Type: application/http; msgtype=response\r\n'
                    'Content-Length: %d\r\n\r\n' % (n // len(files), os.path.basename(path), n, digest, len(http))).encode()
            record = head + http + b'\r\n\r\n'
            o.write(gzip.compress(record, 6))
            total += len(record)
            n += 1
print('records', n, 'uncompressed MB', round(total / 1e6, 1), 'file MB', round(os.path.getsize(out) / 1e6, 1))
PY
echo "uptime: $(uptime)"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
: >"$work/zcat" && : >"$work/stet"
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %U' -o "$work/t" sh -c "zcat '$work/pages.warc.gz' > /dev/null" && cat "$work/t" >>"$work/zcat"
  rm -rf "$work/s"
  /usr/bin/time -f '%e %U' -o "$work/t" "$stet" --store "$work/s" ingest --warc "$work/pages.warc.gz" >/dev/null
  cat "$work/t" >>"$work/stet"
  echo "run $i: zcat $(cat "$work/zcat" | tail -1)  stet $(tail -1 "$work/stet")  (wall s, user s)"
done
z=$(cut -d' ' -f1 "$work/zcat" | median) zu=$(cut -d' ' -f2 "$work/zcat" | median)
s=$(cut -d' ' -f1 "$work/stet" | median) su=$(cut -d' ' -f2 "$work/stet" | median)
versions=$("$stet" --store "$work/s" list --format json | python3 -c 'import json,sys; print(sum(d.get("versions", 1) for d in json.load(sys.stdin)))')
echo "median wall: zcat $z s, stet $s s; user: zcat $zu s, stet $su s; versions $versions"
python3 -c "import sys; z,s,zu,su,v=map(float,sys.argv[1:6]); mb=float(sys.argv[6]); print('ratio wall %.1fx, user %.1fx; %.1f MB/s, %.0f versions/s (wall, MB of records)' % (s/z, su/zu, mb/s, v/s))" \
  "$z" "$s" "$zu" "$su" "$versions" "$(python3 -c "import gzip,sys; print(len(gzip.open(sys.argv[1]).read())/1e6)" "$work/pages.warc.gz")"
echo "uptime: $(uptime)"
