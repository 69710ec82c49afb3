/**
 * duplicate-story is a bank rule: one story alone never fires it, so its table is run against
 * the bank (several files) rather than through `testRule`.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, type EngineConfig } from '../..';
import { Bank } from '../../bank';
import { duplicateStory } from './rule';
import { CHECKOUT, CHECKOUT_COPY, CHECKOUT_RETOLD, EXAMPLES, SEARCH_ACCENTS } from '../../../../../test/unit/bank/stories';

const uri = (name: string) => `file:///bank/${name}`;

function bankOf(files: Record<string, string>, settings?: Partial<EngineConfig>): Bank {
  const bank = new Bank();
  if (settings) bank.setSettings(settings);
  for (const [name, text] of Object.entries(files)) bank.update(uri(name), text);
  return bank;
}

/** Findings of a file as "messageId on flagged text: message". */
function findings(bank: Bank, name: string): string[] {
  const text = bank.text(uri(name))!;
  return bank.findings(uri(name)).map((f) => `${f.messageId} on ${text.slice(f.start, f.end)}: ${f.message}`);
}

describe('rule duplicate-story (bank)', () => {
  it('a single story never fires it', () => {
    const linter = new Linter({ rules: [duplicateStory] });
    assert.deepEqual(linter.lint(CHECKOUT + '\n' + CHECKOUT_COPY).findings, []);
  });

  describe('stays quiet on', () => {
    it('two different true stories that target the same principles', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'search.star.md': SEARCH_ACCENTS });
      assert.deepEqual(findings(bank, 'payments.star.md'), []);
      assert.deepEqual(findings(bank, 'search.star.md'), []);
    });

    it('every pair of the sample bank in examples/ (eight stories by one writer)', () => {
      const files = Object.fromEntries(
        readdirSync(EXAMPLES)
          .filter((f) => f.endsWith('.star.md'))
          .map((f) => [f, readFileSync(join(EXAMPLES, f), 'utf8')]),
      );
      const bank = bankOf(files);
      for (const name of Object.keys(files)) assert.deepEqual(findings(bank, name), [], name);
    });

    it('framings of one story under the same title, within the principle limit', () => {
      const framing = CHECKOUT.replace('Principles: Customer Obsession, Dive Deep', 'Principles: Ownership');
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'ownership.star.md': framing });
      assert.deepEqual(findings(bank, 'payments.star.md'), []);
      assert.deepEqual(findings(bank, 'ownership.star.md'), []);
    });

    it('two story skeletons with almost no prose', () => {
      const skeleton = (title: string) =>
        `# ${title}\nPrinciples: Ownership\n\n## Situation\nTBD.\n\n## Task\nTBD.\n\n## Action\nTBD.\n\n## Result\nTBD.\n`;
      const bank = bankOf({ 'a.star.md': skeleton('One'), 'b.star.md': skeleton('Two') });
      assert.deepEqual(findings(bank, 'a.star.md'), []);
    });

    it('turned off in settings', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': CHECKOUT_COPY }, { rules: { 'duplicate-story': 'off' } });
      assert.deepEqual(findings(bank, 'copy.star.md'), []);
    });

    it('a file that disables the rule, while the other file still names it', () => {
      const bank = bankOf({
        'payments.star.md': CHECKOUT,
        'copy.star.md': '<!-- star-stories-disable-file duplicate-story -->\n' + CHECKOUT_COPY,
      });
      assert.deepEqual(findings(bank, 'copy.star.md'), []);
      assert.equal(findings(bank, 'payments.star.md').length, 1);
    });

    it('a copy below a raised threshold', () => {
      const bank = bankOf(
        { 'payments.star.md': CHECKOUT, 'retold.star.md': CHECKOUT_RETOLD.replace(/\d/g, '7') },
        { rules: { 'duplicate-story': ['warning', { threshold: 0.99 }] } },
      );
      assert.deepEqual(findings(bank, 'retold.star.md'), []);
    });
  });

  describe('fires on', () => {
    it('a lightly edited copy in another file: both flagged on the title, each naming the other', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': CHECKOUT_COPY });
      assert.deepEqual(findings(bank, 'copy.star.md'), [
        "duplicate on Payment page slowdown: Near-duplicate of 'Checkout latency regression' in payments.star.md (96% shared). An interviewer hears one story twice: merge them, or tell a different story.",
      ]);
      assert.deepEqual(findings(bank, 'payments.star.md'), [
        "duplicate on Checkout latency regression: Near-duplicate of 'Payment page slowdown' in copy.star.md (96% shared). An interviewer hears one story twice: merge them, or tell a different story.",
      ]);
      const [finding] = bank.findings(uri('copy.star.md'));
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.related, [{ uri: uri('payments.star.md'), line: 0, character: 2, title: 'Checkout latency regression' }]);
      // The related location starts at the title's text, not at the '# ' before it.
    });

    it('two copies in one file', () => {
      const bank = bankOf({ 'bank.star.md': CHECKOUT + '\n' + CHECKOUT_COPY });
      assert.deepEqual(
        findings(bank, 'bank.star.md').map((f) => f.replace(/ \(.*$/, '')),
        [
          "duplicate on Checkout latency regression: Near-duplicate of 'Payment page slowdown' in this file",
          "duplicate on Payment page slowdown: Near-duplicate of 'Checkout latency regression' in this file",
        ],
      );
    });

    it('the same project retold in new words with the same numbers', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'retold.star.md': CHECKOUT_RETOLD });
      const [message] = findings(bank, 'retold.star.md');
      assert.match(
        message,
        /^sameNumbers on Slow payments for distant shoppers: Same arc as 'Checkout latency regression' in payments\.star\.md: the same numbers \(99th, 4\.2, 1\.1, 30\) and 25% of the wording\./,
      );
      assert.equal(findings(bank, 'payments.star.md').length, 1);
    });

    it('framings of one title that together name more principles than the limit, on each Principles line', () => {
      const framing = CHECKOUT.replace('Principles: Customer Obsession, Dive Deep', 'Principles: Ownership, Bias for Action');
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'ownership.star.md': framing });
      const expected = (line: string) => [
        `tooManyFramings on ${line}: 'Checkout latency regression' is framed for 4 principles across 2 framings (Customer Obsession, Dive Deep, Ownership, Bias for Action); one true story carries at most 3. Drop a principle from a framing, or tell another story for it.`,
      ];
      assert.deepEqual(
        findings(bank, 'ownership.star.md'),
        expected('Principles: Ownership, Bias for Action').map((m) =>
          m.replace(
            '(Customer Obsession, Dive Deep, Ownership, Bias for Action)',
            '(Ownership, Bias for Action, Customer Obsession, Dive Deep)',
          ),
        ),
      );
      assert.deepEqual(findings(bank, 'payments.star.md'), expected('Principles: Customer Obsession, Dive Deep'));
    });

    it('a near-duplicate under another title counts as a framing for the limit', () => {
      const copy = CHECKOUT_COPY.replace('Principles: Customer Obsession, Dive Deep', 'Principles: Ownership, Deliver Results');
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': copy });
      assert.deepEqual(
        bank.findings(uri('copy.star.md')).map((f) => f.messageId),
        ['duplicate', 'tooManyFramings'],
      );
    });

    it('with the limit from settings', () => {
      const framing = CHECKOUT.replace('Principles: Customer Obsession, Dive Deep', 'Principles: Ownership');
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'ownership.star.md': framing }, { maxPrinciplesPerStory: 2 });
      assert.deepEqual(
        bank.findings(uri('ownership.star.md')).map((f) => f.messageId),
        ['tooManyFramings'],
      );
    });

    it('as an error when configured so', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': CHECKOUT_COPY }, { rules: { 'duplicate-story': 'error' } });
      assert.deepEqual(
        bank.findings(uri('copy.star.md')).map((f) => f.severity),
        ['error'],
      );
    });
  });

  describe('as the bank changes', () => {
    it('deleting the copy clears the finding on the original, and reports which files changed', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': CHECKOUT_COPY });
      assert.equal(bank.findings(uri('payments.star.md')).length, 1);
      const affected = bank.remove(uri('copy.star.md'));
      assert.deepEqual([...affected].sort(), [uri('copy.star.md'), uri('payments.star.md')]);
      assert.deepEqual(bank.findings(uri('payments.star.md')), []);
    });

    it('editing the copy into a different story clears both findings; editing it back restores them', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': CHECKOUT_COPY });
      bank.update(uri('copy.star.md'), SEARCH_ACCENTS);
      assert.deepEqual(findings(bank, 'payments.star.md'), []);
      assert.deepEqual(findings(bank, 'copy.star.md'), []);
      bank.update(uri('copy.star.md'), CHECKOUT_COPY);
      assert.equal(findings(bank, 'payments.star.md').length, 1);
    });

    it('a story edited after a delete brings the bank back under the stock-phrase limit is compared as in a bank read afresh', () => {
      // Seventeen retitled copies: the 17th finds every 3-gram in more than 16 stories (a template's stock text) and names no copy.
      const copies = Object.fromEntries(
        Array.from({ length: 17 }, (_, i) => [`copy${i}.star.md`, CHECKOUT.replace(/^# .*$/m, `# Checkout rewrite, take ${i}`)]),
      );
      const bank = bankOf(copies);
      assert.deepEqual(findings(bank, 'copy16.star.md'), []);
      bank.remove(uri('copy16.star.md'));
      const edited = copies['copy0.star.md'] + '\nI wrote the runbook myself.\n';
      bank.update(uri('copy0.star.md'), edited);
      const sixteen: Record<string, string> = { ...copies, 'copy0.star.md': edited };
      delete sixteen['copy16.star.md'];
      const afresh = bankOf(sixteen);
      assert.match(
        findings(afresh, 'copy0.star.md')[0] ?? '',
        /^duplicate on Checkout rewrite, take 0: Near-duplicate of 'Checkout rewrite, take \d+'/,
      );
      for (const name of Object.keys(sixteen)) assert.deepEqual(findings(bank, name), findings(afresh, name), name);
    });

    it('an unrelated file changing affects only itself', () => {
      const bank = bankOf({ 'payments.star.md': CHECKOUT, 'copy.star.md': CHECKOUT_COPY, 'search.star.md': SEARCH_ACCENTS });
      const affected = bank.update(uri('search.star.md'), SEARCH_ACCENTS.replace('forty', 'fifty'));
      assert.deepEqual([...affected], [uri('search.star.md')]);
    });
  });
});
