import { strict as assert } from 'node:assert';
import { readConfig } from '../../server/src/engine/config';
import { Linter } from '../../server/src/engine/lint';
import { amazonPrinciples } from '../../server/src/engine/principles/amazon';
import { builtInProfile, LEVELS, profileRanks, resolveProfile, ROLES } from '../../server/src/engine/profiles';
import { rules } from '../../server/src/engine/rules';
import { story } from './ruleTester';

const AMAZON_IDS = amazonPrinciples.principles.map((p) => p.id);
const OPT_IN = rules.filter((r) => r.optIn).map((r) => r.name);
const problems = (value: unknown) => readConfig(value, 'Settings', rules).problems.map((p) => p.message);

describe('role profiles', () => {
  for (const role of ROLES) {
    it(`${role}: a full principle order, must-haves and a loop of 5 or 6 rounds covering 8 to 10 principles`, () => {
      const profile = builtInProfile(role);
      assert.deepEqual([...profile.principles].sort(), [...AMAZON_IDS].sort(), 'every Amazon principle once');
      assert.equal(profile.mostProbed.length, 5);
      // "Most probed" must agree with the order the coverage tree shows.
      assert.deepEqual([...profile.mostProbed].sort(), profile.principles.slice(0, 5).sort());
      for (const id of profile.mustHave) assert.ok(AMAZON_IDS.includes(id), `${role} must-have ${id}`);
      assert.ok(profile.rounds.length >= 5 && profile.rounds.length <= 6);
      for (const round of profile.rounds) {
        assert.ok(round.principles.length >= 2 && round.principles.length <= 3, round.name);
        for (const id of round.principles) assert.ok(AMAZON_IDS.includes(id), `${round.name}: ${id}`);
      }
      const covered = new Set(profile.rounds.flatMap((r) => r.principles)).size;
      assert.ok(covered >= 8 && covered <= 10, `${covered} principles in the loop`);
      for (const rule of profile.rules) assert.ok(OPT_IN.includes(rule), `${rule} is a registered opt-in rule`);
    });
  }

  it('defaults to a mid-level software engineer', () => {
    const profile = resolveProfile({});
    assert.deepEqual(profile.summary, { role: 'sde', level: 'L5', name: 'Software engineer, L5' });
    assert.deepEqual(profile.rules, []);
    assert.equal(profile.custom, false);
  });

  it('a manager leads with Hire and Develop the Best and turns on the people-story check', () => {
    const profile = resolveProfile({ role: 'em' });
    assert.equal(profile.principles[0], 'hire-and-develop-the-best');
    assert.ok(profile.mustHave.includes('hire-and-develop-the-best'));
    assert.deepEqual(profile.rules, ['people-story']);
    assert.equal(profileRanks(profile, amazonPrinciples).get('hire-and-develop-the-best'), 1);
  });

  it('an ML profile turns on model-metric-result; a PM must have Customer Obsession, Deliver Results and Think Big', () => {
    assert.deepEqual(resolveProfile({ role: 'ml' }).rules, ['model-metric-result']);
    const pm = resolveProfile({ role: 'pm' });
    for (const id of ['customer-obsession', 'deliver-results', 'think-big']) assert.ok(pm.mustHave.includes(id), id);
  });

  it('from L6 the scope check runs and Think Big and Have Backbone become must-haves, below it they do not', () => {
    for (const level of LEVELS) {
      const profile = resolveProfile({ role: 'em', level });
      const senior = level >= 'L6';
      assert.equal(profile.rules.includes('scope'), senior, level);
      assert.equal(profile.mustHave.includes('think-big'), senior, level);
      assert.ok(profile.rules.includes('people-story'), 'the role keeps its own checks');
    }
    assert.equal(resolveProfile({ role: 'em', level: 'L7' }).summary.name, 'Engineering manager, L7');
  });

  it("a custom profile replaces only the fields it sets, and the level's additions still apply", () => {
    const profile = resolveProfile({ role: 'pm', level: 'L6', profile: { name: 'Data engineer', mustHave: ['dive-deep'] } });
    assert.equal(profile.custom, true);
    assert.equal(profile.summary.name, 'Data engineer, L6');
    assert.deepEqual(profile.mustHave, ['dive-deep', 'think-big', 'have-backbone']);
    assert.deepEqual(profile.principles, builtInProfile('pm').principles);
    assert.ok(profile.rules.includes('scope'));
  });

  it('a custom order ranks the principles it lists first, then the rest in the set order', () => {
    const ranks = profileRanks({ principles: ['frugality', 'think-big'] }, amazonPrinciples);
    assert.equal(ranks.get('frugality'), 1);
    assert.equal(ranks.get('think-big'), 2);
    assert.equal(ranks.get('customer-obsession'), 3);
    assert.equal(ranks.size, 16);
  });
});

