import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { hypothetical } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string) => story({ action: text });

testRule(hypothetical, {
  valid: [
    {
      name: 'a plan stated after a colon: "one rule: if the error rate crossed 1%, I would roll back"',
      text: action('I set one rule for the rollout: if the error rate crossed 1%, I would roll back at once.'),
    },
    {
      name: 'an argument reported with "argued that", continued after ", and then"',
      text: story({
        action: 'I argued that their data lead would find the waste within a year anyway, and then we would lose their trust.',
      }),
    },
    // From the independent review of the field corpus: "would" inside a past story that is no hypothetical answer.
    {
      name: 'a consequence told in the past: "I owned the engine, so I would build it"',
      text: story({
        action: 'I owned the rules engine, so I would build and launch it. Before building it, I measured its effect on buyers.',
      }),
    },
    {
      name: 'a prediction the candidate saw: "I saw we would be at least two weeks late"',
      text: story({ task: 'Three weeks before the date, I saw we would be at least two weeks late, because load tests failed.' }),
    },
    {
      name: 'a purpose: "so we would catch regressions"',
      text: story({ action: 'We also added alarms on the latency so we would catch regressions earlier, and I ran a second load test.' }),
    },
    {
      name: 'a projection acted on: "at the current rate we would double-charge"',
      text: story({ action: 'At the current rate we would double-charge about 35 more fans an hour, so I turned off client retries.' }),
    },
    {
      name: 'speech reported after a colon',
      text: story({ action: 'I said to everyone: I changed the breaks without asking you, this was wrong, and I will fix it this week.' }),
    },
    {
      name: 'an opinion about the story: "I would call this"',
      text: story({ result: 'Refunds settled in 1.5 days within six weeks. I would call this one of my most valuable projects.' }),
    },
    {
      name: 'what the candidate would do again, in the Reflection',
      text: story({ reflection: 'If I were to do this again at a bigger scale, I would build a dashboard first.' }),
    },
    { name: 'a past-tense story', text: story({}) },
    {
      name: 'reported speech: a past promise is a real event',
      text: action('I told the VP I would own the rollback, and I did: I wrote the runbook that night.'),
    },
    {
      name: 'reported speech with "that"',
      text: action('The risk was that I would miss the freeze, so I cut the scope to the refund path.'),
    },
    {
      name: '"I\'d already shipped" is a past perfect',
      text: action("By the time finance asked, I'd already shipped the fix to 5% of traffic."),
    },
    {
      name: '"I\'d" + a hyphenated participle is a past perfect',
      text: action("I'd double-checked the numbers and I'd re-run the backfill before the review."),
    },
    {
      name: '"I\'d" + adverb + participle is a past perfect',
      text: action("I'd personally reviewed every alert, and I'd never seen the carrier time out before."),
    },
    {
      name: "a quotation is someone else's words",
      text: action('The customer wrote "I will never order again", so I pulled her order history.'),
    },
    {
      name: 'a habit in the Reflection is the point of a reflection',
      text: story({ reflection: 'Now I always write a rollback plan before I touch a schema, and I will keep doing that.' }),
    },
    {
      name: 'background habits in the Situation',
      text: story({ situation: 'We usually released monthly, and I always reviewed the dashboards on Monday.' }),
    },
    {
      name: 'hindsight about what did not happen',
      text: action(
        'Ideally I would have escalated sooner, but I waited a day for the logs. I would have called the vendor, but their line was down.',
      ),
    },
    { name: '"will" inside other words is not a modal', text: action('I willingly took the pager and shipped the willow release.') },
  ],
  invalid: [
    {
      name: '"If sales came to me…, I would ask": a conditional answer, not a reported question',
      text: action('If sales came to me asking for a custom feature, I would ask them for the data behind it.'),
      findings: [{ messageId: 'hypothetical', text: 'I would' }],
    },
    {
      name: '"I would say" set off by commas is a filler, told without a fix (which comma goes depends on the sentence)',
      text: story({ situation: 'There was a bit of, I would say, scepticism about these projects.' }),
      findings: [{ messageId: 'filler', text: 'I would say' }],
    },
    {
      name: 'what the candidate would do another time, told in the Action where a deed should be: info, no fix',
      text: story({
        action: 'I pulled the logs and paused the carrier. If I were to do this again at a bigger scale, I would build a dashboard first.',
      }),
      findings: [{ messageId: 'redoInAction', text: 'If I were', severity: 'info' }],
    },
    {
      name: '"I would call every customer" is a plan, not an opinion about the story',
      text: story({ action: 'I would call every customer myself.' }),
      findings: [{ messageId: 'hypothetical', text: 'I would' }],
      output: story({ action: 'I called every customer myself.' }),
    },
    {
      name: '"So I would first …" opens a plan',
      text: story({ action: 'So I would first gather data from the refund logs.' }),
      findings: [{ messageId: 'hypothetical', text: 'I would' }],
      output: story({ action: 'So I first gathered data from the refund logs.' }),
    },
    {
      // Found by the fuzzer: the rewrite joined the lines and swallowed whatever lay between the words.
      name: "no rewrite across a line break or a comment: flagged, but the user's text is kept",
      text: action('After the fix, I would\nsearch the logs. Then I would <!-- check with Ana --> talk to the stakeholders.'),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
    },
    {
      name: "the domain's weak example becomes past tense",
      text: action('I would first gather data and then I would talk to the stakeholders.'),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
      output: action('I first gathered data and then I talked to the stakeholders.'),
    },
    {
      // Was "I red-run", "I doubled-check", "I overwrited": the word before a hyphen, and prefixed irregular verbs, taken as regular.
      name: 'hyphenated and prefixed verbs keep their prefix and take the past of their verb',
      text: action(
        'I would re-run the job. I would double-check it. I would overwrite the cache and retake the test. I would have re-written the doc. I would overlap the cutover.',
      ),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
      output: action(
        'I re-ran the job. I double-checked it. I overwrote the cache and retook the test. I re-wrote the doc. I overlapped the cutover.',
      ),
    },
    {
      name: 'negation, "would have", "be", contractions and "will"',
      text: action(
        "I would not wait for the review. I would have escalated to the VP. I'd stop the rollout. I will plan the cutover. I would be the owner.",
      ),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: "I'd" },
        { messageId: 'hypothetical', text: 'I will' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
      output: action(
        'I did not wait for the review. I escalated to the VP. I stopped the rollout. I planned the cutover. I was the owner.',
      ),
    },
    {
      name: 'contracted negatives keep their apostrophe',
      text: action("I wouldn't wait for sign-off. I won’t ship it untested. I would've escalated."),
      findings: [
        { messageId: 'hypothetical', text: "I wouldn't" },
        { messageId: 'hypothetical', text: 'I won’t' },
        { messageId: 'hypothetical', text: "I would've" },
      ],
      output: action("I didn't wait for sign-off. I didn’t ship it untested. I escalated."),
    },
    {
      name: 'spelling of the past: doubling, -y, -e, irregular, -ly adverbs',
      text: action(
        "I would debug the job. I'll apply the patch. I would need two engineers. I would gradually roll it out. I would write the doc.",
      ),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: "I'll" },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
      output: action('I debugged the job. I applied the patch. I needed two engineers. I gradually rolled it out. I wrote the doc.'),
    },
    {
      name: '"I\'d never ship" is not a past perfect',
      text: action("I'd never ship a schema change on a Friday."),
      findings: [{ messageId: 'hypothetical', text: "I'd" }],
      output: action('I never shipped a schema change on a Friday.'),
    },
    {
      name: '"To fix that, I would…": "that" as a pronoun does not make it reported speech',
      text: action('To fix that, I would page the on-call.'),
      findings: [{ messageId: 'hypothetical', text: 'I would' }],
      output: action('To fix that, I paged the on-call.'),
    },
    {
      name: '"we would" is a hypothetical too',
      text: action('We would review every schema change twice.'),
      findings: [{ messageId: 'hypothetical', text: 'We would' }],
      output: action('We reviewed every schema change twice.'),
    },
    {
      name: 'no fix where the past would not say the same thing: "if I were", "I would rather"',
      text: action('If I were the owner I would escalate. I would rather wait.'),
      findings: [
        { messageId: 'hypothetical', text: 'If I were' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
    },
    {
      // Was a hypothetical with no fix; "I would say" is an opinion marker, and deleting it keeps who did what.
      name: '"I would say" is a filler: deleted, the capital moving to the next word',
      text: action(
        "I would say it went well. Then I'd say that the fix held, and I would say I learned a lot. It was the right call, I would say.",
      ),
      findings: [
        { messageId: 'filler', text: 'I would say' },
        { messageId: 'filler', text: "I'd say" },
        { messageId: 'filler', text: 'I would say' },
        { messageId: 'filler', text: 'I would say' },
      ],
      output: action('It went well. Then the fix held, and I learned a lot. It was the right call.'),
    },
    {
      name: '"I would say no" is a hypothetical act, not a filler',
      text: action('I would say no to the VP.'),
      findings: [{ messageId: 'hypothetical', text: 'I would' }],
    },
    {
      name: 'no fix for a future plan or "again"',
      text: story({ result: 'Refunds settle in 1.5 days now. I would do it again, and I will present it at the all-hands next month.' }),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I will' },
      ],
    },
    {
      name: 'a report ends at ", and": the next clause is the candidate speaking now; a resolution gets no fix',
      text: action('I told the VP I would own the new date, and I will always remember that call.'),
      findings: [{ messageId: 'hypothetical', text: 'I will' }],
    },
    {
      name: 'habits instead of the one time: flagged, never rewritten',
      text: action('I usually check the logs first. We always pair on migrations. I tend to escalate early.'),
      findings: [
        { messageId: 'habitual', text: 'I usually' },
        { messageId: 'habitual', text: 'We always' },
        { messageId: 'habitual', text: 'I tend to' },
      ],
    },
    {
      name: 'coordinated verbs of the same clause take the past too',
      text: action(
        'I would write the doc and send it to finance. I would first gather data and then talk to the stakeholders. I would draft the plan, review it with Ana and then roll back the flag.',
      ),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
      output: action(
        'I wrote the doc and sent it to finance. I first gathered data and then talked to the stakeholders. I drafted the plan, reviewed it with Ana and then rolled back the flag.',
      ),
    },
    {
      name: 'coordination stops where the clause does: nouns, a new subject, an infinitive, a subordinate clause, negation',
      text: action(
        'I would write the doc and test plan. I would page Ana and she would fix it. I would ask Ana to review and approve it. I would pause the job because the queue was full and wait. I would not wait and escalate the bug.',
      ),
      findings: [
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
        { messageId: 'hypothetical', text: 'I would' },
      ],
      output: action(
        'I wrote the doc and test plan. I paged Ana and she would fix it. I asked Ana to review and approve it. I paused the job because the queue was full and wait. I did not wait and escalate the bug.',
      ),
    },
    {
      name: 'hypotheticals in the Task are flagged too',
      text: story({ task: 'I would own the refund service end to end for the quarter.' }),
      findings: [{ messageId: 'hypothetical', text: 'I would' }],
      output: story({ task: 'I owned the refund service end to end for the quarter.' }),
    },
  ],
});

describe('rule hypothetical fix', () => {
  it('names every word it changes, and changes nothing between them', () => {
    const text = action('I would write the doc and send it.');
    const [finding] = new Linter({ rules: [hypothetical] }).lint(text).findings;
    assert.equal(finding.fix?.title, 'Rewrite "I would write" as "I wrote" and "send" as "sent"');
    assert.deepEqual(
      finding.fix?.edits.map((e) => [text.slice(e.start, e.end), e.text]),
      [
        ['I would write', 'I wrote'],
        ['send', 'sent'],
      ],
    );
  });
});

describe('rule hypothetical filler', () => {
  it('has its own message and a fix titled with what it deletes', () => {
    const text = action('I would say that the launch went well.');
    const [finding] = new Linter({ rules: [hypothetical] }).lint(text).findings;
    assert.equal(finding.message, '"I would say" is a filler; just say it.');
    assert.equal(finding.fix?.title, 'Delete "I would say that"');
  });
});
