/**
 * The evidence, judgment and reflection rules must not nag a story that already does what they
 * ask: the strong stories of the sample bank and the domain notes stay quiet on all of them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, rules } from '../../server/src/engine';
import { story } from './ruleTester';

const RULES = [
  'metric-no-baseline',
  'metric-no-timeframe',
  'engineering-only-result',
  'no-decision-point',
  'missing-reflection',
  'generic-reflection',
];
const linter = () => new Linter({ rules: rules.filter((r) => RULES.includes(r.name)) });
const examples = join(__dirname, '..', '..', 'examples');

describe('strong stories stay quiet on the metric, decision and reflection rules', () => {
  for (const file of ['checkout-latency', 'index-migration-outage', 'inventory-queue-disagreement', 'platform-team']) {
    it(`examples/${file}.star.md`, () => {
      const text = readFileSync(join(examples, `${file}.star.md`), 'utf8');
      assert.deepEqual(
        linter()
          .lint(text)
          .findings.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`),
        [],
      );
    });
  }

  for (const file of ['checkout-latency', 'index-migration-outage', 'inventory-queue-disagreement', 'platform-team']) {
    it(`examples/${file}.star.md gets no finding from any rule`, () => {
      const text = readFileSync(join(examples, `${file}.star.md`), 'utf8');
      assert.deepEqual(
        new Linter().lint(text).findings.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`),
        [],
      );
    });
  }

  it('the strong examples of the domain notes', () => {
    const text = story({
      action:
        'I pulled six weeks of refund logs, found 70% came from one carrier, and decided to pause that integration instead of waiting for the quarterly review.',
      result:
        'I rewrote the onboarding checklist and cut the median time to first commit from 9 days to 3 within a quarter, which let us staff the new payments team two weeks early. Support tickets fell from 900 to 310 a week within a month.',
    });
    assert.deepEqual(
      linter()
        .lint(text)
        .findings.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`),
      [],
    );
  });
});
