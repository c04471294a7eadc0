#!/usr/bin/env bash
# The VS Code extension (editors/vscode): package.json is valid JSON with
# the zone language (*.zone, db.*), its activation and the zonelint.path
# setting, the client code parses, and `npm pack` (offline) makes a
# tarball of exactly the extension's files.
set -euo pipefail
export HOME=$TEST_TMPDIR/home npm_config_offline=true \
  npm_config_update_notifier=false npm_config_cache=$TEST_TMPDIR/npm-cache
mkdir -p "$HOME"
work=$TEST_TMPDIR/vscode
cp -RL editors/vscode "$work"
chmod -R u+w "$work"
cd "$work"

node --check extension.js
node - <<'EOF'
const fs = require('fs');
const p = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const fail = (what) => { console.error('FAIL: package.json: ' + what); process.exit(1); };
if (p.name !== 'zonelint' || !/^\d+\.\d+\.\d+$/.test(p.version)) fail('name, version');
if (!p.engines || !p.engines.vscode) fail('engines.vscode');
if (!fs.existsSync(p.main)) fail('main ' + p.main);
if (JSON.stringify(p.activationEvents) !== '["onLanguage:zone"]') fail('activationEvents');
const zone = (p.contributes.languages || []).find((l) => l.id === 'zone');
if (!zone) fail('no zone language');
if (JSON.stringify(zone.extensions) !== '[".zone"]') fail('extensions');
if (JSON.stringify(zone.filenamePatterns) !== '["db.*"]') fail('filenamePatterns');
JSON.parse(fs.readFileSync(zone.configuration, 'utf8'));
const setting = p.contributes.configuration.properties['zonelint.path'];
if (!setting || setting.type !== 'string' || setting.default !== 'zonelint') fail('zonelint.path');
if (!p.dependencies['vscode-languageclient']) fail('vscode-languageclient');
// The client: started with `zonelint lsp` on zone documents.
const code = fs.readFileSync(p.main, 'utf8');
for (const s of ["require('vscode-languageclient/node')", "args: ['lsp']",
                 "language: 'zone'", "getConfiguration('zonelint').get('path')"]) {
  if (!code.includes(s)) fail('extension.js lacks ' + s);
}
console.log('package.json OK');
EOF

npm pack --silent >pack.out
tarball=$(tail -n 1 pack.out)
[ "$tarball" = zonelint-0.1.0.tgz ] || { echo "FAIL: npm pack made '$tarball'" >&2; exit 1; }
tar -tzf "$tarball" | sort >files
cat >expected <<'EOF'
package/README.md
package/extension.js
package/language-configuration.json
package/package.json
EOF
diff -u expected files || { echo "FAIL: the tarball's files differ" >&2; exit 1; }
echo PASS
