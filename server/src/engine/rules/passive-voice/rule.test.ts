import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { passiveVoice } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

testRule(passiveVoice, {
  valid: [
    { name: 'a story told in the active voice', text: story({}) },
    {
      name: '"still" makes it a lasting state: "the old version was still deployed"',
      text: story({
        action: 'I checked that the old version was still deployed on standby and that the flag was still turned on, then I rolled back.',
      }),
    },
    {
      name: 'the agent is named: "was approved by the VP"',
      text: story({ action: 'The rollout plan was approved by the VP after I walked her through the risks.' }),
    },
    {
      name: 'the agent is named after a time: "was reviewed on Monday by Ana"',
      text: story({ action: 'The schema change was reviewed on Monday by Ana, and I merged it.' }),
    },
    {
      name: 'states and feelings: interested, excited, tired, located, based',
      text: story({
        action:
          'I was interested in the carrier data. The team was excited, and the office was located in Lisbon. The service was based on Kafka, and everyone was tired.',
      }),
    },
    {
      name: 'impact: "30% of orders were affected"',
      text: story({ result: 'Before the fix 30% of orders were affected; after it, under 1%.' }),
    },
    {
      name: '"was asked to" is manager-directed\'s',
      text: story({ action: 'The on-call engineer was asked to restart the workers while I paused the carrier.' }),
    },
    { name: '"was involved in" is weak-verb\'s', text: story({ action: 'Ana was involved in the review, and I paused the carrier.' }) },
    {
      name: 'the candidate as the subject: "I was paged", "we were acquired"',
      text: story({ action: 'I was paged at 2 a.m., and we were acquired a month later. I paused the carrier.' }),
    },
    {
      name: 'what a system allows: "so failed jobs could be retried"',
      text: story({ action: 'I moved the jobs to a queue so failed jobs could be retried.' }),
    },
    {
      name: 'not a participle: "was indeed", "is need", "was a hundred"',
      text: story({ action: 'The backlog was indeed large; there was a hundred-ticket queue. I paused the carrier.' }),
    },
    {
      name: 'a name after "was": "the owner was Ahmed"',
      text: story({ action: 'The owner was Ahmed, so I paired with him and paused the carrier.' }),
    },
    {
      name: 'the Situation, the Reflection and a goal stated in the Task are not checked',
      text: story({
        situation: 'The service was built in 2015.',
        task: 'The backlog had to be cleared by June.',
        reflection: 'A decision was made too late.',
      }),
    },
    {
      name: 'a goal in the Task: "needed to be", "must be", "should be"',
      text: story({ task: 'The ledger needed to be migrated by June, the old cluster must be retired, and nothing should be lost.' }),
    },
    {
      name: 'the agent is named across a line break: "cancelled by the final stock\ncheck"',
      text: story({ result: 'Only 31 orders were cancelled by the final stock\ncheck, against 100 a year before.' }),
    },
    {
      name: 'code spans and comments are not prose',
      text: story({ action: 'I ran `it was decided` <!-- the fix was deployed --> and paused the carrier.' }),
    },
    {
      name: 'a quotation',
      text: story({ action: 'The memo said "a decision was made" but nobody knew by whom, so I paused the carrier myself.' }),
    },
    {
      name: 'the agent is named later in a wrapped line: "was approved\non Monday by the VP"',
      text: story({ action: 'The rollout plan was approved\non Monday by the VP, and I paused the carrier.' }),
    },
    {
      name: 'a stative passive: "the service was based in Lisbon", "I was involved"',
      text: story({ action: 'The team was based in Lisbon and I was involved from day one, so I paused the carrier.' }),
    },
    { name: '"got started" is a phrasal verb', text: story({ action: 'We got started on Monday, and I paused the carrier.' }) },
  ],
  invalid: [
    {
      name: 'an Action told more in passives than in "I": one finding shown for them all, the rest hints',
      text: story({
        action:
          'I set up a weekly sync. The vendor was selected on cost. The plan was agreed in March. The risks were escalated and were resolved within a week.',
      }),
      findings: [
        { messageId: 'passives', text: 'was selected', severity: 'info' },
        { messageId: 'passive', text: 'was agreed', severity: 'hint' },
        { messageId: 'passive', text: 'were escalated', severity: 'hint' },
        { messageId: 'passive', text: 'were resolved', severity: 'hint' },
      ],
    },
    {
      name: '"the fix was deployed", "a decision was made", "it was decided"',
      text: story({
        action: 'The fix was deployed on Friday. A decision was made to pause the carrier, and it was decided to keep the flag.',
      }),
      findings: [
        { messageId: 'passive', text: 'was deployed' },
        { messageId: 'passive', text: 'was made' },
        { messageId: 'passive', text: 'was decided' },
      ],
    },
    {
      name: '"the bug got fixed" (get-passive)',
      text: story({ result: 'The bug got fixed and settlement fell from nine days to 1.5 days within six weeks.' }),
      findings: [{ messageId: 'passive', text: 'got fixed' }],
    },
    {
      name: 'adverbs, negation, "being", particles: "was quickly rolled back", "wasn\'t tested", "was being rebuilt"',
      text: story({ action: "The change was quickly rolled back. It wasn't tested, and the index was being rebuilt." }),
      findings: [
        { messageId: 'passive', text: 'was quickly rolled back' },
        { messageId: 'passive', text: "wasn't tested" },
        { messageId: 'passive', text: 'was being rebuilt' },
      ],
    },
    {
      name: '"by" that names no one: an amount, a date, a means',
      text: story({
        result: 'Latency was reduced by 40%. The backlog was cleared by Friday, and the queue was drained by rerouting traffic.',
      }),
      findings: [
        { messageId: 'passive', text: 'was reduced' },
        { messageId: 'passive', text: 'was cleared' },
        { messageId: 'passive', text: 'was drained' },
      ],
    },
    {
      name: 'perfect and infinitive passives keep their auxiliary: "has been migrated", "had to be rewritten"',
      text: story({ action: 'The ledger has been migrated, but the parser had to be rewritten.' }),
      findings: [
        { messageId: 'passive', text: 'has been migrated' },
        { messageId: 'passive', text: 'had to be rewritten' },
      ],
    },
    {
      name: '"the team was told about" is not an instruction, so it is passive-voice\'s',
      text: story({ action: 'The team was told about the outage an hour later.' }),
      findings: [{ messageId: 'passive', text: 'was told' }],
    },
    {
      name: 'irregular participles and hyphens: "was written", "were double-charged"',
      text: story({ result: 'A runbook was written, and no customers were double-charged after the change.' }),
      findings: [
        { messageId: 'passive', text: 'was written' },
        { messageId: 'passive', text: 'were double-charged' },
      ],
    },
    {
      name: 'the Task: "had been approved", "was set" hide who approved and who set the deadline',
      text: story({ task: 'The migration plan had been approved and a June deadline was set, but the backfill had no owner.' }),
      findings: [
        { messageId: 'passive', text: 'had been approved' },
        { messageId: 'passive', text: 'was set' },
      ],
    },
    {
      name: 'the phrase spans a line break',
      text: story({ action: 'The carrier integration was\npaused for a week.' }),
      findings: [{ messageId: 'passive', text: 'was\npaused' }],
    },
  ],
});

