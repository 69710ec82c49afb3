import { unknownPrinciple } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const ALL_SIXTEEN = [
  'Customer Obsession',
  'Ownership',
  'Bias for Action',
  'Dive Deep',
  'Deliver Results',
  'Have Backbone; Disagree and Commit',
  'Earn Trust',
  'Insist on the Highest Standards',
  'Invent and Simplify',
  'Learn and Be Curious',
  'Are Right, A Lot',
  'Think Big',
  'Frugality',
  'Hire and Develop the Best',
  "Strive to be Earth's Best Employer",
  'Success and Scale Bring Broad Responsibility',
].join(', ');

const withLine = (principles: string) => story({ principles });
const fixedLine = (typed: string, fixed: string) => ({ text: withLine(typed), output: withLine(fixed) });
const twoStories = story({ title: 'Refund backlog' }) + '\n' + story({ title: 'Carrier outage', principles: 'Ownership, Bias for Acton' });

testRule(unknownPrinciple, {
  valid: [
    { name: 'the sixteen canonical names on one line', text: withLine(ALL_SIXTEEN) },
    { name: 'abbreviations: CO, DD', text: withLine('CO, DD') },
    { name: 'aliases: Backbone, Bias to action, Learn & Be Curious', text: withLine('Backbone, Bias to action, Learn & Be Curious') },
    { name: 'names containing ";" and "," on one line', text: withLine('Have Backbone; Disagree and Commit, Are Right, A Lot') },
    { name: 'semicolons as separators', text: withLine('Ownership; Dive Deep; Think Big') },
    // Found by the fuzzer: after "A Lot" a U+2028 split the name in two, and fix-all rewrote it to itself forever.
    {
      name: 'any white space after a name: no-break space, U+2028',
      text: withLine('Are Right, A Lot\u2028') + withLine('Dive Deep\u00a0, Are Right, A Lot\u00a0'),
    },
    { name: 'any case, a trailing period', text: withLine('customer obsession, DIVE DEEP, Deliver results.') },
    { name: 'a curly apostrophe', text: withLine('Strive to be Earth’s Best Employer') },
    { name: 'bold and italic names', text: withLine('**Ownership**, *Dive Deep*') },
    { name: 'a trailing HTML comment', text: withLine('Ownership <!-- maybe DD for the Tuesday loop -->') },
    {
      name: 'a linked name',
      text: withLine('[Ownership](https://www.amazon.jobs/content/en/our-workplace/leadership-principles), Dive Deep'),
    },
    { name: 'no Principles line at all (missing-principles reports that)', text: story({ principles: null }) },
    { name: 'an empty Principles line (missing-principles reports that)', text: withLine('') },
    {
      name: '"Principles:" in a section is prose, not the line',
      text: story({ reflection: 'Principles: teamwork matters, and I now write the plan down first.' }),
    },
    { name: 'CRLF line endings', text: withLine('Bias to action, Are Right, A Lot').replace(/\n/g, '\r\n') },
  ],
  invalid: [
    {
      name: 'a one-letter typo is fixed: Customer Obsesion',
      ...fixedLine('Customer Obsesion, Ownership', 'Customer Obsession, Ownership'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Customer Obsesion', suggestions: [] }],
    },
    {
      name: 'every typo on the line is fixed',
      ...fixedLine('Ownershp, Dive Deeep, Frugalty, Bias for Actoin', 'Ownership, Dive Deep, Frugality, Bias for Action'),
      findings: [
        { messageId: 'unknownWithSuggestion', text: 'Ownershp' },
        { messageId: 'unknownWithSuggestion', text: 'Dive Deeep' },
        { messageId: 'unknownWithSuggestion', text: 'Frugalty' },
        { messageId: 'unknownWithSuggestion', text: 'Bias for Actoin' },
      ],
    },
    {
      // "İ" lower-cases to two characters; every name after it was read one character off.
      name: 'a name with a dotted capital I does not shift the names after it',
      text: withLine('İnvent, Have Backbone; Disagree and Commit, Are Right, A Lot'),
      findings: [{ messageId: 'unknown', text: 'İnvent' }],
    },
    {
      name: 'swapped letters: Earn Turst',
      ...fixedLine('Earn Turst', 'Earn Trust'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Earn Turst' }],
    },
    {
      name: 'a near-miss of an alias is fixed to the canonical name',
      ...fixedLine('Insist on Highest Standard', 'Insist on the Highest Standards'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Insist on Highest Standard' }],
    },
    {
      name: 'a typo after the semicolon of Have Backbone; Disagree and Commit does not name it twice',
      ...fixedLine('Have Backbone; Disagre and Commit', 'Have Backbone; Disagree and Commit'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Disagre and Commit' }],
    },
    {
      name: 'a typo before the semicolon of Have Backbone; Disagree and Commit does not name it twice',
      ...fixedLine('Ownership, Have Bakbone; Disagree and Commit', 'Ownership, Have Backbone; Disagree and Commit'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Have Bakbone' }],
    },
    {
      name: 'a typo in Are Right, A Lot is fixed as one name',
      ...fixedLine('Dive Deep, Are Right, A Lt', 'Dive Deep, Are Right, A Lot'),
      findings: [
        { messageId: 'unknownWithSuggestion', text: 'Are Right' },
        { messageId: 'unknownWithSuggestion', text: 'A Lt' },
      ],
    },
    {
      name: 'a typo inside bold keeps the bold',
      ...fixedLine('**Customer Obsesion**, Ownership', '**Customer Obsession**, Ownership'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Customer Obsesion' }],
    },
    {
      name: 'a short unknown abbreviation is not rewritten: suggestions only',
      text: withLine('CX, Ownership'),
      findings: [
        {
          messageId: 'unknownWithSuggestion',
          text: 'CX',
          suggestions: ['Change to "Customer Obsession"'],
          suggestionOutput: withLine('Customer Obsession, Ownership'),
        },
      ],
    },
    {
      name: 'an ambiguous abbreviation gets suggestions only',
      text: withLine('HR'),
      findings: [
        {
          messageId: 'unknownWithSuggestion',
          text: 'HR',
          suggestions: ['Change to "Deliver Results"', 'Change to "Have Backbone; Disagree and Commit"'],
        },
      ],
    },
    {
      name: 'one word of a longer name gets that name as a suggestion',
      text: withLine('Ownership, Trust'),
      findings: [
        {
          messageId: 'unknownWithSuggestion',
          text: 'Trust',
          suggestions: ['Change to "Earn Trust"'],
          suggestionOutput: withLine('Ownership, Earn Trust'),
        },
      ],
    },
    {
      name: 'Big suggests Think Big, not an abbreviation two letters away',
      text: withLine('Big'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Big', suggestions: ['Change to "Think Big"'] }],
    },
    {
      name: 'Curious suggests Learn and Be Curious',
      text: withLine('Curious'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Curious', suggestions: ['Change to "Learn and Be Curious"'] }],
    },
    {
      name: 'a name with a note in parentheses suggests the name',
      text: withLine('Ownership (primary), Dive Deep'),
      findings: [
        {
          messageId: 'unknownWithSuggestion',
          text: 'Ownership (primary)',
          suggestions: ['Change to "Ownership"'],
          suggestionOutput: withLine('Ownership, Dive Deep'),
        },
      ],
    },
    {
      name: 'a distant name gets a suggestion, not a fix',
      text: withLine('Leadership'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Leadership', suggestions: ['Change to "Ownership"'] }],
    },
    {
      name: 'a value with no close principle gets no suggestion',
      text: withLine('Ownership, Innovation, Dive Deep'),
      findings: [{ messageId: 'unknown', text: 'Innovation', suggestions: [] }],
    },
    {
      name: 'names joined by "and" or "/" are not split',
      text: withLine('Ownership and Dive Deep, Think Big / Frugality'),
      findings: [
        { messageId: 'unknownWithSuggestion', text: 'Ownership and Dive Deep' },
        { messageId: 'unknownWithSuggestion', text: 'Think Big / Frugality' },
      ],
    },
    {
      name: 'in a file of two stories, the typo of the second',
      text: twoStories,
      output: twoStories.replace('Bias for Acton', 'Bias for Action'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Bias for Acton', line: 25 }],
    },
    {
      name: 'CRLF: the fix changes only the name',
      text: withLine('Customer Obsesion').replace(/\n/g, '\r\n'),
      output: withLine('Customer Obsession').replace(/\n/g, '\r\n'),
      findings: [{ messageId: 'unknownWithSuggestion', text: 'Customer Obsesion' }],
    },
  ],
});
