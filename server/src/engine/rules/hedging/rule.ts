import { partitionPoint } from '../../search';
import type { Rule, RuleReport, Span } from '../../types';
import { deletePhrase, joined } from '../common/delete-phrase';
import { spokenSentences } from '../common/spoken-sentences';
import { phraseListCache } from '../../lru';
import { rel } from '../../text';
import { distinctPhrases, literalPhrases, matchesIn, reportGathered, toldSections } from '../common/util';

const HEDGES = [
  'I think',
  'I guess',
  'I believe',
  'I suppose',
  'I feel like',
  'kind of',
  'sort of',
  'basically',
  'maybe',
  'probably',
  'perhaps',
  'somewhat',
  'more or less',
];

// "what kind of data", "a sort of index", "a maybe": the noun, not the hedge.
const NOUN_BEFORE =
  /\b(?:a|an|the|what|which|this|that|these|those|any|some|every|each|no|one|same|other|another|new|different|right|wrong|certain|particular|whatever|his|her|my|our|their|its|your)\s+$/i;
// "I think about cost first", "I believe in small changes": a verb with its object, not a hedge.
// "I think because he didn't want to…": a guess at someone's reason, which blame reports, not doubt about the candidate's own claim.
const VERB_USE_AFTER = /^\s+(?:about|of|through|back|ahead|in|so|not|because)\b/i;
// After "I think that", "that" introduces the clause when a subject follows; "I think that works" keeps it.
const CLAUSE_AFTER_THAT =
  /^\s+that\s+(?=(?:the|a|an|we|i|it|he|she|they|you|our|my|his|her|their|its|this|these|those|there|every|each|no|one|all|most|some)\b)/i;

const compiled = phraseListCache<RegExp>();

function hedgePattern(extra: readonly string[]): RegExp {
  return compiled(extra, () => {
    // Longest first, so "I think that" wins over "I think" (escaping keeps a prefix a prefix).
    const phrases = literalPhrases([...HEDGES, ...extra]).sort((a, b) => b.length - a.length);
    // \b with an ASCII pattern is several times faster than Unicode lookarounds; `joined` checks the rest.
    return new RegExp(`\\b(?:${phrases.join('|')})\\b`, 'gi');
  });
}

/** From this many in one story, hedging is how the story sounds: one finding, the rest hints. */
const GATHER_AT = 3;

// A hedge tells the interviewer the candidate is unsure of their own story; they score what is stated plainly.
export const hedging: Rule = {
  name: 'hedging',
  description: 'A hedge ("I think", "kind of", "sort of", "basically", "I guess", "maybe") that makes you sound unsure of your own story.',
  group: 'delivery',
  defaultSeverity: 'info',
  fixable: 'fix',
  options: {
    hedges: {
      type: 'phrases',
      default: [],
      topLevel: true,
      markdownDescription: 'Phrases `hedging` flags in addition to its built-in list (matched literally, ignoring case).',
    },
  },
  messages: {
    hedges:
      'You hedge {count} times in this story ({list}); you sound unsure of your own example. Say it plainly, or say what you did to find out.',
    hedge: '"{phrase}" makes you sound unsure of your own story; say it plainly, or say what you did to find out.',
  },
  check(story, context) {
    const pattern = hedgePattern(context.options.hedges as readonly string[]);
    const hits: RuleReport[] = [];
    for (const section of toldSections(story)) {
      let sentenceSpans: readonly Span[] | undefined;
      let sentenceStarts: number[] | undefined;
      let quotes: number[] | undefined;
      for (const m of matchesIn(story, section.body, pattern)) {
        const at = m.start - story.start;
        const before = story.prose.slice(Math.max(0, at - 40), at);
        const after = story.prose.slice(m.end - story.start, m.end - story.start + 40);
        if (joined(story.prose, at, m.end - story.start)) continue;
        const lower = m.text.toLowerCase().replace(/\s+/g, ' ');
        if (/^(?:kind|sort) of$|^maybe$/.test(lower) && NOUN_BEFORE.test(before)) continue;
        if (/^i\s/.test(lower) && VERB_USE_AFTER.test(after)) continue;
        // "what I believe is right", "which I think matters most": the belief is the object, stated, not hedged.
        if (/^i\s/.test(lower) && /\b(?:what|which)\s+$/i.test(before)) continue;
        sentenceSpans ??= spokenSentences(story, context.text, section);
        sentenceStarts ??= sentenceSpans.map((x) => x.start);
        quotes ??= quoteOffsets(story.prose, rel(story, section.body));
        const sentence = sentenceSpans[lastAtOrBefore(sentenceStarts, at)];
        // A quotation is someone else's words ("the PM said \"maybe next quarter\"").
        if (sentence && at < sentence.end && (lastAtOrBefore(quotes, at - 1) - lastAtOrBefore(quotes, sentence.start - 1)) % 2 === 1)
          continue;
        hits.push({
          messageId: 'hedge',
          data: { phrase: m.text.replace(/\s+/g, ' ') },
          start: m.start,
          end: m.end,
          fix: deletePhrase(
            story,
            context.text,
            m.start,
            m.end,
            sentence !== undefined && sentence.start === at,
            /^i\s/i.test(context.text.slice(m.start, m.end)) ? CLAUSE_AFTER_THAT : undefined,
          ),
        });
      }
    }
    const phrases = distinctPhrases(hits.map((h) => String(h.data!.phrase)));
    reportGathered(context, hits, {
      atLeast: GATHER_AT,
      messageId: 'hedges',
      data: { count: hits.length, list: phrases.map((p) => `"${p}"`).join(', ') },
      place: (h) => `"${h.data!.phrase}"`,
    });
  },
};

function quoteOffsets(text: string, span: Span): number[] {
  const offsets: number[] = [];
  for (let i = span.start; i < span.end; i++) if (text[i] === '"' || text[i] === '\u201c' || text[i] === '\u201d') offsets.push(i);
  return offsets;
}

/** Index of the last value ≤ `at` in an ascending list, -1 when there is none. */
function lastAtOrBefore(sorted: readonly number[], at: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] <= at) - 1;
}
