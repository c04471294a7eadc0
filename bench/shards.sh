#!/usr/bin/env bash
# bench/shards.sh — lint a directory of zones in shards, the way a provider
# with more zones than one run should hold does it (bench/README.md):
#
# Usage: bench/shards.sh ZONES SHARDS WORKDIR
#
#   ZONES    a directory of *.zone files
#   SHARDS   how many shards (by a CRC-32 of the file name, so a zone stays
#            in its shard as others come and go)
#   WORKDIR  created; gets shards/I (the files of shard I), costs/I.txt,
#            all.costs and out/I.txt (shard I's findings, gcc format)
#
# Pass 1 lints every shard and writes its SPF costs (--write-spf-costs);
# pass 2 lints every shard again with all shards' costs (--spf-costs), so
# SPF includes into other shards count their real cost. Shards run
# $(nproc) at a time through xargs -P (env JOBS); ZONELINT names the binary
# (default: zonelint on PATH). Exit status 0 when every run exited 0 or 1.
set -euo pipefail
(($# == 3)) || { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }
ZONES=$1 SHARDS=$2 WORK=$3
ZONELINT=${ZONELINT:-zonelint} JOBS=${JOBS:-$(nproc)}
[[ $SHARDS =~ ^[1-9][0-9]*$ ]] || { echo "shards.sh: SHARDS must be a positive integer" >&2; exit 2; }
mkdir -p "$WORK/shards" "$WORK/costs" "$WORK/out"
find "$ZONES" -name '*.zone' -type f -printf '%p\n' | python3 -c '
import sys, zlib
shards, work = int(sys.argv[1]), sys.argv[2]
out = [open(f"{work}/shards/{i}", "w") for i in range(shards)]
for path in sys.stdin:
    out[zlib.crc32(path.strip().rsplit("/", 1)[-1].encode()) % shards].write(path)
' "$SHARDS" "$WORK"
export ZONELINT WORK
# One zonelint a shard, its files as arguments (never split by xargs: a
# shard is linted as one set). Exit 1 only means findings.
run() {  # run I ARGS...: lint shard I
  local i=$1
  shift
  # shellcheck disable=SC2046  # one file a line, no blanks in the names
  "$ZONELINT" --format=gcc "$@" $(cat "$WORK/shards/$i") >"$WORK/out/$i.txt" || (($? == 1))
}
export -f run
# shellcheck disable=SC2016  # $WORK expands in the bash that xargs runs
seq 0 $((SHARDS - 1)) | xargs -P "$JOBS" -I{} bash -c 'run {} --write-spf-costs="$WORK/costs/{}.txt"'
cat "$WORK"/costs/*.txt >"$WORK/all.costs"
# shellcheck disable=SC2016
seq 0 $((SHARDS - 1)) | xargs -P "$JOBS" -I{} bash -c 'run {} --spf-costs="$WORK/all.costs"'
