import { strict as assert } from 'node:assert';
import {
  CONFIG_LIMITS,
  configKeys,
  ENGINE_KEYS,
  mergeConfig,
  readConfig,
  resolvePrincipleSet,
  ruleOptions,
} from '../../server/src/engine/config';
import { LinterPool, lintWithActiveSet } from '../../server/src/engine/activeSet';
import { Linter } from '../../server/src/engine/lint';
import { amazonPrinciples } from '../../server/src/engine/principles/amazon';
import type { PrincipleSet } from '../../server/src/engine/principles/types';
import { rules } from '../../server/src/engine/rules';
import type { Rule } from '../../server/src/engine/types';
import { story } from './ruleTester';

const read = (value: unknown, options?: Parameters<typeof readConfig>[3], withRules: readonly Rule[] = rules) =>
  readConfig(value, 'Settings', withRules, options);
const messages = (value: unknown, options?: Parameters<typeof readConfig>[3]) => read(value, options).problems.map((p) => p.message);

/** A rule with options, as the rules being added have (long-sentence, setup-too-long...). */
const withOptions: Rule = {
  name: 'long-sentence',
  description: 'A sentence is too long to say aloud.',
  group: 'delivery',
  defaultSeverity: 'info',
  messages: { long: 'long' },
  options: {
    maxWords: { type: 'number', default: 35, markdownDescription: 'Longest sentence.' },
    countNumbers: { type: 'boolean', default: true, markdownDescription: 'Count numbers as words.' },
    unit: { type: 'string', default: 'words', markdownDescription: 'What is counted.' },
    extra: { type: 'phrases', default: ['a'], markdownDescription: 'More phrases.' },
  },
  check() {},
};

const acme = {
  id: 'acme',
  name: 'Acme Values',
  principles: [
    {
      name: 'Customers First',
      aliases: ['CF'],
      definition: 'Start from the customer.',
      questions: ['Tell me about a customer.'],
      rank: 2,
      beats: [{ label: 'a customer call', cues: ['called*'], advice: 'Say who you called.' }],
    },
    { name: 'Ship It' },
  ],
};

