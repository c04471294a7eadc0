#!/bin/bash
# Usage: layering_test.sh MAIL_FILE... -- RULES_FILE...
# Fails when a file of mail/ includes a header of rules/ or lint/, or a file
# of rules/ includes parser/rdata.h.
set -u
mail=()
rules=()
in_rules=0
for arg in "$@"; do
  if [[ "$arg" == "--" ]]; then
    in_rules=1
  elif ((in_rules)); then
    rules+=("$arg")
  else
    mail+=("$arg")
  fi
done
if ((${#mail[@]} == 0 || ${#rules[@]} == 0)); then
  echo "no sources given" >&2
  exit 1
fi
status=0
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"(rules|lint)/' \
  "${mail[@]}"; then
  echo "mail/ must not include rules/ or lint/ (above)" >&2
  status=1
fi
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"parser/rdata\.h"' \
  "${rules[@]}"; then
  echo "rules must not include parser/rdata.h: use parser/record_views.h" \
    "or the mail views (above)" >&2
  status=1
fi
exit "$status"
