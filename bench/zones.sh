#!/usr/bin/env bash
# bench/zones.sh — the many-zones benchmark: `zonelint DIR` on directories of
# N small zones (bench/gen_zones.py), beside kzonecheck run once per file
# through xargs -P, and record the figures in bench/RESULTS.md.
#
# Usage: bench/zones.sh [-z ZONELINT] [-l LABEL] [-n] [-k] [N...]
#
#   N         zone counts (default: 1000 10000 100000)
#   -z PATH   zonelint binary to time. Default: the static binary from
#             `bazel build -c opt //:zonelint`, which is (re)built first
#   -l LABEL  free text added to the RESULTS.md heading (env LABEL)
#   -n        print only; do not append to bench/RESULTS.md (env RECORD=0)
#   -k        keep the temp dir with every tool's stdout/stderr (env KEEP_TMP=1)
#
# Other environment knobs:
#   TIMEOUT=SECONDS  per-run limit, default 600: a run that takes longer is
#                    stopped and reported as timed out, and the script goes on
#   SEED=S           generator seed, default 1
#   JOBS=J           xargs -P for kzonecheck, default $(nproc)
#
# Each N's zones are generated once into bench/.cache/ (git-ignored; about
# 1.3 MiB per 1,000 zones), keyed by N, seed and the generator's hash. Per N,
# in this order: `cat` of every file (warms the page cache and gives the
# cost of reading the input), zonelint, kzonecheck; one run each, wrapped
# in GNU time for wall, user+sys CPU and peak RSS. For the xargs run GNU
# time's peak RSS is that of the largest single process (xargs or one
# kzonecheck), and its CPU is all processes'. The table goes to stdout,
# progress to stderr.
#
# Targets (zonelint): 100,000 zones in under a minute; peak RSS under 2x the
# total input at every N; time per zone flat: at the largest N at most 1.5x
# the time per zone at the smallest N.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

LABEL=${LABEL:-}
RECORD=${RECORD:-1}
KEEP_TMP=${KEEP_TMP:-0}
TIMEOUT=${TIMEOUT:-600}
SEED=${SEED:-1}
JOBS=${JOBS:-$(nproc)}
ZONELINT_ARG=""
while getopts ':z:l:nkh' opt; do
  case $opt in
    z) ZONELINT_ARG=$OPTARG ;;
    l) LABEL=$OPTARG ;;
    n) RECORD=0 ;;
    k) KEEP_TMP=1 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
