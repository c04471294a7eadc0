#!/usr/bin/env bash
# bench/run.sh — time zonelint against kzonecheck and named-checkzone on one
# generated zone, side by side, and record the figures in bench/RESULTS.md.
#
# Usage: bench/run.sh [-r REPS] [-l LABEL] [-n] [-k] [RECORDS [ZONELINT]]
#
#   RECORDS   records in the generated zone (default 1000000)
#   ZONELINT  zonelint binary to time. Default: the static binary from
#             `bazel build -c opt //:zonelint`, which is (re)built first; when
#             it cannot be built, the zonelint row is skipped with a note and
#             the peers are still measured.
#   -r REPS   measured repetitions per tool after one warm-up (env REPS, default 3)
#   -l LABEL  free text added to the RESULTS.md heading (env LABEL)
#   -n        print only; do not append to bench/RESULTS.md (env RECORD=0)
#   -k        keep the temp dir with every tool's stdout/stderr (env KEEP_TMP=1)
#
# Other environment knobs:
#   TIMEOUT=SECONDS              per-run limit, default 1800 (a hung tool fails, not the script)
#   NAMED_CHECKZONE_FLAGS="..."  default "-i local" (why: see the comment at tool_cmd)
#   GEN_ZONE=PATH                zone generator, default ../shared/bench/gen_zone.py
#
# Every tool reads the same file. Each gets one unmeasured warm-up run (page
# cache, lazy binding), then REPS measured runs, interleaved round-robin across
# tools so slow drift on a shared machine hits all tools alike. Each run is
# wrapped in GNU time for wall, user+sys CPU and peak RSS. Reported: median wall,
# records/s (records / median wall), median CPU, max peak RSS over the measured runs.
# Tool output never reaches the terminal: stdout/stderr go to files in the
# temp dir (kept, and its path printed, when a tool fails or with -k).
# The table goes to stdout; progress and notes go to stderr.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

# ---------------------------------------------------------------- options --
REPS=${REPS:-3}
LABEL=${LABEL:-}
RECORD=${RECORD:-1}
KEEP_TMP=${KEEP_TMP:-0}
TIMEOUT=${TIMEOUT:-1800}
while getopts ':r:l:nkh' opt; do
  case $opt in
    r) REPS=$OPTARG ;;
    l) LABEL=$OPTARG ;;
    n) RECORD=0 ;;
    k) KEEP_TMP=1 ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
