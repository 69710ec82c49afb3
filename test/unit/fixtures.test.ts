/**
 * markdownlint-style fixtures: each file marks its expected findings inline with
 * `<!-- expect: rule-a rule-b -->` at the end of the line they belong to. A readable snapshot
 * (text, a caret under each finding, the fixed text) sits beside each fixture; run with
 * UPDATE_SNAPSHOTS=1 to rewrite them after an intended change.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, Linter, type Finding } from '../../server/src/engine';

const dir = join(__dirname, '..', 'fixtures');
const EXPECT = /<!--\s*expect:\s*([\w\s-]+?)\s*-->/;

describe('fixtures', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.star.md'))) {
    describe(name, () => {
      const original = readFileSync(join(dir, name), 'utf8');

      it('gives exactly the findings marked inline', () => {
        for (const text of [original, original.replace(/\n/g, '\r\n')]) {
          const findings = new Linter().lint(text).findings;
          const lines = text.split(/\r\n|\n/);
          const expected = lines.flatMap((line, i) => (EXPECT.exec(line)?.[1].split(/\s+/) ?? []).map((rule) => `${i + 1} ${rule}`));
          const actual = [...new Set(findings.map((f) => `${lineOf(text, f.start)} ${f.rule}`))];
          assert.deepEqual(actual.sort(), [...new Set(expected)].sort());
        }
      });

      it('matches its snapshot, and its fixed text has nothing left to fix', () => {
        const linter = new Linter();
        const findings = linter.lint(original).findings;
        const fixed = fixAll(linter, original);
        assert.deepEqual(
          linter
            .lint(fixed.text)
            .findings.filter((f) => f.fix)
            .map((f) => f.message),
          [],
        );
        const snapshot = renderSnapshot(original, findings, fixed.text);
        const path = join(dir, name.replace(/\.star\.md$/, '.snap'));
        if (process.env.UPDATE_SNAPSHOTS || !existsSync(path)) writeFileSync(path, snapshot);
        assert.equal(snapshot, readFileSync(path, 'utf8'), `${path} differs: run with UPDATE_SNAPSHOTS=1 if the change is intended`);
      });
    });
  }
});

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

function renderSnapshot(text: string, findings: Finding[], fixed: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    out.push(`${String(i + 1).padStart(3)} | ${line}`);
    for (const f of findings) {
      if (f.start < offset || f.start > offset + line.length) continue;
      const col = f.start - offset;
      const width = Math.max(1, Math.min(f.end, offset + line.length) - f.start);
      out.push(
        `    | ${' '.repeat(col)}${'^'.repeat(width)} ${f.rule} (${f.severity}): ${f.message}${f.fix ? `  [fix: ${f.fix.title}]` : ''}`,
      );
    }
    offset += line.length + 1;
  });
  return `${out.join('\n')}\n\n--- after fix-all ---\n${fixed}`;
}
