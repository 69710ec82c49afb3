/**
 * Dumps everything the engine outputs on a fixed set of documents, so that an optimisation can be
 * checked to change nothing: every finding (rule, message id, range, message, severity, fix,
 * suggestions, related spans), the stories and directives the lint returns (hashed), and the
 * fix-all output, for the examples, the fixtures, the accuracy corpus's passages, the field
 * stories, the bench's corpora and a few thousand generated documents (fast-check, fixed seed).
 * Generated documents are also re-linted after a random edit with the same Linter, so the
 * per-story caches are checked too.
 *
 *   npx tsx bench/identical.ts > /tmp/before.txt   # on the tree before a change
 *   npx tsx bench/identical.ts > /tmp/after.txt    # after it
 *   diff /tmp/before.txt /tmp/after.txt            # must be empty
 *
 * `IDENTICAL_RUNS` sets the number of generated documents (default 4,500).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Linter } from '../server/src/engine/lint';
import { fixAll } from '../server/src/engine/fix';
import type { EngineConfig, Finding, Fix } from '../server/src/engine/types';
import { loadCorpus, storyText } from '../test/corpus/accuracy';
import { anyDocument, mutation, mutate } from '../test/fuzz/arbitraries';
import { storyFile } from './corpus';

const ROOT = join(__dirname, '..');
const out: string[] = [];

function hash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function fixText(fix: Fix): string {
  return `${JSON.stringify(fix.title)} ${fix.edits.map((e) => `${e.start}-${e.end}=${JSON.stringify(e.text)}${e.snippet !== undefined ? `~${JSON.stringify(e.snippet)}` : ''}`).join(',')}`;
}

function findingText(f: Finding): string {
  let line = `  ${f.rule}/${f.messageId} ${f.severity} ${f.start}-${f.end} ${JSON.stringify(f.message)}`;
  if (f.fix) line += `\n    fix ${fixText(f.fix)}`;
  for (const s of f.suggestions ?? []) line += `\n    suggest ${fixText(s)}`;
  for (const r of f.relatedSpans ?? []) line += `\n    related ${r.start}-${r.end} ${JSON.stringify(r.message)}`;
  // Any other key a finding carries (none today) still counts.
  const extra = Object.keys(f).filter(
    (k) =>
      !['rule', 'messageId', 'message', 'severity', 'start', 'end', 'fix', 'suggestions', 'relatedSpans'].includes(k) &&
      (f as unknown as Record<string, unknown>)[k] !== undefined,
  );
  if (extra.length > 0) line += `\n    extra ${JSON.stringify(extra.map((k) => [k, (f as unknown as Record<string, unknown>)[k]]))}`;
  return line;
}

function dump(name: string, text: string, settings?: Partial<EngineConfig>, linter = new Linter(), withFixAll = true): void {
  const result = linter.lint(text, settings);
  out.push(
    `## ${name} (${text.length} chars, text ${hash(text)}) stories ${hash(result.stories)} directives ${hash(result.directives)} config ${hash(result.config)}`,
  );
  for (const f of result.findings) out.push(findingText(f));
  if (withFixAll) {
    const fixed = fixAll(new Linter(), text, settings);
    out.push(
      `  fix-all fixed=${fixed.fixed} passes=${fixed.passes} text=${hash(fixed.text)} edits=${fixed.edits ? hash(fixed.edits) : '-'}`,
    );
  }
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.star.md'))
    .sort()
    .map((f) => join(dir, f));
}

for (const dir of ['examples', 'test/fixtures', 'test/corpus/field']) {
  for (const file of files(join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    dump(`${dir}/${file.slice(file.lastIndexOf('/') + 1)}`, text);
    dump(`${dir}/${file.slice(file.lastIndexOf('/') + 1)} thorough`, text, { coaching: 'thorough' }, new Linter(), false);
  }
}
for (const passage of loadCorpus()) dump(`corpus ${passage.file} ${passage.id}`, storyText(passage), passage.settings);
for (const [seed, n] of [
  [42, 100],
  [7, 10],
  [8, 3],
  [9, 1],
  [10, 25],
] as const)
  dump(`bench storyFile(${seed}, ${n})`, storyFile(seed, n));

const runs = Number(process.env.IDENTICAL_RUNS) || 4500;
const docs = fc.sample(anyDocument, { seed: 20261204, numRuns: runs });
const edits = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { seed: 4021, numRuns: runs });
const shared = new Linter();
docs.forEach((doc, i) => {
  dump(`generated ${i}`, doc, undefined, shared, i % 3 === 0);
  dump(`generated ${i} edited`, edits[i].reduce(mutate, doc), undefined, shared, false);
});

process.stdout.write(out.join('\n') + '\n');
