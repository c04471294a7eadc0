#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run):
#   1. tools/setup.sh (Debian packages, once);
#   2. bazel test --config=pic_opt //... with gcc (as tools/zonelint builds,
#      so the README's two commands share one build; see .bazelrc);
#   3. fuzz/run.sh: builds the fuzz targets with --config=fuzz (clang-14,
#      libFuzzer, ASan, UBSan) and fuzzes each for $ZONELINT_FUZZ_SECONDS
#      (default 30) seconds.
# Exits non-zero when anything fails. The last line is always
# "N passed, N failed, N skipped": bazel test targets, plus one for the fuzz
# run. A target is skipped when all its test cases skip (GTEST_SKIP: the
# corpus tests in a clone without ../shared); a line before says why.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

fuzz_seconds=${ZONELINT_FUZZ_SECONDS:-30}
passed=0
failed=0
skipped=0

finish() {
  # CI leaves no idle Bazel servers behind (locally they stay warm).
  if [ -n "${CI:-}" ]; then
    bazel shutdown </dev/null >/dev/null 2>&1
  fi
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
  exit
}

if ! ./tools/setup.sh; then
  echo "test.sh: tools/setup.sh failed" >&2
  failed=1
  finish
fi

flags=(--config=pic_opt --curses=no --show_progress_rate_limit=30 --keep_going --test_output=errors)
[ -t 1 ] || flags+=(--color=no)

# Where this workspace's Bazel keeps its outputs (starts the server).
if ! output_base=$(bazel info output_base </dev/null); then
  echo "test.sh: bazel does not start" >&2
  failed=1
  finish
fi

# ---- bazel test //... ------------------------------------------------------
# Results come from the Build Event Protocol, not from scraping the summary:
# every configured *_test target counts, as passed (PASSED, FLAKY), skipped
# (passed, and every test case in its test.xml skipped) or failed (FAILED,
# TIMEOUT, FAILED_TO_BUILD, NO_STATUS, ..., or no summary at all).
bep="$output_base/zonelint-test.bep.json"
rm -f "$bep"
bazel test "${flags[@]}" --build_event_json_file="$bep" //... </dev/null
test_rc=$?

# Prints the corpus agreement tests' counts (from their logs), a line per
# reason for skipped targets, then "PASSED FAILED SKIPPED" as its last line;
# failed targets go to stderr.
mapfile -t report < <(python3 - "$bep" <<'EOF'
import collections, json, re, sys, urllib.parse
import xml.etree.ElementTree as ElementTree

# The lines the corpus agreement tests print with their counts.
COUNTS = re.compile(r"^(bind-checkzone|realworld|realworld-findings|"
                    r"knot-zscanner|rfc7208-suite|dkim-records|"
                    r"dmarc-records): ")

status = {}  # label -> overall status; None until a TestSummary arrives
outputs = collections.defaultdict(list)  # label -> [(name, local path)]
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
    elif "testResult" in ids:
        for out in event.get("testResult", {}).get("testActionOutput", []):
            uri = urllib.parse.urlparse(out.get("uri", ""))
            if uri.scheme == "file":
                outputs[ids["testResult"]["label"]].append(
                    (out.get("name"), urllib.parse.unquote(uri.path)))
    elif "testSummary" in ids:
        status[ids["testSummary"]["label"]] = (
            event.get("testSummary", {}).get("overallStatus", "NO_STATUS"))


def skip_reason(label):
    """Why every test case of the label skipped; None if one did not."""
    reasons, cases = set(), 0
    for name, path in outputs[label]:
        if name != "test.xml":
            continue
        try:
            root = ElementTree.parse(path).getroot()
        except (OSError, ElementTree.ParseError):
            return None
        for case in root.iter("testcase"):
            cases += 1
            skip = case.find("skipped")
            if skip is None and case.get("result") != "skipped":
                return None
            # gtest's message is "file:line", a line break, then the reason.
            message = skip.get("message", "") if skip is not None else ""
            reasons.add(message.strip().rsplit("\n", 1)[-1] or "no reason given")
    return "; ".join(sorted(reasons)) if cases else None


for label in sorted(status):
    for name, path in outputs[label]:
        if name == "test.log":
            try:
                with open(path, encoding="utf-8", errors="replace") as log:
                    for line in log:
                        if COUNTS.match(line):
                            print(line.rstrip("\n"))
            except OSError:
                pass

ok, skipped, bad = 0, collections.defaultdict(list), []
for label, s in sorted(status.items()):
    if s not in ("PASSED", "FLAKY"):
        bad.append(f"{label} {s or 'NO_STATUS'}")
    elif (reason := skip_reason(label)) is not None:
        skipped[reason].append(label)
    else:
        ok += 1
for b in bad:
    print("test.sh: failed:", b, file=sys.stderr)
for reason, labels in sorted(skipped.items()):
    print(f"test.sh: skipped {len(labels)} ({', '.join(labels)}): {reason}")
print(ok, len(bad), sum(len(labels) for labels in skipped.values()))
EOF
)
if [ "${#report[@]}" -gt 0 ]; then
  for line in "${report[@]:0:${#report[@]}-1}"; do echo "$line"; done
  read -r t_passed t_failed t_skipped <<<"${report[-1]}"
fi
passed=$((passed + ${t_passed:-0}))
failed=$((failed + ${t_failed:-0}))
skipped=$((skipped + ${t_skipped:-0}))
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

# ---- fuzzing ---------------------------------------------------------------
# fuzz/run.sh builds the fuzzer with clang in an output base of its own and
# runs it for $ZONELINT_FUZZ_SECONDS seconds.
if ./fuzz/run.sh "$fuzz_seconds"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
finish