(($# <= 2)) || { usage >&2; exit 2; }
N=${1:-1000000}
ZONELINT_ARG=${2:-}

die() { echo "run.sh: $*" >&2; exit 2; }
note() { echo "run.sh: $*" >&2; }
[[ $N =~ ^[1-9][0-9]*$ ]] || die "RECORDS must be a positive integer, got '$N'"
[[ $REPS =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive integer, got '$REPS'"
[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a positive integer, got '$TIMEOUT'"

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(git -C "$BENCH_DIR" rev-parse --show-toplevel 2>/dev/null || dirname "$BENCH_DIR")
CACHE_DIR=$BENCH_DIR/.cache
RESULTS=$BENCH_DIR/RESULTS.md
GEN_ZONE=${GEN_ZONE:-$REPO_ROOT/../shared/bench/gen_zone.py}
ORIGIN=bench.example.
read -r -a NAMED_FLAGS <<<"${NAMED_CHECKZONE_FLAGS:--i local}"
# zonelint runs twice: with every rule (the default), and as zonelint-zone
# with only the zone rules (--select='zone-*'): the parser and the checks
# that are the peers' work too, without the mail rules (SPF, DKIM, DMARC...)
# that only zonelint does.
TOOLS=(zonelint zonelint-zone kzonecheck named-checkzone)

for c in python3 awk timeout sha256sum; do
  command -v "$c" >/dev/null || die "'$c' is required"
done
[[ -x /usr/bin/time ]] || die "GNU time is required at /usr/bin/time"
[[ -r $GEN_ZONE ]] || die "zone generator not found: $GEN_ZONE (set GEN_ZONE)"

# ---------------------------------------------------------------- temp dir --
TMP=$(mktemp -d "${TMPDIR:-/tmp}/zonelint-bench.XXXXXX")
FAILED=0
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  if [[ $KEEP_TMP == 1 || $FAILED == 1 ]]; then
    note "tool output kept in $TMP"
  else
    rm -rf -- "$TMP"
  fi
}
trap cleanup EXIT
mkdir -p "$CACHE_DIR"

# Per-tool state, filled below: binary/version, or why the tool is skipped.
declare -A VERSION SKIP STATUS CODES
for t in "${TOOLS[@]}"; do SKIP[$t]=""; CODES[$t]=""; STATUS[$t]=ok; done

# ------------------------------------------------------------ zonelint binary --
# An explicit path is used as is. Otherwise build with Bazel (a no-op when
# up to date, so a stale binary is never timed) and ask Bazel where it is.
ZONELINT=""
BUILD_LOG=$CACHE_DIR/bazel-build.log
if [[ -n $ZONELINT_ARG ]]; then
  if [[ -x $ZONELINT_ARG && -f $ZONELINT_ARG ]]; then
    ZONELINT=$(cd "$(dirname "$ZONELINT_ARG")" && pwd)/$(basename "$ZONELINT_ARG")
  else
    SKIP[zonelint]="binary '$ZONELINT_ARG' not found or not executable"
  fi
elif ! [[ -e $REPO_ROOT/WORKSPACE || -e $REPO_ROOT/WORKSPACE.bazel || -e $REPO_ROOT/MODULE.bazel ]]; then
  SKIP[zonelint]="no Bazel workspace at repo root yet, so //:zonelint cannot be built"
elif ! command -v bazel >/dev/null; then
  SKIP[zonelint]="bazel not installed"
else
  note "building: bazel build -c opt //:zonelint (log: ${BUILD_LOG#"$REPO_ROOT"/})"
  if ! (cd "$REPO_ROOT" && bazel build -c opt //:zonelint) >"$BUILD_LOG" 2>&1; then
    SKIP[zonelint]="'bazel build -c opt //:zonelint' failed, see ${BUILD_LOG#"$REPO_ROOT"/}"
  elif ! bin_dir=$(cd "$REPO_ROOT" && bazel info -c opt bazel-bin 2>>"$BUILD_LOG"); then
    SKIP[zonelint]="'bazel info -c opt bazel-bin' failed, see ${BUILD_LOG#"$REPO_ROOT"/}"
  elif [[ ! -x $bin_dir/zonelint ]]; then
    SKIP[zonelint]="build succeeded but $bin_dir/zonelint is missing"
  else
    ZONELINT=$bin_dir/zonelint
  fi
fi

# First line of a command's output if it exits 0, else "unknown". Goes via a
# file so that `head` never cuts a pipe under pipefail.
first_line() {
  if timeout 10 "$@" >"$TMP/version" 2>&1; then head -n 1 "$TMP/version"; else echo unknown; fi
}
if [[ -n $ZONELINT ]]; then
  VERSION[zonelint]=$(first_line "$ZONELINT" --version)
  VERSION[zonelint-zone]=${VERSION[zonelint]}
fi
SKIP[zonelint-zone]=${SKIP[zonelint]}
if command -v kzonecheck >/dev/null; then
  VERSION[kzonecheck]=$(first_line kzonecheck -V | sed 's/.*version //')
else
  SKIP[kzonecheck]="not installed"
fi
if command -v named-checkzone >/dev/null; then
  VERSION[named-checkzone]=$(first_line named-checkzone -v)
else
  SKIP[named-checkzone]="not installed"
fi
for t in "${TOOLS[@]}"; do
  [[ -z ${SKIP[$t]} ]] || { STATUS[$t]=skipped; note "skipping $t: ${SKIP[$t]}"; }
done

# ----------------------------------------------------------------- the zone --
# Generated once into the temp dir, then moved into bench/.cache/ under a name
# keyed by N and by the generator's hash (a changed generator means a new zone).
# The record count is taken from the file: the generator rounds N to its
# 10-record blocks, and records/s must use what was really parsed. Every
# record in its output starts in column 0; continuation lines are indented.
GEN_SHA=$(sha256sum "$GEN_ZONE" | cut -c1-12)
ZONE=$CACHE_DIR/zone-$N-$GEN_SHA.zone
if [[ -s $ZONE && -s $ZONE.records ]]; then
  note "reusing cached zone ${ZONE#"$REPO_ROOT"/}"
else
  note "generating $N-record zone"
  python3 "$GEN_ZONE" "$N" "$ORIGIN" >"$TMP/bench.zone"
  awk '/^[^ \t$;]/ { n++ } END { print n + 0 }' "$TMP/bench.zone" >"$TMP/bench.zone.records"
  # Same-directory renames, so a concurrent or interrupted run never sees half a file.
  mv "$TMP/bench.zone" "$ZONE.$$.tmp" && mv "$ZONE.$$.tmp" "$ZONE"
  mv "$TMP/bench.zone.records" "$ZONE.records.$$.tmp" && mv "$ZONE.records.$$.tmp" "$ZONE.records"
fi
RECORDS=$(<"$ZONE.records")
ZONE_MIB=$(awk -v b="$(stat -c %s "$ZONE")" 'BEGIN { printf "%.1f", b / 1048576 }')

# ---------------------------------------------------------------- the tools --
# tool_cmd TOOL: sets CMD to the command line that checks $ZONE.
#
# named-checkzone: "-i local" keeps BIND's post-load integrity checks (MX and
# SRV targets, NS glue) for in-zone names, which is the work kzonecheck
# (glue, CNAME/SOA/NS semantics) and zonelint (MX targets, mail records) do
# too. "-i none" would skip those checks and time a bare load; "-i full"
# (the default) also resolves out-of-zone targets over DNS, which times the
# resolver and the network rather than the checker. On this zone every target
# is in-zone, so "full" and "local" do the same work. The rest stays at the
# named-checkzone defaults: check-names fail, the MX/NS/CNAME checks warn,
# no journal (-j) and no dump of the zone (-D), so no output file is written.
tool_cmd() {
  case $1 in
    zonelint) CMD=("$ZONELINT" --origin "$ORIGIN" --format=gcc "$ZONE") ;;
    zonelint-zone) CMD=("$ZONELINT" '--select=zone-*' --origin "$ORIGIN" --format=gcc "$ZONE") ;;
    kzonecheck) CMD=(kzonecheck -o "$ORIGIN" "$ZONE") ;;
    named-checkzone) CMD=(named-checkzone "${NAMED_FLAGS[@]}" "$ORIGIN" "$ZONE") ;;
  esac
}

# Exit codes that count as success: zonelint exits 1 when it has findings.
succeeded() {
  case $1 in
    zonelint | zonelint-zone) [[ $2 == 0 || $2 == 1 ]] ;;
    *) [[ $2 == 0 ]] ;;
  esac
}

