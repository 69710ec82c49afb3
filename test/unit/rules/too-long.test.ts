import { tooLong } from '../../../server/src/engine/rules/too-long';
import { story, testRule } from '../ruleTester';

const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 12 === 11 ? 'shipped.' : 'I')).join(' ');

testRule(tooLong, {
  valid: [
    { name: 'a story of ordinary length', text: story({}) },
    { name: 'exactly at the target (450 words at 150 wpm is 3:00)', text: story({ situation: '', task: '', action: words(450), result: '', reflection: '' }) },
    { name: 'a longer target from settings', text: story({ action: words(600) }), config: { targetSeconds: 300 } },
  ],
  invalid: [
    {
      name: 'a story over three minutes',
      text: story({ title: 'Long one', action: words(480) }),
      findings: [{ messageId: 'tooLong', text: 'Long one' }],
    },
    {
      name: 'a slower speaker pushes a story over',
      text: story({ title: 'Slow', action: words(300) }),
      config: { wordsPerMinute: 100 },
      findings: [{ messageId: 'tooLong', text: 'Slow' }],
    },
  ],
});
