import { contradictoryNumbers } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

testRule(contradictoryNumbers, {
  valid: [
    { name: 'the default story', text: story({}) },
    {
      name: 'a change told in order: up from 40 to 95, then down from 95 to 30',
      text: story({
        situation: 'Support tickets about wrong addresses rose from 40 to 95 a week over the spring.',
        result: 'Support tickets about addresses went from 95 to 30 a week within a month.',
      }),
    },
    {
      name: 'a goal and the outcome differ: that is the point',
      text: story({
        task: 'My goal was to bring median settlement from nine days to two days within the quarter.',
        result: 'Median settlement fell from nine days to 1.5 days within six weeks.',
      }),
    },
    {
      name: 'different things counted: tickets and refunds',
      text: story({
        situation: 'We received about 900 tickets a week, and hundreds of refunds a week were late.',
        result: 'Late refunds fell from 400 to 60 a week within a month.',
      }),
    },
    {
      name: 'a part and the whole: hundreds of customers, 12 of whom I called',
      text: story({
        situation: 'Hundreds of customers had their orders sent to an old address.',
        action:
          'I called 12 customers from the complaint queue and decided to ship a server-side fix instead of waiting for the app release.',
      }),
    },
    {
      name: 'a team that grew',
      text: story({
        task: 'I led a team of 5 engineers and owned the refund service.',
        action:
          'I hired three more engineers, so by launch my 8 engineers split the work; I decided to pause the carrier integration instead of waiting.',
      }),
    },
    {
      name: 'staged results: a pilot and the full rollout',
      text: story({
        result:
          'In the pilot region, errors fell from 5% to 2%. After the full rollout, errors fell from 5% to 0.5% of orders within a month.',
      }),
    },
    {
      name: 'savings over different periods',
      text: story({ result: 'The change saved $20K a month from March, and it saved $240K a year once every region moved.' }),
    },
    {
      name: 'a count and a rate are different quantities',
      text: story({
        situation: 'The queue held hundreds of tickets a week during the peak.',
        result: 'The queue dropped by 60%, and we closed 120 tickets in the first two days.',
      }),
    },
    {
      name: 'two measures in the same unit: p99 and p50',
      text: story({
        action: 'I cached the first fraud call: p50 latency went from 300 ms to 200 ms, but I decided the p99 needed more than a cache.',
        result: 'Within three weeks p99 latency dropped from 2.4 seconds to 200 ms.',
      }),
    },
    {
      name: 'the org and my team',
      text: story({
        situation: 'Our org had 40 engineers across five teams, and the partner org had a team of 20.',
        task: 'I led a team of 6 and owned the refund service.',
      }),
    },
    {
      name: 'what a change cost and what it saved',
      text: story({
        action: 'I moved old logs to cold storage, which cost $5,000 to set up, and decided to keep one week hot instead of a month.',
        result: 'The bill fell from $41,000 to $16,500 a month within six weeks, which saved about $290,000 a year.',
      }),
    },
    {
      name: 'a percentage that matches its change, and a change in points',
      text: story({
        result:
          'Oversold orders went from 300 a week to 40 a week (an 87% drop), and abandoned carts fell from 9% to 7% of sessions, a 2% drop. Tickets fell from 900 to 310 a week, 40% of them about addresses.',
      }),
    },
    {
      name: 'an approximate start leaves room for a round percentage',
      text: story({ result: 'Oversold orders went from about 300 a week to 40 a week, an 80% reduction.' }),
    },
    {
      name: 'a year and a version are not amounts',
      text: story({
        situation: 'In 2021 our app v2 had 3 crash reports a day.',
        result: 'By 2022 crash reports fell from 3 to 0.2 a day.',
      }),
    },
  ],
  invalid: [
    {
      name: 'hundreds, then about 100',
      text: story({
        situation: 'We were getting hundreds of tickets a week about wrong addresses.',
        result: 'We went from about 100 tickets a week to 20 within a month.',
      }),
      findings: [{ messageId: 'contradiction', text: 'from about 100 tickets a week to 20' }],
    },
    {
      name: 'hundreds, then a static 100',
      text: story({
        situation: 'Support was getting hundreds of tickets a week about wrong addresses.',
        action:
          'I read every one of the roughly 100 tickets a week myself, and decided to fix the cache instead of waiting for the app release.',
      }),
      findings: [{ messageId: 'contradiction', text: '100 tickets a week' }],
    },
    {
      name: 'a team of 5, then my 8 engineers',
      text: story({
        task: 'I led a team of 5 and owned the refund service.',
        action: 'I split the work across my 8 engineers and decided to pause the carrier integration instead of waiting for the review.',
      }),
      findings: [{ messageId: 'contradiction', text: 'my 8 engineers' }],
    },
    {
      name: 'a team of five, then my eight engineers: sizes said in words',
      text: story({
        task: 'I led a team of five and owned the refund service.',
        action:
          'I split the work across my eight engineers and decided to pause the carrier integration instead of waiting for the review.',
      }),
      findings: [{ messageId: 'contradiction', text: 'my eight engineers' }],
    },
    {
      name: 'the same change with two baselines',
      text: story({
        situation: 'Support tickets about wrong addresses rose from 40 to 95 a week.',
        result: 'Support tickets had gone from 50 to 95 a week before the fix; after it they fell to 30.',
      }),
      findings: [{ messageId: 'contradiction', text: 'from 50 to 95 a week' }],
    },
    {
      name: 'the same saving told twice',
      text: story({
        action: 'I moved the logs to cold storage, which saved $2M, and decided to keep one week hot instead of a month.',
        result: 'Overall the change saved $200K and nobody lost data.',
      }),
      findings: [{ messageId: 'contradiction', text: '$200K' }],
    },
    {
      name: 'a Situation amount against the baseline of the Result',
      text: story({
        situation: 'We got about 100 refund complaints a week.',
        result: 'Refund complaints fell from 400 to 50 a week within a month.',
      }),
      findings: [{ messageId: 'contradiction', text: 'from 400 to 50 a week' }],
    },
    {
      name: 'a sentence wrapped across lines is read whole',
      text: story({
        situation: 'Customers were charged twice, and support got hundreds of tickets a\nweek about it.',
        result: 'Duplicate-charge tickets fell from about 100 tickets a week to 4\nwithin a month.',
      }),
      findings: [{ messageId: 'contradiction', text: 'from about 100 tickets a week to 4' }],
    },
    {
      name: 'a percentage that does not match its own change',
      text: story({ result: 'Refund complaints fell from 400 to 200 a week, a 75% reduction, within a month.' }),
      findings: [{ messageId: 'arithmetic', text: 'from 400 to 200 a week, a 75% reduction' }],
    },
    {
      name: 'a percentage in brackets',
      text: story({ result: 'Refund complaints fell from 400 to 200 a week (a 75% drop) within a month.' }),
      findings: [{ messageId: 'arithmetic', text: 'from 400 to 200 a week (a 75% drop)' }],
    },
    {
      name: 'the original amount told twice',
      text: story({
        situation: 'The sync service was 60,000 lines of Java with no owner, and refunds were taking nine days to settle.',
        result:
          'Settlement fell from nine days to 1.5 days within six weeks; the new service is 6,000 lines, a tenth of the original 40,000.',
      }),
      findings: [{ messageId: 'contradiction', text: 'the original 40,000' }],
    },
    {
      name: 'thousands, then 300',
      text: story({
        situation: 'Thousands of orders a day were routed to the wrong warehouse.',
        result: 'Misrouted orders dropped from 300 orders a day to 12 within two weeks.',
      }),
      findings: [{ messageId: 'contradiction', text: 'from 300 orders a day to 12' }],
    },
  ],
});
