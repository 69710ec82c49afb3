/**
 * The server's work for one keystroke in the 100-story file, in process and without JSON-RPC:
 * lint, bank update, bank findings, conversion to LSP diagnostics and their JSON. For profiling:
 *
 *   node_modules/.bin/esbuild bench/profile-keystroke.ts --bundle --platform=node --main-fields=module,main --outfile=/tmp/k.js
 *   node --cpu-prof /tmp/k.js 500
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLints } from '../server/src/documents';
import { WorkspaceIndex, bankKey } from '../server/src/workspaceIndex';
import { Bank } from '../server/src/engine/bank';
import { nodeFiles } from '../server/src/nodeFiles';
import { documentDiagnostics } from '../server/src/diagnostics';
import { storyFile } from './corpus';

const hundred = storyFile(42, 100);
const middle = hundred.indexOf('## Action', hundred.length >> 1) + '## Action\n'.length + 10;
const uri = 'file:///tmp/bench-hundred.star.md';
let doc = TextDocument.create(uri, 'star-md', 1, hundred);
const lints = new DocumentLints();
const index = new WorkspaceIndex(new Bank(), nodeFiles, () => undefined);
function publish() {
  const result = lints.get(doc);
  index.updateOpen(doc.uri, doc.getText(), result);
  const bank = index.bank.findings(bankKey(doc.uri));
  const d = documentDiagnostics(doc, result.findings, bank);
  return JSON.stringify({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri, version: doc.version, diagnostics: d },
  }).length;
}
publish();
let inserted = false;
const n = Number(process.argv[2] ?? 300);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const at = doc.positionAt(middle);
  const change = inserted
    ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }
    : { range: { start: at, end: at }, text: 'x' };
  inserted = !inserted;
  doc = TextDocument.update(doc, [change], doc.version + 1);
  const t0 = performance.now();
  publish();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log('median', times[times.length >> 1].toFixed(2), 'ms; findings', lints.get(doc).findings.length);
