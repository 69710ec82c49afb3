import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { tooLong } from './rule';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 12 === 11 ? 'shipped.' : 'I')).join(' ');
/** A story whose sections hold exactly `n` words, all in the Action. */
const only = (n: number, title = 'Refund backlog') =>
  story({ title, situation: '', task: '', action: words(n), result: '', reflection: '' });

testRule(tooLong, {
  valid: [
    { name: 'a story of ordinary length', text: story({}) },
    { name: 'exactly at the target (450 words at 150 wpm is 3:00)', text: only(450) },
    { name: 'a longer target from settings', text: story({ action: words(600) }), config: { targetSeconds: 300 } },
    { name: 'a longer target from front matter', text: '---\ntargetSeconds: 300\n---\n' + story({ action: words(600) }) },
    { name: 'a faster speaker from settings (480 words at 200 wpm is 2:24)', text: only(480), config: { wordsPerMinute: 200 } },
    {
      name: 'words in code blocks and HTML comments are not spoken',
      text: story({ action: 'I paused the carrier integration.\n\n```\n' + words(300) + '\n```\n\n<!-- ' + words(300) + ' -->' }),
    },
    { name: 'each story is timed on its own (two of 300 words)', text: only(300, 'One') + '\n' + only(300, 'Two') },
    { name: 'CRLF line endings at the target', text: only(450).replace(/\n/g, '\r\n') },
    { name: 'a few seconds over, within a tenth (480 words is 3:12; pace varies more than that)', text: only(480) },
    { name: 'a tenth over exactly (495 words is 3:18)', text: only(495) },
    { name: 'turned off in front matter', text: '---\nrules:\n  too-long: off\n---\n' + only(600) },
  ],
  invalid: [
    {
      name: 'a story over three minutes',
      text: story({ title: 'Long one', action: words(480) }),
      findings: [{ messageId: 'tooLong', text: 'Long one' }],
    },
    {
      name: 'one word past a tenth over the target (496 words, 3:18.4)',
      text: only(496),
      findings: [{ messageId: 'tooLong', text: 'Refund backlog' }],
    },
    {
      name: 'a slower speaker pushes a story over',
      text: story({ title: 'Slow', action: words(300) }),
      config: { wordsPerMinute: 100 },
      findings: [{ messageId: 'tooLong', text: 'Slow' }],
    },
    {
      name: 'a shorter target from front matter (331 words against 2:00)',
      text: '---\ntargetSeconds: 120\n---\n' + only(331),
      findings: [{ messageId: 'tooLong', text: 'Refund backlog' }],
    },
    {
      name: 'every section counts, Reflection included',
      text: story({ situation: words(130), task: words(130), action: words(130), result: words(60), reflection: words(60) }),
      findings: [{ messageId: 'tooLong', text: 'Refund backlog' }],
    },
    {
      name: 'in a file of two stories, only the long one',
      text: only(200, 'Short one') + '\n' + only(500, 'Long one'),
      findings: [{ messageId: 'tooLong', text: 'Long one', line: 24 }],
    },
    { name: 'CRLF line endings', text: only(496).replace(/\n/g, '\r\n'), findings: [{ messageId: 'tooLong', text: 'Refund backlog' }] },
  ],
});

describe('rule too-long message', () => {
  const message = (text: string, config?: { targetSeconds?: number; wordsPerMinute?: number }) =>
    new Linter({ rules: [tooLong] }).lint(text, config).findings.map((f) => f.message);

  it('gives the time, the words, the pace and the target', () => {
    assert.deepEqual(message(only(540)), [
      'This story takes about 3:36 to tell (540 words at 150 words a minute); aim for 3:00 or less. Trim Situation and Task first.',
    ]);
  });

  it('just past a tenth over, says the time it takes against the target', () => {
    // 496 words at 150 wpm is 198.4 s: past 3:18, the target and its tenth.
    assert.deepEqual(message(only(496)), [
      'This story takes about 3:18 to tell (496 words at 150 words a minute); aim for 3:00 or less. Trim Situation and Task first.',
    ]);
  });

  it('uses the configured pace and target', () => {
    assert.deepEqual(message(only(270), { targetSeconds: 120, wordsPerMinute: 120 }), [
      'This story takes about 2:15 to tell (270 words at 120 words a minute); aim for 2:00 or less. Trim Situation and Task first.',
    ]);
  });
});