describe('readConfig', () => {
  it('keeps every valid key', () => {
    const { config, problems } = read({
      rules: { 'we-over-i': 'off', 'too-long': ['error'] },
      targetSeconds: 120,
      wordsPerMinute: 140,
      maxPrinciplesPerStory: 2,
      acronyms: ['SLA', 'p99'],
      weakVerbs: ['pitched in'],
      hedges: ['more or less'],
      buzzwords: ['north star'],
      principleSets: [acme],
      principleSet: 'acme',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { 'we-over-i': 'off', 'too-long': 'error' });
    assert.equal(config.targetSeconds, 120);
    assert.equal(config.wordsPerMinute, 140);
    assert.equal(config.maxPrinciplesPerStory, 2);
    assert.deepEqual(config.acronyms, ['SLA', 'p99']);
    assert.deepEqual([config.weakVerbs, config.hedges, config.buzzwords], [['pitched in'], ['more or less'], ['north star']]);
    assert.equal(config.principleSet, 'acme');
  });

  it('fills the optional fields of a principle set with defaults', () => {
    const [set] = read({ principleSets: [acme] }).config.principleSets!;
    assert.equal(set.name, 'Acme Values');
    assert.deepEqual(set.principles[0], {
      id: 'customers-first',
      name: 'Customers First',
      aliases: ['CF'],
      definition: 'Start from the customer.',
      questions: ['Tell me about a customer.'],
      rank: 2,
      beats: [{ id: 'a-customer-call', label: 'a customer call', cues: ['called*'], advice: 'Say who you called.' }],
    });
    assert.deepEqual(set.principles[1], { id: 'ship-it', name: 'Ship It', aliases: [], definition: '', questions: [], rank: 2, beats: [] });
    assert.equal(
      read({ principleSets: [{ id: 'x', principles: [{ name: 'One' }] }] }).config.principleSets![0].name,
      'x',
      'name defaults to the id',
    );
  });

  it('reports unknown keys with a suggestion and keeps the rest', () => {
    const { config, problems } = read({ targetSecond: 100, wordsPerMinute: 130 });
    assert.deepEqual(
      problems.map((p) => p.message),
      ['Settings: unknown setting "targetSecond" (did you mean "targetSeconds"?); it is ignored.'],
    );
    assert.deepEqual(problems[0].path, ['targetSecond']);
    assert.equal(problems[0].key, true);
    assert.equal(config.wordsPerMinute, 130);
  });

  it('reads the loop: rounds with a name and principles, each bad entry named and dropped', () => {
    const { config, problems } = read({
      loop: [
        { name: 'Bar Raiser', principles: ['Earn Trust', 'have-backbone'] },
        { principles: ['Dive Deep'], interviewer: 'Sam' },
        { name: 'Empty', principles: [] },
        'Ownership',
        { name: 'Odd', principles: ['Frugality', 42] },
      ],
    });
    assert.deepEqual(config.loop, [
      { name: 'Bar Raiser', principles: ['Earn Trust', 'have-backbone'] },
      { name: 'Round 2', principles: ['Dive Deep'] },
      { name: 'Odd', principles: ['Frugality'] },
    ]);
    assert.deepEqual(
      problems.map((p) => p.path),
      [
        ['loop', 1, 'interviewer'],
        ['loop', 2, 'principles'],
        ['loop', 3],
        ['loop', 4, 'principles', 1],
      ],
    );
    assert.match(problems[1].message, /round 3 \("Empty"\) needs "principles"/);
    assert.match(read({ loop: 'Bar Raiser' }).problems[0].message, /"loop" must be a list of rounds/);
  });

  it("a layer's loop replaces the loop below it, where other lists add up", () => {
    const workspace = { loop: [{ name: 'A', principles: ['ownership'] }], acronyms: ['SLA'] };
    const file = { loop: [{ name: 'B', principles: ['frugality'] }], acronyms: ['MTTR'] };
    const merged = mergeConfig(workspace, file);
    assert.deepEqual(merged.loop, file.loop);
    assert.deepEqual(merged.acronyms, ['SLA', 'MTTR']);
    assert.deepEqual(mergeConfig().loop, []);
  });

  it('suggests the rule and the severity meant by a typo', () => {
    assert.deepEqual(messages({ rules: { 'weak-verbs': 'error', 'we-over-i': 'of' } }), [
      'Settings: unknown rule "weak-verbs" (did you mean "weak-verb"?).',
      'Settings: rule "we-over-i" must be off, hint, info, warning or error, not "of" (did you mean "off"?); it is ignored.',
    ]);
  });

  it('rejects numbers out of range, not whole, or not numbers, naming the key', () => {
    for (const [key, value] of [
      ['targetSeconds', 0],
      ['targetSeconds', 'soon'],
      ['wordsPerMinute', 1000],
      ['maxPrinciplesPerStory', 2.5],
      ['maxPrinciplesPerStory', 0],
      ['targetSeconds', Number.NaN],
    ] as const) {
      const { config, problems } = read({ [key]: value });
      assert.equal(config[key], undefined, `${key}: ${String(value)}`);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, new RegExp(`"${key}" must be a`));
      assert.deepEqual(problems[0].path, [key]);
    }
  });

  it('drops bad phrase-list entries one by one', () => {
    const { config, problems } = read({
      buzzwords: ['synergy', '', 42, 'x'.repeat(CONFIG_LIMITS.phraseLength + 1), '  synergy ', 'paradigm'],
    });
    assert.deepEqual(config.buzzwords, ['synergy', 'paradigm']);
    assert.deepEqual(
      problems.map((p) => p.path),
      [
        ['buzzwords', 1],
        ['buzzwords', 2],
        ['buzzwords', 3],
      ],
    );
    assert.deepEqual(messages({ hedges: 'maybe' }), ['Settings: "hedges" must be a list of phrases, not "maybe"; it is ignored.']);
  });

  it('keeps phrases as literal text, never as patterns', () => {
    assert.deepEqual(read({ weakVerbs: ['(a+)+$', 'help.*'] }).config.weakVerbs, ['(a+)+$', 'help.*']);
  });

  it("validates rule options against the rule's option schemas: keys and value types", () => {
    const { config, problems } = read(
      { rules: { 'long-sentence': ['warning', { maxWords: 40, countNumbers: 'yes', unit: 'chars', extra: ['b', 3], maxWord: 3 }] } },
      {},
      [withOptions],
    );
    assert.deepEqual(config.rules, { 'long-sentence': ['warning', { maxWords: 40, unit: 'chars', extra: ['b'] }] });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Settings: option "countNumbers" of rule "long-sentence" must be true or false (like true), not "yes"; using the default.',
        'Settings: entry 2 of "extra" must be a non-empty string, not 3; it is ignored.',
        'Settings: unknown option "maxWord" of rule "long-sentence" (did you mean "maxWords"?); its options are "maxWords", "countNumbers", "unit", "extra".',
      ],
    );
    assert.deepEqual(problems[2].path, ['rules', 'long-sentence', 1, 'maxWord']);
  });

  it('says when a rule takes no options, and keeps its severity', () => {
    const { config, problems } = read({ rules: { 'too-long': ['error', { seconds: 90 }] } });
    assert.deepEqual(config.rules, { 'too-long': 'error' });
    assert.deepEqual(
      problems.map((p) => p.message),
      ['Settings: unknown option "seconds" of rule "too-long" (rule "too-long" has no options).'],
    );
  });

  it('reports and drops bad principle-set entries one by one', () => {
    const { config, problems } = read({
      principleSets: [
        {
          id: 'acme',
          principles: [
            { name: 'Good' },
            { nme: 'Typo' },
            'text',
            { name: 'Good' },
            { name: 'Beats', beats: [{ label: 'ok' }, { cues: ['x'] }, { label: 'ok' }] },
          ],
        },
        { id: 'acme', principles: [{ name: 'Again' }] },
        { id: 'empty', principles: [] },
        { name: 'No id', principles: [{ name: 'X' }] },
      ],
    });
    const [set] = config.principleSets!;
    assert.equal(config.principleSets!.length, 1);
    assert.deepEqual(
      set.principles.map((p) => p.name),
      ['Good', 'Beats'],
    );
    assert.deepEqual(
      set.principles[1].beats.map((b) => b.label),
      ['ok'],
    );
    assert.deepEqual(
      problems.map((p) => p.message.replace('Settings: ', '')),
      [
        'unknown field "nme" in principle 2 of principle set "acme" (did you mean "name"?); it is ignored.',
        '"name" of principle 2 of principle set "acme" is missing; the entry is ignored.',
        'principle 3 of principle set "acme" must be an object with at least a "name", not "text"; it is ignored.',
        'principle set "acme" has two principles with the id "good"; the second is ignored.',
        '"label" of beat 2 of principle "Beats" is missing; the entry is ignored.',
        'principle "Beats" has two beats with the id "ok"; the second is ignored.',
        'principle set "acme" is defined twice; the second is ignored.',
        'principle set "empty" has no valid principle; it is ignored.',
        '"id" of principle set 4 is missing; the entry is ignored.',
      ],
    );
  });

  it('accepts a principleSet defined in the same layer or a lower one, and rejects others with a suggestion', () => {
    const lower = read({ principleSets: [acme] }).config.principleSets!;
    assert.equal(read({ principleSet: 'acme' }, { principleSets: lower }).config.principleSet, 'acme');
    assert.equal(read({ principleSet: 'amazon' }).config.principleSet, 'amazon');
    const { config, problems } = read({ principleSet: 'acmee' }, { principleSets: lower });
    assert.equal(config.principleSet, undefined);
    assert.deepEqual(
      problems.map((p) => p.message),
      ['Settings: unknown principle set "acmee" (did you mean "acme"?); known sets: "amazon", "acme". It is ignored.'],
    );
  });

  it('caps long lists, long strings in messages and the number of problems', () => {
    const many = Array.from({ length: CONFIG_LIMITS.listEntries + 500 }, (_, i) => `ACR${i}`);
    const { config, problems } = read({ acronyms: many });
    assert.equal((config.acronyms as string[]).length, CONFIG_LIMITS.listEntries);
    assert.match(problems[0].message, /has 1500 entries; only the first 1000 are used/);

    const hostile = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`${'k'.repeat(1_000)}${i}`, i]));
    const flood = read(hostile).problems;
    assert.equal(flood.length, CONFIG_LIMITS.problems + 1);
    assert.match(flood[flood.length - 1].message, /4900 more problems not shown/);
    assert.ok(
      flood.every((p) => p.message.length < 300),
      'keys are truncated in messages',
    );
  });

  it('never walks values it does not need, however deep', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const { problems } = read({ rules: { 'we-over-i': ['off', deep] }, unknownKey: deep, acronyms: [deep] });
    assert.equal(problems.length, 3);
  });

  it('does not let __proto__ or inherited names through', () => {
    const value = JSON.parse('{"__proto__": {"targetSeconds": 10}, "rules": {"constructor": "off", "toString": "off"}}');
    const { config, problems } = read(value);
    assert.equal(config.targetSeconds, undefined);
    assert.deepEqual(config.rules, {});
    assert.equal(problems.length, 3);
  });

  it('reports a value that is not a mapping', () => {
    assert.deepEqual(messages(['a']), ['Settings: must be an object of settings, not a list.']);
  });
});

