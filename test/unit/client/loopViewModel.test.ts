import { strict as assert } from 'node:assert';
import { drillOrder, drillSummary, planMarkdown } from '../../../client/src/loopViewModel';
import type { FollowUp, LoopPlan, PlannedSlot } from '../../../server/src/protocol';

const story = (n: number) => ({ id: `file:///s${n}.star.md#0`, title: `Story ${n}`, uri: `file:///s${n}.star.md`, line: 0 });
const slot = (round: string, principle: string, n?: number, targeted = true): PlannedSlot => ({
  round,
  principleId: principle.toLowerCase().replace(/\W+/g, '-'),
  principle,
  story: n === undefined ? undefined : story(n),
  targeted: n !== undefined && targeted,
});

describe('Plan My Loop page', () => {
  const plan: LoopPlan = {
    source: 'profile',
    rounds: [
      { name: 'Round 1', slots: [slot('Round 1', 'Ownership', 1), slot('Round 1', 'Dive Deep', 2, false)] },
      { name: 'Round 2', slots: [slot('Round 2', 'Frugality')] },
    ],
    uncovered: [slot('Round 2', 'Frugality')],
  };
  const page = planMarkdown(plan);

  it('has one table row per principle asked, with the story to tell', () => {
    assert.match(page, /\| Round 1 \| Ownership \| Story 1 \|/);
    assert.match(page, /\| Round 2 \| Frugality \| \*\*no story left\*\* \|/);
  });

  it('says when a story is told for a principle it does not name', () => {
    assert.match(page, /\| Dive Deep \| Story 2 \(reframed\) \|/);
  });

  it('counts the distinct stories and lists what the bank cannot cover', () => {
    assert.match(page, /2 distinct stories/);
    assert.match(page, /## Not covered[\s\S]*- Frugality \(Round 2\)/);
  });

  it('keeps a title with a pipe inside its cell', () => {
    const odd: LoopPlan = {
      source: 'config',
      rounds: [{ name: 'R', slots: [{ ...slot('R', 'Ownership', 1), story: { ...story(1), title: 'A | B' } }] }],
      uncovered: [],
    };
    assert.match(planMarkdown(odd), /\| R \| Ownership \| A \\\| B \|/);
    assert.match(planMarkdown(odd), /from `loop` in your configuration/);
  });
});

describe('follow-up drill', () => {
  const followUps: FollowUp[] = ['number:31%', 'baseline', 'decided-against'].map((id) => ({ id, question: `Q ${id}`, why: 'because' }));

  it('asks the open follow-ups first, and all of them again once every one is answered', () => {
    assert.deepEqual(
      drillOrder(followUps, new Set(['baseline'])).map((f) => f.id),
      ['number:31%', 'decided-against'],
    );
    assert.equal(drillOrder(followUps, new Set(followUps.map((f) => f.id))).length, 3);
  });

  it('sums up how many are answered', () => {
    assert.match(drillSummary('Billing', followUps, new Set(['baseline'])), /1 of 3 follow-ups answered/);
    assert.match(drillSummary('Billing', followUps, new Set(followUps.map((f) => f.id))), /all 3 follow-ups answered/);
  });
});
