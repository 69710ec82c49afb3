/**
 * The accuracy corpus (test/corpus/): every registered rule must find what a Bar Raiser would
 * mark down and stay quiet on what they would not. Each rule's passages live in its folder
 * (server/src/engine/rules/<name>/passages.yaml); passages about several rules in test/corpus.
 */
import { strict as assert } from 'node:assert';
import { Linter } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules';
import {
  BANK_RULES,
  falseAlarmRate,
  loadCorpus,
  measure,
  recall,
  renderMisses,
  renderTable,
  rulePassagesFile,
  SKELETON,
  storyText,
} from '../corpus/accuracy';

const RECALL_TARGET = 0.95;
const FALSE_ALARM_BUDGET = 0.05;
const MIN_PASSAGES = 60;
const MIN_WEAK_PER_RULE = 3;

describe('accuracy corpus', () => {
  const passages = loadCorpus();
  const accuracy = measure(passages);
  const misses = (kinds: string[], rule?: string) =>
    renderMisses(accuracy.misses.filter((m) => kinds.includes(m.kind) && (!rule || m.rule === rule)));

  before(() => console.log('\n' + renderTable(accuracy) + '\n'));

  describe('the corpus itself', () => {
    it(`has at least ${MIN_PASSAGES} weak and ${MIN_PASSAGES} strong passages with unique ids`, () => {
      assert.ok(accuracy.weak >= MIN_PASSAGES, `${accuracy.weak} weak passages`);
      assert.ok(accuracy.strong >= MIN_PASSAGES, `${accuracy.strong} strong passages`);
      const ids = passages.map((p) => p.id);
      assert.deepEqual(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        [],
        'duplicate ids',
      );
    });

    it(`expects every registered rule (but the bank rule) in at least ${MIN_WEAK_PER_RULE} weak passages`, () => {
      const thin = rules
        .map((r) => r.name)
        .filter((rule) => !BANK_RULES.has(rule))
        .filter((rule) => passages.filter((p) => p.expect.includes(rule)).length < MIN_WEAK_PER_RULE);
      assert.deepEqual(thin, []);
    });

    it('builds section passages on a skeleton story that no registered rule flags', () => {
      const text = storyText({ id: 'skeleton', file: '', expect: [], forbid: [], strong: true, principles: SKELETON.principles });
      const findings = new Linter().lint(text).findings;
      assert.deepEqual(
        findings.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`),
        [],
      );
    });
  });

  describe('targets for the rules implemented today', () => {
    it(`finds at least ${RECALL_TARGET * 100}% of what the weak passages expect`, () => {
      assert.ok(recall(accuracy) >= RECALL_TARGET, `recall ${(recall(accuracy) * 100).toFixed(1)}%; missed:\n${misses(['missed'])}`);
    });

    it(`stays quiet on at least ${100 - FALSE_ALARM_BUDGET * 100}% of the strong passages`, () => {
      const rate = falseAlarmRate({ falseAlarms: accuracy.falseAlarmPassages, quietChances: accuracy.quietPassages });
      assert.ok(
        rate <= FALSE_ALARM_BUDGET,
        `false alarms on ${(rate * 100).toFixed(1)}% of passages:\n${misses(['false alarm', 'forbidden'])}`,
      );
    });

    for (const rule of rules.filter((r) => !BANK_RULES.has(r.name))) {
      describe(rule.name, () => {
        const row = accuracy.rows.find((r) => r.rule === rule.name)!;
        it(`is exercised by at least ${MIN_WEAK_PER_RULE} weak passages`, () => {
          assert.ok(
            row.expected >= MIN_WEAK_PER_RULE,
            `only ${row.expected} weak passages expect ${rule.name}; add some to ${rulePassagesFile(rule.name)}`,
          );
        });
        it(`false-alarms on at most ${FALSE_ALARM_BUDGET * 100}% of the passages that must stay quiet`, () => {
          assert.ok(
            falseAlarmRate(row) <= FALSE_ALARM_BUDGET,
            `${row.falseAlarms} of ${row.quietChances}:\n${misses(['false alarm', 'forbidden'], rule.name)}`,
          );
        });
      });
    }
  });
});