# measure TOOL RUN: one timed run. Appends "wall user sys maxrss_kib" to
# $TMP/TOOL.samples unless RUN is "warmup"; marks the tool failed on a bad
# exit. stdout/stderr of the latest run stay in $TMP/TOOL.{out,err}.
measure() {
  local tool=$1 run=$2 rc=0 line
  tool_cmd "$tool"
  /usr/bin/time -f '%e %U %S %M' -o "$TMP/$tool.time" \
    timeout -k 10 "$TIMEOUT" "${CMD[@]}" >"$TMP/$tool.out" 2>"$TMP/$tool.err" || rc=$?
  # GNU time may put "Command exited with non-zero status" first; take the last line.
  line=$(tail -n 1 "$TMP/$tool.time")
  case " ${CODES[$tool]} " in *" $rc "*) ;; *) CODES[$tool]=${CODES[$tool]:+${CODES[$tool]} }$rc ;; esac
  if ! succeeded "$tool" "$rc" || ! [[ $line =~ ^[0-9.]+\ [0-9.]+\ [0-9.]+\ [0-9]+$ ]]; then
    STATUS[$tool]=failed
    FAILED=1
    if [[ $rc == 124 || $rc == 137 ]]; then SKIP[$tool]="timed out after ${TIMEOUT}s ($run run)"
    else SKIP[$tool]="exit $rc on $run run, stderr in $TMP/$tool.err"; fi
    note "$tool FAILED: ${SKIP[$tool]}"
    return
  fi
  echo "$line" >>"$TMP/all.samples"
  [[ $run == warmup ]] || echo "$line" >>"$TMP/$tool.samples"
  note "  $tool $run: $(awk '{ printf "%ss wall, %.2fs cpu, %.0f MiB", $1, $2 + $3, $4 / 1024 }' <<<"$line"), exit $rc"
}

