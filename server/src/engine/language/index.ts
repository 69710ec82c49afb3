import { partitionPoint } from '../search';
/**
 * The language layer: every prose sentence of a story analysed once (tokens, parts of speech,
 * clauses with who acts, numbers and what they are), for every rule to read. Pure TypeScript,
 * word lists in words.json; offsets are absolute document offsets.
 */
import type { Span, Story } from '../types';
import { LruCache } from '../lru';
import { EDITOR_PARAGRAPHS, proseSentences, rel, withParagraphsIn, type ParagraphCache } from '../text';
import { clausesOf } from './clauses';
import { numbersOf } from './numbers';
import { tag, tokenize } from './tag';
import type { Clause, Sentence, Token } from './types';

export type { Actor, Clause, NumberKind, NumberMention, Phrase, Pos, Sentence, Token, VerbForm } from './types';
export { actorOfPhrase, actorOfPronoun } from './clauses';
export { MEASURING_KINDS } from './numbers';

/**
 * A span longer than this (about 3,500 words, over 20 minutes of speaking) is pasted material, not a
 * told section: it has no sentences to read, so no rule pays to analyse it (a megabyte of "<?" is
 * a hundred thousand sentences).
 */
export const LONGEST_TOLD_SPAN = 20_000;

/** The sentences of a span of the story (a section body or any span), analysed once per story and span; none for pasted material. */
export function sentencesOf(story: Story, span: Span): readonly Sentence[] {
  if (span.end - span.start > LONGEST_TOLD_SPAN) return [];
  // Asked for by nearly every rule, often per offset (sentenceAt): a number key, not a string built per call.
  let bySpan = analysedSpans.get(story);
  if (!bySpan) analysedSpans.set(story, (bySpan = new Map()));
  const inRange = span.start >= 0 && span.end >= 0 && span.end < SPAN_KEY && Number.isInteger(span.start) && Number.isInteger(span.end);
  const key: number | string = inRange ? span.start * SPAN_KEY + span.end : `${span.start}:${span.end}`;
  let found = bySpan.get(key);
  if (!found) {
    found = joinWrappedLines(story.prose, proseSentences(story, rel(story, span))).map((s) =>
      analyseCached(story.prose, s.start, s.end, story.start),
    );
    bySpan.set(key, found);
  }
  return found;
}

/** Per story, its analysed spans by `start * SPAN_KEY + end` (documents are at most 2,000,000 characters, below SPAN_KEY). */
const analysedSpans = new WeakMap<Story, Map<number | string, readonly Sentence[]>>();
const SPAN_KEY = 2 ** 22;

/**
 * Analyses by sentence text, at offset 0. Typing re-lints one story, whose other sentences are
 * unchanged: they are copied to their new offsets instead of analysed again.
 */
interface Entry {
  /** The sentence as first analysed, at its first offset. */
  first: Sentence;
  /** Per clause: index of its first token, and of each of its verbs; built when a copy is first needed. */
  layout?: Array<{ from: number; to: number; verbs: number[]; verb: number }>;
  /**
   * Copies handed out, by offset: reused while the sentence stays where it is (text typed after
   * it, the file linted again after a settings change, a sentence said in several stories).
   */
  copies: Map<number, Sentence> | undefined;
}
/**
 * Analyses by sentence text, list items and other sentences apart, each keyed by the sentence's
 * text itself (a slice: no concatenation to flatten and hash). Bounded: past `limit` sentences, or
 * `copiedLimit` tokens held in copies, it starts over.
 */
export class SentenceCache {
  readonly items = new Map<string, Entry>();
  readonly sentences = new Map<string, Entry>();
  copiedTokens = 0;

  constructor(
    readonly limit = 5000,
    /**
     * About 15 MB at the default. A bound per sentence (there were eight copies each) made a
     * sentence said at more offsets cycle through them, re-copying it at every lint; a bound on
     * the whole keeps every copy a file needs.
     */
    readonly copiedLimit = 200_000,
    /** The sentence bounds of the paragraphs read with this cache (`withParagraphsIn`). */
    readonly paragraphs: ParagraphCache = new LruCache(500),
  ) {}

  startOver(): void {
    this.items.clear();
    this.sentences.clear();
    this.copiedTokens = 0;
  }

  /** Lets go of everything: the analyses and the paragraphs' bounds. */
  release(): void {
    this.startOver();
    this.paragraphs.clear();
  }
}

/** The editor's: the open documents' sentences, for typing. */
const shared = new SentenceCache(undefined, undefined, EDITOR_PARAGRAPHS);
let cache = shared;

