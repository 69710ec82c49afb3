/**
 * The language layer: every prose sentence of a story analysed once (tokens, parts of speech,
 * clauses with who acts, numbers and what they are), for every rule to read. Pure TypeScript,
 * word lists in words.json; offsets are absolute document offsets.
 */
import type { Span, Story } from '../types';
import { memoize, proseSentences, rel } from '../text';
import { clausesOf } from './clauses';
import { numbersOf } from './numbers';
import { tag, tokenize } from './tag';
import type { Clause, Sentence, Token } from './types';

export type { Actor, Clause, NumberKind, NumberMention, Phrase, Pos, Sentence, Token, VerbForm } from './types';
export { actorOfPhrase, actorOfPronoun } from './clauses';

/** The sentences of a span of the story (a section body or any span), analysed once per story and span. */
export function sentencesOf(story: Story, span: Span): readonly Sentence[] {
  return memoize(story, `language:${span.start}:${span.end}`, () =>
    proseSentences(story, rel(story, span)).map((s) => analyse(story.prose, s.start, s.end, story.start)),
  );
}

/** Analyses one sentence of `prose` ([start, end) relative to it); `base` is the document offset of prose[0]. */
export function analyse(prose: string, start: number, end: number, base = 0): Sentence {
  const text = prose.slice(start, end);
  const tokens = tag(tokenize(text, base + start));
  const clauses = clausesOf(tokens, text, base + start);
  const lineStart = prose.lastIndexOf('\n', start - 1) + 1;
  // A list marker is blanked to spaces in the prose, so an item starts after an indent of two or more.
  const listItem = /^ {2,}$/.test(prose.slice(lineStart, start)) || /^[-*+•]\s/.test(text);
  const withVerb = clauses.filter((c) => !c.nonFinite);
  const fragment = withVerb.length > 0 && clauses.every((c) => !c.subject || c.subjectImplied) && !clauses.some((c) => c.subject && !c.subjectImplied) && startsWithVerb(tokens);
  return { start: base + start, end: base + end, text, tokens, clauses, numbers: numbersOf(tokens), fragment, listItem };
}

function startsWithVerb(tokens: Token[]): boolean {
  const first = tokens.find((t) => t.pos !== 'punct' && t.pos !== 'sym' && t.pos !== 'adv');
  return first !== undefined && (first.pos === 'verb' || (first.pos === 'aux' && first.lemma !== 'be'));
}

/** The sentence holding a document offset, within the story's sections (or the whole story). */
export function sentenceAt(story: Story, offset: number): Sentence | undefined {
  const section = story.sections.find((s) => s.body.start <= offset && offset < s.body.end);
  const span = section ? section.body : { start: story.start, end: story.end };
  return sentencesOf(story, span).find((s) => s.start <= offset && offset < s.end);
}

/** The clause holding a document offset. */
export function clauseAt(story: Story, offset: number): Clause | undefined {
  const sentence = sentenceAt(story, offset);
  return sentence?.clauses.find((c) => c.start <= offset && offset < c.end);
}

/** The token holding a document offset. */
export function tokenAt(story: Story, offset: number): Token | undefined {
  return sentenceAt(story, offset)?.tokens.find((t) => t.start <= offset && offset < t.end);
}

/** The clause of a sentence whose verb group holds a token. */
export function clauseOfToken(sentence: Sentence, token: Token): Clause | undefined {
  return sentence.clauses.find((c) => c.tokens.includes(token));
}
