import { strict as assert } from 'node:assert';
import {
  chooseUncoveredPrinciple,
  fallbackTemplate,
  folderChoices,
  noGapsMessage,
  practicePrompt,
  practiceStoryChoice,
  practiceSummary,
  practiceTimerText,
  principleRows,
  selectionOrder,
  shortQuestion,
  slugify,
  sortedStories,
  speakingTimeStatus,
  storyAt,
  storyDescription,
  storyRow,
  storyTooltip,
  summaryRow,
  summaryText,
  uniqueFileName,
} from '../../../client/src/bankViewModel';
import { formatDuration } from '../../../server/src/protocol';
import { bankSnapshot, storySummary } from './snapshot';
import { Linter } from '../../../server/src/engine';
import { expandSnippet } from '../../e2e/expected';

const checkout = storySummary({
  title: 'Checkout latency',
  uri: 'file:///bank/checkout.star.md',
  principles: ['Customer Obsession', 'Dive Deep'],
  seconds: 130,
  problems: 3,
});
const refunds = storySummary({
  title: 'Refund backlog',
  uri: 'file:///bank/refunds.star.md',
  principles: ['Customer Obsession'],
  seconds: 200,
});
const pager = storySummary({ title: 'Pager fatigue', uri: 'file:///bank/ops/pager.star.md', line: 20, principles: [] });
const bank = bankSnapshot(['Customer Obsession', 'Ownership', 'Dive Deep'], [checkout, refunds, pager]);

