import { partitionPoint } from '../../search';
import { MEASURING_KINDS, sentenceAt as languageSentenceAt } from '../../language';
import type { Rule, RuleContext, Span, Story } from '../../types';
import { hasNumber, proseSentences } from '../../text';
import { matchesIn, sectionsOf, toldSections } from '../common/util';

const VAGUE = new RegExp(
  '\\b(?:' +
    [
      'significantly',
      'substantially',
      'dramatically',
      'greatly',
      'massively',
      'tremendously',
      'hugely',
      'vastly',
      'considerably',
      'drastically',
      'a lot',
      'lots(?= of\\b)',
      'a ton',
      // "went well over budget" measures something; it is not a verdict.
      'went (?:really |very |pretty |quite )?well(?! (?:beyond|over|past|above|below|under|into|outside)\\b)',
      '(?:a |an )?(?:huge|big|great|massive|major|real) (?:success|win|impact|improvement)',
      'positive impact',
      'improved (?:things|everything)',
      'made (?:things|everything|it) (?:much |a lot |way )?better',
      'things improved',
      '(?:much|way|far) (?:better|faster|smoother|happier)',
      'really well',
      '(?:very|highly|hugely) successful',
      'better results',
      'was a success',
    ].join('|') +
    ')\\b',
  'gi',
);

/** "A lot" says how much, not what changed: outside the Result it is impact only next to a change. */
const QUANTITY = /^(?:a lot|lots|a ton)$/i;
const CHANGE_BEFORE =
  /\b(?:improv|increas|decreas|reduc|grew|grow|rose|rais|fell|drop|cut|sav|boost|lower|sped|speed|shr[iau]nk|gain|help)[a-z]*\b/i;
const COMPARATIVE_AFTER = /^\s+(?:better|faster|cheaper|smoother|happier|easier|fewer|less|more|quicker|higher|lower)\b/i;

// "Significantly improved" is the phrase interviewers stop at: impact they cannot quote.

function measures(story: Story, offset: number, text: string): boolean {
  if (!hasNumber(text)) return false;
  const numbers = languageSentenceAt(story, offset)?.numbers;
  return numbers === undefined || numbers.some((n) => MEASURING_KINDS.has(n.kind));
}

export const vagueImpact: Rule = {
  name: 'vague-impact',
  description: 'Impact words ("significantly", "a lot", "went well", "huge success") in a sentence with no number.',
  group: 'evidence',
  defaultSeverity: 'warning',
  messages: {
    feeling:
      '"{phrase}" is how someone felt, not what changed; say what they did or what you measured (came back, renewed, was promoted, by how much).',
    vague: '"{phrase}" is impact without a number; say by how much, from what, in what time.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['action', 'result'])) {
      let sentenceSpans: readonly Span[] | undefined;
      // Per sentence, computed once however many matches it holds (a sentence of thousands of
      // "significantly" was rescanned for each): whether it has a number, where its first change word ends.
      const numbered = new Map<Span, boolean>();
      const changeEnds = new Map<Span, number>();
      for (const m of matchesIn(story, section.body, VAGUE)) {
        sentenceSpans ??= proseSentences(story, { start: section.body.start - story.start, end: section.body.end - story.start });
        const at = m.start - story.start;
        const sentence = sentenceAt(sentenceSpans, at);
        let withNumber = sentence ? numbered.get(sentence) : hasNumber(m.text);
        if (withNumber === undefined && sentence)
          numbered.set(
            sentence,
            (withNumber = measures(story, story.start + sentence.start, story.prose.slice(sentence.start, sentence.end))),
          );
        if (withNumber) continue;
        if (section.kind !== 'result' && QUANTITY.test(m.text)) {
          // "I learned a lot from the logs" is effort; "costs fell a lot" and "a lot faster" are impact.
          let changeEnd = sentence ? changeEnds.get(sentence) : Infinity;
          if (changeEnd === undefined && sentence) changeEnds.set(sentence, (changeEnd = firstChangeEnd(story.prose, sentence)));
          const after = story.prose.slice(m.end - story.start, m.end - story.start + 16);
          // A change word ending before the match is one in the text before it (a match starts a word).
          if (!(changeEnd! <= at) && !COMPARATIVE_AFTER.test(after)) continue;
        }
        context.report({ messageId: 'vague', data: { phrase: m.text }, start: m.start, end: m.end });
      }
    }
    reportFeelings(story, context);
  },
};

/** A Result that ends on a feeling: "she was really happy in the end", "he got much more confident". */
const FEELING =
  /\b(?:(?:was|were|is|are|felt|got|became|seemed)\s+(?:really|very|so|super|extremely|much more|a lot more|way more)\s+(?:happy|satisfied|pleased|delighted|grateful|confident|comfortable|engaged|motivated))\b/gi;

/** Read only where the outcome is told: the Result, or the whole answer when it has no headings. */
function reportFeelings(story: Story, context: RuleContext): void {
  const told = toldSections(story);
  const where = told.length === 1 && told[0].kind === undefined ? told : sectionsOf(story, ['result']);
  for (const section of where) {
    for (const m of matchesIn(story, section.body, FEELING)) {
      if (measures(story, m.start, sentenceOf(story, m.start - story.start))) continue;
      context.report({ messageId: 'feeling', data: { phrase: m.text.replace(/\s+/g, ' ') }, start: m.start, end: m.end });
    }
  }
}

function sentenceOf(story: Story, at: number): string {
  const start = Math.max(story.prose.lastIndexOf('.', at - 1), story.prose.lastIndexOf('\n', at - 1)) + 1;
  const stop = story.prose.slice(at).search(/[.!?\n]/);
  return story.prose.slice(start, stop < 0 ? story.prose.length : at + stop);
}

/** The sentence holding `at`, by binary search over sentences in order. */
function sentenceAt(spans: readonly Span[], at: number): Span | undefined {
  const span = spans[partitionPoint(spans.length, (i) => spans[i].end <= at)];
  return span && span.start <= at ? span : undefined;
}

/** Where the sentence's first change word ends (story coordinates), or Infinity. */
function firstChangeEnd(prose: string, sentence: Span): number {
  const m = CHANGE_BEFORE.exec(prose.slice(sentence.start, sentence.end));
  return m ? sentence.start + m.index + m[0].length : Infinity;
}
