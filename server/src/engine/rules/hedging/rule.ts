import { partitionPoint } from '../../search';
import type { Fix, Rule, RuleReport, Span, Story } from '../../types';
import { spokenSentences } from '../long-sentence/rule';
import { phraseListCache } from '../../lru';
import { rel } from '../../text';
import { distinctPhrases, literalPhrases, matchesIn, reportGathered, toldSections } from '../util';

const HEDGES = [
  'I think', 'I guess', 'I believe', 'I suppose', 'I feel like', 'kind of', 'sort of', 'basically', 'maybe', 'probably',
  'perhaps', 'somewhat', 'more or less',
];

// "what kind of data", "a sort of index", "a maybe": the noun, not the hedge.
const NOUN_BEFORE = /\b(?:a|an|the|what|which|this|that|these|those|any|some|every|each|no|one|same|other|another|new|different|right|wrong|certain|particular|whatever|his|her|my|our|their|its|your)\s+$/i;
// "I think about cost first", "I believe in small changes": a verb with its object, not a hedge.
// "I think because he didn't want to…": a guess at someone's reason, which blame reports, not doubt about the candidate's own claim.
const VERB_USE_AFTER = /^\s+(?:about|of|through|back|ahead|in|so|not|because)\b/i;
// After "I think that", "that" introduces the clause when a subject follows; "I think that works" keeps it.
const CLAUSE_AFTER_THAT = /^\s+that\s+(?=(?:the|a|an|we|i|it|he|she|they|you|our|my|his|her|their|its|this|these|those|there|every|each|no|one|all|most|some)\b)/i;

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
  messages: {
    hedges: 'You hedge {count} times in this story ({list}); you sound unsure of your own example. Say it plainly, or say what you did to find out.',
    hedge: '"{phrase}" makes you sound unsure of your own story; say it plainly, or say what you did to find out.',
  },
  check(story, context) {
    const pattern = hedgePattern(context.config.hedges);
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
        if (sentence && at < sentence.end && (lastAtOrBefore(quotes, at - 1) - lastAtOrBefore(quotes, sentence.start - 1)) % 2 === 1) continue;
        hits.push({
          messageId: 'hedge',
          data: { phrase: m.text.replace(/\s+/g, ' ') },
          start: m.start,
          end: m.end,
          fix: deleteHedge(story, context.text, m.start, m.end, sentence !== undefined && sentence.start === at),
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

/** "well-probably", "maybe's", "naïvemaybe": part of a longer word. */
export function joined(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}'\u2019-]/u.test(text[start - 1] ?? ' ') || /[\p{L}\p{N}'\u2019-]/u.test(text[end] ?? ' ');
}

function quoteOffsets(text: string, span: Span): number[] {
  const offsets: number[] = [];
  for (let i = span.start; i < span.end; i++) if (text[i] === '"' || text[i] === '\u201c' || text[i] === '\u201d') offsets.push(i);
  return offsets;
}

/** Index of the last value ≤ `at` in an ascending list, -1 when there is none. */
function lastAtOrBefore(sorted: readonly number[], at: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] <= at) - 1;
}

/**
 * Deletes the hedge and the comma or space that belongs to it, so the sentence still reads:
 * "Basically, the cache" → "The cache"; "It was, basically, a race" → "It was a race";
 * "It was kind of slow" → "It was slow"; "The cause was the cache, I think." → "The cause was the cache."
 * Anything else around it (a dash, a parenthesis, emphasis marks, a line break) gets no fix.
 */
function deleteHedge(story: Story, raw: string, start: number, end: number, sentenceStart: boolean): Fix | undefined {
  const prose = story.prose;
  const relStart = start - story.start;
  const relEnd = end - story.start;
  const phrase = raw.slice(start, end).replace(/\s+/g, ' ');
  const rest = prose.slice(relEnd, relEnd + 40);
  const that = /^i\s/i.test(phrase) ? CLAUSE_AFTER_THAT.exec(rest) : null;
  // Up to, not including, the space after "that".
  const tail = that ? that[0].length - 1 : 0;
  const title = that ? `Delete "${phrase} that"` : `Delete "${phrase}"`;
  const edit = (from: number, to: number, text = ''): Fix | undefined => {
    // Only text the reader sees is deleted: never emphasis marks, code or a line break the prose blanked.
    if (raw.slice(story.start + from, story.start + to) !== prose.slice(from, to)) return undefined;
    return { title, edits: [{ start: story.start + from, end: story.start + to, text }] };
  };
  if (sentenceStart) {
    // "Basically, the cache…" / "I think the cache…": the next word takes the capital.
    const next = /^(,?[ \t]+)([\p{L}\p{N}])/u.exec(prose.slice(relEnd + tail, relEnd + tail + 4));
    if (!next) return undefined;
    const letterAt = relEnd + tail + next[1].length;
    // The letter may be two UTF-16 units ("𠀀"): replace all of it, never half a surrogate pair.
    return edit(relStart, letterAt + next[2].length, next[2].toUpperCase());
  }
  const commaBefore = /,[ \t]+$/.exec(prose.slice(Math.max(0, relStart - 4), relStart));
  if (commaBefore && !that) {
    const from = relStart - commaBefore[0].length;
    // "was, basically, a race" → "was a race"
    if (rest.startsWith(',')) return edit(from, relEnd + 1);
    // "the cache, I think." → "the cache."
    if (/^[.!?;:]/.test(rest)) return edit(from, relEnd);
  }
  // "was kind of slow" → "was slow"
  const space = /^[ \t]+(?=[\p{L}\p{N}])/u.exec(prose.slice(relEnd + tail, relEnd + tail + 4));
  if (space && /[ \t]/.test(prose[relStart - 1] ?? '')) return edit(relStart, relEnd + tail + space[0].length);
  // "It was slow maybe." → "It was slow."
  if (/^[.!?;:]/.test(rest) && /[\p{L}\p{N}][ \t]$/u.test(prose.slice(relStart - 2, relStart))) return edit(relStart - 1, relEnd);
  return undefined;
}
