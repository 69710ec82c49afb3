/**
 * Acceptance: the weak Action from the issue trips every ownership and evidence rule at once
 * when the whole rule set runs, as it does in the editor and the CLI.
 */
import { strict as assert } from 'node:assert';
import { fixAll, Linter } from '../../server/src/engine';
import { story } from './ruleTester';

const WEAK_ACTION = 'We were asked to help with the migration and I would say it went well.';

describe('acceptance: a weak Action and a Result with no number', () => {
  // Everything else is the builder's strong story, whose Task says "I owned the refund service".
  const text = story({
    action: WEAK_ACTION,
    result: 'The migration finished and the finance team was happy with it.',
  });
  const findings = new Linter().lint(text).findings;
  const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end));

  it('gives we-over-i, weak-verb, hypothetical, vague-impact and result-no-metric', () => {
    for (const rule of ['we-over-i', 'weak-verb', 'hypothetical', 'vague-impact', 'result-no-metric']) {
      assert.ok(at(rule).length > 0, `expected ${rule}; got ${findings.map((f) => f.rule).join(', ')}`);
    }
  });

  it('underlines the words that caused each finding', () => {
    assert.deepEqual(at('we-over-i'), ['We']);
    assert.deepEqual(at('weak-verb'), ['help']);
    assert.deepEqual(at('hypothetical'), ['I would say']);
    assert.deepEqual(at('vague-impact'), ['went well']);
    assert.deepEqual(at('result-no-metric'), ['Result']);
  });

  // "I would say" is a filler: deleting it changes no one's part in the story, so fix-all may; "We" stays the author's call.
  it('fix-all never changes who did what: the filler "I would say" goes, "We were" stays, and "I was" is a suggestion', () => {
    const fixed = fixAll(new Linter(), text).text;
    assert.equal(fixed, text.replace(WEAK_ACTION, 'We were asked to help with the migration and it went well.'));
    const [we] = findings.filter((f) => f.rule === 'we-over-i');
    assert.equal(we.fix, undefined);
    assert.ok(we.suggestions?.[0].edits.some((e) => e.text === 'I was'));
  });
});
