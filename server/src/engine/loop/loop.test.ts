import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Linter } from '../lint';
import { amazonPrinciples } from '../principles/amazon';
import type { Finding, Severity } from '../types';
import { defaultRounds } from './defaultLoop';
import { followUpsFor, MAX_FOLLOW_UPS } from './followUps';
import { planLoop, resolveRounds, type PlanStory } from './plan';
import { bankReadiness, ratingOf, readinessOf, RATING_CEILINGS } from './readiness';
import { html, md } from './sheet';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const finding = (rule: string, severity: Severity = 'warning', message = `${rule} message`) => ({ rule, severity, message });

function lintOne(text: string) {
  const result = new Linter({ principleSet: amazonPrinciples }).lint(text, {});
  return { story: result.stories[0], findings: result.findings as Finding[] };
}

describe('readiness', () => {
  it('rates a story without findings "strong inclined", and hints weigh nothing', () => {
    assert.deepEqual(readinessOf([]), { rating: 'strong inclined', score: 0, reasons: [] });
    assert.equal(readinessOf([finding('weak-verb', 'hint'), finding('passive-voice', 'hint')]).rating, 'strong inclined');
  });

  it('weighs a missing Result or a hypothetical answer above a long sentence of the same severity, heaviest first', () => {
    const readiness = readinessOf([finding('long-sentence'), finding('missing-section'), finding('hypothetical')]);
    assert.deepEqual(
      readiness.reasons.map((r) => r.rule),
      ['hypothetical', 'missing-section', 'long-sentence'],
    );
    assert.ok(readiness.reasons[1].weight > readiness.reasons[2].weight);
    assert.equal(readiness.rating, 'strong not inclined');
  });

  it('counts a habit once with a discount: five long sentences weigh less than five different faults', () => {
    const five = readinessOf(Array.from({ length: 5 }, () => finding('long-sentence')));
    assert.equal(five.reasons.length, 1);
    assert.match(five.reasons[0].message, /\(and 4 more\)$/);
    assert.ok(five.score < readinessOf(['a', 'b', 'c', 'd', 'e'].map((r) => finding(r))).score);
  });

  it('the thresholds fall between the ratings', () => {
    for (const [rating, ceiling] of RATING_CEILINGS) {
      assert.equal(ratingOf(ceiling), rating);
      assert.notEqual(ratingOf(ceiling + 0.5), rating);
    }
  });

  it('rates the bank on the five most-probed principles unless a profile marked must-haves', () => {
    const principles = amazonPrinciples.principles.map((p) => ({ rank: p.rank, stories: p.rank <= 4 ? ['good'] : ['weak'] }));
    const stories = [
      { id: 'good', readiness: readinessOf([]) },
      { id: 'weak', readiness: readinessOf([finding('missing-section', 'error'), finding('hypothetical', 'error')]) },
    ];
    assert.deepEqual(bankReadiness(principles, stories), { rating: 'not inclined', mustHavesReady: 4, mustHaves: 5 });
    const marked = principles.map((p) => ({ ...p, mustHave: p.rank <= 2 }));
    assert.deepEqual(bankReadiness(marked, stories), { rating: 'strong inclined', mustHavesReady: 2, mustHaves: 2 });
  });
});

