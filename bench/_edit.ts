import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Linter } from '../server/src/engine';
import { storyFile } from './corpus';
import { ServerProcess } from './server';
const hundred = storyFile(42, 100);
const middle = hundred.indexOf('## Action', hundred.length >> 1) + '## Action\n'.length + 10;
async function main() {
  const full: number[] = [];
  for (let i = 0; i < 25; i++) { const t0 = performance.now(); new Linter().lint(hundred); full.push(performance.now() - t0); }
  const server = await ServerProcess.start();
  const uri = pathToFileURL(join(tmpdir(), 'bench-hundred.star.md')).href;
  await server.open(uri, hundred);
  await server.diagnostics(uri, 1);
  let version = 1, inserted = false;
  const edits: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    version++;
    const at = server.positionAt(middle);
    const change = inserted ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' } : { range: { start: at, end: at }, text: 'x' };
    inserted = !inserted;
    await server.change(uri, version, [change]);
    await server.diagnostics(uri, version);
    edits.push(performance.now() - t0);
  }
  const opens: number[] = [];
  for (let i = 0; i < 15; i++) {
    const u = pathToFileURL(join(tmpdir(), `bench-open-${i}.star.md`)).href;
    const t0 = performance.now();
    await server.open(u, hundred);
    await server.diagnostics(u, 1);
    opens.push(performance.now() - t0);
  }
  await server.stop();
  const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
  const m = (a: number[]) => med(a.slice(5)).toFixed(2);
  console.log('engine full', m(full), 'server edit', m(edits), 'server open', m(opens), 'ratio', (med(full.slice(5)) / med(edits.slice(5))).toFixed(2));
}
main();
