// What GitHub's own @actions/core writes for zonelint's findings: reads the
// output of `zonelint --format=json` on stdin and issues one annotation a
// finding, which is what `zonelint --format=github` must print.
// Usage: node actions_core_annotations.mjs PATH/TO/@actions/core/lib/core.js
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';

const core = await import(pathToFileURL(process.argv[2]).href);
const { diagnostics } = JSON.parse(readFileSync(0, 'utf8'));
const issue = { error: core.error, warning: core.warning, info: core.notice };
for (const d of diagnostics) {
  issue[d.severity](d.help ? `${d.message}\nhelp: ${d.help}` : d.message, {
    title: d.rule,
    file: posix.normalize(d.file),
    startLine: d.line,
    endLine: d.end_line,
    startColumn: d.column,
    endColumn: d.end_column,
  });
}