/**
 * Runs `work` with `analyses` as the sentence cache. The story bank lints the files nobody is
 * editing in its own, smaller cache: in the shared one they would push the open document's
 * sentences out and hold tens of megabytes that no keystroke reads again.
 */
export function withAnalysesIn<T>(analyses: SentenceCache, work: () => T): T {
  const outer = cache;
  cache = analyses;
  try {
    return withParagraphsIn(analyses.paragraphs, work);
  } finally {
    cache = outer;
  }
}

function analyseCached(prose: string, start: number, end: number, base: number): Sentence {
  const text = prose.slice(start, end);
  if (text.length > MAX_SENTENCE) return analyse(prose, start, end, base);
  const analysed = isListItem(prose, start, text) ? cache.items : cache.sentences;
  const at = base + start;
  const entry = analysed.get(text);
  if (!entry) {
    // First time: analysed in place, no copy.
    const sentence = analyse(prose, start, end, base);
    if (cache.items.size + cache.sentences.size >= cache.limit) cache.startOver();
    analysed.set(text, { first: sentence, copies: undefined });
    return sentence;
  }
  if (entry.first.start === at) return entry.first;
  let copy = entry.copies?.get(at);
  if (!copy) {
    copy = shifted(entry, at - entry.first.start);
    cache.copiedTokens += copy.tokens.length + 1;
    if (cache.copiedTokens > cache.copiedLimit) cache.startOver();
    else (entry.copies ??= new Map()).set(at, copy);
  }
  return copy;
}

function layoutOf(entry: Entry): NonNullable<Entry['layout']> {
  if (!entry.layout) {
    const s = entry.first;
    const position = new Map(s.tokens.map((t, i) => [t, i]));
    entry.layout = s.clauses.map((c) => ({
      from: c.tokens.length ? position.get(c.tokens[0])! : 0,
      to: c.tokens.length ? position.get(c.tokens[c.tokens.length - 1])! + 1 : 0,
      verbs: c.verbs.map((v) => position.get(v)!),
      verb: c.verb ? position.get(c.verb)! : -1,
    }));
  }
  return entry.layout;
}

const moved = <T extends Span>(p: T | undefined, delta: number): T | undefined =>
  p ? { ...p, start: p.start + delta, end: p.end + delta } : undefined;

/** A copy of the sentence as first analysed, moved by `delta`. */
function shifted(entry: Entry, delta: number): Sentence {
  const s = entry.first;
  const layout = layoutOf(entry);
  const tokens = shiftedTokens(s.tokens, delta);
  const clauses: Clause[] = new Array(s.clauses.length);
  for (let k = 0; k < clauses.length; k++) {
    const c = s.clauses[k];
    const l = layout[k];
    const verbs: Token[] = new Array(l.verbs.length);
    for (let v = 0; v < verbs.length; v++) verbs[v] = tokens[l.verbs[v]];
    clauses[k] = {
      start: c.start + delta,
      end: c.end + delta,
      tokens: tokens.slice(l.from, l.to),
      subject: c.subject && moved(c.subject, delta),
      subjectImplied: c.subjectImplied,
      verbs,
      verb: l.verb >= 0 ? tokens[l.verb] : undefined,
      passive: c.passive,
      stative: c.stative,
      agent: c.agent && moved(c.agent, delta),
      negated: c.negated,
      tense: c.tense,
      modal: c.modal,
      perfect: c.perfect,
      progressive: c.progressive,
      reported: c.reported,
      nonFinite: c.nonFinite,
    };
  }
  const numbers = s.numbers.length === 0 ? [] : s.numbers.map((n) => ({ ...n, start: n.start + delta, end: n.end + delta }));
  return { start: s.start + delta, end: s.end + delta, text: s.text, tokens, clauses, numbers, fragment: s.fragment, listItem: s.listItem };
}

/** Copies of the tokens moved by `delta`, every one built by the same literal (one shape for every rule that reads them). */
function shiftedTokens(from: readonly Token[], delta: number): Token[] {
  const tokens: Token[] = new Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const t = from[i];
    tokens[i] = { start: t.start + delta, end: t.end + delta, text: t.text, lower: t.lower, lemma: t.lemma, pos: t.pos, form: t.form };
  }
  return tokens;
}

function isListItem(prose: string, start: number, text: string): boolean {
  // A list marker is blanked to spaces in the prose, so an item starts after an indent of two or more
  // (only the few characters before the sentence are read: a long line stays linear).
  return /(?:^|\n) {2,}$/.test(prose.slice(Math.max(0, start - 12), start)) || /^[-*+•]\s/.test(text);
}