/** Math.random stand-in returning the given values in turn. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('bank view model: coverage tree rows', () => {
  it('lists principles in rank order with status, icon and description', () => {
    const shuffled = { ...bank, principles: [...bank.principles].reverse() };
    const rows = principleRows(shuffled, false);
    assert.deepEqual(
      rows.map((r) => [r.label, r.description, r.contextValue, r.icon, r.color]),
      [
        ['Customer Obsession', '2 stories', 'principle-covered', 'pass', 'testing.iconPassed'],
        ['Ownership', 'missing', 'principle-missing', 'circle-outline', 'list.errorForeground'],
        ['Dive Deep', '1 story: add a second', 'principle-thin', 'warning', 'list.warningForeground'],
      ],
    );
  });

  it("gives each principle its stories, skipping ids the snapshot doesn't hold", () => {
    const stale = {
      ...bank,
      principles: bank.principles.map((p) => (p.name === 'Dive Deep' ? { ...p, stories: [...p.stories, 'file:///gone.star.md#0'] } : p)),
    };
    const rows = principleRows(stale, false);
    assert.deepEqual(
      rows[0].stories.map((s) => s.title),
      ['Checkout latency', 'Refund backlog'],
    );
    assert.deepEqual(
      rows[2].stories.map((s) => s.title),
      ['Checkout latency'],
    );
    assert.match(rows[0].tooltip, /What Customer Obsession means\.[\s\S]*Stories: Checkout latency, Refund backlog/);
  });

  it('shows only thin and missing principles when filtering for gaps', () => {
    assert.deepEqual(
      principleRows(bank, true).map((r) => r.label),
      ['Ownership', 'Dive Deep'],
    );
  });

  it('summarizes principles with at least one story and the story count', () => {
    assert.equal(summaryText(bank), '2/3 principles · 3 stories');
    assert.equal(
      summaryText(bankSnapshot(['Ownership', 'Dive Deep'], [storySummary({ title: 'x', principles: ['Ownership'] })])),
      '1/2 principles · 1 story',
    );
    assert.match(noGapsMessage(bank), /every principle of Amazon Leadership Principles has 2 or more stories/);
  });
});

describe('bank view model: stories view and status bar', () => {
  it('describes a story by problems first (the view cuts the end), then rating, time and principles', () => {
    assert.equal(storyDescription(checkout), '3 problems · 2:10 of 3:00 · Customer Obsession, Dive Deep');
    assert.equal(storyDescription({ ...refunds, problems: 1 }), '1 problem · 3:20 of 3:00 · Customer Obsession');
    assert.equal(storyDescription(pager), 'no problems · 2:00 of 3:00 · no principles');
    const rated = { ...checkout, readiness: { rating: 'not inclined' as const, score: 4, reasons: [] } };
    assert.equal(storyDescription(rated), '3 problems · not inclined · 2:10 of 3:00 · Customer Obsession, Dive Deep');
  });

  it('says a story listed before the rules have run on it is still being checked, not that it has no problems', () => {
    const listedFirst = { ...pager, pending: true as const, iCount: 0, weCount: 0 };
    assert.equal(storyDescription(listedFirst), 'checking… · 2:00 of 3:00 · no principles');
    const tip = storyTooltip(listedFirst);
    assert.match(tip, /Problems: still being checked/);
    assert.match(tip, /I \/ we in Task and Action: still being counted/);
    assert.doesNotMatch(tip, /0 \/ 0/);
  });

  it('gives a row with problems a badge with their count, which the view never cuts', () => {
    assert.equal(storyRow(checkout).badge, '3');
    assert.equal(storyRow(pager).badge, undefined);
    assert.equal(storyRow({ ...pager, problems: 250 }).badge, '99');
  });

  it('tooltips the rating with its heaviest reasons, in Markdown that keeps the title as written', () => {
    const reasons = [4, 3, 2, 1].map((weight) => ({ rule: `rule-${weight}`, message: `Reason ${weight}`, weight }));
    const tip = storyTooltip({ ...checkout, title: '*Q3* launch', readiness: { rating: 'not inclined', score: 10, reasons } });
    assert.match(tip, /^\*\*\\\*Q3\\\* launch\*\*\n\n\*\*Not inclined\*\*: what an interviewer would write today\. What lowers it:/);
    assert.match(tip, /- Reason 4 \(`rule-4`\)\n- Reason 3 \(`rule-3`\)\n- Reason 2 \(`rule-2`\)\n- and 1 more/);
    assert.doesNotMatch(tip, /Reason 1/);
    const sent = storyTooltip({ ...checkout, readiness: { rating: 'not inclined', score: 10, reasons: reasons.slice(0, 3), omitted: 4 } });
    assert.match(sent, /- Reason 2 \(`rule-2`\)\n- and 4 more/, 'the reasons the server left out of the snapshot are counted');
    const clean = storyTooltip({ ...pager, readiness: { rating: 'strong inclined', score: 0, reasons: [] } });
    assert.match(clean, /\*\*Strong inclined\*\*: what an interviewer would write today; nothing they would mark\./);
    assert.doesNotMatch(storyTooltip(pager), /inclined/, 'no rating line when the server sends none');
  });

  it('marks a story that is over target or has problems', () => {
    assert.equal(storyRow(checkout).needsWork, true);
    assert.equal(storyRow(refunds).needsWork, true);
    assert.equal(storyRow(pager).needsWork, false);
    assert.match(storyRow(refunds).tooltip, /target 3:00 \(over target\)/);
    assert.equal(storyRow({ ...pager, title: '' }).label, '(untitled story)');
  });

  it('sorts stories by title', () => {
    assert.deepEqual(
      sortedStories(bank).map((s) => s.title),
      ['Checkout latency', 'Pager fatigue', 'Refund backlog'],
    );
  });

  it('finds the story under the cursor from its heading line to its last line', () => {
    const uri = 'file:///bank/ops/pager.star.md';
    assert.equal(storyAt(bank, uri, 20)?.title, 'Pager fatigue');
    assert.equal(storyAt(bank, uri, 35)?.title, 'Pager fatigue');
    assert.equal(storyAt(bank, uri, 19), undefined, 'above the heading');
    assert.equal(storyAt(bank, uri, 36), undefined, 'after the last line');
    assert.equal(storyAt(bank, 'file:///bank/other.star.md', 20), undefined);
    assert.equal(storyAt(undefined, uri, 20), undefined);
  });

  it('shows speaking time vs target in the status bar, flagged when over', () => {
    assert.deepEqual(
      [
        speakingTimeStatus(checkout).text,
        speakingTimeStatus(checkout).over,
        speakingTimeStatus(refunds).text,
        speakingTimeStatus(refunds).over,
      ],
      ['$(book) 300 words · 2:10 of 3:00', false, '$(book) 300 words · 3:20 of 3:00', true],
    );
    assert.match(speakingTimeStatus(refunds).tooltip, /over target/);
  });

  it('says where the target comes from when a config file or front matter overrides the setting', () => {
    const fromFile = storySummary({
      title: 'Refund backlog',
      seconds: 140,
      targetSeconds: 150,
      targetOverride: { from: '.star-stories.json', settingSeconds: 180 },
    });
    const fromFrontMatter = storySummary({
      title: 'Pager fatigue',
      targetSeconds: 120,
      targetOverride: { from: 'front matter', settingSeconds: 200 },
    });
    assert.match(speakingTimeStatus(fromFile).tooltip, /target 2:30 \(from \.star-stories\.json; your setting says 3:00\)/);
    assert.match(storyTooltip(fromFile), /target 2:30 \(from \.star-stories\.json; your setting says 3:00\)/);
    assert.match(speakingTimeStatus(fromFrontMatter).tooltip, /target 2:00 \(from this file's front matter; your setting says 3:20\)/);
    assert.doesNotMatch(speakingTimeStatus(checkout).tooltip, /setting/, 'no note when the setting is what applies');
  });

  it('formats durations as m:ss', () => {
    assert.deepEqual([0, 9, 59.6, 60, 130.4, 3600, -5, Number.NaN].map(formatDuration), [
      '0:00',
      '0:09',
      '1:00',
      '1:00',
      '2:10',
      '60:00',
      '0:00',
      '0:00',
    ]);
  });
});

describe('bank view model: new story', () => {
  it('slugs a title into a file name', () => {
    assert.equal(slugify('Checkout latency: p99 → 300 ms!'), 'checkout-latency-p99-300-ms');
    assert.equal(slugify('Café rollout at Zürich'), 'cafe-rollout-at-zurich');
    assert.equal(slugify('🚀🚀'), 'story');
    assert.equal(slugify('   '), 'story');
    const long = slugify('a very long title that goes on and on well past the sixty character limit');
    assert.ok(long.length <= 60 && !long.endsWith('-'), long);
  });

  it('never reuses an existing file name', async () => {
    const taken = new Set(['checkout.star.md', 'checkout-2.star.md']);
    assert.equal(await uniqueFileName('checkout', async (n) => taken.has(n)), 'checkout-3.star.md');
    assert.equal(await uniqueFileName('refunds', async (n) => taken.has(n)), 'refunds.star.md');
    await assert.rejects(
      uniqueFileName('x', async () => true, 5),
      /No free file name/,
    );
  });

  it('offers the folder with most stories first', () => {
    const roots = [
      { uri: 'file:///bank', name: 'bank' },
      { uri: 'file:///notes/', name: 'notes' },
    ];
    const snapshot = bankSnapshot(
      ['Ownership'],
      [
        checkout,
        refunds,
        storySummary({ title: 'a', uri: 'file:///bank/my%20stories/a.star.md' }),
        storySummary({ title: 'b', uri: 'file:///bank/my%20stories/a.star.md', line: 30 }),
        storySummary({ title: 'c', uri: 'file:///bank/my%20stories/c.star.md' }),
        storySummary({ title: 'elsewhere', uri: 'file:///tmp/x.star.md' }),
      ],
    );
    assert.deepEqual(folderChoices(snapshot, roots), [
      { uri: 'file:///bank/my%20stories', label: 'bank/my stories', stories: 3 },
      { uri: 'file:///bank', label: 'bank', stories: 2 },
      { uri: 'file:///notes', label: 'notes', stories: 0 },
    ]);
    assert.deepEqual(
      folderChoices(undefined, roots).map((c) => c.label),
      ['bank', 'notes'],
    );
  });

  it('names a story under the innermost of nested workspace folders', () => {
    const roots = [
      { uri: 'file:///bank', name: 'bank' },
      { uri: 'file:///bank/ops', name: 'ops' },
    ];
    assert.deepEqual(folderChoices(bankSnapshot([], [pager]), roots)[0], { uri: 'file:///bank/ops', label: 'ops', stories: 1 });
  });

  it('keeps principles in the order they were ticked', () => {
    let order = selectionOrder([], ['Dive Deep']);
    order = selectionOrder(order, ['Customer Obsession', 'Dive Deep']);
    assert.deepEqual(order, ['Dive Deep', 'Customer Obsession']);
    order = selectionOrder(order, ['Customer Obsession', 'Ownership']);
    assert.deepEqual(order, ['Customer Obsession', 'Ownership']);
  });

  it('falls back to a STAR skeleton whose title cannot break the snippet', () => {
    const text = fallbackTemplate('Saved $40k {fast}', ['Frugality']);
    assert.ok(text.startsWith('# Saved \\$40k {fast\\}\nPrinciples: Frugality\n'), text);
    for (const heading of ['## Situation', '## Task', '## Action', '## Result', '## Reflection'])
      assert.ok(text.includes(`\n${heading}\n`), heading);
    assert.match(fallbackTemplate('T', []), /^# T\nPrinciples: \$\{1:Customer Obsession\}\n/);
    // Its prompts are comments: no finding and no speaking time until the story is written.
    const result = new Linter().lint(expandSnippet([text]));
    assert.deepEqual(
      result.findings.map((f) => f.rule),
      [],
    );
  });
});

describe('bank view model: practice', () => {
  it('picks an uncovered principle at random: missing first, then thin, then any', () => {
    const twoMissing = bankSnapshot(['Customer Obsession', 'Ownership', 'Dive Deep', 'Frugality'], [checkout, refunds]);
    assert.equal(chooseUncoveredPrinciple(twoMissing, () => 0)?.name, 'Ownership');
    assert.equal(chooseUncoveredPrinciple(twoMissing, () => 0.99)?.name, 'Frugality');
    assert.equal(
      chooseUncoveredPrinciple(bankSnapshot(['Customer Obsession', 'Dive Deep'], [checkout, refunds]), () => 0.5)?.name,
      'Dive Deep',
    );
    const allCovered = bankSnapshot(['Customer Obsession'], [checkout, refunds]);
    assert.equal(chooseUncoveredPrinciple(allCovered, () => 0)?.name, 'Customer Obsession');
    assert.equal(
      chooseUncoveredPrinciple(bankSnapshot([], []), () => 0),
      undefined,
    );
  });

  it("asks one of the principle's questions and offers all its stories to choose from", () => {
    const co = bank.principles[0];
    const prompt = practicePrompt(bank, co, sequence(0.7));
    assert.equal(prompt.question, 'Give an example of Customer Obsession under pressure.');
    assert.deepEqual(
      prompt.stories.map((s) => s.title),
      ['Checkout latency', 'Refund backlog'],
    );
    assert.deepEqual(practiceStoryChoice({ ...refunds, readiness: { rating: 'inclined', score: 1, reasons: [] } }), {
      label: 'Refund backlog',
      description: '3:20 of 3:00 · inclined · no problems',
      detail: 'Customer Obsession',
    });
    const ownership = practicePrompt(bank, bank.principles[1], () => 0);
    assert.deepEqual(ownership.stories, []);
    const noQuestions = practicePrompt(bank, { ...co, questions: [] }, () => 0);
    assert.equal(noQuestions.question, 'Tell me about a time you showed Customer Obsession.');
  });

  it('shows the timer against the target and sums up the run', () => {
    assert.equal(practiceTimerText(65, 180), '$(watch) Practising 1:05 / 3:00');
    assert.notEqual(practiceTimerText(130, 180).replace(/\$\(\w+\)/, ''), speakingTimeStatus(checkout).text.replace(/\$\(\w+\)/, ''));
  });

  it('cuts the question at a word for the status bar', () => {
    const long = 'Tell me about a time you had to disagree with your manager about a deadline.';
    assert.equal(shortQuestion(long), 'Tell me about a time you had to disagree with…');
    assert.ok(shortQuestion(long).length <= 48);
    assert.equal(shortQuestion('Why Amazon?'), 'Why Amazon?');
    assert.equal(practiceSummary(150, 180), 'You spoke for 2:30 (target 3:00): within the target.');
    assert.equal(practiceSummary(200, 180), 'You spoke for 3:20 (target 3:00): 0:20 over the target.');
  });
});

describe('bank view model: loop readiness in the tree', () => {
  it('keeps the coverage summary and no children when the server sends no readiness or checks', () => {
    const row = summaryRow(bank);
    assert.equal(row.label, summaryText(bank));
    assert.deepEqual(row.checks, []);
  });

  it('leads with the must-haves rated inclined and lists the checks, failed ones first with the principles to fill', () => {
    const snapshot = {
      ...bank,
      profile: { role: 'manager', level: 'L6', name: 'Engineering manager, L6' },
      readiness: { rating: 'not inclined' as const, mustHavesReady: 6, mustHaves: 8 },
      composition: [
        { id: 'count', label: '8 to 10 stories', ok: true, detail: '9 stories.' },
        { id: 'failure', label: 'A failure story', ok: false, detail: 'No story tells a failure.', principles: ['ownership', 'dive-deep'] },
      ],
    };
    const row = summaryRow(snapshot);
    assert.equal(row.label, 'Loop readiness: 6 of 8 must-haves inclined; 3 stories');
    assert.equal(row.description, 'Engineering manager, L6');
    assert.match(row.tooltip, /"not inclined"/);
    assert.deepEqual(
      row.checks.map((c) => [c.label, c.contextValue, c.icon, c.principles]),
      [
        ['A failure story', 'composition-failed', 'warning', ['ownership', 'dive-deep']],
        ['8 to 10 stories', 'composition-ok', 'pass', []],
      ],
    );
    assert.match(row.checks[0].tooltip, /New Story for Ownership, Dive Deep/);
  });
});
