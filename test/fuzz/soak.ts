/**
 * Memory soak (issue 13): 10,000 edits of an open story whose front matter lists 330 hedges,
 * weak verbs and buzzwords, through the server's document lints and story bank. Run once with
 * the lists changing at every edit (each a new compiled pattern, a new cache key) and once with
 * the same edits and lists that never change; each run is its own process, and the first must
 * end within 20% of the second's resident memory. Run by `npm run fuzz` (scripts/fuzz.ts), or
 * alone: npx tsx test/fuzz/soak.ts [edits]
 */
import { execFileSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentLints } from '../../server/src/documents';
import { Bank } from '../../server/src/engine/bank';
import { STORY } from './badInputs';

const PHRASES = 330;

function frontMatter(edit: number, changing: boolean): string {
  const tag = changing ? edit : 0;
  const list = (word: string) => Array.from({ length: PHRASES }, (_, i) => `${word}${i}x${tag}`).join(', ');
  return `---\nhedges: [${list('hedge')}]\nweakVerbs: [${list('weak')}]\nbuzzwords: [${list('buzz')}]\n---\n`;
}

/** Runs the edits in this process; returns its resident memory in MB at the end. */
export function soak(edits: number, changing: boolean): number {
  const lints = new DocumentLints();
  const bank = new Bank();
  const uri = 'file:///soak.star.md';
  for (let edit = 1; edit <= edits; edit++) {
    const text = frontMatter(edit, changing) + STORY.replace('I helped', `I helped ${edit % 97} times`);
    const document = TextDocument.create(uri, 'star-markdown', edit, text);
    bank.update(uri, text, lints.get(document));
    if (edit % 50 === 0) bank.summaries();
  }
  // V8 keeps each compiled pattern in its own cache until a few full collections have aged it out.
  for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc?.();
  if (process.env.SOAK_HEAP) console.error(`heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB`);
  return process.memoryUsage().rss / 1e6;
}

/** Both runs, each in a fresh process; returns their RSS in MB. */
export function soakBoth(edits: number): { changing: number; fixed: number } {
  const run = (mode: string) =>
    Number(
      execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, String(edits), mode], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop(),
    );
  return { changing: run('changing'), fixed: run('fixed') };
}

if (require.main === module) {
  const edits = Number(process.argv[2] ?? 10_000);
  const mode = process.argv[3];
  if (mode) {
    console.log(soak(edits, mode === 'changing').toFixed(1));
  } else {
    const { changing, fixed } = soakBoth(edits);
    console.log(
      `RSS after ${edits} edits: ${changing.toFixed(1)} MB with changing lists, ${fixed.toFixed(1)} MB without (${((changing / fixed - 1) * 100).toFixed(1)}%).`,
    );
  }
}
