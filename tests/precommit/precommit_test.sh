#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml, run by the real pre-commit (Debian's
# 3.0.4) and git, offline, in throwaway repositories under $TEST_TMPDIR:
#   - a hook repository holding the manifest, at the rev README.md names;
#   - a repository of zones in subfolders, where SPF includes and MX targets
#     cross from one zone to another, beside files that are not zones
#     (db.env, a binary db.sqlite3, README.md).
# `pre-commit try-repo` runs each hook; the README's .pre-commit-config.yaml
# (its `repo:` pointed at the hook repository) is installed, and real
# `git commit`s go through or are blocked. The `zonelint` on PATH is the one
# Bazel built (//:zonelint).
set -euo pipefail
source tests/client_test.sh

root=$PWD
tmp=$TEST_TMPDIR
client_home
export PRE_COMMIT_HOME=$tmp/pre-commit TMPDIR=$tmp/tmp GIT_CONFIG_NOSYSTEM=1
mkdir -p "$TMPDIR"
git config --global user.name "zonelint test"
git config --global user.email test@example.com
git config --global init.defaultBranch main

log=$tmp/log
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# passes/blocked WHAT CMD...: runs CMD with its output in $log (shown when
# the test fails); the test fails unless CMD exits 0 / non-zero.
passes() {
  local what=$1
  shift
  "$@" >"$log" 2>&1 || { cat "$log"; fail "$what: expected to pass"; }
}
blocked() {
  local what=$1
  shift
  if "$@" >"$log" 2>&1; then
    cat "$log"
    fail "$what: expected to fail"
  fi
}
# said / unsaid TEXT: whether $log holds TEXT.
said() {
  grep -qF -- "$1" "$log" || { cat "$log"; fail "output lacks '$1'"; }
}
unsaid() {
  if grep -qF -- "$1" "$log"; then
    cat "$log"
    fail "output has '$1'"
  fi
}

# ---- README.md's configurations, and the hook repository at their rev ----
config=$(readme_block README.md "in your repository's \`.pre-commit-config.yaml\`")
widened=$(readme_block README.md "widen it to match them")
rev=$(sed -En 's/^ *rev: *([^ #]+).*/\1/p' <<<"$config")
[ -n "$rev" ] || fail "no rev: in the README's configuration"
hooks=$tmp/zonelint
# The README's `repo:` is where users clone zonelint from; here it is $hooks.
at_hooks() {
  sed -E "s|^( *- repo: ).*|\1$hooks|" <<<"$1"
}
grep -qF "repo: $hooks" <<<"$(at_hooks "$config")" || fail "no repo: line"

git init -q "$hooks"
cp "$root/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm "zonelint hooks"
git -C "$hooks" tag "$rev"

# ---- The zones ----------------------------------------------------------
repo=$tmp/zones
mkdir -p "$repo/zones" "$repo/other/sub"
cd "$repo"
git init -q
cat >zones/example.com.zone <<'EOF'
$ORIGIN example.com.
$TTL 3600
@       SOA   ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
        NS    ns1
        NS    ns2
ns1     A     192.0.2.1
ns2     A     192.0.2.2
@       MX    10 mx.example.org.
@       TXT   "v=spf1 include:_spf.example.org -all"
_dmarc  TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"
EOF
cat >zones/db.example.org <<'EOF'
$ORIGIN example.org.
$TTL 3600
@       SOA   ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
        NS    ns1.example.com.
        NS    ns2.example.com.
@       MX    10 mx
mx      A     192.0.2.25
@       TXT   "v=spf1 mx -all"
_spf    TXT   "v=spf1 ip4:192.0.2.0/24 -all"
_dmarc  TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@example.org"
EOF
cat >other/sub/example.net.zone <<'EOF'
$ORIGIN example.net.
$TTL 3600
@       SOA   ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
        NS    ns1.example.com.
        NS    ns2.example.com.
