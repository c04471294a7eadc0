# Sourced, from the runfiles root, by the tests that run zonelint through a
# real client (pre-commit, Vim, Emacs) as README.md shows it, so that the
# README says exactly what they run.

# client_home: gives the test a home of its own under $TEST_TMPDIR and puts
# Bazel's //:zonelint (a data dependency of the test, ./zonelint here) first
# on PATH, as the `zonelint` users install.
client_home() {
  export HOME=$TEST_TMPDIR/home
  mkdir -p "$HOME" "$TEST_TMPDIR/bin"
  ln -s "$PWD/zonelint" "$TEST_TMPDIR/bin/zonelint"
  export PATH=$TEST_TMPDIR/bin:$PATH
}

# readme_block FILE MARKER: prints the body of the first fenced code block
# (```) after the first line of FILE that contains MARKER. Fails, with a
# message, when there is none.
readme_block() {
  local body
  body=$(awk -v marker="$2" '
    !found && index($0, marker) { found = 1; next }
    found && !inside && /^```/ { inside = 1; next }
    inside && /^```/ { done = 1; exit }
    inside { print }
    END { exit !done }
  ' "$1") || {
    echo "no code block after '$2' in $1" >&2
    return 1
  }
  printf '%s\n' "$body"
}

# install_from_readme INSTALL CONFIG FILE: runs README.md's shell block after
# the line that contains INSTALL from the checkout (the runfiles root), and
# writes the block after the line that contains CONFIG to $HOME/FILE.
install_from_readme() {
  local install config
  install=$(readme_block README.md "$1") || return
  config=$(readme_block README.md "$2") || return
  bash -eu -c "$install"
  mkdir -p "$(dirname "$HOME/$3")"
  printf '%s\n' "$config" >"$HOME/$3"
}
