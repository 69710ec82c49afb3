import type { Rule } from '../../types';
import { formatSeconds, speakingSeconds, storyWords } from '../../text';
import { storySpan } from '../common/util';

// A told story lasts 90 seconds to 3 minutes; past that the interviewer cuts in and loses the Result.
// A few seconds over is not: the same story told twice differs by more than a tenth in pace, and
// an interviewer hears "about three minutes" (the status bar still shows the exact time against the target).
const GRACE = 0.1;

export const tooLong: Rule = {
  name: 'too-long',
  description: 'Estimated speaking time (words ÷ wordsPerMinute) is more than 10% above targetSeconds.',
  group: 'delivery',
  defaultSeverity: 'warning',
  messages: {
    tooLong:
      'This story takes about {time} to tell ({words} words at {wpm} words a minute); aim for {target} or less. Trim Situation and Task first.',
  },
  check(story, context) {
    const words = storyWords(story);
    const seconds = speakingSeconds(words, context.config.wordsPerMinute);
    if (seconds <= context.config.targetSeconds * (1 + GRACE)) return;
    const span = storySpan(story);
    // Rounded, 180.4 s would read "about 3:00 … aim for 3:00 or less": show at least a second over.
    const shown = Math.max(Math.round(seconds), Math.round(context.config.targetSeconds) + 1);
    context.report({
      messageId: 'tooLong',
      data: { time: formatSeconds(shown), words, wpm: context.config.wordsPerMinute, target: formatSeconds(context.config.targetSeconds) },
      start: span.start,
      end: span.end,
    });
  },
};
