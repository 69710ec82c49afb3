import { strict as assert } from 'node:assert';
import { Linter } from '../../../server/src/engine';
import { Bank, buildSnapshot, newStoryTemplate, renderCoverage, summarizeStories } from '../../../server/src/engine/bank';
import { expandSnippet } from '../../e2e/expected';
import { amazonPrinciples } from '../../../server/src/engine/principles/amazon';
import { resolveProfile } from '../../../server/src/engine/profiles';
import { weOverI } from '../../../server/src/engine/rules/we-over-i/rule';
import { story } from '../ruleTester';
import { CHECKOUT, CHECKOUT_COPY, SEARCH_ACCENTS } from './stories';

const uri = (name: string) => `file:///bank/${name}`;
const summaries = (text: string, settings = {}) => summarizeStories(uri('a.star.md'), text, new Linter().lint(text, settings));

describe('story bank: summaries', () => {
  it('sums up a story: title, lines, canonical principles, words, time, I/we, Action share, problems', () => {
    const text = story({
      title: 'Refund backlog',
      principles: 'CO, dd',
      task: 'We had one quarter to bring settlement under two days.',
      action: 'We pulled the refund logs. I found that 70% of delays came from one carrier, and I decided to pause that integration.',
    });
    const [s] = summaries('\n\n' + text);
    assert.equal(s.title, 'Refund backlog');
    assert.equal(s.id, `${uri('a.star.md')}#2`);
    assert.equal(s.line, 2);
    assert.equal(s.endLine, 2 + text.trimEnd().split('\n').length - 1, 'the last line with text');
    assert.deepEqual(s.principles, ['Customer Obsession', 'Dive Deep']);
    // Situation 11 + Task 10 + Action 22 + Result 19 + Reflection 11.
    assert.equal(s.words, 73);
    assert.equal(s.seconds, 29);
    assert.equal(s.targetSeconds, 180);
    assert.equal(s.actionShare, Math.round((22 / 73) * 1000) / 1000);
    assert.deepEqual([s.iCount, s.weCount], [2, 2]);
    // The Task's "We" is outnumbered 1 to 0 there: one we-over-i finding, which is one problem.
    assert.equal(s.problems, new Linter().lint(text).findings.length);
    assert.ok(s.problems >= 1);
  });

  it('counts I and we exactly as we-over-i does (commentary "I would say" is not the candidate acting)', () => {
    const action = 'We planned it and I would say it went fine. Our team shipped it; I wrote the runbook and the team reviewed it.';
    const text = story({ task: 'I owned it.', action });
    const [s] = summaries(text);
    const reported = new Linter({ rules: [weOverI] }).lint(text).findings;
    // we-over-i fires when plural outnumbers singular; its message carries both counts.
    assert.match(reported[0].message, /acts 3 times and "I" once/);
    assert.deepEqual([s.iCount, s.weCount], [2, 3], 'Task 1 I; Action 1 I against 3 plural');
  });

  it('uses the configured pace and target, names an untitled draft, and keeps unknown principles out', () => {
    const draft = '## Situation\nOne.\n\n## Task\nTwo.\n\n## Action\n' + 'I shipped it. '.repeat(50) + '\n\n## Result\nThree.\n';
    const [s] = summaries(draft, { wordsPerMinute: 100, targetSeconds: 120 });
    assert.equal(s.title, 'Untitled story');
    assert.equal(s.seconds, 92, '153 words at 100 a minute');
    assert.equal(s.targetSeconds, 120);
    const [typo] = summaries(story({ principles: 'Customer Obsesion, Ownership, Ownership' }));
    assert.deepEqual(typo.principles, ['Ownership']);
  });

  it('rates a told story, and leaves a fresh template unrated: nothing to mark is not "strong inclined"', () => {
    const template = expandSnippet(newStoryTemplate(amazonPrinciples, ['Ownership']).split('\n'));
    const [draft] = summaries(template);
    assert.equal(draft.readiness, undefined);
    const [told] = summaries(CHECKOUT);
    assert.ok(told.words >= 25);
    assert.equal(told.readiness?.rating, 'strong inclined');
  });
});

