/**
 * inconsistent-facts is a bank rule: one story alone never fires it, so its table is run against
 * the bank (several stories, and a résumé) rather than through `testRule`.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, type EngineConfig } from '../..';
import { Bank } from '../../bank';
import { inconsistentFacts } from './rule';
import { BILLING, CUTOVER_CONSISTENT, CUTOVER_DIFFERENT, RESUME_CONSISTENT, RESUME_DIFFERENT, SEARCH_INDEXER } from './fixtures';
import { CHECKOUT, CHECKOUT_COPY, CHECKOUT_RETOLD, EXAMPLES } from '../../../../../test/unit/bank/stories';

const uri = (name: string) => `file:///bank/${name}`;
const FIELD = join(EXAMPLES, '..', 'test', 'corpus', 'field');

function bankOf(files: Record<string, string>, options: { settings?: Partial<EngineConfig>; resume?: string } = {}): Bank {
  const bank = new Bank();
  if (options.settings) bank.setSettings(options.settings);
  for (const [name, text] of Object.entries(files)) bank.update(uri(name), text);
  if (options.resume !== undefined) bank.setResume([{ uri: uri('resume.md'), text: options.resume }]);
  return bank;
}

/** This rule's findings in a file as "flagged text: message". */
function findings(bank: Bank, name: string): string[] {
  const text = bank.text(uri(name))!;
  return bank
    .findings(uri(name))
    .filter((f) => f.rule === 'inconsistent-facts')
    .map((f) => `${text.slice(f.start, f.end)}: ${f.message.replace(/\. (One project|An interviewer).*$/, '.')}`);
}

function storyFiles(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((f) => f.endsWith('.star.md'))
      .map((f) => [f, readFileSync(join(folder, f), 'utf8')]),
  );
}

