import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { principleNotShown } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

/** A Deliver Results story (a goal, a deadline, the outcome against the goal) with nothing below the dashboard. */
const launch = (principles: string, action = ACTION) => `# Holiday launch
Principles: ${principles}

## Situation
Our payments team had six weeks to launch digital gift cards before the holiday season, and finance had already promised the date to two retail partners.

## Task
I owned the launch plan, the deadline and the revenue goal of 30,000 cards sold in December.

## Action
${action}

## Result
We launched three days before the goal date and sold 40,000 cards in December, 33% above the target, with no payment incident.

## Reflection
I now cut scope in the first week rather than the last, and I agree a fallback with the business before I commit to a date.
`;
const ACTION =
  'In the first week I cut two features, scheduled delivery and bulk orders, to protect the date, because each needed a partner integration we could not finish in time. ' +
  'I set weekly milestones with the three engineers and reviewed the burndown every Friday. When the payment flow slipped by four days, I moved our tester onto it and took over the release notes myself. ' +
  'I also agreed a fallback with finance: if we missed the date, partners would get a coupon instead.';
const DIG =
  'When the payment flow slipped, I pulled the raw gateway logs myself and found the root cause nobody had seen: a retry loop that doubled every declined card. ' +
  ACTION;

testRule(principleNotShown, {
  valid: [
    { name: 'the principle the story shows', text: launch('Deliver Results') },
    {
      name: "some evidence for each principle claimed (missing beats are principle-beats' advice)",
      text: launch('Deliver Results, Dive Deep', DIG),
    },
    { name: 'a short draft is not judged yet', text: story({ principles: 'Think Big' }) },
    { name: "unknown names are unknown-principle's business", text: launch('Teamwork') },
    {
      name: 'over the principle limit, too-many-principles speaks instead',
      text: launch('Dive Deep, Think Big, Earn Trust, Deliver Results'),
    },
    {
      name: 'a template whose sections are still placeholders',
      text: '# Draft\nPrinciples: Think Big\n\n## Situation\n<!-- Where you were -->\n## Task\n<!-- What you owned -->\n## Action\n<!-- What you did -->\n## Result\n<!-- What changed -->\n',
    },
    { name: 'no Principles line', text: launch('Deliver Results').replace(/^Principles:.*\n/m, '') },
  ],
  invalid: [
    {
      name: 'framed for Dive Deep, shows Deliver Results',
      text: launch('Dive Deep'),
      findings: [{ messageId: 'showsOther', text: 'Dive Deep' }],
    },
    {
      name: 'only the principle that is not shown, on its own entry',
      text: launch('Deliver Results, Earn Trust'),
      findings: [{ messageId: 'showsOther', text: 'Earn Trust' }],
    },
    {
      name: 'an abbreviation is the principle it names',
      text: launch('DD'),
      findings: [{ messageId: 'showsOther', text: 'DD' }],
    },
  ],
});

describe('rule principle-not-shown message', () => {
  it('names the missing evidence and the principles the story reads as', () => {
    const [finding] = new Linter({ rules: [principleNotShown] }).lint(launch('Dive Deep')).findings;
    assert.equal(
      finding.message,
      'This story is framed for Dive Deep but shows none of its evidence (going below the dashboard to the raw data; the root cause others missed); it reads as Bias for Action or Deliver Results. Frame it for what it shows, or tell the part that shows Dive Deep.',
    );
  });

  it('does not suggest a principle the story already claims', () => {
    const [finding] = new Linter({ rules: [principleNotShown] }).lint(launch('Deliver Results, Bias for Action, Earn Trust')).findings;
    assert.equal(finding.messageId, 'notShown');
  });
});