describe('story bank: coverage', () => {
  const bank = new Bank();
  bank.update(uri('b.star.md'), SEARCH_ACCENTS);
  bank.update(uri('a.star.md'), CHECKOUT + '\n' + story({ title: 'Pager rota', principles: 'Ownership' }));
  const snapshot = bank.snapshot(['file:///bank']);

  it('lists every principle in rank order with its stories: covered at 2+, thin at 1, missing at 0', () => {
    assert.deepEqual(
      snapshot.principles.map((p) => p.name),
      [...amazonPrinciples.principles].sort((a, b) => a.rank - b.rank).map((p) => p.name),
    );
    const byName = Object.fromEntries(snapshot.principles.map((p) => [p.name, p]));
    assert.deepEqual(byName['Customer Obsession'].stories, [`${uri('a.star.md')}#0`, `${uri('b.star.md')}#0`]);
    assert.equal(byName['Customer Obsession'].status, 'covered');
    assert.equal(byName['Ownership'].status, 'thin');
    assert.equal(byName['Frugality'].status, 'missing');
    assert.ok(byName['Frugality'].definition.length > 20 && byName['Frugality'].questions.length > 0);
  });

  it('orders stories by file, then line, and counts bank findings as problems', () => {
    assert.deepEqual(
      snapshot.stories.map((s) => s.title),
      ['Checkout latency regression', 'Pager rota', 'Search that could not find accented names'],
    );
    assert.deepEqual(snapshot.folders, ['file:///bank']);
    assert.equal(snapshot.maxPrinciplesPerStory, 3);
    const before = snapshot.stories[0].problems;
    bank.update(uri('c.star.md'), CHECKOUT_COPY);
    const after = bank.snapshot([]).stories.find((s) => s.title === 'Checkout latency regression')!;
    assert.equal(after.problems, before + 1, 'the duplicate-story finding counts');
  });

  it('equals the snapshot built from the same summaries', () => {
    const fresh = new Bank();
    fresh.update(uri('b.star.md'), SEARCH_ACCENTS);
    const direct = buildSnapshot(
      summarizeStories(uri('b.star.md'), SEARCH_ACCENTS, new Linter().lint(SEARCH_ACCENTS)),
      amazonPrinciples,
      3,
      [],
      resolveProfile({}),
    );
    assert.deepEqual(fresh.snapshot([]), direct);
  });

  it('a file indexed with the rules deferred shows its stories at once and its problem counts once linted', () => {
    const now = new Bank();
    now.update(uri('a.star.md'), CHECKOUT);
    now.update(uri('c.star.md'), CHECKOUT_COPY);
    const later = new Bank();
    later.update(uri('a.star.md'), CHECKOUT, undefined, { lint: 'later' });
    later.update(uri('c.star.md'), CHECKOUT_COPY, undefined, { lint: 'later' });
    const parsed = later.snapshot([]);
    assert.deepEqual(
      parsed.stories.map((s) => [s.title, s.principles, s.words]),
      now.snapshot([]).stories.map((s) => [s.title, s.principles, s.words]),
    );
    assert.deepEqual(
      parsed.stories.map((s) => s.problems),
      [0, 0],
      'nothing counted before the stories are compared',
    );
    assert.equal(later.indexPending().length, 2);
    assert.deepEqual(
      later.snapshot([]).stories.map((s) => s.problems),
      [1, 1],
      'then only the duplicate-story findings, before the rules run',
    );
    assert.deepEqual(later.pendingLints().sort(), [uri('a.star.md'), uri('c.star.md')]);
    for (const file of later.pendingLints()) assert.equal(later.lintDeferred(file), true);
    assert.deepEqual(later.pendingLints(), []);
    assert.deepEqual(later.snapshot([]), now.snapshot([]));
  });
});