@       MX    0 .
@       TXT   "v=spf1 -all"
_dmarc  TXT   "v=DMARC1; p=reject"
EOF
printf 'DB_HOST=db.example.com\nDB_USER=app\n' >db.env
printf 'SQLite format 3\0\0\0\1\2' >db.sqlite3
printf '# Our zones\n\n@ MX 10 mx is how mail is routed.\n' >README.md
git add -A

# ---- pre-commit try-repo: each hook on all files -------------------------
passes "whole set, clean" pre-commit try-repo "$hooks" zonelint --all-files
said "zonelint (all zones together)"
said "Passed"
passes "each file, clean" \
  pre-commit try-repo "$hooks" zonelint-files --all-files
said "zonelint (each zone file)"
said "Passed"

# A zone in a subfolder gets linted by both; the files that are not zones
# by neither (linted as zones, db.env and db.sqlite3 would fail).
printf 'www     CNAME @\nwww     A     192.0.2.80\n' >>other/sub/example.net.zone
blocked "whole set, error" pre-commit try-repo "$hooks" zonelint --all-files
said "other/sub/example.net.zone:9:1: error"
unsaid "db.env"
unsaid "db.sqlite3"
blocked "each file, error" \
  pre-commit try-repo "$hooks" zonelint-files --all-files
said "other/sub/example.net.zone:9:1: error"
unsaid "db.env"
unsaid "db.sqlite3"
git checkout -q other/sub/example.net.zone

# ---- The README's configuration, installed; real commits -----------------
at_hooks "$config" >.pre-commit-config.yaml
git add .pre-commit-config.yaml
passes "pre-commit install" pre-commit install
passes "first commit" git commit -qm "zones"
said "zonelint (all zones together)"
said "Passed"

# A commit that touches only example.org's zone and drops the record that
# example.com's SPF record includes: the error is in the zone not touched.
sed -i 's/^_spf /_spf1/' zones/db.example.org
git add zones/db.example.org
head=$(git rev-parse HEAD)
blocked "cross-zone error" git commit -qm "rename _spf"
said "zones/example.com.zone:9:23: error: '_spf.example.org.' has no SPF record"
[ "$(git rev-parse HEAD)" = "$head" ] || fail "the commit went through"
# What a hook fed only the files a commit touches makes of it.
passes "each file, cross-zone error" \
  pre-commit try-repo "$hooks" zonelint-files
said "Passed"

sed -i 's/^_spf1/_spf /' zones/db.example.org
printf '@       TXT   "google-site-verification=x"\n' >>zones/db.example.org
git add zones/db.example.org
passes "cross-zone fix" git commit -qm "verify example.org"
said "Passed"

# Files that are not zones do not start the hook; .zonelint.toml does.
printf '\3' >>db.sqlite3
printf 'DB_PORT=5432\n' >>db.env
for file in db.sqlite3 db.env; do
  git add "$file"
  passes "commit of $file" git commit -qm "$file"
  said "zonelint (all zones together)"
  said "(no files to check)Skipped"
done
printf '# zonelint settings for this repository\n' >.zonelint.toml
git add .zonelint.toml
passes "commit of .zonelint.toml" git commit -qm "zonelint settings"
said "zonelint (all zones together)"
unsaid "Skipped"

# A zone file named otherwise (found by its content) starts the hook only
# once `files` is widened as the README shows.
cat >zones/example.edu <<'EOF'
$ORIGIN example.edu.
@       3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
        3600 IN NS  ns1.example.com.
EOF
git add zones/example.edu
passes "commit of an unusual name" git commit -qm "example.edu"
said "(no files to check)Skipped"
at_hooks "$widened" >.pre-commit-config.yaml
git add .pre-commit-config.yaml
passes "widened files" git commit -qm "zonelint: all of zones/"
printf 'www     3600 IN A   192.0.2.300\n' >>zones/example.edu
git add zones/example.edu
blocked "unusual name, error" git commit -qm "example.edu: www"
said "zones/example.edu:4:21: error: invalid A address"
sed -i 's/192.0.2.300/192.0.2.30/' zones/example.edu
git add zones/example.edu
passes "unusual name, fixed" git commit -qm "example.edu: www"
said "zonelint (all zones together)"
said "Passed"

echo "PASS"
