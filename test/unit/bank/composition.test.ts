// The bank judged as a whole for a role and level: principle order, must-haves and what a loop
// needs (8 to 10 stories, a real failure, a real disagreement, the must-haves, the most probed twice).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bank } from '../../../server/src/engine/bank';
import { readConfig } from '../../../server/src/engine/config';
import { rules } from '../../../server/src/engine/rules';
import type { BankSnapshot, CompositionCheck } from '../../../server/src/engine/bank/types';
import type { EngineConfig } from '../../../server/src/engine/types';
import { story } from '../ruleTester';
import { EXAMPLES } from './stories';

const FIELD = join(__dirname, '..', '..', 'corpus', 'field');
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.star.md'));

function snapshotOf(files: Record<string, string>, settings: Partial<EngineConfig> = {}): BankSnapshot {
  const bank = new Bank();
  bank.setSettings(settings);
  for (const [name, text] of Object.entries(files)) bank.update(`file:///bank/${name}`, text);
  return bank.snapshot(['file:///bank']);
}

const examples = (except: string[] = []) =>
  Object.fromEntries(exampleFiles.filter((f) => !except.includes(f)).map((f) => [f, readFileSync(join(EXAMPLES, f), 'utf8')]));
const field = (name: string) => readFileSync(join(FIELD, name), 'utf8');
const check = (snapshot: BankSnapshot, id: string): CompositionCheck => {
  const found = snapshot.composition?.find((c) => c.id === id);
  assert.ok(found, `no ${id} check`);
  return found;
};

describe('story bank: composition for a role and level', () => {
  it('orders the principles for the role and marks its must-haves', () => {
    const snapshot = snapshotOf(examples(), { role: 'em', level: 'L6' });
    assert.deepEqual(snapshot.profile, { role: 'em', level: 'L6', name: 'Engineering manager, L6' });
    assert.deepEqual(
      snapshot.principles.slice(0, 2).map((p) => [p.rank, p.name, p.mustHave]),
      [
        [1, 'Hire and Develop the Best', true],
        [2, 'Ownership', true],
      ],
    );
    assert.equal(snapshot.principles.find((p) => p.id === 'think-big')?.mustHave, true, 'L6 adds Think Big');
    assert.equal(snapshot.principles.find((p) => p.id === 'frugality')?.mustHave, false);
  });

  it('the example bank: 8 stories with a real failure and a real disagreement, but one story each for the five most probed', () => {
    const snapshot = snapshotOf(examples(), { role: 'em', level: 'L6' });
    assert.deepEqual(
      snapshot.composition?.map((c) => [c.id, c.ok]),
      [
        ['story-count', true],
        ['failure-story', true],
        ['disagreement-story', true],
        ['must-haves', true],
        ['most-probed-twice', false],
        ['principle-limit', true],
      ],
    );
    assert.match(check(snapshot, 'failure-story').detail, /The index migration that locked billing/);
    assert.deepEqual(check(snapshot, 'most-probed-twice').principles, [
      'hire-and-develop-the-best',
      'ownership',
      'deliver-results',
      'earn-trust',
      'have-backbone',
    ]);
  });

  it('without its failure story the bank is told which principles a failure story is framed for', () => {
    const failure = check(snapshotOf(examples(['index-migration-outage.star.md'])), 'failure-story');
    assert.equal(failure.ok, false);
    assert.deepEqual(failure.principles, ['learn-and-be-curious', 'earn-trust']);
    assert.match(failure.detail, /Learn and Be Curious or Earn Trust/);
  });

  it('a disagreement over lint settings is not the disagreement story a loop asks for', () => {
    const onlyTrivial = examples(['inventory-queue-disagreement.star.md']);
    const trivial = check(
      snapshotOf({ ...onlyTrivial, 'lint.star.md': field('03-lint-config-disagreement.star.md') }),
      'disagreement-story',
    );
    assert.equal(trivial.ok, false);
    assert.deepEqual(trivial.principles, ['have-backbone']);
    const real = check(snapshotOf({ ...onlyTrivial, 'fraud.star.md': field('02-fraud-rule-backbone.star.md') }), 'disagreement-story');
    assert.equal(real.ok, true);
  });

  it('a failure spun into a success does not count as the failure story', () => {
    const bank = { ...examples(['index-migration-outage.star.md']), 'price.star.md': field('15-meal-kit-price-test.star.md') };
    assert.equal(check(snapshotOf(bank), 'failure-story').ok, false);
    const owned = { ...bank, 'prefs.star.md': field('12-preferences-migration-failure.star.md') };
    assert.equal(check(snapshotOf(owned), 'failure-story').ok, true);
  });

  it('a small bank is told how many stories it lacks and which must-haves to write them for first', () => {
    const snapshot = snapshotOf({ 'a.star.md': readFileSync(join(EXAMPLES, 'checkout-latency.star.md'), 'utf8') }, { role: 'pm' });
    const size = check(snapshot, 'story-count');
    assert.equal(size.ok, false);
    assert.match(size.detail, /^1 story; a loop needs 8 to 10/);
    assert.equal(size.principles?.length, 7);
    assert.deepEqual(size.principles?.slice(0, 2), ['deliver-results', 'think-big']);
    assert.deepEqual(check(snapshot, 'must-haves').principles, ['deliver-results', 'think-big']);
  });

  it('more than ten stories is too many to rehearse, and a new story would not help', () => {
    const many = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`s${i}.star.md`, story({ title: `Project number ${'abcdefghijk'[i]} ${i * 7919}` })]),
    );
    const size = check(snapshotOf(many), 'story-count');
    assert.equal(size.ok, false);
    assert.match(size.detail, /^11 stories; 8 to 10 is what you can rehearse well/);
    assert.equal(size.principles, undefined);
  });

  it('a story framed for more principles than the limit names the ones to move to a story of their own', () => {
    const wide = story({ title: 'Everything at once', principles: 'Ownership, Frugality, Think Big, Earn Trust' });
    const limit = check(snapshotOf({ 'wide.star.md': wide }), 'principle-limit');
    assert.equal(limit.ok, false);
    assert.match(limit.detail, /"Everything at once" \(4\)/);
    assert.deepEqual(limit.principles, ['earn-trust']);
  });

  it('with a principle set of your own, only the checks that do not need Amazon principles remain', () => {
    const settings = readConfig(
      {
        principleSets: [{ id: 'acme', name: 'Acme Values', principles: [{ name: 'Customers First' }, { name: 'Ship Small' }] }],
        principleSet: 'acme',
      },
      'Settings',
      rules,
    ).config;
    const snapshot = snapshotOf({ 'a.star.md': story({ principles: 'Customers First' }) }, settings);
    assert.deepEqual(
      snapshot.composition?.map((c) => c.id),
      ['story-count', 'principle-limit'],
    );
    assert.deepEqual(
      snapshot.principles.map((p) => [p.rank, p.name]),
      [
        [1, 'Customers First'],
        [2, 'Ship Small'],
      ],
    );
  });
});
