/**
 * What the engine does with input far past any real story (issue 13): it keeps linting what it
 * can read, at the same offsets, and says where it stopped. The costs themselves are measured
 * by the growth suite (test/growth).
 */
import { strict as assert } from 'node:assert';
import { FILE_TOO_LARGE, Linter, MAX_STORIES, RULE_SKIPPED, rules, type Rule } from '../../server/src/engine';
import { applyFixes, fixAll } from '../../server/src/engine/fix';
import { LruCache } from '../../server/src/engine/lru';
import { MAX_SECTIONS } from '../../server/src/engine/parse';
import { story } from './ruleTester';

const codes = (text: string) => new Linter().lint(text).findings.map((f) => f.rule);
const found = (text: string, rule: string) =>
  new Linter()
    .lint(text)
    .findings.filter((f) => f.rule === rule)
    .map((f) => text.slice(f.start, f.end));

describe('bounded work on hostile input', function () {
  this.timeout(30_000);
  it('a list nested thousands deep on one line is still read, its words at their offsets', () => {
    const text = story({ action: '- '.repeat(5000) + 'I helped with the rollout.' });
    assert.deepEqual(found(text, 'weak-verb'), ['helped']);
  });

  it('quotes nested thousands deep on one line are still read', () => {
    const text = story({ action: '> '.repeat(5000) + 'I helped with the rollout.' });
    assert.deepEqual(found(text, 'weak-verb'), ['helped']);
  });

  it('a list nested a few levels reads exactly as before, and a "- - -" rule stays a rule', () => {
    const nested = story({ action: '- - - I helped with the rollout.\n\n- - - - - - - -\n\nI decided to ship.' });
    const linter = new Linter({ rules: [] });
    const prose = linter.lint(nested).stories[0].prose;
    assert.ok(prose.includes('      I helped with the rollout.'), 'list markers are blanked');
    assert.ok(prose.includes('- - - - - - - -'), 'a thematic break is not read as nesting');
  });

  it('a paragraph of thousands of bracketed words is read to its end', () => {
    const text = story({ action: '[a] '.repeat(3000) + 'I helped with the rollout.' });
    assert.deepEqual(found(text, 'weak-verb'), ['helped']);
  });

  it('a run of thousands of brackets is read past: past the first 256 brackets the rest are set aside, every offset kept', () => {
    const text = story({ action: 'I helped ' + '['.repeat(5000) + ' and then I helped again [a] [b].' });
    assert.deepEqual(found(text, 'weak-verb'), ['helped', 'helped']);
    const [parsed] = new Linter().lint(text).stories;
    assert.equal(parsed.prose.length, text.length);
    const run = text.indexOf('[');
    const kept = /^\[*/.exec(parsed.prose.slice(run))![0].length;
    assert.ok(kept > 0 && kept <= 256, `${kept} brackets read`);
    assert.equal(parsed.prose.slice(run + kept, run + 5000), ' '.repeat(5000 - kept));
  });

  it('a long run of periods ends the sentence where it did', () => {
    const text = story({ action: 'I fixed it' + '.'.repeat(20_000) + ' Then I helped.' });
    assert.deepEqual(found(text, 'weak-verb'), ['helped']);
  });

  it('every "significantly" of a sentence without a number is reported', () => {
    const text = story({ result: 'Costs fell ' + 'significantly '.repeat(2000) + 'overall.' });
    assert.equal(found(text, 'vague-impact').length, 2000);
  });

  it(`a story of thousands of sections has its first ${MAX_SECTIONS}, the rest read as the last one's text`, () => {
    const text = '# T\nPrinciples: Ownership\n' + '## Action\n'.repeat(5000) + 'I helped.\n';
    const result = new Linter().lint(text);
    assert.equal(result.stories[0].sections.length, MAX_SECTIONS);
    assert.equal(result.findings.filter((f) => f.rule === 'empty-section').length, MAX_SECTIONS - 1);
    assert.deepEqual(found(text, 'weak-verb'), ['helped']);
  });

  it('3,000 disable/enable pairs turn off exactly the findings between them', () => {
    const pair = '<!-- star-stories-disable weak-verb -->\nI helped.\n<!-- star-stories-enable weak-verb -->\nI assisted.\n\n';
    const text = story({ action: pair.repeat(3000) });
    const kept = found(text, 'weak-verb');
    assert.equal(kept.length, 3000);
    assert.ok(kept.every((t) => t === 'assisted'));
  });

  it(`a file of more than ${MAX_STORIES} stories is checked up to the ${MAX_STORIES}th, with one notice where it stops`, () => {
    const one = story({ action: 'I helped with the rollout.' });
    const text = one.repeat(MAX_STORIES + 5);
    const result = new Linter().lint(text);
    assert.equal(result.stories.length, MAX_STORIES);
    const notices = result.findings.filter((f) => f.rule === FILE_TOO_LARGE);
    assert.equal(notices.length, 1);
    assert.match(notices[0].message, /has 1,005 stories; STAR Stories checks the first 1,000/);
    assert.equal(notices[0].start, one.length * MAX_STORIES);
    assert.equal(codes(one.repeat(3)).filter((c) => c === FILE_TOO_LARGE).length, 0, 'an ordinary file has no notice');
  });
});

describe('applying many fixes', function () {
  this.timeout(30_000);
  it('fix-all removes 20,000 hedges in one pass', () => {
    const text = story({ action: 'I shipped it, maybe '.repeat(20_000) + 'on time.' });
    const result = fixAll(new Linter(), text);
    assert.equal(result.fixed, 20_000);
    assert.ok(!/maybe/.test(result.text));
  });

  it('keeps the first of overlapping fixes, an insertion where another edit starts, and never a fix whose own edits overlap', () => {
    const text = 'abcdefghij';
    const fix = (title: string, ...edits: Array<[number, number, string]>) => ({
      title,
      edits: edits.map(([start, end, t]) => ({ start, end, text: t })),
    });
    const result = applyFixes(text, [
      fix('replace bcd', [1, 4, 'X']),
      fix('overlaps bcd', [3, 5, 'Y']),
      fix('insert at e', [4, 4, '+']),
      fix('replace e after the insertion', [4, 5, 'E']),
      fix('insert at e again', [4, 4, '!']),
      fix('self-overlapping', [7, 9, 'P'], [8, 10, 'Q']),
      fix('two edits', [0, 1, 'A'], [9, 10, 'J']),
    ]);
    assert.deepEqual(
      result.applied.map((f) => f.title),
      ['two edits', 'replace bcd', 'insert at e', 'replace e after the insertion'],
    );
    assert.equal(result.text, 'AX+EfghiJ');
  });
});

describe("the time budget (the editor's watchdog)", () => {
  const slow: Rule = {
    name: 'slow-rule',
    description: 'Spins on long stories.',
    group: 'delivery',
    defaultSeverity: 'warning',
    messages: { slow: 'slow' },
    check(s, context) {
      const until = performance.now() + (s.end - s.start > 2000 ? 60 : 0);
      while (performance.now() < until);
      context.report({ messageId: 'slow', start: s.heading.start, end: s.heading.end });
    },
  };
  const long = story({ action: 'I helped with the rollout. '.repeat(100) });
  const short = story({ action: 'I helped with the rollout.' });

  it('replaces the findings of a rule that overran on a story with one notice naming it, and keeps the other rules', () => {
    // weak-verb alone beside it: the whole rule set could itself pass 30 ms on a loaded machine.
    const weakVerb = rules.find((r) => r.name === 'weak-verb')!;
    const linter = new Linter({ rules: [weakVerb, slow], ruleBudgetMs: 30 });
    const findings = linter.lint(long).findings;
    assert.ok(!findings.some((f) => f.rule === 'slow-rule'));
    const notices = findings.filter((f) => f.rule === RULE_SKIPPED);
    assert.equal(notices.length, 1);
    assert.match(notices[0].message, /^Rule slow-rule took \d+ ms on this story/);
    assert.ok(findings.some((f) => f.rule === 'weak-verb'));
  });

  it('skips that rule on stories as long from then on without running it, and runs it on short ones', () => {
    const linter = new Linter({ rules: [slow], ruleBudgetMs: 30 });
    linter.lint(long);
    const again = linter.lint(long + '\nI decided.');
    assert.deepEqual(
      again.findings.map((f) => f.rule),
      [RULE_SKIPPED],
    );
    // Skipped without running: the notice says it overran before, not how long it took now.
    assert.match(again.findings[0].message, /overran its time on a story this long/);
    assert.deepEqual(
      linter.lint(short).findings.map((f) => f.rule),
      ['slow-rule'],
    );
  });

  it('without a budget (the CLI) every rule runs to the end', () => {
    const findings = new Linter({ rules: [slow] }).lint(long).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['slow-rule'],
    );
  });

  it('a lint in steps gives the same result as one in one go, and an abandoned one keeps its finished stories', () => {
    const text = [long, short, story({ title: 'Third', action: 'We would maybe ship.' })].join('\n');
    const expected = new Linter().lint(text).findings;
    const linter = new Linter();
    const steps = linter.lintSteps(text);
    let step = steps.next();
    let pauses = 0;
    for (; !step.done; step = steps.next()) pauses++;
    assert.ok(pauses > rules.length, `paused ${pauses} times`);
    assert.deepEqual(step.value.findings, expected);

    const abandoned = new Linter();
    const partial = abandoned.lintSteps(text);
    for (let i = 0; i < rules.length * 2 + 2; i++) partial.next();
    partial.return(undefined as never);
    const resumed = abandoned.lintSteps(text);
    let count = 0;
    for (let s = resumed.next(); !s.done; s = resumed.next()) count++;
    assert.ok(count < pauses, `the second lint re-did only the unfinished stories (${count} of ${pauses} steps)`);
  });
});

describe('bounded caches', () => {
  it('an LRU cache keeps at most its capacity, dropping the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.equal(
      cache.getOrCreate('a', () => 9),
      1,
    );
    assert.equal(
      cache.getOrCreate('d', () => 4),
      4,
    );
    assert.equal(cache.get('c'), undefined);
  });

  it('front matter phrase lists that change at every lint still find what each list says', () => {
    for (let i = 0; i < 40; i++) {
      const text = `---\nhedges: [zorp${i}]\n---\n` + story({ action: `I zorp${i} shipped it and zorp${i - 1} fixed it.` });
      assert.deepEqual(found(text, 'hedging'), [`zorp${i}`]);
    }
  });
});
