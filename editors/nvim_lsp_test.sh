#!/usr/bin/env bash
# zonelint lsp in Neovim 0.7 (Debian's), configured as README.md says and
# run headless in a workspace of two zones: the findings arrive with their
# rule ids and UTF-16 positions (past a tab, an "é" and an emoji),
# including one about the other zone (an MX target there); a quick fix
# chosen as a user would (vim.lsp.buf.code_action) silences its finding;
# an edit to the buffer brings a new finding, and an edit to the other
# zone's buffer removes the cross-zone one. The `zonelint` on PATH is
# //:zonelint.
set -euo pipefail
source tests/client_test.sh

client_home
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share \
  XDG_STATE_HOME=$HOME/.local/state XDG_CACHE_HOME=$HOME/.cache
mkdir -p "$XDG_CONFIG_HOME/nvim"
readme_block README.md '**Neovim** (0.7 or later)' \
  >"$XDG_CONFIG_HOME/nvim/init.lua"

mkdir "$TEST_TMPDIR/work"
cp -RL editors/testdata/lsp/. "$TEST_TMPDIR/work/"
cd "$TEST_TMPDIR/work"
chmod -R u+w .

cat >check.lua <<'EOF_LUA'
local out = {}
local function log(s) table.insert(out, s) end
local function finish()
  vim.fn.writefile(out, 'result')
  vim.cmd('qall!')
end
local function wait(what, ms, cond)
  if not vim.wait(ms, cond, 20) then
    log('timed out waiting for ' .. what)
    finish()
  end
end
local function show(tag, buf)
  local list = vim.diagnostic.get(buf)
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  for _, d in ipairs(list) do
    log(string.format('%s %d:%d %s %s', tag, d.lnum + 1, d.col + 1,
      vim.diagnostic.severity[d.severity], d.code))
  end
end
local function count(buf) return #vim.diagnostic.get(buf) end

vim.cmd('edit a.example.zone')
local a = vim.api.nvim_get_current_buf()
log('filetype ' .. vim.bo.filetype)
wait('diagnostics', 10000, function() return count(a) > 0 end)
show('open', a)
local d = vim.diagnostic.get(a)[1]
log('href ' .. d.user_data.lsp.codeDescription.href)

-- Quick fixes, chosen from vim.lsp.buf.code_action's menu by title as a
-- user would: each case names a line, the action's title and the rule of
-- the finding there that must go (one line per case; what goes wrong is
-- logged, and fails the test).
local cases = {
  { line = 8, title = 'Disable zone-missing-trailing-dot for this line', code = 'zone-missing-trailing-dot' },
  { line = 9, title = 'Add the trailing dot', code = 'zone-missing-trailing-dot' },
}
local function on_line(buf, line, code)
  for _, x in ipairs(vim.diagnostic.get(buf)) do
    if x.lnum + 1 == line and x.code == code then return x end
  end
end
for _, case in ipairs(cases) do
  if not on_line(a, case.line, case.code) then
    log('no ' .. case.code .. ' on line ' .. case.line)
  end
  vim.api.nvim_win_set_cursor(0, { case.line, 0 })
  vim.ui.select = function(items, opts, choice)
    for _, item in ipairs(items) do
      if item[2].title == case.title then return choice(item) end
    end
    log('not offered on line ' .. case.line .. ': ' .. case.title)
    choice(nil)
  end
  vim.lsp.buf.code_action()
  wait('the action ' .. case.title, 10000, function()
    return not on_line(a, case.line, case.code)
  end)
end
log('quick fixes applied')
log('line 9: ' .. vim.api.nvim_buf_get_lines(a, 8, 9, true)[1])

-- An edit in the buffer: a new finding on the new line.
local last = vim.api.nvim_buf_line_count(a) + 1
vim.api.nvim_buf_set_lines(a, -1, -1, true, { 'new\tMX\t10 mx.example.net' })
wait('the new finding', 10000, function()
  return on_line(a, last, 'zone-missing-trailing-dot')
end)
local new = on_line(a, last, 'zone-missing-trailing-dot')
log(string.format('edited: %s at %d:%d', new.code, new.lnum + 1, new.col + 1))

-- The other zone, edited in its buffer: the MX target exists now.
vim.cmd('edit b.example.zone')
local b = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_lines(b, -1, -1, true, { 'mail\tA\t192.0.2.25' })
wait('the cross-zone finding to go', 10000, function()
  return not on_line(a, 6, 'mx-target-no-address')
end)
log('other zone edited: mx-target-no-address gone from line 6')
finish()
EOF_LUA

rc=0
timeout 60 nvim --headless -n -i NONE a.example.zone -c 'bwipeout' \
  -c 'luafile check.lua' </dev/null >nvim.log 2>&1 || rc=$?
[ "$rc" -eq 0 ] || { cat nvim.log; echo "FAIL: nvim exited with $rc" >&2; exit 1; }

cat >expected <<'EOF'
filetype bindzone
open 6:9 ERROR mx-target-no-address
open 8:11 WARN zone-missing-trailing-dot
open 9:11 WARN zone-missing-trailing-dot
open 10:17 WARN zone-missing-trailing-dot
href https://github.com/zonelint/zonelint/blob/main/docs/rules/mx-target-no-address.md
quick fixes applied
line 9: ftp	CNAME	files.example.net.
edited: zone-missing-trailing-dot at 11:11
other zone edited: mx-target-no-address gone from line 6
EOF
diff -u expected result || { cat nvim.log; echo "FAIL: Neovim's diagnostics differ" >&2; exit 1; }
echo PASS
