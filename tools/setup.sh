#!/usr/bin/env bash
# Installs the Debian packages zonelint needs to build, test and fuzz, once.
# Idempotent and silent when everything is already installed. Debian 12 only
# (Bazel 4 comes from bazel-bootstrap; all libraries are Debian's).
set -euo pipefail

packages=(
  bazel-bootstrap default-jdk-headless g++   # Bazel 4 (its JDK), gcc 12
  tao-pegtl-dev libabsl-dev libgtest-dev libssl-dev
  libtomlplusplus-dev                        # the .zonelint.toml parser
  clang-14 libclang-rt-14-dev                # libFuzzer, ASan, UBSan
  bind9-utils knot-dnssecutils               # named-checkzone, kzonecheck
  python3 python3-yaml file time
)

# One `dpkg -s` for all: it prints a stanza per known package (and fails when
# one is unknown); keep the names whose status is "install ok installed".
installed=$({ dpkg -s "${packages[@]}" 2>/dev/null || true; } |
  awk '/^Package:/ { p = $2 } /^Status: install ok installed$/ { print p }')
declare -A ok=()
while read -r p; do ok[$p]=1; done <<<"$installed"
missing=()
for p in "${packages[@]}"; do
  [ -n "${ok[$p]:-}" ] || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "setup: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y "${packages[@]}"
