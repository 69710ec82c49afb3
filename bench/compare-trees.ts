/**
 * Before against after, side by side in one process: the full lint of the bench's 100-story file by
 * two trees of the engine (each `require`d from its own folder) and by markdownlint, interleaved
 * run by run, then one story, a keystroke, and a 100-story file never linted before. On a shared
 * machine this is the comparison that holds; `npm run bench` measures one tree.
 *
 *   git archive main | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/node_modules
 *   npx tsx bench/compare-trees.ts 30 $PWD /tmp/before
 */
import { storyFile, story450 } from './corpus';
import { lint as markdownlint } from 'markdownlint/sync';
import { resolve } from 'node:path';
import type { Linter } from '../server/src/engine/lint';

const [afterRoot, beforeRoot] = process.argv.slice(3).map((r) => resolve(r));
if (!afterRoot || !beforeRoot)
  throw new Error('usage: npx tsx bench/compare-trees.ts RUNS AFTER_TREE BEFORE_TREE (a checkout or git archive with node_modules)');
const roots: Record<string, string> = { after: afterRoot, before: beforeRoot };
// Two copies of the engine in one process: each tree's own modules, so a plain import cannot name them.
const L: Record<string, typeof Linter> = Object.fromEntries(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  Object.entries(roots).map(([k, r]) => [k, require(`${r}/server/src/engine/lint`).Linter]),
);
const hundred = storyFile(42, 100);
const one = story450();
const n = Number(process.argv[2] ?? 30);
const med = (t: number[]) => {
  const s = [...t].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const time = (f: () => void) => {
  const s = performance.now();
  f();
  return performance.now() - s;
};
const fns: Record<string, () => void> = {
  'after full': () => new L.after().lint(hundred),
  'before full': () => new L.before().lint(hundred),
  markdownlint: () => markdownlint({ strings: { doc: hundred } }),
};
for (let i = 0; i < 5; i++) Object.values(fns).forEach((f) => f());
const t: Record<string, number[]> = {};
for (let i = 0; i < n; i++) for (const [k, f] of Object.entries(fns)) (t[k] ??= []).push(time(f));
const r = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, med(v)]));
console.log(
  Object.entries(t)
    .map(([k, v]) => `${k} ${med(v).toFixed(1)} ms (min ${Math.min(...v).toFixed(0)}, max ${Math.max(...v).toFixed(0)}, ${v.length} runs)`)
    .join('\n'),
);
console.log(
  `markdownlint/ours: after ${(r.markdownlint / r['after full']).toFixed(2)}x, before ${(r.markdownlint / r['before full']).toFixed(2)}x`,
);
for (const k of ['after', 'before']) {
  const st: number[] = [];
  for (let i = 0; i < 400; i++) st.push(time(() => new L[k]().lint(one)));
  const middle = hundred.indexOf('## Action', hundred.length >> 1) + '## Action\n'.length + 10;
  const warm = new L[k]();
  warm.lint(hundred);
  const edited = [hundred, hundred.slice(0, middle) + 'x' + hundred.slice(middle)];
  const ks: number[] = [];
  for (let i = 0; i < 200; i++) ks.push(time(() => warm.lint(edited[(i + 1) % 2])));
  console.log(`${k}: one story ${med(st).toFixed(2)} ms, keystroke ${med(ks).toFixed(2)} ms`);
}
// A 100-story file never linted before in this process (a new seed each run): no sentence cache to help.
const cold: Record<string, number[]> = { after: [], before: [], markdownlint: [] };
for (let i = 0; i < Math.min(n, 12); i++) {
  const file = storyFile(1000 + i, 100);
  cold.after.push(time(() => new L.after().lint(file)));
  const file2 = storyFile(2000 + i, 100);
  cold.before.push(time(() => new L.before().lint(file2)));
  cold.markdownlint.push(time(() => markdownlint({ strings: { doc: file } })));
}
console.log(
  `unseen file: after ${med(cold.after).toFixed(1)}, before ${med(cold.before).toFixed(1)}, markdownlint ${med(cold.markdownlint).toFixed(1)}`,
);
