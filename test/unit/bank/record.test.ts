/**
 * A file's bank record (what the server's start cache stores): restoring a bank from records
 * gives the bank that parsing and linting the same files gives, and a record that does not fit
 * its text is refused.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bank } from '../../../server/src/engine/bank';
import { BadRecordError, decodeShingles, encodeShingles } from '../../../server/src/engine/bank/record';
import { CHECKOUT, CHECKOUT_COPY, CHECKOUT_RETOLD, EXAMPLES, SEARCH_ACCENTS } from './stories';

const uri = (name: string) => `file:///bank/${name}`;

/** The examples and stories that give duplicate, same-number and inconsistent-facts findings across files. */
function files(): Array<[string, string]> {
  const examples = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.star.md'))
    .map((name): [string, string] => [uri(name), readFileSync(join(EXAMPLES, name), 'utf8')]);
  return [
    ...examples,
    [uri('copy.star.md'), CHECKOUT_COPY],
    [uri('retold.star.md'), CHECKOUT_RETOLD],
    [uri('two.star.md'), `${SEARCH_ACCENTS}\n${CHECKOUT}`],
  ];
}

function linted(): Bank {
  const bank = new Bank();
  for (const [u, text] of files()) bank.update(u, text);
  return bank;
}

/** Every record through JSON, as the cache file stores it. */
function restored(from: Bank): Bank {
  const bank = new Bank();
  for (const [u, text] of files()) bank.restore(u, text, JSON.parse(JSON.stringify(from.record(u))));
  return bank;
}

/** As a restart with a whole-bank cache restores it: records through JSON, compared later, each file with its stored listing. */
function seeded(from: Bank): Bank {
  const bank = new Bank();
  for (const [u, text] of files()) {
    bank.restore(u, text, JSON.parse(JSON.stringify(from.record(u))), { index: 'later' });
    assert.ok(bank.seedListing(u, JSON.parse(JSON.stringify(from.listing(u)))), u);
  }
  return bank;
}

