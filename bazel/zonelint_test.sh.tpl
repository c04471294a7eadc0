#!/usr/bin/env bash
# A zonelint_test (@zonelint//bazel:defs.bzl): lints its zone files and fails
# on findings, which it prints as file:line:col: severity: message [rule].

# --- begin runfiles.bash initialization v2 ---
# Copy-pasted from the Bazel Bash runfiles library v2.
set -uo pipefail; f=bazel_tools/tools/bash/runfiles/runfiles.bash
source "${RUNFILES_DIR:-/dev/null}/$f" 2>/dev/null || \
  source "$(grep -sm1 "^$f " "${RUNFILES_MANIFEST_FILE:-/dev/null}" | cut -f2- -d' ')" 2>/dev/null || \
  source "$0.runfiles/$f" 2>/dev/null || \
  source "$(grep -sm1 "^$f " "$0.runfiles_manifest" | cut -f2- -d' ')" 2>/dev/null || \
  source "$(grep -sm1 "^$f " "$0.exe.runfiles_manifest" | cut -f2- -d' ')" 2>/dev/null || \
  { echo>&2 "ERROR: cannot find $f"; exit 1; }; f=; set -e
# --- end runfiles.bash initialization v2 ---

zonelint=$(rlocation "%ZONELINT%") || true
if [[ ! -x "$zonelint" ]]; then
  echo "zonelint_test: no zonelint binary in the runfiles (%ZONELINT%)" >&2
  exit 2
fi
# The zones are named as in the workspace (the current directory is the
# workspace's runfiles root), so findings point at the user's files.
exec "$zonelint" --format=gcc --color=never "$@" -- %SRCS%