/** Words that cannot end a sentence: a line ending in one was wrapped mid-sentence. */
const CONTINUES =
  /\b(?:the|a|an|to|of|and|or|but|with|by|for|from|in|on|at|was|were|is|are|be|been|had|has|have|would|will|could|that|which|who|my|our|their|his|her|its|this|these|those|i|we)\s*$/i;

/**
 * Line breaks end a sentence for the segmenter, but Markdown wraps paragraphs freely. A segment that
 * ends a line without closing punctuation continues on the next line when that line starts in lower
 * case ("was\npaused") or the break falls after a word no sentence ends on ("met with the\nVP").
 * A capitalized line after an unpunctuated one stays apart: that is a list or a note.
 */
function joinWrappedLines(prose: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev) {
      const gap = prose.slice(prev.end, s.start);
      const text = prose.slice(prev.start, prev.end);
      if (/^[ \t]*\r?\n[ \t]*$|^[ \t]*\r$/.test(gap) && !/[.!?:;\u2026]["'\u201d\u2019)\]]*$/.test(text)) {
        if (/^\p{Ll}/u.test(prose[s.start]) || CONTINUES.test(text)) {
          prev.end = s.end;
          continue;
        }
      }
    }
    out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Longest sentence analysed, in UTF-16 units (about 300 words). */
export const MAX_SENTENCE = 2000;

/** Analyses one sentence of `prose` ([start, end) relative to it); `base` is the document offset of prose[0]. */
export function analyse(prose: string, start: number, end: number, base = 0): Sentence {
  const text = prose.slice(start, end);
  // No one says a sentence of thousands of characters: such a run (pasted data, a fuzzer's line) is
  // left unanalysed, and rules treat it as they treat text the layer cannot read.
  if (text.length > MAX_SENTENCE)
    return { start: base + start, end: base + end, text, tokens: [], clauses: [], numbers: [], fragment: false, listItem: false };
  const tokens = tag(tokenize(text, base + start));
  const clauses = clausesOf(tokens, text, base + start);
  const listItem = isListItem(prose, start, text);
  const withVerb = clauses.filter((c) => !c.nonFinite);
  const fragment =
    withVerb.length > 0 &&
    clauses.every((c) => !c.subject || c.subjectImplied) &&
    !clauses.some((c) => c.subject && !c.subjectImplied) &&
    startsWithVerb(tokens);
  return { start: base + start, end: base + end, text, tokens, clauses, numbers: numbersOf(tokens), fragment, listItem };
}

function startsWithVerb(tokens: Token[]): boolean {
  const first = tokens.find((t) => t.pos !== 'punct' && t.pos !== 'sym' && t.pos !== 'adv');
  return first !== undefined && (first.pos === 'verb' || (first.pos === 'aux' && first.lemma !== 'be'));
}

/** Index of the first span that ends after `offset` (spans sorted and disjoint); `spans.length` when none does. */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return partitionPoint(spans.length, (i) => spans[i].end <= offset);
}

/** The sentence of `sentences` (from sentencesOf) holding a document offset. */
export function sentenceIn(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const s = sentences[firstEndingAfter(sentences, offset)];
  return s && s.start <= offset ? s : undefined;
}

/** The sentence holding a document offset, within the story's sections (or the whole story). */
export function sentenceAt(story: Story, offset: number): Sentence | undefined {
  const section = story.sections.find((s) => s.body.start <= offset && offset < s.body.end);
  const span = section ? section.body : { start: story.start, end: story.end };
  return sentenceIn(sentencesOf(story, span), offset);
}

/** Index of the token of a sentence holding `offset`, or of the first token after it; tokens.length when none. */
export function tokenIndexAt(sentence: Sentence, offset: number): number {
  return firstEndingAfter(sentence.tokens, offset);
}

/** The clause of a sentence holding an offset: clauses cover the sentence's tokens end to end. */
export function clauseIn(sentence: Sentence, offset: number): Clause | undefined {
  const c = sentence.clauses[firstEndingAfter(sentence.clauses, offset)];
  return c && c.start <= offset ? c : undefined;
}

/** The clause holding a document offset. */
export function clauseAt(story: Story, offset: number): Clause | undefined {
  const sentence = sentenceAt(story, offset);
  return sentence && clauseIn(sentence, offset);
}

/** The token holding a document offset. */
export function tokenAt(story: Story, offset: number): Token | undefined {
  const sentence = sentenceAt(story, offset);
  const t = sentence?.tokens[tokenIndexAt(sentence, offset)];
  return t && t.start <= offset ? t : undefined;
}

/** The clause of a sentence that holds a token. */
export function clauseOfToken(sentence: Sentence, token: Token): Clause | undefined {
  return clauseIn(sentence, token.start);
}