describe('story bank: records', () => {
  it('a bank restored from records lists the same stories, problems and bank findings as one that linted the files', () => {
    const cold = linted();
    const warm = restored(cold);
    const folders = ['file:///bank'];
    assert.deepEqual(warm.snapshot(folders), cold.snapshot(folders));
    assert.ok(cold.snapshot(folders).stories.some((s) => s.problems > 0));
    let bankFindings = 0;
    for (const [u] of files()) {
      assert.deepEqual(warm.findings(u), cold.findings(u), u);
      bankFindings += cold.findings(u).length;
    }
    assert.ok(bankFindings > 0, 'the files have bank findings to compare');
  });

  it('a restored file edited later is indexed as if it had been linted', () => {
    const cold = linted();
    const warm = restored(cold);
    const edited = CHECKOUT_COPY.replace('# Payment page slowdown', '# Payment page slowdown, again');
    cold.update(uri('copy.star.md'), edited);
    warm.update(uri('copy.star.md'), edited);
    assert.deepEqual(warm.snapshot([]), cold.snapshot([]));
    for (const [u] of files()) assert.deepEqual(warm.findings(u), cold.findings(u), u);
  });

  it('a bank restored with its comparisons for later lists every story as the full bank did, from the stored listings', () => {
    const cold = linted();
    const folders = ['file:///bank'];
    const bank = seeded(cold);
    assert.ok(bank.indexing);
    assert.deepEqual(bank.snapshot(folders), cold.snapshot(folders), 'listed complete before any story is compared');
    assert.ok(
      cold.snapshot(folders).stories.some((s) => s.readiness?.reasons.some((r) => r.rule === 'duplicate-story')),
      'ratings that only the bank findings give are part of what is compared',
    );
    assert.deepEqual(bank.indexPending(), [], 'comparing them changes no seeded listing: nothing to send again');
    assert.ok(!bank.indexing);
    assert.deepEqual(bank.snapshot(folders), cold.snapshot(folders));
    for (const [u] of files()) assert.deepEqual(bank.findings(u), cold.findings(u), u);
  });

  it('after the comparisons, a stored listing stands until a change reaches its file', () => {
    const cold = linted();
    const bank = seeded(cold);
    bank.indexPending();
    const edited = CHECKOUT_COPY.replace('# Payment page slowdown', '# Payment page slowdown, again');
    cold.update(uri('copy.star.md'), edited);
    const affected = bank.update(uri('copy.star.md'), edited);
    assert.ok(affected.size < files().length, 'the change reaches some files, not all');
    assert.deepEqual(bank.snapshot([]), cold.snapshot([]));
    for (const [u] of files()) assert.deepEqual(bank.listing(u), cold.listing(u), u);
    // The snapshot computed the bank findings of the files the change reached, and of no other.
    const computed = (bank as unknown as { bankFindings: Map<string, unknown> }).bankFindings;
    assert.deepEqual([...computed.keys()].sort(), [...affected].sort());
  });

  it('without a stored listing a file restored for later is listed unrated until the comparisons are done', () => {
    const cold = linted();
    const bank = new Bank();
    for (const [u, text] of files()) bank.restore(u, text, JSON.parse(JSON.stringify(cold.record(u))), { index: 'later' });
    assert.ok(!bank.seedListing(uri('copy.star.md'), [{ problems: -1 }]), 'a malformed listing is refused');
    assert.ok(!bank.seedListing(uri('copy.star.md'), []), 'one entry per story');
    assert.ok(bank.snapshot([]).stories.every((s) => s.readiness === undefined));
    bank.indexPending();
    assert.deepEqual(bank.snapshot([]), cold.snapshot([]));
  });

  it('a change while the comparisons wait is made against the whole bank', () => {
    const cold = linted();
    const bank = seeded(cold);
    const edited = CHECKOUT_COPY.replace('# Payment page slowdown', '# Payment page slowdown, again');
    cold.update(uri('copy.star.md'), edited);
    const affected = bank.update(uri('copy.star.md'), edited);
    assert.ok(!bank.indexing);
    assert.ok(affected.size > 1, 'the copy reaches the stories it duplicates');
    assert.deepEqual(bank.snapshot([]), cold.snapshot([]));
    for (const [u] of files()) assert.deepEqual(bank.findings(u), cold.findings(u), u);
  });

  it('has no record of a file whose rules have not run yet, nor of an open document', () => {
    const bank = new Bank();
    bank.update(uri('later.star.md'), CHECKOUT, undefined, { lint: 'later' });
    assert.equal(bank.record(uri('later.star.md')), undefined);
    bank.lintDeferred(uri('later.star.md'));
    assert.ok(bank.record(uri('later.star.md')));
    assert.equal(bank.record(uri('missing.star.md')), undefined);
  });

  it('refuses a record that does not fit its text, and leaves the bank as it was', () => {
    const cold = linted();
    const record = JSON.parse(JSON.stringify(cold.record(uri('two.star.md')))) as Record<string, unknown[]>;
    const bank = new Bank();
    const shorter = SEARCH_ACCENTS;
    assert.throws(() => bank.restore(uri('two.star.md'), shorter, record), BadRecordError, 'spans past the end of the text');
    for (const broken of [
      { ...record, summaries: record.summaries.slice(1) },
      { ...record, stories: 'x' },
      { ...record, fingerprints: [{ shingles: 'AAAABAAAAA', numbers: [] }, ...record.fingerprints.slice(1)] },
      { ...record, fingerprints: [{ shingles: 'AAAA', numbers: [] }, ...record.fingerprints.slice(1)] },
      { ...record, facts: [{ names: 'x' }, ...record.facts.slice(1)] },
      null,
      [],
    ])
      assert.throws(() => bank.restore(uri('two.star.md'), `${SEARCH_ACCENTS}\n${CHECKOUT}`, broken), BadRecordError);
    assert.deepEqual(bank.uris(), []);
  });

  it('encodes a fingerprint and decodes the same hashes', () => {
    const hashes = Uint32Array.from([0, 7, 8, 1_000_000, 0x3fffffff]);
    assert.deepEqual(decodeShingles(encodeShingles(hashes)), hashes);
    assert.deepEqual(decodeShingles(encodeShingles(new Uint32Array(0))), new Uint32Array(0));
    assert.throws(() => decodeShingles('AAAABAAAAB'), BadRecordError, 'a repeated hash');
    assert.throws(() => decodeShingles('AAAB'), BadRecordError, 'a truncated hash');
    assert.throws(() => decodeShingles('AA AB'), BadRecordError, 'not a digit');
  });
});
