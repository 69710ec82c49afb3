import type { Rule, Span } from '../types';
import { hasNumber, sentences } from '../text';
import { matchesIn, sectionsOf } from './util';

const VAGUE = new RegExp(
  '\\b(?:' +
    [
      'significantly', 'substantially', 'dramatically', 'greatly', 'massively', 'tremendously', 'hugely', 'vastly',
      'considerably', 'drastically', 'a lot', 'lots', 'a ton', 'went (?:really |very |pretty |quite )?well',
      '(?:a |an )?(?:huge|big|great|massive|major|real) (?:success|win|impact|improvement)', 'positive impact',
      'improved (?:things|everything)', 'made (?:things|everything|it) (?:much |a lot |way )?better', 'things improved',
      '(?:much|way|far) (?:better|faster|smoother|happier)', 'really well', '(?:very|highly|hugely) successful',
      'better results', 'was a success',
    ].join('|') +
    ')\\b',
  'gi',
);

// "Significantly improved" is the phrase interviewers stop at: impact they cannot quote.
export const vagueImpact: Rule = {
  name: 'vague-impact',
  description: 'Impact words ("significantly", "a lot", "went well", "huge success") in a sentence with no number.',
  group: 'evidence',
  defaultSeverity: 'warning',
  messages: {
    vague: '"{phrase}" is impact without a number; say by how much, from what, in what time.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['action', 'result'])) {
      let sentenceSpans: Span[] | undefined;
      for (const m of matchesIn(story, section.body, VAGUE)) {
        sentenceSpans ??= sentences(story.prose, { start: section.body.start - story.start, end: section.body.end - story.start });
        const at = m.start - story.start;
        const sentence = sentenceSpans.find((s) => s.start <= at && at < s.end);
        const text = sentence ? story.prose.slice(sentence.start, sentence.end) : m.text;
        if (hasNumber(text)) continue;
        context.report({ messageId: 'vague', data: { phrase: m.text }, start: m.start, end: m.end });
      }
    }
  },
};
