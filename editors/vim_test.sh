#!/usr/bin/env bash
# The Vim compiler plugin (editors/vim), installed as README.md says and run
# headless by Debian's Vim: zone files get the bindzone type and
# :compiler zonelint, :make fills the quickfix list with each finding's
# line, column and type (error, warning, info), and :cc puts the cursor on
# the text it flags, past tabs. The `zonelint` on PATH is //:zonelint.
set -euo pipefail
source tests/client_test.sh

client_home
install_from_readme '**Vim** (a compiler plugin)' 'and in your vimrc' .vimrc

mkdir "$TEST_TMPDIR/work"
cp -RL editors/testdata/zones "$TEST_TMPDIR/work/"
cd "$TEST_TMPDIR/work"
chmod -R u+w zones
printf 'import sqlite3\n' >zones/db.py

cat >check.vim <<'EOF'
let s:out = []
for s:file in ['zones/db.example.org', 'zones/db.py', 'zones/example.com.zone']
  execute 'edit' s:file
  call add(s:out, printf('%s: filetype %s, compiler %s', s:file, &filetype,
        \ get(b:, 'current_compiler', 'none')))
endfor
silent make
let s:list = getqflist()
for s:i in range(len(s:list))
  let s:e = s:list[s:i]
  execute 'cc' (s:i + 1)
  call add(s:out, printf('%s:%d:%d: %s: %s', bufname(s:e.bufnr), s:e.lnum,
        \ s:e.col, s:e.type, s:e.text))
  call add(s:out, '  cursor at: ' . strpart(getline('.'), col('.') - 1))
endfor
silent make! --disable=zone-rdata
call add(s:out, ':make --disable=zone-rdata: ' . len(getqflist()) . ' findings')
call writefile(s:out, 'result')
qall!
EOF
rc=0
timeout 45 vim -N -u "$HOME/.vimrc" -i NONE -n -es -S check.vim </dev/null ||
  rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: vim exited with $rc" >&2; exit 1; }

cat >expected <<'EOF'
zones/db.example.org: filetype bindzone, compiler zonelint
zones/db.py: filetype python, compiler none
zones/example.com.zone: filetype bindzone, compiler zonelint
zones/example.com.zone:7:9: w: 'mail.example.com' has no trailing dot, so the origin 'example.com.' is appended again: it means 'mail.example.com.example.com.' [zone-missing-trailing-dot] [fixable]
  cursor at: mail.example.com
zones/example.com.zone:8:8: e: invalid A address '192.0.2.300' [zone-rdata]
  cursor at: 192.0.2.300
zones/example.com.zone:10:30: i: the DKIM key at 'sel._domainkey.example.com' is revoked (empty p=): signatures with this selector fail [dkim-revoked]
  cursor at: p="
:make --disable=zone-rdata: 2 findings
EOF
diff -u expected result || { echo "FAIL: Vim's quickfix list differs" >&2; exit 1; }
echo PASS
