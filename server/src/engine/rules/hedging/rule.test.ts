import { hedging } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string) => story({ action: text });

testRule(hedging, {
  valid: [
    {
      name: '"I think because…" guesses at someone else\'s reason (blame reports it), not doubt about the story',
      text: story({ action: "Jordan didn't support me, I think because he didn't want to redo his slides." }),
    },
    {
      name: '"what I believe is right": the belief is the object, not a hedge',
      text: story({ action: 'I argued for what I believe is right for the customer, and I wrote the doc.' }),
    },
    { name: "the builder's strong story", text: story({}) },
    {
      name: '"kind of" and "sort of" as nouns',
      text: action('I asked what kind of data the job needed and chose a different sort of index.'),
    },
    {
      name: '"I think about", "I believe in": a verb with its object',
      text: story({ reflection: 'I think about rollback first now, and I believe in small changes.' }),
    },
    {
      name: 'past tense states what happened',
      text: action('I believed the migration was too risky, so I thought it through with the DBA.'),
    },
    {
      name: "a quotation is someone else's words",
      text: action('The PM said "maybe next quarter", so I wrote the one-page case for this one.'),
    },
    { name: 'a noun "maybe"', text: action('The vendor gave a maybe, so I built the fallback myself.') },
    { name: 'hedges inside other words', text: action('I pulled the basically-named `maybe` flag and fixed the probablyBroken test.') },
    { name: 'code spans and comments', text: action('I ran `maybe-retry --kind-of`.\n\n<!-- I think this part is weak -->') },
  ],
  invalid: [
    {
      name: 'an answer with no STAR headings is read too; three hedges are one finding shown, the rest hints with their own fixes',
      text: '# Developing a leader\nPrinciples: Hire and Develop the Best\n\nI think coaching is basically my job, and I kind of coached her for a quarter.\n',
      findings: [
        { messageId: 'hedges', text: 'I think', severity: 'info' },
        { messageId: 'hedge', text: 'basically', severity: 'hint' },
        { messageId: 'hedge', text: 'kind of', severity: 'hint' },
      ],
      output: '# Developing a leader\nPrinciples: Hire and Develop the Best\n\nCoaching is my job, and I coached her for a quarter.\n',
    },
    {
      name: 'a hedge that starts the sentence: the next word takes the capital',
      text: action('I think the cache was the cause. Basically, I rewrote the retry loop. Maybe 20% of calls failed.'),
      findings: [
        { messageId: 'hedges', text: 'I think' },
        { messageId: 'hedge', text: 'Basically', severity: 'hint' },
        { messageId: 'hedge', text: 'Maybe', severity: 'hint' },
      ],
      output: action('The cache was the cause. I rewrote the retry loop. 20% of calls failed.'),
    },
    {
      // Found by the fuzzer: the fix replaced half of the surrogate pair that follows.
      name: 'the word after a sentence-opening hedge starts with a character outside the BMP',
      text: action('Basically, 𝒞ache misses doubled. I think 𠀀 was the name of the job.'),
      findings: [
        { messageId: 'hedge', text: 'Basically' },
        { messageId: 'hedge', text: 'I think' },
      ],
      output: action('𝒞ache misses doubled. 𠀀 was the name of the job.'),
    },
    {
      name: 'between commas, mid-sentence, and at the end',
      text: action(
        'It was, basically, a race. The job was kind of slow. I probably spent too long on it. The cache was the cause, I think.',
      ),
      findings: [
        { messageId: 'hedges', text: 'basically' },
        { messageId: 'hedge', text: 'kind of', severity: 'hint' },
        { messageId: 'hedge', text: 'probably', severity: 'hint' },
        { messageId: 'hedge', text: 'I think', severity: 'hint' },
      ],
      output: action('It was a race. The job was slow. I spent too long on it. The cache was the cause.'),
    },
    {
      name: '"I think that" drops "that" before a clause, keeps it as a pronoun',
      text: action('I think that the carrier was slow. I chose it because I think that works for customers.'),
      findings: [
        { messageId: 'hedge', text: 'I think' },
        { messageId: 'hedge', text: 'I think' },
      ],
      output: action('The carrier was slow. I chose it because that works for customers.'),
    },
    {
      name: 'the other built-in hedges',
      text: action(
        'I guess I paused it. I believe it worked. Perhaps I waited. It was somewhat faster. It was sort of fixed. I suppose it held. I feel like it helped. It was more or less done.',
      ),
      findings: [
        { messageId: 'hedges', text: 'I guess' },
        { messageId: 'hedge', text: 'I believe', severity: 'hint' },
        { messageId: 'hedge', text: 'Perhaps', severity: 'hint' },
        { messageId: 'hedge', text: 'somewhat', severity: 'hint' },
        { messageId: 'hedge', text: 'sort of', severity: 'hint' },
        { messageId: 'hedge', text: 'I suppose', severity: 'hint' },
        { messageId: 'hedge', text: 'I feel like', severity: 'hint' },
        { messageId: 'hedge', text: 'more or less', severity: 'hint' },
      ],
      output: action('I paused it. It worked. I waited. It was faster. It was fixed. It held. It helped. It was done.'),
    },
    {
      name: 'a list item is a sentence of its own',
      text: action('- Basically the retry loop was wrong\n- I fixed it'),
      findings: [{ messageId: 'hedge', text: 'Basically' }],
      output: action('- The retry loop was wrong\n- I fixed it'),
    },
    {
      name: 'no fix where deleting would take markup or leave a dangling mark',
      text: action('It was **kind of** slow. It was (maybe) the cache. It was slow — probably.'),
      findings: [
        { messageId: 'hedges', text: 'kind of' },
        { messageId: 'hedge', text: 'maybe', severity: 'hint' },
        { messageId: 'hedge', text: 'probably', severity: 'hint' },
      ],
    },
    {
      name: 'extra hedges from the config',
      text: action('I pretty much rewrote the loop.'),
      config: { hedges: ['pretty much'] },
      findings: [{ messageId: 'hedge', text: 'pretty much' }],
      output: action('I rewrote the loop.'),
    },
    {
      name: 'every section, Reflection included',
      text: story({ situation: 'Refunds were probably slow.', reflection: 'I think I read logs first now.' }),
      findings: [
        { messageId: 'hedge', text: 'probably' },
        { messageId: 'hedge', text: 'I think' },
      ],
      output: story({ situation: 'Refunds were slow.', reflection: 'I read logs first now.' }),
    },
    {
      name: 'CRLF line endings',
      text: action('It was kind of slow.').replace(/\n/g, '\r\n'),
      findings: [{ messageId: 'hedge', text: 'kind of' }],
      output: action('It was slow.').replace(/\n/g, '\r\n'),
    },
  ],
});
