import { blame } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

testRule(blame, {
  valid: [
    {
      name: "the candidate's own work with many bugs is owned, not blamed",
      text: story({ situation: 'My first version had many bugs, so I added a replay test before each release.' }),
    },
    {
      name: "a colleague's reason given as a fact, not guessed",
      text: story({ action: "My director kept the timeline because the VP didn't want to relearn the format before the board meeting." }),
    },
    { name: 'a story that blames no one', text: story({}) },
    {
      name: 'a neutral fact about another company',
      text: story({ situation: "The vendor's API changed without notice, and 12% of refunds started failing." }),
    },
    {
      name: 'a neutral fact about who owned what',
      text: story({ task: 'The payments team owned the service, so I wrote them a one-page proposal with the failure data.' }),
    },
    {
      name: "the candidate's own admitted mistake",
      text: story({
        action: 'I dropped the ball on the handoff: I never told support that the flag was on, so I called the support lead that night.',
      }),
    },
    {
      name: 'the candidate was careless, not someone else',
      text: story({
        action:
          'I was careless with the migration script and deleted a staging table, so I restored it from the snapshot and added a dry-run flag.',
      }),
    },
    {
      name: 'a constructive description of someone who disagreed',
      text: story({
        action: 'She disagreed, with good reasons: the migration would freeze her roadmap for a quarter. I split it into two phases.',
      }),
    },
    {
      name: 'the team owning a miss together',
      text: story({ reflection: 'We dropped the ball on monitoring, and I took the action item to add the three missing alerts.' }),
    },
    {
      name: 'customers not reading a guide is a product insight',
      text: story({ situation: "Customers didn't read the setup guide, so half of them never connected a bank account." }),
    },
    {
      name: 'a blame the candidate says they got wrong',
      text: story({
        reflection: 'At first I assumed the other team was careless; now I ask for their test plan before I judge a failure.',
      }),
    },
    {
      name: 'a neutral cause with a team in it',
      text: story({ situation: 'The incident came from a config push by the platform team, and checkout errors rose to 4%.' }),
    },
    {
      name: 'someone new to the code, said kindly',
      text: story({ action: 'He was new to the codebase and had no context on the retry logic, so I paired with him for two days.' }),
    },
    {
      name: "the candidate's own carelessness",
      text: story({ reflection: 'My carelessness cost us a day, and I now run the dry run before every migration.' }),
    },
    {
      name: 'defending someone: "it wasn\'t her fault"',
      text: story({ action: "It wasn't her fault: the spec never mentioned refunds, so I rewrote it with her that afternoon." }),
    },
    {
      name: 'the blame that lay with the candidate',
      text: story({ reflection: 'The blame lay with me, and I now review every retry setting before a launch.' }),
    },
    {
      name: 'someone who ignored an email, then answered',
      text: story({ action: 'They ignored my first email, so I walked over to their desk with the refund logs.' }),
    },
    {
      name: "a verdict on the candidate's own work",
      text: story({ reflection: 'My testing was weak, so I now write the contract test before the change.' }),
    },
    {
      name: 'a weak signal is not a person',
      text: story({ action: 'The signal in the logs was weak, so I sampled six weeks instead of one.' }),
    },
    {
      name: 'a team new to a tool, said as a fact',
      text: story({ situation: 'The payments team was not experienced with Kafka, and refund events were getting lost.' }),
    },
    {
      name: 'a vendor slow to answer, said as a fact',
      text: story({
        action: 'The vendor was not responsive for two weeks, so I built a fallback that retried through the second carrier.',
      }),
    },
    {
      name: "a root cause in another team's code",
      text: story({ situation: 'The team that owned the parser never tested it with non-Latin addresses, and 4% of refunds failed.' }),
    },
    {
      name: '"nobody\'s fault"',
      text: story({ action: "I told the team it was nobody's fault and ran a blameless postmortem the next morning." }),
    },
    {
      name: 'inside a code span',
      text: story({ action: 'I ran `the other team dropped the ball` through the script and paused the carrier.' }),
    },
  ],
  invalid: [
    {
      name: 'a verdict as a count of someone else\'s faults: "their API had many bugs"',
      text: story({ situation: 'The backend team shipped the route API three weeks late, and their API had many bugs.' }),
      findings: [{ messageId: 'blame', text: 'their API had many bugs' }],
    },
    {
      name: "a guess at a colleague's motive for disagreeing",
      text: story({ action: "Jordan didn't support me, honestly I think because he didn't want to redo his slides." }),
      findings: [{ messageId: 'motive', text: "honestly I think because he didn't want" }],
    },
    {
      name: '"he wasn\'t receptive to feedback"',
      text: story({ situation: "My teammate owned the parser. He wasn't receptive to feedback, so the bug sat in review for a month." }),
      findings: [{ messageId: 'blame', text: "He wasn't receptive" }],
    },
    {
      name: '"the other team dropped the ball"',
      text: story({ situation: 'The other team dropped the ball on the schema change, and our checkout broke for a day.' }),
      findings: [{ messageId: 'blame', text: 'The other team dropped the ball' }],
    },
    {
      name: '"because QA was careless"',
      text: story({ situation: 'The release slipped two weeks because QA was careless with the regression suite.' }),
      findings: [{ messageId: 'blame', text: 'QA was careless' }],
    },
    {
      name: '"my lazy coworker"',
      text: story({ situation: 'My lazy coworker never updated the runbook, so every incident took hours.' }),
      findings: [{ messageId: 'blame', text: 'My lazy coworker' }],
    },
    {
      name: '"it was their fault"',
      text: story({ action: 'I told my director it was their fault and pulled six weeks of logs to prove it.' }),
      findings: [{ messageId: 'blame', text: 'their fault' }],
    },
    {
      name: '"the contractor\'s negligence"',
      text: story({ situation: "The outage happened because of the contractor's negligence, and refunds piled up for a week." }),
      findings: [{ messageId: 'blame', text: "the contractor's negligence" }],
    },
    {
      name: 'one finding per sentence, however many blame words',
      text: story({ situation: 'The backend developers refused to listen and ignored every warning I sent.' }),
      findings: [{ messageId: 'blame', text: 'The backend developers refused to listen' }],
    },
    {
      name: '"not my fault" deflects',
      text: story({ result: 'The launch slipped a week, which was not my fault, and settlement still fell from nine days to two.' }),
      findings: [{ messageId: 'blame', text: 'not my fault' }],
    },
    {
      name: "a verdict on another team's work",
      text: story({ situation: 'The ledger team changed a schema without notice; their testing was weak and refunds failed for a day.' }),
      findings: [{ messageId: 'blame', text: 'their testing was weak' }],
    },
    {
      name: 'a team dismissed as not competent',
      text: story({
        action:
          'Honestly, the marketing team was not very data-literate, so I pulled the refund logs and showed them the carrier delays myself.',
      }),
      findings: [{ messageId: 'blame', text: 'the marketing team was not very data-literate' }],
    },
    {
      name: 'a name as the subject',
      text: story({ situation: 'Priya messed up the index migration, and search was down for six hours.' }),
      findings: [{ messageId: 'blame', text: 'Priya messed up' }],
    },
  ],
});
