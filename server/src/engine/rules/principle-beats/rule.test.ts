import { strict as assert } from 'node:assert';
import { Linter, type PrincipleSet } from '../..';
import { principleBeats } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const BACKBONE = 'Have Backbone; Disagree and Commit';
const disagreement =
  'I disagreed with the plan to migrate in six weeks and wrote a doc with the replay data. A senior engineer pointed out a gap in my forecast, and I agreed he was right.';
const commit = 'The group chose the migration anyway. I committed to it and wrote the compatibility layer myself.';

/** A company's own values, with a cue ending in `*` and one with an apostrophe. */
const acme: PrincipleSet = {
  id: 'acme',
  name: 'Acme Values',
  principles: [
    {
      id: 'frugal',
      name: 'Spend Like Owners',
      aliases: ['SLO'],
      definition: 'Spend company money as if it were your own.',
      questions: ['Tell me about a time you saved money.'],
      rank: 1,
      beats: [
        { id: 'saving', label: 'money saved', cues: ['sav*', 'cheaper'], advice: 'Say how much you saved.' },
        { id: 'said-no', label: 'a purchase refused', cues: ["didn't buy", 'turned down'], advice: 'Show what you refused to buy.' },
      ],
    },
    {
      id: 'no-beats',
      name: 'Be Kind',
      aliases: [],
      definition: 'Be kind.',
      questions: ['Tell me about a time you were kind.'],
      rank: 2,
      beats: [],
    },
  ],
};

testRule(principleBeats, {
  valid: [
    {
      name: 'a backbone story with the disagreement, the concession and the commit',
      text: story({ principles: BACKBONE, action: `${disagreement} ${commit}` }),
    },
    {
      name: 'a cue of two words matches across a line break and in any case ("got behind")',
      text: story({ principles: 'Backbone', action: `${disagreement} The group chose the migration, and I GOT\nBEHIND it fully.` }),
    },
    {
      name: 'a trailing "*" cue matches word endings ("measured", "measurement")',
      text: story({ principles: 'Dive Deep', action: 'I read the raw logs and traced the root cause to one carrier.' }),
    },
    {
      name: 'evidence may sit in any section, including the Reflection',
      text: story({
        principles: BACKBONE,
        action: disagreement,
        reflection: 'Once the decision was made, I committed to it and said so in the review.',
      }),
    },
    {
      // Written after the rule cried wolf on it: "no team owned it" and "could not creep back" said both beats in other words.
      name: 'ownership told in everyday words: nobody had asked, no team owned it, it could not creep back',
      text: story({
        principles: 'Ownership',
        situation: 'Our logging bill had doubled in a year, and no team owned it.',
        action:
          'Nobody had asked me to, but I took the bill on as my problem. I sampled the debug logs and set a budget alert so the cost could not creep back.',
      }),
    },
    { name: "unknown principles are unknown-principle's business", text: story({ principles: 'Teamwork' }) },
    { name: 'no Principles line', text: story({ principles: null }) },
    {
      name: 'a story with nothing written yet',
      text: '# Draft\nPrinciples: Have Backbone; Disagree and Commit\n\n## Situation\n\n## Action\n',
    },
    {
      name: 'a custom principle set with all beats shown (curly apostrophe for a straight one in the cue)',
      text: story({
        principles: 'Spend Like Owners',
        action: 'I didn’t buy the new licenses and moved us to a cheaper tier, saving $4K a month.',
      }),
      principleSet: acme,
    },
    { name: 'a principle with no beats in a custom set', text: story({ principles: 'Be Kind' }), principleSet: acme },
    {
      name: 'a strong Dive Deep and Ownership story in ordinary words',
      text: story({
        principles: 'Ownership, Dive Deep',
        task: 'No one owned the refund service after the reorg, so I took it on.',
        action:
          'I pulled six weeks of refund logs and found that 70% of delays came from one carrier. I added an alert so it would not happen again.',
      }),
    },
  ],
  invalid: [
    {
      name: 'backbone without the commit',
      text: story({ principles: BACKBONE, action: disagreement }),
      findings: [{ messageId: 'missingBeat', text: BACKBONE }],
    },
    {
      name: "one finding per principle, listing its missing beats, on that principle's entry",
      text: story({
        principles: 'Dive Deep, Backbone',
        action: 'I read the raw logs. I argued against the plan with data.',
        result: 'The plan went ahead.',
      }),
      findings: [
        { messageId: 'missingBeat', text: 'Dive Deep' },
        { messageId: 'missingBeats', text: 'Backbone' },
      ],
    },
    {
      name: 'the Principles line and the title are not evidence ("Commit" in the name)',
      text: story({ title: 'Disagree and commit on the queue', principles: 'Disagree and Commit', action: disagreement }),
      findings: [{ messageId: 'missingBeat', text: 'Disagree and Commit' }],
    },
    {
      name: 'a principle named twice is reported once',
      text: story({ principles: 'Backbone, Have Backbone', action: disagreement }),
      findings: [{ messageId: 'missingBeat', text: 'Backbone' }],
    },
    {
      name: 'code and comments are not evidence',
      text: story({ principles: BACKBONE, action: `${disagreement} \`git commit\` <!-- committed to it -->` }),
      findings: [{ messageId: 'missingBeat', text: BACKBONE }],
    },
    {
      name: 'a custom principle set: a beat with no cue in the story',
      text: story({ principles: 'SLO', action: 'I moved us to a cheaper tier.' }),
      principleSet: acme,
      findings: [{ messageId: 'missingBeat', text: 'SLO' }],
    },
    {
      name: 'cues start on a word boundary: "unsaved" is no match for "sav*"',
      text: story({ principles: 'SLO', action: 'I turned down the upgrade. The unsaved draft stayed.' }),
      principleSet: acme,
      findings: [{ messageId: 'missingBeat', text: 'SLO' }],
    },
  ],
});