COUNTS=("$@")
((${#COUNTS[@]})) || COUNTS=(1000 10000 100000)

die() { echo "zones.sh: $*" >&2; exit 2; }
note() { echo "zones.sh: $*" >&2; }
for n in "${COUNTS[@]}"; do
  if ! [[ $n =~ ^[1-9][0-9]*$ ]] || ((n < 4)); then die "N must be an integer >= 4, got '$n'"; fi
done
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a positive integer, got '$TIMEOUT'"
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive integer, got '$JOBS'"
for c in python3 awk timeout xargs find sha256sum; do
  command -v "$c" >/dev/null || die "'$c' is required"
done
[[ -x /usr/bin/time ]] || die "GNU time is required at /usr/bin/time"

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(git -C "$BENCH_DIR" rev-parse --show-toplevel 2>/dev/null || dirname "$BENCH_DIR")
CACHE_DIR=$BENCH_DIR/.cache
RESULTS=$BENCH_DIR/RESULTS.md
GEN=$BENCH_DIR/gen_zones.py
mkdir -p "$CACHE_DIR"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/zonelint-zones.XXXXXX")
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  if [[ $KEEP_TMP == 1 ]]; then note "tool output kept in $TMP"; else rm -rf -- "$TMP"; fi
}
trap cleanup EXIT

# ------------------------------------------------------------ zonelint binary --
if [[ -n $ZONELINT_ARG ]]; then
  [[ -x $ZONELINT_ARG && -f $ZONELINT_ARG ]] || die "zonelint binary '$ZONELINT_ARG' not found or not executable"
  ZONELINT=$(cd "$(dirname "$ZONELINT_ARG")" && pwd)/$(basename "$ZONELINT_ARG")
else
  BUILD_LOG=$CACHE_DIR/bazel-build.log
  note "building: bazel build -c opt //:zonelint (log: ${BUILD_LOG#"$REPO_ROOT"/})"
  (cd "$REPO_ROOT" && bazel build -c opt //:zonelint) >"$BUILD_LOG" 2>&1 ||
    die "'bazel build -c opt //:zonelint' failed, see $BUILD_LOG"
  ZONELINT=$(cd "$REPO_ROOT" && bazel info -c opt bazel-bin 2>>"$BUILD_LOG")/zonelint
fi
ZL_VERSION=$("$ZONELINT" --version 2>/dev/null | head -n 1 || echo unknown)
if command -v kzonecheck >/dev/null; then
  KZ_VERSION=$(kzonecheck -V 2>/dev/null | head -n 1 | sed 's/.*version //')
else
  KZ_VERSION=""
  note "kzonecheck not installed: its rows are skipped"
fi

# -------------------------------------------------------------- measuring --
# measure NAME CMD...: one timed run, output in $TMP/NAME.{out,err}; sets
# WALL CPU RSS (KiB) and RC; RC is "timeout" when the run was stopped.
measure() {
  local name=$1 line
  shift
  RC=0
  /usr/bin/time -f '%e %U %S %M' -o "$TMP/$name.time" \
    timeout -k 10 "$TIMEOUT" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || RC=$?
  line=$(tail -n 1 "$TMP/$name.time")
  read -r WALL u s RSS <<<"$line"
  CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  if [[ $RC == 124 || $RC == 137 ]]; then RC=timeout; fi
  note "  $name: ${WALL}s wall, ${CPU}s cpu, $((RSS / 1024)) MiB, exit $RC"
}

cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
OWN_CPU=0
BUSY_TOTAL=0 ELAPSED=0

GEN_SHA=$(sha256sum "$GEN" | cut -c1-12)
TABLE="| zones | input MiB | tool | wall s | CPU s (user+sys) | peak RSS MiB | RSS / input | ms per zone | exit |
|---:|---:|---|---:|---:|---:|---:|---:|---|"
# zonelint's figures per N, for the targets: "N wall rss_kib bytes status".
ZL_ROWS=()
for n in "${COUNTS[@]}"; do
  dir=$CACHE_DIR/zones-$n-seed$SEED-$GEN_SHA
  if [[ -d $dir && -e $dir/.done ]]; then
    note "reusing ${dir#"$REPO_ROOT"/}"
  else
    note "generating $n zones"
    rm -rf -- "$dir" "$dir.tmp"
    python3 "$GEN" "$n" "$dir.tmp" --seed "$SEED"
    touch "$dir.tmp/.done"
    mv "$dir.tmp" "$dir"
  fi
  bytes=$(find "$dir" -name '*.zone' -type f -printf '%s\n' | awk '{ b += $1 } END { print b + 0 }')
  mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  # Origin and file, NUL-separated pairs for xargs -n 2, so kzonecheck runs
  # as `kzonecheck -o ORIGIN FILE` once per file.
  find "$dir" -name '*.zone' -type f -printf '%f\0%p\0' |
    awk 'BEGIN { RS = "\0"; ORS = "\0" } NR % 2 { sub(/\.zone$/, "."); } { print }' >"$TMP/pairs"
  note "N=$n: $mib MiB"

  busy0=$(cpu_busy) t0=$(date +%s.%N)
  row() {  # row TOOL: a table row from WALL CPU RSS RC
    local ratio per
    ratio=$(awk -v r="$RSS" -v b="$bytes" 'BEGIN { printf "%.2f", r * 1024 / b }')
    per=$(awk -v w="$WALL" -v n="$n" 'BEGIN { printf "%.3f", w * 1000 / n }')
    local status=$RC
    [[ $RC == timeout ]] && status="timed out after ${TIMEOUT}s"
    [[ $1 == zonelint && $RC == 0 ]] && status="0 clean"
    [[ $1 == zonelint && $RC == 1 ]] && status="1 findings"
    if [[ $RC == timeout ]]; then
      TABLE+=$'\n'"| $n | $mib | $1 | > $TIMEOUT | — | ≥ $((RSS / 1024)) | — | — | $status |"
    else
      TABLE+=$'\n'"| $n | $mib | $1 | $WALL | $CPU | $(awk -v k="$RSS" 'BEGIN { printf "%.1f", k / 1024 }') | $ratio | $per | $status |"
    fi
    OWN_CPU=$(awk -v a="$OWN_CPU" -v c="$CPU" 'BEGIN { print a + c }')
  }
  measure "cat-$n" find "$dir" -name '*.zone' -type f -exec cat {} +
  row cat
  measure "zonelint-$n" "$ZONELINT" "$dir"
  row zonelint
  ZL_ROWS+=("$n $WALL $RSS $bytes $RC")
  if [[ -n $KZ_VERSION ]]; then
    measure "kzonecheck-$n" xargs -0 -P "$JOBS" -n 2 -a "$TMP/pairs" kzonecheck -o
    row "kzonecheck (xargs -P $JOBS)"
  fi
  busy1=$(cpu_busy) t1=$(date +%s.%N)
  BUSY_TOTAL=$(awk -v a="$BUSY_TOTAL" -v b0="$busy0" -v b1="$busy1" -v hz="$(getconf CLK_TCK)" 'BEGIN { print a + (b1 - b0) / hz }')
  ELAPSED=$(awk -v a="$ELAPSED" -v t0="$t0" -v t1="$t1" 'BEGIN { print a + t1 - t0 }')
done

# Background load: busy CPU over the runs minus the tools' own, in cores.
BACKGROUND=$(awk -v b="$BUSY_TOTAL" -v o="$OWN_CPU" -v e="$ELAPSED" 'BEGIN { bg = (e > 0) ? (b - o) / e : 0; printf "%.2f", (bg > 0 ? bg : 0) }')

# --------------------------------------------------------------- targets --
TARGETS=$(printf '%s\n' "${ZL_ROWS[@]}" | awk '
  { n[NR] = $1; w[NR] = $2; r[NR] = $3; b[NR] = $4; s[NR] = $5 }
  END {
    # 100,000 zones in under a minute.
    found = 0
    for (i = 1; i <= NR; i++) if (n[i] == 100000) {
      found = 1
      if (s[i] == "timeout") printf "100,000 zones under 60 s: NOT met (timed out)\n"
      else printf "100,000 zones under 60 s: %s (%.2f s)\n", (w[i] < 60 ? "met" : "NOT met"), w[i]
    }
    if (!found) print "100,000 zones under 60 s: not measured (N=100000 not run)"
    # Peak RSS under twice the input, at every N.
    line = ""; ok = 1
    for (i = 1; i <= NR; i++) {
      x = r[i] * 1024 / b[i]; if (s[i] == "timeout" || x >= 2) ok = 0
      line = line sprintf("%s%s: x%.2f%s", (i > 1 ? ", " : ""), n[i], x, (s[i] == "timeout" ? " (timed out, at least)" : ""))
    }
    printf "peak RSS < 2x input at every N: %s (%s)\n", (ok ? "met" : "NOT met"), line
    # Time per zone flat: the largest N at most 1.5x the smallest.
    lo = 0; hi = 0
    for (i = 1; i <= NR; i++) {
      if (!lo || n[i] < n[lo]) lo = i
      if (!hi || n[i] > n[hi]) hi = i
    }
    if (lo == hi) print "time per zone flat: not measured (one N only)"
    else if (s[hi] == "timeout") printf "time per zone flat: NOT met (N=%s timed out)\n", n[hi]
    else {
      pl = w[lo] * 1000 / n[lo]; ph = w[hi] * 1000 / n[hi]
      printf "time per zone flat (N=%s at most 1.5x N=%s): %s (%.3f ms against %.3f ms, x%.2f)\n",
             n[hi], n[lo], (pl > 0 && ph <= 1.5 * pl ? "met" : "NOT met"), ph, pl, (pl > 0 ? ph / pl : 0)
    }
  }')

# ------------------------------------------------------------------- report --
CPU_MODEL=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
REV=$(git -C "$REPO_ROOT" describe --always --dirty 2>/dev/null || echo "no commit")
HEADING="$(date -u '+%Y-%m-%d %H:%M UTC') · many zones · N=$(IFS=,; echo "${COUNTS[*]}")"
[[ -n $LABEL ]] && HEADING+=" · $LABEL"
COMMANDS="\`zonelint DIR\` · \`xargs -0 -P $JOBS -n 2 kzonecheck -o\` over (ORIGIN, FILE) pairs, one process per file · \`find DIR -name '*.zone' -exec cat {} +\`"

echo
echo "$TABLE"
echo
echo "$TARGETS"
echo
echo "Background CPU during the runs: $BACKGROUND cores (other processes; near 0 on a quiet machine)"

if [[ $RECORD == 1 ]]; then
  cat >>"$RESULTS" <<EOF

## $HEADING

- Zones: \`bench/gen_zones.py N DIR --seed $SEED\` (generator sha256 $GEN_SHA…), about 30 records a zone, MX targets and SPF includes crossing zones
- Machine: nproc $(nproc), ${CPU_MODEL:-unknown CPU}, $MEM_GIB GiB RAM, Linux $(uname -r); load average at start $LOADAVG; background CPU during the runs $BACKGROUND cores
- Runs: one per tool and N, after \`cat\` warmed the page cache; $ZL_VERSION, kzonecheck ${KZ_VERSION:-not installed}; repo at $REV; timeout ${TIMEOUT}s a run
- Commands: $COMMANDS. For xargs, peak RSS is the largest single process's, CPU all processes'

$TABLE

- ${TARGETS//$'\n'/$'\n'- }
EOF
  note "appended to ${RESULTS#"$REPO_ROOT"/}"
fi