describe('rule inconsistent-facts (bank)', () => {
  it('a single story never fires it', () => {
    const linter = new Linter({ rules: [inconsistentFacts] });
    assert.deepEqual(linter.lint(BILLING + '\n' + CUTOVER_DIFFERENT).findings, []);
  });

  describe('stays quiet on', () => {
    it('two stories about one project that agree on its numbers', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'cutover.star.md': CUTOVER_CONSISTENT });
      assert.deepEqual(findings(bank, 'billing.star.md'), []);
      assert.deepEqual(findings(bank, 'cutover.star.md'), []);
    });

    it('another project that shares a name (Stripe) and a measured thing with other numbers', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'search.star.md': SEARCH_INDEXER });
      assert.deepEqual(findings(bank, 'billing.star.md'), []);
      assert.deepEqual(findings(bank, 'search.star.md'), []);
    });

    it('the sample bank and the 64 field stories together: different projects by many writers', () => {
      const bank = bankOf({ ...storyFiles(EXAMPLES), ...storyFiles(FIELD) });
      for (const name of bank.uris().map((u) => u.slice('file:///bank/'.length))) assert.deepEqual(findings(bank, name), [], name);
    });

    it('a résumé that tells the project with the same numbers and the same ownership', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'search.star.md': SEARCH_INDEXER }, { resume: RESUME_CONSISTENT });
      assert.deepEqual(findings(bank, 'billing.star.md'), []);
      assert.deepEqual(findings(bank, 'search.star.md'), []);
    });

    it('a number that is a goal or an approximation close to the other', () => {
      const goal = CUTOVER_DIFFERENT.replace('My team of 8 engineers', 'My team of 12 engineers').replace(
        'p99 latency fell from 900 ms to 350 ms',
        'our goal was to bring p99 latency from 900 ms to 350 ms',
      );
      const about = CUTOVER_CONSISTENT.replace('My team of 12 engineers', 'My team of about 11 engineers');
      assert.deepEqual(findings(bankOf({ 'billing.star.md': BILLING, 'cutover.star.md': goal }), 'billing.star.md'), []);
      assert.deepEqual(findings(bankOf({ 'billing.star.md': BILLING, 'cutover.star.md': about }), 'billing.star.md'), []);
    });

    it('turned off in settings, or disabled in the file', () => {
      const off = bankOf(
        { 'billing.star.md': BILLING, 'cutover.star.md': CUTOVER_DIFFERENT },
        { settings: { rules: { 'inconsistent-facts': 'off' } }, resume: RESUME_DIFFERENT },
      );
      assert.deepEqual(findings(off, 'billing.star.md'), []);
      const disabled = bankOf({
        'billing.star.md': '<!-- star-stories-disable-file inconsistent-facts -->\n' + BILLING,
        'cutover.star.md': CUTOVER_DIFFERENT,
      });
      assert.deepEqual(findings(disabled, 'billing.star.md'), []);
      assert.equal(findings(disabled, 'cutover.star.md').length, 2);
    });
  });

  describe('fires on', () => {
    it('two stories of one project with different team sizes and latencies: both flagged, each naming the other', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'cutover.star.md': CUTOVER_DIFFERENT });
      assert.deepEqual(findings(bank, 'billing.star.md'), [
        '12 engineers: 12 engineers here, 8 engineers in “Pushing back on the Stripe cutover date” in cutover.star.md (line 5).',
        '200 ms: p99 latency to 200 ms here, to 350 ms in “Pushing back on the Stripe cutover date” in cutover.star.md (line 14).',
      ]);
      assert.deepEqual(findings(bank, 'cutover.star.md'), [
        '8 engineers: 8 engineers here, 12 engineers in “Migrating billing to Stripe” in billing.star.md (line 8).',
        '350 ms: p99 latency to 350 ms here, to 200 ms in “Migrating billing to Stripe” in billing.star.md (line 14).',
      ]);
      const [finding] = bank.findings(uri('billing.star.md'));
      assert.equal(finding.severity, 'warning');
      const line = CUTOVER_DIFFERENT.split('\n')[4];
      assert.deepEqual(finding.related, [
        {
          uri: uri('cutover.star.md'),
          line: 4,
          character: line.indexOf('8 engineers'),
          title: 'Pushing back on the Stripe cutover date',
          text: '8 engineers',
        },
      ]);
    });

    it('the two stories in one file', () => {
      const bank = bankOf({ 'bank.star.md': BILLING + '\n' + CUTOVER_DIFFERENT });
      assert.deepEqual(findings(bank, 'bank.star.md'), [
        '12 engineers: 12 engineers here, 8 engineers in “Pushing back on the Stripe cutover date” (line 20).',
        '200 ms: p99 latency to 200 ms here, to 350 ms in “Pushing back on the Stripe cutover date” (line 29).',
        '8 engineers: 8 engineers here, 12 engineers in “Migrating billing to Stripe” (line 8).',
        '350 ms: p99 latency to 350 ms here, to 200 ms in “Migrating billing to Stripe” (line 14).',
      ]);
    });

    it('a near-duplicate (already duplicate-story) whose numbers disagree', () => {
      const copy = CHECKOUT_COPY.replace('from 4.2 seconds to 0.9 seconds', 'from 4.2 seconds to 1.4 seconds');
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': copy });
      assert.deepEqual(
        bank.findings(uri('copy.star.md')).map((f) => f.rule),
        ['duplicate-story', 'inconsistent-facts'],
      );
      assert.deepEqual(findings(bank, 'copy.star.md'), [
        '1.4 seconds: latency to 1.4 seconds here, to 0.9 seconds in “Checkout latency regression” in payments.star.md (line 20).',
      ]);
    });

    it('the same arc retold with the same numbers is not an inconsistency', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'retold.star.md': CHECKOUT_RETOLD });
      assert.deepEqual(findings(bank, 'retold.star.md'), []);
    });

    it('a résumé line about the project with another number and "Collaborated on" where the story says "I led"', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'search.star.md': SEARCH_INDEXER }, { resume: RESUME_DIFFERENT });
      assert.deepEqual(findings(bank, 'billing.star.md'), [
        'led: “led” here, “Collaborated on” in resume.md (line 4).',
        '200 ms: p99 latency to 200 ms here, to 250 ms in resume.md (line 4).',
      ]);
      assert.deepEqual(findings(bank, 'search.star.md'), [], 'the indexer line says "Built", and the story "I owned"');
      const ownership = bank.findings(uri('billing.star.md')).find((f) => f.messageId === 'ownership')!;
      assert.deepEqual(ownership.related, [{ uri: uri('resume.md'), line: 3, character: 2, title: 'resume.md', text: 'Collaborated on' }]);
    });

    it('a résumé saying "Led" where the story only helps', () => {
      const helped = CUTOVER_CONSISTENT.replace(
        'I showed our VP the dropped refunds',
        'I helped our tech lead show the VP the dropped refunds',
      ).replace('I had to decide whether to hold the date or ask for more time.', 'The date was at risk.');
      const bank = bankOf({ 'cutover.star.md': helped }, { resume: RESUME_CONSISTENT });
      assert.deepEqual(findings(bank, 'cutover.star.md'), ['helped: “helped” here, “Led” in resume.md (line 4).']);
    });
  });

  describe('as the bank changes', () => {
    it('fixing one story clears the finding on the other; a new résumé re-checks every story', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'cutover.star.md': CUTOVER_DIFFERENT });
      assert.equal(findings(bank, 'billing.star.md').length, 2);
      const affected = bank.update(uri('cutover.star.md'), CUTOVER_CONSISTENT);
      assert.ok(affected.has(uri('billing.star.md')));
      assert.deepEqual(findings(bank, 'billing.star.md'), []);
      assert.deepEqual([...bank.setResume([{ uri: uri('resume.md'), text: RESUME_DIFFERENT }])].sort(), [
        uri('billing.star.md'),
        uri('cutover.star.md'),
      ]);
      assert.equal(findings(bank, 'billing.star.md').length, 2);
      assert.deepEqual([...bank.setResume([{ uri: uri('resume.md'), text: RESUME_DIFFERENT }])], [], 'the same résumé changes nothing');
      bank.setResume([]);
      assert.deepEqual(findings(bank, 'billing.star.md'), []);
    });

    it('deleting a story clears the finding on its partner', () => {
      const bank = bankOf({ 'billing.star.md': BILLING, 'cutover.star.md': CUTOVER_DIFFERENT });
      assert.ok(bank.remove(uri('cutover.star.md')).has(uri('billing.star.md')));
      assert.deepEqual(findings(bank, 'billing.star.md'), []);
    });
  });
});
