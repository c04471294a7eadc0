#!/usr/bin/env bash
# Installs the Debian packages zonelint needs to build, test and fuzz, once,
# and the npm packages its tests run (tools/npm/, as locked) into
# /opt/zonelint-npm. Idempotent and silent when everything is already
# installed. Debian 12 only (Bazel 4 comes from bazel-bootstrap; all
# libraries are Debian's).
set -euo pipefail

packages=(
  bazel-bootstrap default-jdk-headless g++   # Bazel 4 (its JDK), gcc 12
  tao-pegtl-dev libabsl-dev libgtest-dev libssl-dev
  libtomlplusplus-dev                        # the .zonelint.toml parser
  clang-14 libclang-rt-14-dev                # libFuzzer, ASan, UBSan
  bind9-utils knot-dnssecutils               # named-checkzone, kzonecheck
  python3 python3-yaml file time
  git pre-commit vim emacs-nox               # integration tests: the real clients
  nlohmann-json3-dev                         # JSON for --format=sarif
  python3-jsonschema libicu72                # SARIF schema check; .NET's ICU
  neovim elpa-eglot                          # the language server's clients
)

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

# npm packages the tests run: Microsoft's SARIF validator (Sarif.Multitool,
# a self-contained .NET program) and GitHub's @actions/core. Node.js and
# npm come with the machine.
npm_dir=/opt/zonelint-npm
npm_src="$(dirname "${BASH_SOURCE[0]}")/npm"
if ! cmp -s "$npm_src/package-lock.json" "$npm_dir/installed-lock.json"; then
  echo "setup: installing npm packages into $npm_dir" >&2
  "${sudo[@]}" mkdir -p "$npm_dir"
  "${sudo[@]}" cp "$npm_src/package.json" "$npm_src/package-lock.json" \
    "$npm_dir/"
  (cd "$npm_dir" && "${sudo[@]}" npm ci --ignore-scripts --no-audit \
    --no-fund --loglevel=error >&2)
  "${sudo[@]}" chmod 0755 \
    "$npm_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  "${sudo[@]}" cp "$npm_src/package-lock.json" "$npm_dir/installed-lock.json"
fi

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

echo "setup: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y "${packages[@]}"