describe('rule principle-beats, one problem at a time', () => {
  it('is quiet on a story framed for more principles than the limit: too-many-principles says what matters', () => {
    const text = story({ principles: `Dive Deep, ${BACKBONE}, Ownership, Frugality`, action: disagreement });
    assert.deepEqual(new Linter({ rules: [principleBeats] }).lint(text).findings, []);
    assert.equal(new Linter({ rules: [principleBeats] }).lint(text, { maxPrinciplesPerStory: 4 }).findings.length > 0, true);
  });

  it('lists every missing beat of a principle in one message', () => {
    const text = story({ principles: 'Backbone', action: 'I argued against the plan with data.' });
    const [finding, ...rest] = new Linter({ rules: [principleBeats] }).lint(text).findings;
    assert.equal(rest.length, 0);
    assert.match(
      finding.message,
      /^Have Backbone; Disagree and Commit: no sign of willingness to be wrong or the commit after the decision in this story\./,
    );
  });
});

describe('rule principle-beats message', () => {
  it('names the principle, the beat and its advice', () => {
    const text = story({ principles: BACKBONE, action: disagreement });
    const [finding] = new Linter({ rules: [principleBeats] }).lint(text).findings;
    assert.equal(
      finding.message,
      'Have Backbone; Disagree and Commit: no sign of the commit after the decision in this story. Add the commit: once the decision went the other way, what you did to make the chosen plan succeed. Backbone without the commit scores poorly.',
    );
  });

  it("names the custom set's beat and advice", () => {
    const text = story({ principles: 'SLO', action: 'I moved us to a cheaper tier.' });
    const [finding] = new Linter({ rules: [principleBeats], principleSet: acme }).lint(text).findings;
    assert.equal(finding.message, 'Spend Like Owners: no sign of a purchase refused in this story. Show what you refused to buy.');
  });

  it('tolerates a malformed custom set (cues that are not strings, a beat without cues)', () => {
    const broken = {
      id: 'broken',
      name: 'Broken',
      principles: [
        {
          ...acme.principles[0],
          beats: [
            { id: 'x', label: 'x', advice: 'x', cues: [42, null, '*', ''] },
            { id: 'y', label: 'y', advice: 'y' },
          ],
        },
      ],
    } as unknown as PrincipleSet;
    const findings = new Linter({ principleSet: broken }).lint(story({ principles: 'SLO' })).findings;
    assert.deepEqual(
      findings.filter((f) => f.rule === 'principle-beats' || f.messageId === 'internal-error'),
      [],
    );
  });
});
