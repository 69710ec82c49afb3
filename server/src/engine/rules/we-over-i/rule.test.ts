import { weOverI } from './rule';
import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { story, testRule } from '../../../../../test/unit/ruleTester';

// A Task with no pronouns, so each case's Action alone decides the count.
const task = 'The billing data had to move off the old cluster before it was retired in June.';

testRule(weOverI, {
  valid: [
    { name: 'a story told in the first person', text: story({}) },
    {
      // From the independent review of the field corpus: the bullets are plainly the candidate's acts.
      name: 'notes without a subject are the writer acting: one "we decided" among them is not a team story',
      text: story({
        task,
        action:
          '- Read ~200 support tickets, then called 15 churned advertisers myself.\n- Wrote the spec for even pacing.\n- We decided to launch to new advertisers only.',
      }),
    },
    {
      name: '"we" for the shared work, "I" for the candidate\'s part',
      text: story({
        action:
          'We agreed on a two-week freeze. I wrote the cutover plan, I ran the dry run on staging, and I made the call to go live on a Tuesday.',
      }),
    },
    {
      name: 'a tie is not "outnumbered"',
      text: story({ task, action: 'We split the work and I took the schema changes.' }),
    },
    {
      name: '"we" in the Task is not outnumbered by the Task\'s own "I"',
      text: story({ task: 'We had to move billing by June, and I owned the cut-over.', action: 'We froze deploys, and I wrote the plan.' }),
    },
    {
      name: '"I told the team": the team is the object, the candidate acts',
      text: story({
        task,
        action: 'I told the team we had to freeze deploys. I asked my team for a volunteer, and we paired on the cutover.',
      }),
    },
    {
      name: '"US customers" is a country, not "us"',
      text: story({ task, action: 'I rolled the change out to US customers first, then to the EU. We watched the error rate.' }),
    },
    {
      name: '"we" inside code spans and link URLs is not prose',
      text: story({
        task,
        action: 'I ran `we --migrate --our-db` and followed [the runbook](https://wiki.example.com/we/our/us). We shipped.',
      }),
    },
    {
      name: 'plural words in the Situation and Result are not counted',
      text: story({
        situation: 'Our team owned billing and we had three outages that quarter; our customers noticed.',
        result: 'We cut settlement time from nine days to 1.5 days, and our refund complaints fell by 40%.',
      }),
    },
  ],
  invalid: [
    {
      name: 'notes without a subject do not outweigh a story told as "we"',
      text: story({
        task,
        action: '- Read the old schema.\n- We planned the move, we wrote the scripts and we ran the cut-over on a Sunday.',
      }),
      findings: [{ messageId: 'plural', text: 'We' }],
    },
    {
      // Found by the fuzzer's sibling in hypothetical: "We were" joined across a line break or a comment.
      name: '"We" before "were" on the next line or after a comment: only the pronoun changes',
      text: story({ task, action: 'We\nwere asked to move it. We <!-- all of us? --> were on call.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'We',
          suggestionOutput: story({ task, action: 'I\nwere asked to move it. I <!-- all of us? --> were on call.' }),
        },
      ],
    },
    {
      name: 'one finding for the section, with every "we" as related information; the suggestion keeps agreement',
      text: story({ task, action: 'We were short on time, so we cut scope. Our plan moved us forward.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'We',
          suggestions: ['Tell it in the first person: "we" → "I" in 2 places of your Action'],
          suggestionOutput: story({ task, action: 'I was short on time, so I cut scope. Our plan moved us forward.' }),
        },
      ],
    },
    {
      name: 'contractions and "are": "we\'re" → "I\'m", "we are" → "I am", "we\'ve" → "I\'ve"',
      text: story({ task, action: "We're behind, we are blocked, and we've asked for help. We weren't ready." }),
      findings: [
        {
          messageId: 'plural',
          text: "We're",
          suggestionOutput: story({ task, action: "I'm behind, I am blocked, and I've asked for help. I wasn't ready." }),
        },
      ],
    },
    {
      name: 'curly apostrophes are kept',
      text: story({ task, action: 'We’re cutting over tonight and we’ll watch the queue.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'We’re',
          suggestionOutput: story({ task, action: 'I’m cutting over tonight and I’ll watch the queue.' }),
        },
      ],
    },
    {
      name: 'lowercase "we" stays lowercase as "I"; "ourselves" becomes "myself"',
      text: story({ task, action: 'Then we rewrote it. The tests passed and we did it ourselves.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'we',
          suggestionOutput: story({ task, action: 'Then I rewrote it. The tests passed and I did it myself.' }),
        },
      ],
    },
    {
      name: '"the team" as a subject is counted but not rewritten',
      text: story({ task, action: 'The team rewrote the parser and the team shipped it. We celebrated.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'The team',
          suggestionOutput: story({ task, action: 'The team rewrote the parser and the team shipped it. I celebrated.' }),
        },
      ],
    },
    {
      name: 'Task and Action are counted separately: an "I" in the Task does not excuse a "we" Action',
      text: story({ task: 'I owned the cut-over.', action: 'We froze deploys and we moved the ledger.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'We',
          suggestionOutput: story({ task: 'I owned the cut-over.', action: 'I froze deploys and I moved the ledger.' }),
        },
      ],
    },
    {
      name: 'a Task told as "we" is flagged on its own',
      text: story({ task: 'We had to move billing before June.' }),
      findings: [{ messageId: 'plural', text: 'We', line: 10 }],
    },
    {
      name: '"I would say" is commentary, not something the candidate did, so it does not offset "we"',
      text: story({ task, action: 'We migrated the ledger and I would say it went well.' }),
      findings: [{ messageId: 'plural', text: 'We' }],
    },
    {
      name: 'a shared action ("together") is counted but not rewritten, since "I … together" would not read',
      text: story({ task, action: 'We worked through the backlog together and we shipped on time.' }),
      findings: [
        {
          messageId: 'plural',
          text: 'We',
          suggestionOutput: story({ task, action: 'We worked through the backlog together and I shipped on time.' }),
        },
      ],
    },
  ],
});

describe('rule we-over-i, one finding per section', () => {
  it('names the count and lists every occurrence as related information', () => {
    const text = story({
      task,
      action: 'We split the backlog and we met daily. The team shipped the job, and we reviewed it. I wrote the runbook.',
    });
    const [finding, ...rest] = new Linter({ rules: [weOverI] }).lint(text).findings;
    assert.equal(rest.length, 0);
    assert.equal(finding.message, 'In your Action, "we" or "the team" acts 4 times and "I" once; say what you did yourself.');
    assert.deepEqual(
      finding.relatedSpans?.map((r) => text.slice(r.start, r.end)),
      ['We', 'we', 'The team', 'we'],
    );
    assert.equal(finding.fix, undefined, 'a rewrite of who did what is never applied on save');
  });

  it('does not count a "we" in a general, present-tense statement ("every feature we ship")', () => {
    const text = story({
      task: 'My job is to make sure that every feature we ship solves a real problem rather than something we assumed.',
    });
    assert.deepEqual(new Linter({ rules: [weOverI] }).lint(text).findings, []);
  });

  it('does not count "our" and "us", which name who was affected, not who acted', () => {
    const text = story({ task, action: 'I met stakeholders from our ops team, and it cost us a week. Our customers waited.' });
    assert.deepEqual(new Linter({ rules: [weOverI] }).lint(text).findings, []);
  });
});
