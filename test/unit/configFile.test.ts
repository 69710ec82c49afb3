import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFinder } from '../../server/src/configDiscovery';
import { MAX_CONFIG_FILE_LENGTH, parseConfigFile } from '../../server/src/engine/configFile';
import { rules } from '../../server/src/engine/rules';
import { generateSnippets } from '../../scripts/gen-snippets';
import { Linter } from '../../server/src/engine/lint';
import { story } from './ruleTester';

const parse = (text: string) => parseConfigFile(text, rules);
/** Each problem as the text it underlines and its message. */
const flagged = (text: string) => parse(text).problems.map((p) => [p.severity, text.slice(p.span.start, p.span.end), p.message]);

describe('.star-stories.json', () => {
  it('reads a valid file, with comments and trailing commas', () => {
    const { config, problems } = parse(
      '{\n  // my team\'s setup\n  "$schema": "./schemas/star-stories.schema.json",\n  "rules": { "we-over-i": "error", },\n  "acronyms": ["SLA"],\n}\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { 'we-over-i': 'error' }, acronyms: ['SLA'] });
  });

  it('an empty file or a byte-order mark is fine', () => {
    assert.deepEqual(parse(''), { config: {}, problems: [] });
    assert.deepEqual(parse('\uFEFF{"targetSeconds": 90}').config, { targetSeconds: 90 });
  });

  it('puts a syntax error at its exact position and falls back to defaults entirely', () => {
    const text = '{\n  "targetSeconds": 120\n  "rules": {}\n}';
    const { config, problems } = parse(text);
    assert.deepEqual(config, {}, 'no half-read settings');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].span.start, text.indexOf('"rules"'));
    assert.match(problems[0].message, /^Not valid JSON: a comma is expected here\. STAR Stories uses its defaults until this is fixed\.$/);
  });

  it('says a missing closing brace once, however many objects it leaves open', () => {
    const problems = parse('{"rules": {"we-over-i": "off"\n').problems;
    assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
    assert.match(problems[0].message, /a closing brace "\}" is expected here/);
  });

  it('puts a semantic problem on the offending value, an unknown key on the key, in document order', () => {
    const text =
      '{\n  "targetSeconds": "soon",\n  "rule": {},\n  "rules": { "we-over-i": ["error", { "x": 1 }], "weak-verb": "loud" },\n  "buzzwords": ["ok", 3]\n}';
    assert.deepEqual(flagged(text), [
      ['warning', '"soon"', '"targetSeconds" must be a number of at least 30, not "soon"; using the default.'],
      ['warning', '"rule"', 'Unknown setting "rule" (did you mean "rules"?); it is ignored.'],
      ['warning', '"x"', 'Unknown option "x" of rule "we-over-i" (rule "we-over-i" has no options).'],
      ['warning', '"loud"', 'Rule "weak-verb" must be off, hint, info, warning or error, not "loud"; it is ignored.'],
      ['warning', '3', 'Entry 2 of "buzzwords" must be a non-empty string, not 3; it is ignored.'],
    ]);
    assert.deepEqual(parse(text).config, { rules: { 'we-over-i': 'error' }, buzzwords: ['ok'] }, 'the good values stay');
  });

  it('a missing required field points at its object', () => {
    const text = '{"principleSets": [{"id": "acme", "principles": [{"rank": 1}]}]}';
    const missing = flagged(text).find((p) => p[2].includes('"name" of principle 1'));
    assert.equal(missing?.[1], '{"rank": 1}');
  });

  it('is not an object: one problem on the whole value', () => {
    assert.deepEqual(flagged('[1, 2]'), [['warning', '[1, 2]', 'Must be an object of settings, not a list.']]);
  });

  it('refuses hostile input without walking or recursing into it', () => {
    const deep = '{"rules": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const [problem] = parse(deep).problems;
    assert.match(problem.message, /nested more than 16 levels/);
    assert.equal(problem.severity, 'error');
    const huge = '{"acronyms": ["' + 'A'.repeat(MAX_CONFIG_FILE_LENGTH) + '"]}';
    assert.match(parse(huge).problems[0].message, /more than a configuration can have/);
    const many = '{' + Array.from({ length: 20_000 }, (_, i) => `"k${i}": 1`).join(',') + '}';
    assert.equal(parse(many).problems.length, 101, 'problems are capped');
    const proto = parse('{"__proto__": {"targetSeconds": 45}, "constructor": 1}');
    assert.deepEqual(proto.config, {});
    assert.equal(proto.problems.length, 2);
  });

  it('never crashes on random text', () => {
    for (const text of [
      '{',
      '}',
      '"',
      '{"rules": {"we-over-i": [',
      '/*',
      '{"a": 1e999999}',
      '\u0000\uFFFF\uD800',
      'null',
      'true',
      '{"principleSets": [null, {}, {"id": 1}]}',
    ]) {
      const { problems } = parse(text);
      for (const p of problems)
        assert.ok(
          p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end,
          `${JSON.stringify(text)}: ${JSON.stringify(p)}`,
        );
    }
  });
});

describe('finding .star-stories.json for the CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-config-'));
  });

  it('uses the nearest file above each story, stopping at the first found', () => {
    mkdirSync(join(dir, 'team', 'alice'), { recursive: true });
    writeFileSync(join(dir, '.star-stories.json'), '{"targetSeconds": 100}');
    writeFileSync(join(dir, 'team', '.star-stories.json'), '{"targetSeconds": 200}');
    const finder = new ConfigFinder();
    assert.equal(finder.forFile(join(dir, 'top.star.md'))?.config.targetSeconds, 100);
    assert.equal(finder.forFile(join(dir, 'team', 'alice', 'deep.star.md'))?.config.targetSeconds, 200);
    assert.equal(finder.used().length, 2);
  });

  it('reads each file once however many stories use it', () => {
    let reads = 0;
    const finder = new ConfigFinder((path) => {
      reads++;
      return path === join(dir, '.star-stories.json') ? { text: '{}' } : undefined;
    });
    finder.forFile(join(dir, 'a.star.md'));
    const before = reads;
    finder.forFile(join(dir, 'b.star.md'));
    assert.equal(reads, before);
  });
});

describe('directive snippets', () => {
  const snippets = Object.values(generateSnippets() as Record<string, { prefix: string; body: string[] }>);

  for (const kind of ['disable', 'disable-next-line', 'disable-file', 'enable']) {
    it(`star-${kind} offers every registered rule and inserts a directive the linter obeys`, () => {
      const snippet = snippets.find((s) => s.prefix === `star-${kind}`);
      assert.ok(snippet, `no star-${kind} snippet`);
      const body = snippet.body.join('\n');
      const choice = /\$\{1\|(.*)\|\}/.exec(body);
      assert.ok(choice, 'the rule is a choice');
      assert.deepEqual(
        choice[1].split(','),
        rules.map((r) => r.name),
      );
      // As the editor expands it with the first choice picked.
      const inserted = body.replace(choice[0], rules[0].name).replace('$0', '');
      const { directives } = new Linter().lint(inserted + '\n' + story({}));
      assert.deepEqual(
        directives.map((d) => [d.kind, d.rules]),
        [[kind, [rules[0].name]]],
      );
    });
  }
});