active() { [[ ${STATUS[$1]} == ok ]]; }

# Run from the temp dir, so nothing a tool (or this script) writes to the
# working directory can land in the repo.
cd "$TMP"
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
# The machine may be shared: /proc/stat before and after the runs tells how
# much CPU everything else used meanwhile (see BACKGROUND below).
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
BUSY0=$(cpu_busy) T0=$(date +%s.%N)
note "timing $RECORDS records ($ZONE_MIB MiB): 1 warm-up + $REPS measured runs per tool"
for t in "${TOOLS[@]}"; do
  if active "$t"; then measure "$t" warmup; fi
done
for ((i = 1; i <= REPS; i++)); do
  for t in "${TOOLS[@]}"; do
    if active "$t"; then measure "$t" "$i"; fi
  done
done

BUSY1=$(cpu_busy) T1=$(date +%s.%N)

# -------------------------------------------------------------------- stats --
# Background load: busy CPU time over the runs minus the tools' own CPU, in
# cores on average. Near 0 on a quiet machine; figures taken while it is
# well above 0 (other builds, tests) are slower than the tools really are.
BACKGROUND=$(awk -v b0="$BUSY0" -v b1="$BUSY1" -v t0="$T0" -v t1="$T1" -v hz="$(getconf CLK_TCK)" '
  { own += $2 + $3 }
  END { bg = ((b1 - b0) / hz - own) / (t1 - t0); printf "%.2f", (bg > 0 ? bg : 0) }' "$TMP/all.samples" 2>/dev/null || echo "n/a")
if awk -v b="$BACKGROUND" 'BEGIN { exit !(b + 0 > 0.25) }'; then
  note "WARNING: other processes used $BACKGROUND cores on average during the runs; figures may be noisy"
fi

# summarize TOOL: prints "median_wall median_cpu max_rss_kib" over the samples.
summarize() {
  awk '{ w[NR] = $1; c[NR] = $2 + $3; if ($4 > m) m = $4 }
       function med(a, n,   i, j, t) {
         for (i = 2; i <= n; i++) for (j = i; (j > 1) && (a[j-1] > a[j]); j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
         return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
       }
       END { printf "%.3f %.3f %d\n", med(w, NR), med(c, NR), m }' "$TMP/$1.samples"
}

declare -A WALL CPU RSS RPS
TABLE="| tool | version | median wall s | records/s | median CPU s (user+sys) | peak RSS MiB | exit status |
|---|---|---:|---:|---:|---:|---|"
for t in "${TOOLS[@]}"; do
  ver=${VERSION[$t]:-—}
  if active "$t"; then
    read -r w c m < <(summarize "$t")
    WALL[$t]=$w CPU[$t]=$c RSS[$t]=$m
    # GNU time's wall clock has 10 ms resolution: no rate from a 0.00 s run.
    RPS[$t]=$(awk -v r="$RECORDS" -v w="${WALL[$t]}" 'BEGIN { if (w > 0) printf "%.0f", r / w; else printf "n/a" }')
    codes=${CODES[$t]// /, }
    if [[ $t == zonelint* ]]; then codes=$(sed 's/0/0 clean/; s/1/1 findings/' <<<"$codes"); fi
    TABLE+=$'\n'"| $t | $ver | $(printf '%.2f' "${WALL[$t]}") | ${RPS[$t]} | $(printf '%.2f' "${CPU[$t]}") | $(awk -v k="${RSS[$t]}" 'BEGIN { printf "%.1f", k / 1024 }') | $codes |"
  elif [[ ${STATUS[$t]} == failed ]]; then
    TABLE+=$'\n'"| $t | $ver | — | — | — | — | FAILED: ${SKIP[$t]} |"
  else
    TABLE+=$'\n'"| $t | $ver | — | — | — | — | skipped: ${SKIP[$t]} |"
  fi
done

# zonelint relative to kzonecheck and to the input: the target (issue 14) is
# a throughput ratio >= 2 and a peak RSS at most 2x the zone file's size on
# the 1M-record zone.
RATIOS=""
for z in zonelint zonelint-zone; do
  [[ -n $RATIOS ]] && RATIOS+=$'\n'
  if active "$z" && active kzonecheck && [[ ${RPS[$z]} != n/a && ${RPS[kzonecheck]} != n/a ]]; then
    RATIOS+=$(awk -v z="$z" -v zr="${RPS[$z]}" -v kr="${RPS[kzonecheck]}" \
                 -v zm="${RSS[$z]}" -v km="${RSS[kzonecheck]}" -v zin="$ZONE_MIB" 'BEGIN {
      t = zr / kr; m = zm / km; i = zm / 1024 / zin
      printf "%s/kzonecheck: throughput x%.2f (target >= 2.00: %s), peak RSS x%.2f of kzonecheck, x%.2f of the input (target <= 2.00: %s)",
             z, t, (t >= 2 ? "met" : "NOT met"), m, i, (i <= 2 ? "met" : "NOT met") }')
  elif [[ ${STATUS[$z]} == skipped ]]; then
    RATIOS+="$z/kzonecheck: not computed, zonelint skipped (${SKIP[$z]})"
  elif active "$z" && active kzonecheck; then
    RATIOS+="$z/kzonecheck: not computed, runs too short to time (use a larger N)"
  else
    RATIOS+="$z/kzonecheck: not computed, a run failed"
  fi
done

# ------------------------------------------------------------------- report --
CPU_MODEL=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
# show_cmd TOOL: the command line as it is run, with the tool's name for
# the binary and FILE for the zone.
show_cmd() {
  tool_cmd "$1"
  CMD[0]=${1%-zone}
  local shown="${CMD[*]}"
  echo "${shown/"$ZONE"/FILE}"
}
REV=$(git -C "$REPO_ROOT" describe --always --dirty 2>/dev/null || echo "no commit yet")
HEADING="$(date -u '+%Y-%m-%d %H:%M UTC') · N=$N"
[[ ${STATUS[zonelint]} == skipped ]] && HEADING+=" · zonelint skipped"
[[ -n $LABEL ]] && HEADING+=" · $LABEL"

echo
echo "$TABLE"
echo
echo "$RATIOS"
echo
echo "Background CPU during the runs: $BACKGROUND cores (other processes; near 0 on a quiet machine)"
echo "Commands: $(show_cmd zonelint) · $(show_cmd zonelint-zone) · $(show_cmd kzonecheck) · $(show_cmd named-checkzone)"

if [[ $RECORD == 1 ]]; then
  if [[ ! -e $RESULTS ]]; then
    cat >"$RESULTS" <<'EOF'
# zonelint benchmark results

Appended by `bench/run.sh`, one section per run, newest last. Reproduce with:

    bench/run.sh 1000000

Each tool checks the same generated zone (`../shared/bench/gen_zone.py N`) after one
warm-up run; figures are the median wall time over the measured runs, records/s =
records / median wall, and the largest peak RSS. Compare rows within one section
only: sections from different machines or loads are not comparable. The target
(issue 14) is zonelint throughput >= 2x kzonecheck's with peak RSS <= 2x the
zone file on the 1M-record zone (sections before 2026-12-05 judged the older
target: throughput >= kzonecheck, peak RSS below kzonecheck's).
See `bench/README.md`.
EOF
  fi
  cat >>"$RESULTS" <<EOF

## $HEADING

- Zone: $RECORDS records, $ZONE_MIB MiB, \`gen_zone.py $N $ORIGIN\` (generator sha256 $GEN_SHA…)
- Machine: nproc $(nproc), ${CPU_MODEL:-unknown CPU}, $MEM_GIB GiB RAM, Linux $(uname -r); load average at start $LOADAVG; background CPU during the runs $BACKGROUND cores
- Runs: 1 warm-up + $REPS measured per tool, interleaved; repo at $REV
- Commands: \`$(show_cmd zonelint)\` · \`$(show_cmd zonelint-zone)\` · \`$(show_cmd kzonecheck)\` · \`$(show_cmd named-checkzone)\`

$TABLE

$RATIOS
EOF
  note "appended to ${RESULTS#"$REPO_ROOT"/}"
fi

exit "$FAILED"