describe('rule passive-voice message', () => {
  const messages = (action: string) => new Linter({ rules: [passiveVoice] }).lint(story({ action })).findings.map((f) => f.message);

  // The old message offered "I made …" for every passive, putting the candidate on acts that were
  // not theirs ("metrics were being delayed" → "I delayed …"); the actor stays unknown instead.
  it('names the hidden act with its object, and never puts "I" on it', () => {
    assert.deepEqual(messages('A decision was made and the index was rolled back.'), [
      '"was made" hides who acted: say who made the decision.',
      '"was rolled back" hides who acted: say who rolled back the index.',
    ]);
  });

  it('says the object as an object: "Metrics were being delayed" → "the metrics", "it was decided" → "it"', () => {
    assert.deepEqual(messages('Metrics were being delayed, so it was decided to pause the carrier.'), [
      '"were being delayed" hides who acted: say who delayed the metrics.',
      '"was decided" hides who acted: say who decided it.',
    ]);
  });

  it('says "it" where the subject is no plain noun phrase: "the review was carried out" → "carried it out"', () => {
    assert.deepEqual(messages('Results were removed, which was carried out at night.'), [
      '"were removed" hides who acted: say who removed the results.',
      '"was carried out" hides who acted: say who carried it out.',
    ]);
  });
});
