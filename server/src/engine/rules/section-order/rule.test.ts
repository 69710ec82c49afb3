import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { sectionOrder } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';
const S = ['## Situation', 'Refunds took nine days.'];
const T = ['## Task', 'I owned the refund service.'];
const A = ['## Action', 'I paused the slow carrier.'];
const R = ['## Result', 'Settlement fell to 1.5 days.'];
const L = ['## Reflection', 'I read raw logs first now.'];
const storyOf = (...sections: string[][]) => lines('# Refund backlog', 'Principles: Dive Deep', ...sections.flat());

testRule(sectionOrder, {
  valid: [
    { name: 'Situation, Task, Action, Result, Reflection', text: story({}) },
    { name: 'no Reflection', text: story({ reflection: null }) },
    { name: 'a missing section leaves the rest in order (missing-section reports the gap)', text: story({ task: null }) },
    {
      name: 'heading variants in order: Context, Goal, Actions, Outcome, Lessons',
      text: lines('# Checkout', '## Context', 'a', '## Goal', 'b', '## Actions', 'c', '## Outcome', 'd', '## Lessons', 'e'),
    },
    {
      name: 'unknown headings anywhere are ignored',
      text: storyOf(['## Notes', 'Ask about the carrier.'], S, T, ['## Follow-up questions', 'Why nine days?'], A, R),
    },
    {
      name: 'a section split in two keeps its place (Action, Action)',
      text: storyOf(S, T, A, ['## Actions', 'I also added an alert.'], R),
    },
    { name: 'one section alone', text: storyOf(A) },
    { name: 'each story of a file is checked on its own', text: storyOf(S, T, A, R) + '\n' + storyOf(S, A, R) },
    { name: 'CRLF line endings', text: story({}).replace(/\n/g, '\r\n') },
  ],
  invalid: [
    {
      name: 'Task before Situation: the Situation is out of place',
      text: storyOf(T, S, A, R),
      findings: [{ messageId: 'outOfOrder', text: 'Situation' }],
    },
    {
      name: 'Result told first: only the Result moved, not the three after it',
      text: storyOf(R, S, T, A),
      findings: [{ messageId: 'outOfOrder', text: 'Result' }],
    },
    {
      name: 'Reflection before Result: the Reflection is the one out of place',
      text: storyOf(S, T, A, L, R),
      findings: [{ messageId: 'outOfOrder', text: 'Reflection' }],
    },
    {
      name: 'Action and Result swapped',
      text: storyOf(S, T, R, A),
      findings: [{ messageId: 'outOfOrder', text: 'Action' }],
    },
    {
      name: 'fully reversed: three sections reported, the first one kept',
      text: storyOf(R, A, T, S),
      findings: [
        { messageId: 'outOfOrder', text: 'Action' },
        { messageId: 'outOfOrder', text: 'Task' },
        { messageId: 'outOfOrder', text: 'Situation' },
      ],
    },
    {
      name: 'variant headings are named as written',
      text: lines('# Checkout', '## Outcome', 'a', '## Background', 'b', '## What I did', 'c', '## Results', 'd'),
      findings: [{ messageId: 'outOfOrder', text: 'Outcome' }],
    },
    {
      name: 'unknown headings between do not hide the order',
      text: storyOf(S, A, ['## Notes', 'x'], T, R),
      findings: [{ messageId: 'outOfOrder', text: 'Task' }],
    },
  ],
});

describe('rule section-order message', () => {
  it('names where the section belongs and the expected order', () => {
    const [finding] = new Linter({ rules: [sectionOrder] }).lint(storyOf(T, S, A, R)).findings;
    assert.equal(
      finding.message,
      '"Situation" is out of order: it belongs before "Task". Tell the story as Situation, Task, Action, Result, then Reflection.',
    );
  });

  it('a Reflection before the Result belongs after it', () => {
    const [finding] = new Linter({ rules: [sectionOrder] }).lint(storyOf(S, T, A, L, R)).findings;
    assert.match(finding.message, /"Reflection" is out of order: it belongs after "Result"/);
  });
});