describe('story bank: reports', () => {
  const bank = new Bank();
  bank.update(uri('payments.star.md'), CHECKOUT);
  bank.update(uri('search.star.md'), SEARCH_ACCENTS);
  bank.update(uri('wide.star.md'), story({ title: 'Everything at once', principles: 'Ownership, Frugality, Think Big, Earn Trust' }));
  const snapshot = bank.snapshot(['file:///bank']);

  it('text: each principle with its stories by number, the stories, the gaps and the stories over the limit', () => {
    const text = renderCoverage(snapshot, 'text');
    assert.match(text, /^Amazon Leadership Principles: 3 stories in 3 files; 2 principles covered, 4 thin, 10 missing\n/);
    assert.match(text, /\n1\. Customer Obsession \* +covered \(2\) +S1, S2\n/);
    assert.match(text, /\n13\. Frugality +thin \(1\) +S3\n/);
    assert.match(text, /\n\d+\. Deliver Results \* +missing \(0\)\n/);
    assert.match(text, /\n {2}S1 {2}Checkout latency regression \(payments\.star\.md:1\) {2}2:43 \/ 3:00, 0 problems, strong inclined\n/);
    assert.match(text, /- Missing \(no story\): Bias for Action, Deliver Results,/);
    assert.match(text, /- Everything at once: 4 principles \(Ownership, Frugality, Think Big, Earn Trust\)\n/);
  });

  it('markdown: a row per principle listing its stories by number and short title, then the stories and the gaps', () => {
    const md = renderCoverage(snapshot, 'markdown');
    assert.match(md, /^# Story bank coverage\n/);
    assert.match(md, /\n\| # \| Principle \| Status \| Stories \|\n\|---\|---\|---\|---\|\n/);
    assert.match(
      md,
      /\n\| 1 \| Customer Obsession \*must\* \| covered \(2\) \| S1 Checkout latency regression<br>S2 Search that could not find… \|\n/,
    );
    assert.match(md, /\n\| \d+ \| Deliver Results \*must\* \| missing \(0\) \| – \|\n/);
    assert.match(
      md,
      /\n\| S2 \| Search that could not find accented names \| `search\.star\.md:1` \| 1:[0-9]{2} \/ 3:00 \| Customer Obsession, Dive Deep \| \d+ \| (?:strong )?(?:not )?inclined \|\n/,
    );
    assert.match(md, /\n## Gaps\n\n- Missing \(no story\): /);
    assert.match(md, /Over the principle limit \(3 per story\):\n {2}- Everything at once: 4 principles/);
  });

  it('json: exactly the snapshot', () => {
    assert.deepEqual(JSON.parse(renderCoverage(snapshot, 'json')), snapshot);
  });

  it('an empty bank still lists every principle as missing', () => {
    const empty = new Bank().snapshot([]);
    assert.match(renderCoverage(empty, 'text'), /0 stories in 0 files; 0 principles covered, 0 thin, 16 missing/);
    assert.match(renderCoverage(empty, 'markdown'), /\n\| 16 \| Success and Scale Bring Broad Responsibility \| missing \(0\) \| – \|\n/);
  });

  it('markdown: the table keeps four columns with 20 stories, so it fits a normal editor width', () => {
    const many = new Bank();
    for (let i = 1; i <= 20; i++) many.update(uri(`s${i}.star.md`), story({ title: `Story number ${i}`, principles: 'Ownership' }));
    const md = renderCoverage(many.snapshot(['file:///bank']), 'markdown');
    const table = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.equal(table.length, 16);
    for (const row of table) assert.equal(row.split(/(?<!\\)\|/).length - 2, 4, row);
    assert.match(md, /\| Ownership \*must\* \| covered \(20\) \| S1 Story number 1<br>S2 Story number 10<br>.*<br>S20 Story number 9 \|/);
  });
});

describe('story bank: new story template', () => {
  const template = newStoryTemplate(amazonPrinciples, ['Dive Deep', 'backbone'], 'Cost of $5 {draft}');

  it('has the title placeholder, the Principles line with canonical names, and the five sections as tab stops holding their hint in a comment', () => {
    const lines = template.split('\n');
    assert.equal(lines[0], '# ${1:Cost of \\$5 {draft\\}}');
    assert.equal(lines[1], 'Principles: Dive Deep, Have Backbone; Disagree and Commit');
    for (const [i, name] of ['Situation', 'Task', 'Action', 'Result', 'Reflection'].entries()) {
      const at = lines.indexOf(`## ${name}`);
      assert.ok(at > 0, name);
      assert.match(lines[at + 1], new RegExp(`^\\$\\{${i + 2}:<!-- [^\n]+ -->\\}$`), name);
    }
    assert.ok(template.endsWith('$0'));
  });

  it("puts each principle's typical question and beats in comments, which are never linted nor timed", () => {
    const dive = amazonPrinciples.principles.find((p) => p.name === 'Dive Deep')!;
    assert.ok(template.includes(`<!-- Dive Deep: "${dive.questions[0]}"`));
    for (const beat of dive.beats) assert.ok(template.includes(`- ${beat.label}:`), beat.label);
    // Expanded as an editor inserts it: the comments add no words and no finding points into them.
    const expanded = expandSnippet([template]);
    const result = new Linter().lint(expanded);
    assert.equal(result.stories.length, 1);
    // Nothing is written yet, so there is nothing to coach: no finding before the first keystroke.
    assert.deepEqual(
      result.findings.map((f) => `${f.rule}: ${expanded.slice(f.start, f.end)}`),
      [],
    );
    assert.equal(summarizeStories('x', expanded, result)[0].words, 0);
  });
});
