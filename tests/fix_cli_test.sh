#!/bin/bash
# --fix and --diff through the real zonelint binary (from the runfiles
# root): the file is replaced atomically with its permission bits kept and
# no temporary file left, a file with nothing to fix keeps its mtime, and
# the exit statuses README "Fixing" gives.
set -u
zonelint=$PWD/zonelint
fixes=$PWD/tests/fixes
failed=0
fail() {
  echo "FAIL: $*" >&2
  failed=1
}
expect_status() {  # WANT GOT WHAT
  [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}

work=$TEST_TMPDIR/work
mkdir -p "$work"
cd "$work" || exit 1
cp "$fixes/missing-dot.zone" example.com.zone
chmod 0604 example.com.zone

"$zonelint" --no-config --diff example.com.zone >diff.out 2>diff.err
expect_status 1 $? "--diff with changes"
cmp -s example.com.zone "$fixes/missing-dot.zone" || fail "--diff wrote"
grep -q '^+++ b/example.com.zone$' diff.out || fail "no diff header"

# The diff applies as a patch and gives what --fix writes.
mkdir -p "$TEST_TMPDIR/applied"
cp example.com.zone "$TEST_TMPDIR/applied/"
(cd "$TEST_TMPDIR/applied" && patch -s -p1 <"$work/diff.out") ||
  fail "patch -p1 refused the diff"
cmp -s "$TEST_TMPDIR/applied/example.com.zone" "$fixes/missing-dot.fixed" ||
  fail "the patched file differs from --fix's"

"$zonelint" --no-config --fix example.com.zone >fix.out 2>fix.err
expect_status 0 $? "--fix that fixes everything"
cmp -s example.com.zone "$fixes/missing-dot.fixed" || fail "--fix result"
[ "$(stat -c %a example.com.zone)" = 604 ] || fail "mode not kept"
[ "$(cat fix.err)" = "zonelint: fixed 3 findings in 1 file" ] ||
  fail "summary: $(cat fix.err)"
[ -z "$(ls -A | grep -v -x -e example.com.zone -e diff.out -e diff.err \
  -e fix.out -e fix.err)" ] || fail "files left behind: $(ls -A)"

"$zonelint" --no-config --diff example.com.zone >diff2.out 2>/dev/null
expect_status 0 $? "--diff with nothing to change"
[ -s diff2.out ] && fail "--diff printed for a fixed file"

cp "$fixes/unfixable.zone" db.example.com
touch -d '2020-01-02 03:04:05' db.example.com
before=$(stat -c %Y db.example.com)
"$zonelint" --no-config --fix db.example.com >/dev/null 2>&1
expect_status 1 $? "--fix with findings left"
[ "$(stat -c %Y db.example.com)" = "$before" ] || fail "mtime changed"
cmp -s db.example.com "$fixes/unfixable.zone" || fail "unfixable changed"

"$zonelint" --no-config --fix --stdin-filename=example.com.zone - \
  <"$fixes/missing-dot.zone" >stdin.out 2>stdin.err
expect_status 0 $? "--fix on stdin"
cmp -s stdin.out "$fixes/missing-dot.fixed" || fail "stdin's fixed text"

"$zonelint" --unsafe-fixes example.com.zone >/dev/null 2>&1
expect_status 2 $? "--unsafe-fixes alone"
"$zonelint" --fix --diff example.com.zone >/dev/null 2>&1
expect_status 2 $? "--fix with --diff"

cp "$fixes/spf-softfail.zone" soft.zone
"$zonelint" --no-config --diff --unsafe-fixes soft.zone >soft.diff 2>/dev/null
expect_status 1 $? "--diff --unsafe-fixes"
grep -q '^+@       TXT   "v=spf1 mx -all"' soft.diff || fail "unsafe diff"

exit $failed