describe('role, level and profile settings', () => {
  it('reads role, level and a valid profile without a problem', () => {
    const read = readConfig(
      {
        role: 'ml',
        level: 'L7',
        profile: { name: 'Applied scientist', rounds: [{ name: 'Round 1: Science', principles: ['dive-deep', 'are-right-a-lot'] }] },
      },
      'Settings',
      rules,
    );
    assert.deepEqual(read.problems, []);
    assert.equal(read.config.role, 'ml');
    assert.equal(read.config.level, 'L7');
    assert.deepEqual(read.config.profile, {
      name: 'Applied scientist',
      rounds: [{ name: 'Round 1: Science', principles: ['dive-deep', 'are-right-a-lot'] }],
    });
  });

  it('says which values role and level take', () => {
    assert.match(problems({ role: 'manager' })[0], /"role" must be one of "sde", "em", "pm", "tpm", "ml", "other", not "manager"/);
    assert.match(problems({ level: 6 })[0], /"level" must be one of "L4", "L5", "L6", "L7", "L8", not 6/);
  });

  it('drops only the bad parts of a profile, each with a message that says how to fix it', () => {
    const read = readConfig(
      {
        profile: { principles: ['ownership', 'dive-deeep'], mustHave: 'ownership', rules: ['we-over-i'], rounds: [3], extra: 1 },
      },
      'Settings',
      rules,
    );
    assert.deepEqual(read.config.profile, { principles: ['ownership'], rules: [] });
    const messages = read.problems.map((p) => p.message).join('\n');
    assert.match(messages, /"dive-deeep" \(did you mean "dive-deep"\?\)/);
    assert.match(messages, /"profile.mustHave" must be a list of principle ids, not "ownership"/);
    assert.match(messages, /"we-over-i" \(a profile turns on only .*scope.*; every other rule is on already\)/);
    assert.match(messages, /round 1 of "profile.rounds" must be an object with "name" and "principles", not 3/);
    assert.match(messages, /unknown field "extra" of "profile"/);
    assert.match(problems({ profile: [] })[0], /"profile" must be an object/);
  });

  it('front matter sets the level for its file: a team-only story is flagged at L6 and not at L5', () => {
    const text = story({ title: 'Refund backlog' });
    const atL6 = new Linter().lint(`---\nlevel: L6\n---\n${text}`).findings.map((f) => f.rule);
    const atL5 = new Linter().lint(`---\nlevel: L5\n---\n${text}`).findings.map((f) => f.rule);
    assert.ok(atL6.includes('scope'));
    assert.ok(!atL5.includes('scope'));
  });

  it('an opt-in rule stays off by default and the user can turn it on, or off under a profile that turns it on', () => {
    const text = story({ title: 'Refund backlog' });
    const rulesFired = (settings: object) => new Linter().lint(text, settings).findings.map((f) => f.rule);
    assert.ok(!rulesFired({}).includes('scope'));
    assert.ok(rulesFired({ rules: { scope: 'warning' } }).includes('scope'));
    assert.ok(!rulesFired({ level: 'L8', rules: { scope: 'off' } }).includes('scope'));
  });
});
