#!/usr/bin/env bash
# Builds the fuzz targets (every cc_binary in fuzz/: the whole zone
# pipeline, one per mail grammar, and the language server's reader and
# dispatcher) with --config=fuzz (clang-14,
# libFuzzer, ASan, UBSan) and fuzzes each for SECONDS seconds (default 30).
# tools/test.sh runs it as part of the test command; run it longer by hand,
# for all targets or the ones named:
#
#   fuzz/run.sh 3600
#   fuzz/run.sh 600 //fuzz:spf_fuzzer
#
# The build uses its own output base ("$(bazel info output_base)-fuzz"), so
# switching to clang never invalidates the normal gcc build. Seeds are the
# folders of the target's `data` (read-only: the seeds kept in fuzz/, and for
# the zone parser the shared corpora's zone files when ../shared is there)
# plus a scratch corpus that keeps what the run finds until the next run;
# the *.dict file in `data` is the dictionary. The fuzzer runs in an empty
# scratch folder holding two small zones, so the $INCLUDEs it makes up find
# something (or nothing) there and never reach the project's files.
#
# Exit status: 0 when the run ends without a crash, leak, timeout, undefined
# behaviour or out-of-memory; 1 when it finds one (the input is kept in
# $WORK/artifacts, printed below, with the log); 2 when it does not build.
# Environment: CI set: shut the fuzz Bazel server down afterwards.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

seconds=${1:-30}
if [[ ! "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh [SECONDS [TARGET...]]" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))
flags=(--curses=no --show_progress_rate_limit=30)
[ -t 1 ] || flags+=(--color=no)

output_base=$(bazel info output_base </dev/null) || exit 2
fuzz_base="$output_base-fuzz"
bazel_fuzz=(bazel --output_base="$fuzz_base" --max_idle_secs=900)
work="$fuzz_base/zonelint-fuzz"  # one folder per target
shutdown() {
  [ -n "${CI:-}" ] && "${bazel_fuzz[@]}" shutdown </dev/null >/dev/null 2>&1
  return 0
}

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(bazel query --noshow_progress 'kind(cc_binary, //fuzz:all)' </dev/null 2>/dev/null)
fi
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz/run.sh: no fuzz targets found" >&2
  exit 2
fi
echo "fuzz/run.sh: building ${targets[*]} (clang-14, libFuzzer, ASan, UBSan)"
if ! "${bazel_fuzz[@]}" build "${flags[@]}" --config=fuzz "${targets[@]}" </dev/null ||
   ! bin_dir=$("${bazel_fuzz[@]}" info --config=fuzz bazel-bin </dev/null); then
  echo "fuzz/run.sh: the fuzz targets FAILED TO BUILD" >&2
  shutdown
  exit 2
fi
shutdown

# Fuzzes one target (built above) for $seconds seconds; 1 when it finds a bug.
fuzz_one() {
  local target=$1
  local fuzzer="$bin_dir/${target#//}"
  fuzzer="${fuzzer/://}"
  local name run rc fuzz_args
  name=$(basename "$fuzzer")

  # The dictionary and the seed folders, from the runfiles manifest: the first
  # *.dict file is passed with -dict=, the folders of all other files are
  # corpora (libFuzzer reads folders recursively: nested ones are dropped).
  mapfile -t fuzz_args < <(python3 - "$fuzzer" <<'PY'
import os, sys

fuzzer = sys.argv[1]
dicts, dirs = [], set()
try:
    manifest = open(fuzzer + ".runfiles_manifest", encoding="utf-8")
except OSError:
    manifest = []
for line in manifest:
    parts = line.rstrip("\n").split(" ", 1)
    if len(parts) != 2 or not parts[1]:
        continue
    real = parts[1]
    if os.path.realpath(real) == os.path.realpath(fuzzer) or "/_solib_" in real:
        continue
    if real.endswith(".dict"):
        dicts.append("-dict=" + real)
    else:
        dirs.add(os.path.dirname(real))
top = sorted(d for d in dirs
             if not any(d != o and d.startswith(o + "/") for o in dirs))
for arg in sorted(dicts)[:1] + top:
    print(arg)
PY
  )

  run="$work/$name"
  rm -rf "$run/artifacts" "$run/cwd"
  mkdir -p "$run/corpus" "$run/artifacts" "$run/cwd"
  printf 'www 300 IN A 192.0.2.1\n$INCLUDE loop.zone\n' >"$run/cwd/a.zone"
  printf '$INCLUDE a.zone sub\nmail MX 10 www\n' >"$run/cwd/loop.zone"
  echo "fuzz/run.sh: running $target for ${seconds}s" \
    "(dictionary and seeds: ${fuzz_args[*]:-none})"
  (cd "$run/cwd" && UBSAN_OPTIONS=print_stacktrace=1 \
    timeout -k 10 $((seconds + 300)) "$fuzzer" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$run/artifacts/" \
    "$run/corpus" "${fuzz_args[@]}" </dev/null >"$run/log" 2>&1)
  rc=$?
  if [ "$rc" -eq 0 ]; then
    grep -E '^(Done|stat::number_of_executed_units)' "$run/log"
    echo "fuzz/run.sh: $target PASSED (${seconds}s, no crash)"
  else
    tail -n 80 "$run/log"
    echo "fuzz/run.sh: $target FAILED (exit $rc); full log $run/log," \
      "crashing inputs in $run/artifacts/" >&2
    return 1
  fi
  return 0
}

status=0
for target in "${targets[@]}"; do
  fuzz_one "$target" || status=1
done
exit "$status"