describe('configuration layers', () => {
  it('later layers win for values; lists accumulate', () => {
    const merged = mergeConfig(
      { targetSeconds: 120, acronyms: ['SLA'], rules: { 'too-long': 'off' } },
      { targetSeconds: 150, acronyms: ['SLO', 'SLA'], rules: { 'we-over-i': 'error' } },
    );
    assert.equal(merged.targetSeconds, 150);
    assert.deepEqual(merged.acronyms, ['SLA', 'SLO']);
    assert.deepEqual(merged.rules, { 'too-long': 'off', 'we-over-i': 'error' });
  });

  it("resolves the active principle set: the highest layer's definition, else Amazon", () => {
    const first = { id: 'acme', name: 'A', principles: [] } as PrincipleSet;
    const second = { id: 'acme', name: 'B', principles: [] } as PrincipleSet;
    assert.equal(resolvePrincipleSet({ principleSet: 'acme', principleSets: [first, second] }).set, second);
    assert.equal(resolvePrincipleSet({ principleSet: 'amazon', principleSets: [first] }).set, amazonPrinciples);
    assert.deepEqual(resolvePrincipleSet({ principleSet: 'nope', principleSets: [] }), { set: amazonPrinciples, unknown: 'nope' });
  });
});

describe('rule options', () => {
  /** A rule as a newcomer writes it: a list option declared in its own folder, nowhere else. */
  const withList: Rule = {
    name: 'filler',
    description: 'A filler word.',
    group: 'delivery',
    defaultSeverity: 'info',
    messages: { filler: 'filler' },
    options: { words: { type: 'phrases', default: ['basically'], markdownDescription: 'Words to flag.' } },
    check() {},
  };

  it('a new list option is read, checked, defaulted and merged with no edit outside the rule', () => {
    const { config, problems } = read({ rules: { filler: ['warning', { words: ['actually', 7] }] } }, {}, [withList]);
    assert.deepEqual(
      problems.map((p) => p.path),
      [['rules', 'filler', 1, 'words', 1]],
    );
    assert.deepEqual(ruleOptions(withList, mergeConfig(config)), { words: ['actually'] });
    assert.deepEqual(ruleOptions(withList, mergeConfig()), { words: ['basically'] });
    assert.deepEqual([...configKeys([withList]).keys()], [...ENGINE_KEYS.keys()], 'not a top-level key unless it says so');
  });

  it("the old top-level keys (hedges, weakVerbs, buzzwords, acronyms) are still accepted, as aliases of their rule's option", () => {
    const keys = configKeys(rules);
    for (const [key, rule] of [
      ['hedges', 'hedging'],
      ['weakVerbs', 'weak-verb'],
      ['buzzwords', 'buzzword'],
      ['acronyms', 'unexplained-acronym'],
    ]) {
      assert.equal(keys.get(key)?.rule, rule);
      const { config, problems } = read({ [key]: ['ABC'] });
      assert.deepEqual(problems, []);
      const owner = rules.find((r) => r.name === rule)!;
      assert.deepEqual(ruleOptions(owner, mergeConfig(config))[key], ['ABC']);
    }
  });

  it("a top-level list comes first, then the rule's own option; both flag", () => {
    const hedging = rules.find((r) => r.name === 'hedging')!;
    const config = mergeConfig(
      { hedges: ['pretty much'] },
      read({ rules: { hedging: ['info', { hedges: ['more or less ok', 'pretty much'] }] } }).config,
    );
    assert.deepEqual(ruleOptions(hedging, config).hedges, ['pretty much', 'more or less ok']);
    const text = story({
      action: 'I pretty much rewrote the importer, and more or less ok tested it, so I chose to ship it behind a flag instead of waiting.',
    });
    const found = new Linter()
      .lint(text, config)
      .findings.filter((f) => f.rule === 'hedging')
      .map((f) => text.slice(f.start, f.end));
    assert.deepEqual(found, ['pretty much', 'more or less ok']);
  });
});

