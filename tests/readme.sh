# Sourced by the tests that run what README.md shows, so that the README says
# exactly what they run.

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
