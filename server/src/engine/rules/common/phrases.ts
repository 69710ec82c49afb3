/**
 * Word lists matched over the language layer's tokens, for the rules whose lists live in data
 * files (blame, others-did-the-work, trivial-disagreement, spun-failure). A phrase is words
 * separated by spaces; each word matches a token written that way or with that lemma ("drop the
 * ball" matches "dropped the ball"), a trailing `*` matches any ending, and adverbs and "not" may sit
 * between words ("was not very receptive"). The phrases are split into tokens by the language
 * layer itself, so "snake_case" or "lead's" line up with the story's tokens.
 */
import type { Section, Story } from '../../types';
import { analyse, sentencesOf, type Sentence, type Token } from '../../language';

interface WordMatcher {
  text: string;
  lower: string;
  prefix: boolean;
}

export interface Phrase {
  source: string;
  words: WordMatcher[];
}

export interface PhraseMatch {
  phrase: Phrase;
  /** Token indices, inclusive. */
  first: number;
  last: number;
}

/**
 * The words the case-insensitive lists' phrases start on (whole first words and three-letter
 * prefixes), each with a small number, and for each token array the numbers of its tokens' words:
 * read once per sentence and shared by every list, so that a list asks its own maps only at the
 * tokens one of its phrases can start on. Twenty lists each looking up every token of every
 * sentence were a twelfth of a full lint. Lists are built when their rule's module loads; once the
 * vocabulary holds `VOCABULARY_LIMIT` words a new list keeps to its own maps, so it stays bounded
 * (by the limit and one list's words). The numbers are cached by token array: a token array, and
 * its tokens, must not change once matched (the language layer's never do).
 */
const vocabulary = new Map<string, number>();
const VOCABULARY_LIMIT = 50_000;
const tokenWords = new WeakMap<readonly Token[], { vocabularySize: number; ids: Int32Array }>();
/** Per token: its lower case, its lemma, and their first three letters. */
const IDS_PER_TOKEN = 4;

function wordId(word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
  return id;
}

/** The vocabulary numbers of each token's words (-1 for a word no list starts on), computed again once the vocabulary grew. */
function wordIdsOf(tokens: readonly Token[]): Int32Array {
  let entry = tokenWords.get(tokens);
  if (entry === undefined || entry.vocabularySize !== vocabulary.size) {
    const ids = new Int32Array(tokens.length * IDS_PER_TOKEN);
    for (let i = 0; i < tokens.length; i++) {
      const { lower, lemma } = tokens[i];
      const at = i * IDS_PER_TOKEN;
      const word = numbersOfWord(lower);
      ids[at] = Math.floor(word / PACK) - 1;
      ids[at + 2] = (word % PACK) - 1;
      const base = lemma === lower ? 0 : numbersOfWord(lemma);
      ids[at + 1] = Math.floor(base / PACK) - 1;
      ids[at + 3] = (base % PACK) - 1;
    }
    tokenWords.set(tokens, (entry = { vocabularySize: vocabulary.size, ids }));
  }
  return entry.ids;
}

/**
 * A word's vocabulary number and its first three letters', each plus one, packed in one number and
 * kept by the word: a story says a few hundred distinct words many times over, and slicing and
 * looking up each token's prefix again was most of `wordIdsOf`'s time on text read for the first
 * time. Emptied when the vocabulary grows, and past `WORD_NUMBERS_LIMIT` words.
 */
function numbersOfWord(word: string): number {
  if (wordNumbersFor !== vocabulary.size) {
    wordNumbers.clear();
    wordNumbersFor = vocabulary.size;
  }
  let packed = wordNumbers.get(word);
  if (packed === undefined) {
    packed = ((vocabulary.get(word) ?? -1) + 1) * PACK + (vocabulary.get(word.slice(0, 3)) ?? -1) + 1;
    if (wordNumbers.size >= WORD_NUMBERS_LIMIT) wordNumbers.clear();
    wordNumbers.set(word, packed);
  }
  return packed;
}
const wordNumbers = new Map<string, number>();
let wordNumbersFor = -1;
const WORD_NUMBERS_LIMIT = 20_000;
/** Above any vocabulary number plus one, and small enough that two fit exactly in a double. */
const PACK = 2 ** 26;

