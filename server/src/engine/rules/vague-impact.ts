import type { Rule, Span } from '../types';
import { hasNumber, proseSentences } from '../text';
import { matchesIn, sectionsOf } from './util';

const VAGUE = new RegExp(
  '\\b(?:' +
    [
      'significantly', 'substantially', 'dramatically', 'greatly', 'massively', 'tremendously', 'hugely', 'vastly',
      'considerably', 'drastically', 'a lot', 'lots(?= of\\b)', 'a ton',
      // "went well over budget" measures something; it is not a verdict.
      'went (?:really |very |pretty |quite )?well(?! (?:beyond|over|past|above|below|under|into|outside)\\b)',
      '(?:a |an )?(?:huge|big|great|massive|major|real) (?:success|win|impact|improvement)', 'positive impact',
      'improved (?:things|everything)', 'made (?:things|everything|it) (?:much |a lot |way )?better', 'things improved',
      '(?:much|way|far) (?:better|faster|smoother|happier)', 'really well', '(?:very|highly|hugely) successful',
      'better results', 'was a success',
    ].join('|') +
    ')\\b',
  'gi',
);

/** "A lot" says how much, not what changed: outside the Result it is impact only next to a change. */
const QUANTITY = /^(?:a lot|lots|a ton)$/i;
const CHANGE_BEFORE = /\b(?:improv|increas|decreas|reduc|grew|grow|rose|rais|fell|drop|cut|sav|boost|lower|sped|speed|shr[iau]nk|gain|help)[a-z]*\b/i;
const COMPARATIVE_AFTER = /^\s+(?:better|faster|cheaper|smoother|happier|easier|fewer|less|more|quicker|higher|lower)\b/i;

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
      let sentenceSpans: readonly Span[] | undefined;
      for (const m of matchesIn(story, section.body, VAGUE)) {
        sentenceSpans ??= proseSentences(story, { start: section.body.start - story.start, end: section.body.end - story.start });
        const at = m.start - story.start;
        const sentence = sentenceSpans.find((s) => s.start <= at && at < s.end);
        const text = sentence ? story.prose.slice(sentence.start, sentence.end) : m.text;
        if (hasNumber(text)) continue;
        if (section.kind !== 'result' && QUANTITY.test(m.text)) {
          // "I learned a lot from the logs" is effort; "costs fell a lot" and "a lot faster" are impact.
          const before = sentence ? story.prose.slice(sentence.start, at) : '';
          const after = story.prose.slice(m.end - story.start, m.end - story.start + 16);
          if (!CHANGE_BEFORE.test(before) && !COMPARATIVE_AFTER.test(after)) continue;
        }
        context.report({ messageId: 'vague', data: { phrase: m.text }, start: m.start, end: m.end });
      }
    }
  },
};
