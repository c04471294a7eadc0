#!/usr/bin/env bash
# examples/bazel, a workspace of its own that uses zonelint as @zonelint the
# way the README tells users to, built and tested with the real Bazel (Debian's
# bazel-bootstrap, 4.2.3), nested in this test: its clean zones pass, its
# broken zone fails with its findings in the test log. The README must show
# the example's WORKSPACE and BUILD.bazel verbatim.
#
# Local and unsandboxed (see BUILD.bazel): the runfiles link to the source
# tree, where the inner Bazel finds the example and zonelint ("../.."). The
# inner Bazel's output base is in $TEST_TMPDIR; its disk cache is kept beside
# the outer output base, so that only the first run compiles zonelint again.
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

runfiles=$TEST_SRCDIR/$TEST_WORKSPACE
example=$(dirname "$(readlink -f "$runfiles/examples/bazel/WORKSPACE")")

# ---- the README shows exactly these files ---------------------------------
readme=$(<"$runfiles/README.md")
for f in WORKSPACE BUILD.bazel; do
  block=$'```python\n'"$(<"$example/$f")"$'\n```'
  [[ $readme == *"$block"* ]] ||
    fail "README.md does not show examples/bazel/$f verbatim in a python block"
done

# ---- the inner Bazel ------------------------------------------------------
# A local test's runfiles are in its output base's execroot.
outer_base=${TEST_SRCDIR%%/execroot/*}
if [[ $outer_base == "$TEST_SRCDIR" ]]; then
  disk_cache=$TEST_TMPDIR/disk_cache
else
  disk_cache=$(dirname "$outer_base")/zonelint-bazel-example-cache
fi
# Bazel 4 never trims a disk cache: start this one afresh past 1 GiB.
if [[ -d $disk_cache ]] && (($(du -sm "$disk_cache" | cut -f1) > 1024)); then
  rm -rf "$disk_cache"
fi
output_base=$TEST_TMPDIR/output_base
mkdir -p "$TEST_TMPDIR/home"

log=$TEST_TMPDIR/bazel.log
start=$SECONDS
rc=0
(
  cd "$example"
  # A clean environment: none of this test's TEST_* and RUNFILES_* variables.
  env -i PATH="$PATH" HOME="$TEST_TMPDIR/home" USER="${USER:-root}" \
    TMPDIR="$TEST_TMPDIR" \
    bazel --batch --output_base="$output_base" \
    test --disk_cache="$disk_cache" --nosandbox_debug --symlink_prefix=/ \
    --nocache_test_results --keep_going \
    --color=no --curses=no --noshow_progress \
    //:zones_test //:broken_zone_test
) >"$log" 2>&1 || rc=$?
echo "inner bazel test: exit $rc in $((SECONDS - start)) s"

# 3: the build succeeded and some tests failed.
if [[ $rc -ne 3 ]]; then
  tail -n 50 "$log" >&2
  fail "bazel test //:zones_test //:broken_zone_test exited $rc, not 3"
fi
grep -Eq '^//:zones_test +PASSED' "$log" ||
  { tail -n 50 "$log" >&2; fail "//:zones_test did not pass"; }
grep -Eq '^//:broken_zone_test +FAILED' "$log" ||
  { tail -n 50 "$log" >&2; fail "//:broken_zone_test did not fail"; }

testlogs=$(echo "$output_base"/execroot/zonelint_example/bazel-out/*/testlogs)
broken_log=$testlogs/broken_zone_test/test.log
[[ -f $broken_log ]] || fail "no test log at $broken_log"
expected=(
  'broken/example.com.zone:8:20: warning: .* \[zone-missing-trailing-dot\] \[fixable\]$'
  'broken/example.com.zone:11:1: error: .* \[spf-multiple-records\]$'
  'broken/example.com.zone:12:42: error: .* \[dmarc-syntax\]$'
)
for line in "${expected[@]}"; do
  grep -Eq "^$line" "$broken_log" ||
    { cat "$broken_log" >&2; fail "broken_zone_test's log lacks $line"; }
done
findings=$(grep -Ec '^[^:]+:[0-9]+:[0-9]+: ' "$broken_log" || true)
[[ $findings -eq ${#expected[@]} ]] ||
  { cat "$broken_log" >&2; fail "broken_zone_test's log: $findings findings"; }
if grep -Eq '^[^:]+:[0-9]+:[0-9]+: ' "$testlogs/zones_test/test.log"; then
  fail "zones_test's log has findings"
fi
echo "PASS: examples/bazel: zones_test passes," \
  "broken_zone_test fails with its ${#expected[@]} findings"
