import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { missingSection } from './rule';
import { applyEdits, story, testRule } from '../../../../../test/unit/ruleTester';

const lines = (...l: string[]) => l.join('\n') + '\n';

// The placeholders the suggestion inserts: HTML comments, so the new section still reads as empty.
const SITUATION = '<!-- One or two sentences: where you were, when, and what was at stake. -->';
const TASK = '<!-- What you personally owned: the goal, the deadline, the constraint. -->';
const ACTION = '<!-- What you did, in the first person: the decision, the data behind it, the trade-off you accepted. -->';
const RESULT =
  '<!-- The outcome in numbers: from a baseline to a result within a time span, and what it meant for customers or the business. -->';

const noTask = story({ task: null });
const noResultNoReflection = story({ result: null, reflection: null });
const noResult = story({ result: null });
const noSituation = story({ situation: null });

const crlfNoTask = story({ task: null, reflection: null }).replace(/\n/g, '\r\n');

const fenced = lines(
  '# Pager storm',
  'Principles: Dive Deep',
  '',
  '## Situation',
  '',
  'Our on-call engineers were paged forty times a night.',
  '',
  'The template I started from:',
  '',
  '```markdown',
  '## Task',
  '',
  'What you owned.',
  '```',
  '',
  '## Action',
  '',
  'I grouped six weeks of pages by alert and deleted the eleven alerts nobody acted on.',
  '',
  '## Result',
  '',
  'Pages fell from forty a night to six within two weeks.',
);

const commented = lines(
  '# Pager storm',
  'Principles: Dive Deep',
  '',
  '## Situation',
  '',
  'Our on-call engineers were paged forty times a night.',
  '',
  '<!--',
  '## Task',
  '',
  'Write this later.',
  '-->',
  '',
  '## Action',
  '',
  'I grouped six weeks of pages by alert and deleted the eleven alerts nobody acted on.',
  '',
  '## Result',
  '',
  'Pages fell from forty a night to six within two weeks.',
);

const twoStories = story({ title: 'Refund backlog' }) + '\n' + story({ title: 'Carrier outage', action: null });

const titleOnly = lines('# Vendor migration', 'Principles: Frugality', '', 'I still need to write this one.');