const WHOLE_WORD = 1;
const PREFIX = 2;

/** Tokens that may sit inside a phrase without being part of it. */
const SKIPPABLE = (t: Token) => t.pos === 'adv' || (t.pos === 'part' && t.lemma === 'not');

export class PhraseList {
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Phrases whose first word is a prefix ("disagre*"), by the prefix's first three letters. */
  private readonly prefixed = new Map<string, Phrase[]>();
  private readonly shortPrefixed: Phrase[] = [];
  /** Set for a case-insensitive list in the shared vocabulary (`mayStartAt`). */
  private readonly starts: Uint8Array | undefined;
  readonly phrases: Phrase[];

  constructor(
    list: readonly string[],
    private readonly caseSensitive = false,
  ) {
    this.phrases = list.map(compile).filter((p) => p.words.length > 0);
    for (const p of this.phrases) {
      const first = p.words[0];
      if (first.prefix) {
        const key = caseSensitive ? first.text : first.lower;
        if (key.length < 3) this.shortPrefixed.push(p);
        else this.prefixed.set(key.slice(0, 3), [...(this.prefixed.get(key.slice(0, 3)) ?? []), p]);
      } else {
        const key = caseSensitive ? first.text : first.lower;
        this.byFirst.set(key, [...(this.byFirst.get(key) ?? []), p]);
      }
    }
    // A one- or two-letter prefix can start at any token: such a list tries them all.
    if (!caseSensitive && this.shortPrefixed.length === 0 && vocabulary.size < VOCABULARY_LIMIT) this.starts = this.vocabularyStarts();
  }

  /** By vocabulary number: whether a phrase of this list starts on that whole word, or on a word with that prefix. */
  private vocabularyStarts(): Uint8Array {
    const marks: Array<[number, number]> = [];
    for (const key of this.byFirst.keys()) marks.push([wordId(key), WHOLE_WORD]);
    for (const key of this.prefixed.keys()) marks.push([wordId(key), PREFIX]);
    const starts = new Uint8Array(vocabulary.size);
    for (const [id, kind] of marks) starts[id] |= kind;
    return starts;
  }

  /** A phrase of this list may start at token i: one of its maps has the token's word, lemma or prefix. */
  private static mayStartAt(starts: Uint8Array, ids: Int32Array, i: number): boolean {
    const at = i * IDS_PER_TOKEN;
    return (
      marked(starts, ids[at], WHOLE_WORD) ||
      marked(starts, ids[at + 1], WHOLE_WORD) ||
      marked(starts, ids[at + 2], PREFIX) ||
      marked(starts, ids[at + 3], PREFIX)
    );
  }

  /** Every match starting in [from, to), leftmost first and longest at each start, not overlapping. */
  matches(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    this.scan(tokens, from, to, out);
    return out;
  }

