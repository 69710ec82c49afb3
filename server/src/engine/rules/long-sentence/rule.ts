import type { Rule, Span } from '../../types';
import { countWords, sentences } from '../../text';
import { proseBlocks } from '../common/spoken-sentences';
import { sectionsOf } from '../common/util';

// Where Unicode's sentence rules also break: a terminator, closing marks, space, then no lower-case letter.
// Only from the first terminator of a run: a start inside it can never succeed where the first
// failed, and retrying each one made a long run of periods cost its square.
const CLEAR_BREAK = /(?<![.!?])[.!?]+["'\u201d\u2019)\]]*\s+(?=[^\s\p{Ll}])/gu;

/**
 * Pieces of a block that may hold a sentence over `max` words. The sentence segmenter is the
 * costly part of linting, so it only runs on text between clear sentence breaks that could be long.
 */
function* candidatePieces(text: string, block: Span, max: number): Generator<Span> {
  // Searched up to the block's end only: a block without a break would otherwise send the search
  // to the end of the section, once per block. A match cut short there ended the block anyway.
  const upToEnd = text.slice(0, block.end);
  CLEAR_BREAK.lastIndex = block.start;
  let from = block.start;
  for (let m = CLEAR_BREAK.exec(upToEnd); m && m.index < block.end; m = CLEAR_BREAK.exec(upToEnd)) {
    const piece = { start: from, end: Math.min(m.index + m[0].length, block.end) };
    if (countWords(text, piece) > max) yield piece;
    from = piece.end;
  }
  if (block.end > from && countWords(text, { start: from, end: block.end }) > max) yield { start: from, end: block.end };
}

/** A colon or semicolon before a space: said aloud, it ends a sentence as a full stop does. */
const SPOKEN_BREAK = /[;:](?=\s)/g;
/** Where a speaker pauses inside a sentence: a comma, colon or semicolon before a space, a dash, a parenthesis. */
const PAUSE = /[,;:](?=\s)|[()\u2013\u2014]|\s--?(?=\s)/;
/** A stretch between pauses this short is one breath... */
const BREATH_WORDS = 20;
/** ...so a sentence made only of such stretches may run this much longer than `maxWords`. */
const PAUSE_GRACE = 1.2;

/** The parts of a sentence between spoken breaks (colons, semicolons), trimmed, as spans into `text`. */
function* spokenParts(text: string, sentence: Span): Generator<Span> {
  // One at a time: a sentence of 300,000 "a;" kept as many parts alive at once.
  const cut = (from: number, end: number): Span | undefined => {
    let start = from;
    while (start < end && /\s/.test(text[start])) start++;
    let stop = end;
    while (stop > start && /\s/.test(text[stop - 1])) stop--;
    return stop > start ? { start, end: stop } : undefined;
  };
  // Up to the sentence's end only, for the same reason as in `candidatePieces`.
  const upToEnd = text.slice(0, sentence.end);
  const spokenBreak = new RegExp(SPOKEN_BREAK.source, 'g');
  spokenBreak.lastIndex = sentence.start;
  let from = sentence.start;
  for (let m = spokenBreak.exec(upToEnd); m && m.index < sentence.end; m = spokenBreak.exec(upToEnd)) {
    const part = cut(from, m.index + 1);
    if (part) yield part;
    from = m.index + 1;
  }
  const last = cut(from, sentence.end);
  if (last) yield last;
}

/** The most words a part may have: `max`, or a fifth more when every stretch between its pauses is one breath. */
function limitFor(text: string, part: Span, max: number): number {
  const stretches = text.slice(part.start, part.end).split(PAUSE);
  const breathable = stretches.every((stretch) => countWords(stretch) <= Math.min(BREATH_WORDS, max));
  return breathable ? Math.floor(max * PAUSE_GRACE) : max;
}

// A sentence is said in one breath; past about 35 words the listener loses its subject before its verb.
export const longSentence: Rule = {
  name: 'long-sentence',
  description: 'A sentence over 35 words, which is hard to say aloud and hard to follow.',
  group: 'delivery',
  defaultSeverity: 'info',
  advice: true,
  options: {
    maxWords: { type: 'number', default: 35, markdownDescription: 'Words a sentence may have before it is flagged.' },
  },
  messages: {
    long: 'This sentence has {words} words; split it so each sentence carries one step or one fact (aim for {max} words or fewer).',
  },
  check(story, context) {
    const option = context.options.maxWords;
    const max = typeof option === 'number' && Number.isFinite(option) && option > 0 ? option : 35;
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection'])) {
      const { flat, blocks, offset } = proseBlocks(story, context.text, section);
      for (const block of blocks) {
        for (const piece of candidatePieces(flat, block, max)) {
          for (const sentence of sentences(flat, piece)) {
            if (countWords(flat, sentence) <= max) continue;
            for (const part of spokenParts(flat, sentence)) {
              const words = countWords(flat, part);
              // The limit is `max` or more, so a part within `max` needs no look at its pauses.
              if (words <= max || words <= limitFor(flat, part, max)) continue;
              const start = story.start + offset + part.start;
              context.report({ messageId: 'long', data: { words, max }, start, end: start + part.end - part.start });
            }
          }
        }
      }
    }
  },
};