describe('planLoop', () => {
  const story = (id: string, principles: string[], shows: string[] = [], score = 0): PlanStory => ({
    id,
    title: id,
    uri: `file:///${id}.star.md`,
    line: 0,
    principles,
    shows,
    readiness: { rating: ratingOf(score), score, reasons: [] },
  });
  const rounds = [
    { name: 'One', principles: ['customer-obsession', 'dive-deep'] },
    { name: 'Two', principles: ['ownership'] },
  ];

  it('gives each principle a distinct story, preferring one that names it over a reframed one', () => {
    const plan = planLoop(
      rounds,
      [story('shows-co', [], ['Customer Obsession']), story('co-dd', ['Customer Obsession', 'Dive Deep']), story('own', ['Ownership'])],
      undefined,
      amazonPrinciples,
    );
    assert.deepEqual(
      plan.rounds.flatMap((r) => r.slots.map((s) => [s.principle, s.story?.id, s.targeted])),
      [
        ['Customer Obsession', 'shows-co', false],
        ['Dive Deep', 'co-dd', true],
        ['Ownership', 'own', true],
      ],
    );
    assert.deepEqual(plan.uncovered, []);
  });

  it('never uses a story for a principle it neither names nor shows, and leaves the least-probed principle uncovered', () => {
    const plan = planLoop(
      rounds,
      [story('co-dd', ['Customer Obsession', 'Dive Deep']), story('frugal', ['Frugality'])],
      undefined,
      amazonPrinciples,
    );
    assert.deepEqual(
      plan.uncovered.map((s) => s.principle),
      ['Dive Deep', 'Ownership'],
    );
    assert.equal(plan.rounds[0].slots[0].story?.id, 'co-dd');
  });

  it('among stories that name the principle, takes the readier one; on a tie, the first in the bank', () => {
    const one = [{ name: 'One', principles: ['ownership'] }];
    assert.equal(
      planLoop(one, [story('weak', ['Ownership'], [], 9), story('ready', ['Ownership'])], undefined, amazonPrinciples).rounds[0].slots[0]
        .story?.id,
      'ready',
    );
    assert.equal(
      planLoop(one, [story('first', ['Ownership']), story('second', ['Ownership'])], undefined, amazonPrinciples).rounds[0].slots[0].story
        ?.id,
      'first',
    );
  });

  it('plans a draft (a template with no words yet) only when no told story can take the slot', () => {
    const one = [{ name: 'One', principles: ['ownership'] }];
    const draft = { ...story('draft', ['Ownership']), words: 0, readiness: undefined };
    const told = { ...story('told', ['Ownership'], [], 9), words: 400 };
    assert.equal(planLoop(one, [draft, told], undefined, amazonPrinciples).rounds[0].slots[0].story?.id, 'told');
    assert.equal(planLoop(one, [draft], undefined, amazonPrinciples).rounds[0].slots[0].story?.id, 'draft');
  });

  it('on random banks: no story twice, only stories that name or show the principle, every slot planned or uncovered', () => {
    const names = amazonPrinciples.principles.slice(0, 6).map((p) => p.name);
    const arbStory = fc.record({
      principles: fc.subarray(names, { maxLength: 3 }),
      shows: fc.subarray(names, { maxLength: 2 }),
      score: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbStory, { maxLength: 7 }),
        fc.array(fc.subarray(names, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (bank, loop) => {
          const stories = bank.map((s, i) => story(`s${i}`, s.principles, s.shows, s.score));
          const plan = planLoop(
            loop.map((principles, i) => ({ name: `R${i}`, principles })),
            stories,
            undefined,
            amazonPrinciples,
          );
          const used = plan.rounds.flatMap((r) => r.slots).filter((s) => s.story);
          assert.equal(new Set(used.map((s) => s.story!.id)).size, used.length);
          for (const slot of used) {
            const s = stories.find((x) => x.id === slot.story!.id)!;
            assert.ok(s.principles.includes(slot.principle) || s.shows!.includes(slot.principle));
            assert.equal(slot.targeted, s.principles.includes(slot.principle));
          }
          const slots = loop.flat().length;
          assert.equal(plan.uncovered.length + used.length, slots);
        },
      ),
      { numRuns: 200, seed: 20261205 },
    );
  });

  it('resolves names and aliases to ids, and names what it cannot resolve', () => {
    const { rounds: resolved, problems } = resolveRounds(
      [{ name: 'BR', principles: ['Earn Trust', 'DD', 'dive-deep', 'Time Travel'] }],
      amazonPrinciples,
    );
    assert.deepEqual(resolved, [{ name: 'BR', principles: ['earn-trust', 'dive-deep'] }]);
    assert.equal(problems.length, 2);
    assert.match(problems.join('\n'), /"Time Travel" is not a principle/);
  });

  it('the default loop is five rounds over the ten most-probed principles, each once', () => {
    const loop = defaultRounds(amazonPrinciples);
    assert.equal(loop.length, 5);
    const ids = loop.flatMap((r) => r.principles);
    assert.deepEqual(
      [...ids].sort(),
      amazonPrinciples.principles
        .filter((p) => p.rank <= 10)
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe('followUpsFor', () => {
  it('asks how the headline numbers were measured (the result, not the baseline), then the choice; no backbone question off backbone', () => {
    const { story, findings } = lintOne(example('checkout-latency.star.md'));
    const ids = followUpsFor(story, findings).map((f) => f.id);
    assert.equal(ids[0], 'number:$140K');
    assert.ok(!ids.includes('number:11.8%'), 'a "from" number is the baseline');
    assert.ok(ids.includes('decided-against'));
    assert.ok(!ids.includes('backbone'));
    assert.ok(!ids.includes('differently'), 'the story has a specific reflection');
  });

  it('names the whole thing a number counts, and leaves out the numbers that only say which requests or where it started', () => {
    const { story, findings } = lintOne(`# Renewals outage
Principles: Earn Trust

## Situation
For the slowest 1% of requests the billing page timed out.

## Task
I owned the renewal service.

## Action
I rolled back the index and I called the largest customers myself.

## Result
The outage delayed 6,200 renewals and generated 410 support tickets. Pages fell from roughly 60 a week to 8, twice as fast as planned.
`);
    const questions = followUpsFor(story, findings).map((f) => f.question);
    assert.ok(questions.includes('How did you measure the 410 support tickets?'), questions.join('\n'));
    assert.ok(questions.includes('How did you measure the 6,200 renewals?'));
    assert.ok(!questions.some((q) => /1%|"60"|the 60\b/.test(q)), questions.join('\n'));
  });

  it('asks the backbone question of a story told for Have Backbone, after the choice', () => {
    const { story, findings } = lintOne(example('inventory-queue-disagreement.star.md'));
    const ids = followUpsFor(story, findings).map((f) => f.id);
    assert.ok(ids.indexOf('backbone') > ids.indexOf('decided-against'));
  });

  it('digs into "we", a missing baseline and a missing reflection, and stops at eight', () => {
    const text = `# Queue backlog
Principles: Ownership

## Situation
Orders piled up in the queue.

## Task
We had to clear the backlog.

## Action
We split the queue, we added workers and we tuned the retries. The team rewrote the consumer.

## Result
Support tickets fell to 310 a week. We saved $12K, errors fell 40%, throughput rose 3x and costs fell 25%.
`;
    const { story, findings } = lintOne(text);
    const followUps = followUpsFor(story, findings);
    const ids = followUps.map((f) => f.id);
    assert.ok(followUps.length <= MAX_FOLLOW_UPS);
    assert.ok(
      ids.some((id) => id.startsWith('baseline:')),
      ids.join(', '),
    );
    assert.ok(ids.includes('differently'));
    assert.match(followUps.find((f) => f.id === 'my-part')!.why, /"we"/);
    assert.equal(ids.filter((id) => id.startsWith('number:')).length, 3);
  });
});

describe('loop sheet escaping', () => {
  it('Markdown: a title cannot end a table cell, open a link or emphasis, or carry HTML', () => {
    assert.equal(md('A | B [x](y) *z* <b>'), 'A \\| B \\[x\\](y) \\*z\\* &lt;b&gt;');
  });
  it('HTML: every markup character becomes an entity', () => {
    assert.equal(html(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
});