  first(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch | undefined {
    return this.scan(tokens, from, to, undefined);
  }

  /** The first match starting in [from, to); given `all`, every match (as `matches` says) is pushed there instead, and none returned. */
  private scan(tokens: readonly Token[], from: number, to: number, all: PhraseMatch[] | undefined): PhraseMatch | undefined {
    const starts = this.starts;
    const ids = starts && wordIdsOf(tokens);
    for (let i = from; i < to; i++) {
      if (ids && !PhraseList.mayStartAt(starts, ids, i)) continue;
      const m = this.longestAt(tokens, i);
      if (!m) continue;
      if (!all) return m;
      all.push(m);
      i = m.last;
    }
    return undefined;
  }

  test(tokens: readonly Token[], from = 0, to = tokens.length): boolean {
    return this.first(tokens, from, to) !== undefined;
  }

  /** The longest phrase that starts at token i. */
  longestAt(tokens: readonly Token[], i: number): PhraseMatch | undefined {
    const t = tokens[i];
    // Plain loops, no closure, array or slice per token: this runs on every token of every story.
    // The candidate lists are tried in a fixed order (whole word, then its lemma, then prefixes),
    // and the first of equally long matches wins.
    let best: PhraseMatch | undefined;
    if (this.caseSensitive) {
      best = this.longestIn(this.byFirst.get(t.text), tokens, i, best);
      if (this.prefixed.size > 0) best = this.longestIn(this.prefixed.get(t.text.slice(0, 3)), tokens, i, best);
    } else {
      best = this.longestIn(this.byFirst.get(t.lower), tokens, i, best);
      if (t.lemma !== t.lower) best = this.longestIn(this.byFirst.get(t.lemma), tokens, i, best);
      if (this.prefixed.size > 0) {
        const lower3 = t.lower.slice(0, 3);
        const lemma3 = t.lemma.slice(0, 3);
        best = this.longestIn(this.prefixed.get(lower3), tokens, i, best);
        if (lemma3 !== lower3) best = this.longestIn(this.prefixed.get(lemma3), tokens, i, best);
      }
    }
    return this.shortPrefixed.length > 0 ? this.longestIn(this.shortPrefixed, tokens, i, best) : best;
  }

  /** `best`, or a longer match of one of `list`'s phrases at token i. */
  private longestIn(
    list: readonly Phrase[] | undefined,
    tokens: readonly Token[],
    i: number,
    best: PhraseMatch | undefined,
  ): PhraseMatch | undefined {
    if (!list) return best;
    for (const phrase of list) {
      const last = this.matchAt(tokens, i, phrase);
      if (last >= 0 && (!best || last > best.last)) best = { phrase, first: i, last };
    }
    return best;
  }

  private matchAt(tokens: readonly Token[], i: number, phrase: Phrase): number {
    let k = i;
    for (let w = 0; w < phrase.words.length; w++) {
      if (w > 0) {
        // Up to two adverbs or a "not" between words, unless the word itself is one.
        let skipped = 0;
        while (k < tokens.length && !this.wordMatches(tokens[k], phrase.words[w]) && SKIPPABLE(tokens[k]) && skipped < 2) {
          k++;
          skipped++;
        }
      }
      if (k >= tokens.length || !this.wordMatches(tokens[k], phrase.words[w])) return -1;
      k++;
    }
    return k - 1;
  }

  private wordMatches(t: Token, w: WordMatcher): boolean {
    if (this.caseSensitive) return w.prefix ? t.text.startsWith(w.text) : t.text === w.text;
    if (w.prefix) return t.lower.startsWith(w.lower) || t.lemma.startsWith(w.lower);
    return t.lower === w.lower || t.lemma === w.lower;
  }
}

/** `id` is marked `kind` in a list's table; words numbered after the list was built are none of its. */
function marked(starts: Uint8Array, id: number, kind: number): boolean {
  return id >= 0 && id < starts.length && (starts[id] & kind) !== 0;
}

function compile(source: string): Phrase {
  const words: WordMatcher[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    if (!raw) continue;
    const prefix = raw.endsWith('*');
    const core = prefix ? raw.slice(0, -1) : raw;
    // A plain word is one token; anything else ("snake_case", "wasn't", "lead's") is split as the layer splits it.
    const tokens = /^[\p{L}\p{N}]+$/u.test(core) ? [{ text: core, lower: core.toLowerCase() }] : analyse(core, 0, core.length).tokens;
    tokens.forEach((t, k) => words.push({ text: t.text, lower: t.lower, prefix: prefix && k === tokens.length - 1 }));
  }
  return { source, words };
}

/** The document text of tokens [first, last], as written. */
export function tokenText(text: string, tokens: readonly Token[], first: number, last: number): string {
  return text.slice(tokens[first].start, tokens[last].end).replace(/\s+/g, ' ');
}

/** The analysed sentences of a section; none for a section too long to be told (see the language layer's `LONGEST_TOLD_SPAN`). */
export function sentencesToCheck(story: Story, section: Section): readonly Sentence[] {
  return sentencesOf(story, section.body);
}