testRule(missingSection, {
  valid: [
    { name: 'a complete story', text: story({}) },
    { name: 'no Reflection: it is optional', text: story({ reflection: null }) },
    {
      name: 'heading variants: Background, Goal, Actions, Outcome',
      text: lines(
        '# Checkout latency',
        'Principles: Customer Obsession',
        '',
        '## Background',
        'Checkout p99 had crept to four seconds.',
        '## Goal',
        'I owned bringing it under one second before the holiday freeze.',
        '## Actions',
        'I profiled the payment call and moved the fraud check off the critical path.',
        '## Outcome',
        'Checkout p99 fell to 800 ms and abandoned carts dropped 12% in December.',
      ),
    },
    {
      name: 'heading variants: Context, Tasks, What I did, Results, Impact',
      text: lines(
        '# Checkout latency',
        '## Context',
        'Checkout p99 had crept to four seconds.',
        '## Tasks',
        'I owned the fix.',
        '## What I did',
        'I moved the fraud check off the critical path.',
        '## Results',
        'Abandoned carts dropped 12% in December.',
        '## Impact',
        'The team kept the budget for the next quarter.',
      ),
    },
    {
      name: 'case, emphasis, closing hashes and a colon in headings',
      text: lines(
        '# Checkout latency',
        '## SITUATION',
        'Checkout p99 had crept to four seconds.',
        '## **Task**',
        'I owned the fix.',
        '## action ##',
        'I moved the fraud check off the critical path.',
        '## Result: 12% fewer abandoned carts',
        'Abandoned carts dropped 12% in December.',
      ),
    },
    {
      name: 'Setext level-2 headings',
      text: lines(
        '# Checkout latency',
        '',
        'Situation',
        '---------',
        'Checkout p99 had crept to four seconds.',
        '',
        'Task',
        '----',
        'I owned the fix.',
        '',
        'Action',
        '------',
        'I moved the fraud check off the critical path.',
        '',
        'Result',
        '------',
        'Abandoned carts dropped 12% in December.',
      ),
    },
    {
      name: 'sections out of order (section-order reports that, not this rule)',
      text: story({})
        .replace('## Situation', '## Result')
        .replace(/## Result\n\nMedian/, '## Situation\n\nMedian'),
    },
    { name: 'CRLF line endings', text: story({}).replace(/\n/g, '\r\n') },
    { name: 'two complete stories', text: story({ title: 'One' }) + '\n' + story({ title: 'Two' }) },
    {
      name: 'front matter and notes before the first story are not a story',
      text: '---\ntargetSeconds: 150\n---\nNotes for my loop on Tuesday.\n\n' + story({}),
    },
    { name: 'a file with no story at all', text: 'Just some notes, no title yet.\n' },
    { name: 'a disable-file directive', text: '<!-- star-stories-disable-file missing-section -->\n' + titleOnly },
  ],
  invalid: [
    {
      name: 'a missing Task is inserted before the Action',
      text: noTask,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestions: ['Insert a "## Task" section'],
          suggestionOutput: noTask.replace('## Action', `## Task\n\n${TASK}\n\n## Action`),
        },
      ],
    },
    {
      name: 'a missing Situation is inserted before the Task',
      text: noSituation,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestions: ['Insert a "## Situation" section'],
          suggestionOutput: noSituation.replace('## Task', `## Situation\n\n${SITUATION}\n\n## Task`),
        },
      ],
    },
    {
      name: 'a missing Result goes before the Reflection',
      text: noResult,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestionOutput: noResult.replace('## Reflection', `## Result\n\n${RESULT}\n\n## Reflection`),
        },
      ],
    },
    {
      name: 'a missing Result with no Reflection goes after the last section, keeping the final line break',
      text: noResultNoReflection,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestionOutput: noResultNoReflection.replace(/review\.\n$/, `review.\n\n## Result\n\n${RESULT}\n`),
        },
      ],
    },
    {
      // An answer written without headings is one problem: four errors on one title would bury it.
      name: 'a story with no sections gets one finding, whose suggestion adds all four in S-T-A-R order',
      text: titleOnly,
      findings: [
        {
          messageId: 'noSections',
          text: 'Vendor migration',
          suggestions: ['Insert Situation, Task, Action and Result sections'],
          suggestionOutput: titleOnly.replace(
            /one\.\n$/,
            `one.\n\n## Situation\n\n${SITUATION}\n\n## Task\n\n${TASK}\n\n## Action\n\n${ACTION}\n\n## Result\n\n${RESULT}\n`,
          ),
        },
      ],
    },
    {
      name: 'a heading inside a fenced code block is not a section',
      text: fenced,
      findings: [
        { messageId: 'missing', text: 'Pager storm', suggestionOutput: fenced.replace('## Action', `## Task\n\n${TASK}\n\n## Action`) },
      ],
    },
    {
      name: 'a heading inside an HTML comment is not a section',
      text: commented,
      findings: [{ messageId: 'missing', text: 'Pager storm' }],
    },
    {
      name: 'a level-3 heading is not a section',
      text: story({}).replace('## Action', '### Action'),
      findings: [{ messageId: 'missing', text: 'Refund backlog' }],
    },
    {
      name: 'in a file of two stories the finding is on the story that lacks the section',
      text: twoStories,
      findings: [
        {
          messageId: 'missing',
          text: 'Carrier outage',
          line: 24,
          suggestionOutput: twoStories.replace(/(# Carrier outage[\s\S]*?)## Result/, `$1## Action\n\n${ACTION}\n\n## Result`),
        },
      ],
    },
    {
      name: 'CRLF: the inserted section uses CRLF too',
      text: crlfNoTask,
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestionOutput: crlfNoTask.replace('## Action', `## Task\r\n\r\n${TASK}\r\n\r\n## Action`),
        },
      ],
    },
    {
      name: 'CRLF: a missing Result appended at the end',
      text: story({ result: null, reflection: null }).replace(/\n/g, '\r\n'),
      findings: [
        {
          messageId: 'missing',
          text: 'Refund backlog',
          suggestionOutput: story({ result: null, reflection: null })
            .replace(/\n/g, '\r\n')
            .replace(/review\.\r\n$/, `review.\r\n\r\n## Result\r\n\r\n${RESULT}\r\n`),
        },
      ],
    },
    {
      name: 'a story with an empty title points at the heading',
      text: '#\n\n## Situation\n\nx.\n\n## Task\n\ny.\n\n## Action\n\nz.\n',
      findings: [{ messageId: 'missing', text: '#' }],
    },
  ],
});

describe('a story written before any title', () => {
  const draft = 'Some notes for later.\n\n## Situation\n\nRefunds took nine days.\n\n## Action\n\nI pulled the logs.\n';
  it('is linted as an untitled story instead of being ignored', () => {
    const findings = new Linter({ rules: [missingSection] }).lint(draft).findings;
    assert.deepEqual(
      findings.map((f) => [f.messageId, draft.slice(f.start, f.end)]),
      [
        ['untitled', '## Situation'],
        ['missing', '## Situation'],
        ['missing', '## Situation'],
      ],
    );
    assert.deepEqual(
      findings.slice(1).map((f) => f.message.match(/no (\w+) section/)?.[1]),
      ['Task', 'Result'],
    );
    const insertTitle = findings[0].suggestions![0];
    assert.equal(applyEdits(draft, insertTitle.edits), draft.replace('## Situation', '# Story title\n\n## Situation'));
  });

  it('stays a plain preamble when it has no STAR section', () => {
    const text = 'A bank of stories for my loop.\n\n## Notes\n\nRead these twice.\n\n' + story({});
    assert.deepEqual(new Linter({ rules: [missingSection] }).lint(text).findings, []);
  });
});