describe('the active principle set', () => {
  const settings = read({ principleSets: [acme] }).config;
  const acmeStory = story({ principles: 'Customers First' });

  it('comes from the merged configuration: a file using a configured set knows its principles', () => {
    const { linter, result } = new LinterPool().lint(acmeStory, { ...settings, principleSet: 'acme' });
    assert.equal(linter.principleSet.id, 'acme');
    assert.equal(result.principleSet.id, 'acme');
    assert.ok(!result.findings.some((f) => f.rule === 'unknown-principle'), 'Customers First is a principle of the set');
    assert.ok(
      new Linter().lint(acmeStory).findings.some((f) => f.rule === 'unknown-principle'),
      'and not an Amazon principle',
    );
  });

  it("can be chosen by the file's front matter, among sets defined below it", () => {
    const text = '---\nprincipleSet: acme\n---\n' + acmeStory;
    const { result } = lintWithActiveSet(text, settings, (set) => new Linter({ principleSet: set }));
    assert.equal(result.principleSet.id, 'acme');
    assert.ok(
      !result.findings.some((f) => f.rule === 'unknown-principle' || f.rule === 'front-matter'),
      JSON.stringify(result.findings.map((f) => f.message)),
    );
  });

  it('an unknown set in front matter is reported there and Amazon stays active', () => {
    const { result } = lintWithActiveSet('---\nprincipleSet: acme\n---\n' + acmeStory, {}, (set) => new Linter({ principleSet: set }));
    assert.equal(result.principleSet.id, 'amazon');
    assert.ok(result.findings.some((f) => f.rule === 'front-matter' && /unknown principle set "acme"/.test(f.message)));
  });

  it('keeps one Linter per set in a pool', () => {
    const pool = new LinterPool();
    const a = pool.lint(acmeStory, { ...settings, principleSet: 'acme' }).linter;
    const b = pool.lint(acmeStory, {}).linter;
    assert.notEqual(a, b);
    assert.equal(pool.lint(acmeStory, { ...settings, principleSet: 'acme' }).linter, a);
  });
});
