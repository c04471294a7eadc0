#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run):
#   1. tools/setup.sh (Debian packages, once);
#   2. bazel test //... with gcc;
#   3. fuzz/run.sh: builds //fuzz:zone_parser_fuzzer with --config=fuzz
#      (clang-14, libFuzzer, ASan, UBSan) and fuzzes it for
#      $ZONELINT_FUZZ_SECONDS (default 30) seconds.
# Exits non-zero when anything fails. The last line is always
# "N passed, N failed": bazel test targets, plus one for the fuzz run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

fuzz_seconds=${ZONELINT_FUZZ_SECONDS:-30}
passed=0
failed=0

finish() {
  # CI leaves no idle Bazel servers behind (locally they stay warm).
  if [ -n "${CI:-}" ]; then
    bazel shutdown </dev/null >/dev/null 2>&1
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

if ! ./tools/setup.sh; then
  echo "test.sh: tools/setup.sh failed" >&2
  failed=1
  finish
fi

flags=(--curses=no --show_progress_rate_limit=30 --keep_going --test_output=errors)
[ -t 1 ] || flags+=(--color=no)

# Where this workspace's Bazel keeps its outputs (starts the server).
if ! output_base=$(bazel info output_base </dev/null); then
  echo "test.sh: bazel does not start" >&2
  failed=1
  finish
fi

# ---- bazel test //... ------------------------------------------------------
# Results come from the Build Event Protocol, not from scraping the summary:
# every configured *_test target counts, as passed (PASSED, FLAKY) or failed
# (FAILED, TIMEOUT, FAILED_TO_BUILD, NO_STATUS, ..., or no summary at all).
bep="$output_base/zonelint-test.bep.json"
rm -f "$bep"
bazel test "${flags[@]}" --build_event_json_file="$bep" //... </dev/null
test_rc=$?

read -r t_passed t_failed < <(python3 - "$bep" <<'EOF'
import json, sys

status = {}  # label -> overall status; None until a TestSummary arrives
try:
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
except OSError:
    lines = []
for line in lines:
    try:
        event = json.loads(line)
    except ValueError:
        continue
    ids = event.get("id", {})
    if "targetConfigured" in ids:
        conf = event.get("configured", {})
        if conf.get("targetKind", "").endswith("_test rule"):
            status.setdefault(ids["targetConfigured"]["label"], None)
    elif "targetCompleted" in ids:
        label = ids["targetCompleted"]["label"]
        if label in status and status[label] is None and not event.get(
                "completed", {}).get("success"):
            status[label] = "FAILED_TO_BUILD"
    elif "testSummary" in ids:
        status[ids["testSummary"]["label"]] = (
            event.get("testSummary", {}).get("overallStatus", "NO_STATUS"))
ok = sum(1 for s in status.values() if s in ("PASSED", "FLAKY"))
bad = sorted(f"{label} {s or 'NO_STATUS'}" for label, s in status.items()
             if s not in ("PASSED", "FLAKY"))
for b in bad:
    print("test.sh: failed:", b, file=sys.stderr)
print(ok, len(bad))
EOF
)
passed=$((passed + ${t_passed:-0}))
failed=$((failed + ${t_failed:-0}))
case $test_rc in
  0) ;;
  4) echo "test.sh: bazel found no test targets" >&2 ;;
  *)
    if [ "${t_failed:-0}" -eq 0 ]; then
      # A failure no test target accounts for (a non-test target that does not
      # build, a BUILD file error): count it, so the summary agrees.
      echo "test.sh: bazel test exited with $test_rc" >&2
      failed=$((failed + 1))
    fi ;;
esac

# The corpus agreement tests print their counts into their logs: show them.
if testlogs=$(bazel info bazel-testlogs </dev/null 2>/dev/null); then
  cat "$testlogs"/tests/conformance/*/test.log 2>/dev/null |
    grep -E '^(bind-checkzone|realworld|realworld-findings|knot-zscanner|rfc7208-suite|dkim-records|dmarc-records): ' || true
fi

# ---- fuzzing ---------------------------------------------------------------
# fuzz/run.sh builds the fuzzer with clang in an output base of its own and
# runs it for $ZONELINT_FUZZ_SECONDS seconds.
if ./fuzz/run.sh "$fuzz_seconds"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
finish
