#!/usr/bin/env bash
# Writes what a zonelint binary says about every corpus input, one file per
# input, so that two builds can be compared byte for byte:
#
#   tools/corpus_outputs.sh BIN OUTDIR    # then: diff -r OUT_BEFORE OUT_AFTER
#
# Inputs (from ../shared/corpus): every real-world zone alone and the
# real-world directory at once, BIND's checkzone zones, Knot's zscanner
# cases, the RFC 7208 suite as one zone per scenario, and the DKIM and DMARC
# record tables as TXT records at key and policy names, and generated
# zones (one benchmark zone, a set of small zones that refer to each other). Each output file
# holds the --format=json findings and the exit status. Refactors that must
# not change behaviour (issues 14 and 16) are checked with it.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 BIN OUTDIR" >&2
  exit 2
fi
bin=$(realpath "$1")
out=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=$root/../shared/corpus
[ -d "$corpus" ] || { echo "no $corpus" >&2; exit 2; }
mkdir -p "$out"
out=$(realpath "$out")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# lint NAME ARGS...: runs the binary, keeps stdout and the exit status.
lint() {
  local name=$1
  shift
  local status=0
  mkdir -p "$(dirname "$out/$name")"
  "$bin" --format=json "$@" >"$out/$name" 2>"$work/stderr" || status=$?
  {
    echo "exit $status"
    cat "$work/stderr"
  } >>"$out/$name"
}

# Paths in outputs are relative to the directory linted from.
cd "$corpus/realworld"
for f in *; do
  case $f in MANIFEST.tsv | *.log) continue ;; esac
  lint "realworld/$f.json" "$f"
done
cd "$corpus"
lint "realworld-directory.json" realworld

cd "$corpus/conformance/bind-checkzone/zones"
for f in *; do lint "bind/$f.json" "$f"; done

cd "$corpus/conformance/knot-zscanner/data"
for f in *.in; do lint "knot/$f.json" --origin=example.com. "$f"; done

mkdir -p "$work/spf"
python3 "$root/tools/spf_suite_to_zones.py" \
  "$corpus/conformance/spf/rfc7208-tests.yml" --split-dir "$work/spf" >/dev/null
cd "$work/spf"
for f in *; do lint "spf/$f.json" --origin=. "$f"; done

# The DKIM and DMARC tables: one zone each, record i at s<i>._domainkey and
# _dmarc.d<i> of example.com, every byte outside printable ASCII escaped.
python3 - "$corpus/conformance" "$work" <<'PY'
import csv, sys
src, work = sys.argv[1], sys.argv[2]
def quote(text):
    data = text.encode("utf-8", "surrogateescape")
    pieces, cur = [], ""
    for i, b in enumerate(data):
        c = chr(b)
        if c in '"\\':
            e = "\\" + c
        elif 0x20 <= b < 0x7f:
            e = c
        else:
            e = "\\%03d" % b
        cur += e
        if (i + 1) % 200 == 0:
            pieces.append(cur)
            cur = ""
    pieces.append(cur)
    return " ".join('"%s"' % p for p in pieces)
for table, owner in (("dkim", "s%d._domainkey.d%d"), ("dmarc", "_dmarc.d%d")):
    with open("%s/%s/records.tsv" % (src, table), newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open("%s/%s.zone" % (work, table), "w") as z:
        z.write("$ORIGIN example.com.\n$TTL 300\n")
        z.write("@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\n")
        z.write("ns1 A 192.0.2.1\n")
        for i, row in enumerate(rows):
            name = owner % ((i, i) if table == "dkim" else (i,))
            z.write("%s TXT %s\n" % (name, quote(row["record"])))
PY
cd "$work"
lint "dkim.json" dkim.zone
lint "dmarc.json" dmarc.zone

# Generated zones: one benchmark zone, and a set of small zones whose SPF
# includes and MX targets cross zones (bench/gen_zones.py), linted together.
python3 "$root/../shared/bench/gen_zone.py" 20000 >"$work/bench.zone"
lint "bench-20000.json" --origin=bench.example. bench.zone
python3 "$root/bench/gen_zones.py" 300 "$work/zones" >/dev/null
lint "zones-300.json" zones
echo "$(find "$out" -type f | wc -l) outputs in $out"
