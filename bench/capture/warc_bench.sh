#!/bin/sh
# WARC ingest speed: `stet ingest --warc` of a WARC built from the shared
# corpus pages (gzip per record, about 100 MB uncompressed) against
# `zcat FILE > /dev/null` on the same file in the same run.
# Usage: bench/capture/warc_bench.sh [build/src/stet] [MB]
set -eu
stet=${1:-build/src/stet}
mb=${2:-100}
pages=$(dirname "$0")/../../../shared/corpus/web/html
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$pages" "$work/pages.warc.gz" "$mb" <<'PY'
import gzip, os, sys, hashlib, base64
pages, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(pages) for f in fs if f.endswith('.html'))
total, n = 0, 0
with open(out, 'wb') as o:
    while total < mb * 1000 * 1000:
        for path in files:
            body = open(path, 'rb').read()
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
hyperfine --runs 2 "zcat $work/pages.warc.gz > /dev/null" \
  "rm -rf $work/s && $stet --store $work/s ingest --warc $work/pages.warc.gz > /dev/null" 2>&1
