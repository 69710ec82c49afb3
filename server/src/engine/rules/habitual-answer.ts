import type { Rule, Section, Span, Story } from '../types';
import { sentencesOf, type Clause, type Sentence } from '../language';
import { literalPhrases, sectionsOf } from './util';
import words from './habitual-answer.words.json';
import { isTellable, quoteText, toldSentences, type ToldSentence } from './told-sentences';

const phrases = (list: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${literalPhrases([...list].sort((a, b) => b.length - a.length)).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
/** A habit word or opener: said in the present tense by the candidate, it describes a routine. */
const HABIT = phrases([...words.adverbs, ...words.openers]);
/** A philosophy or a role ("my approach is", "I believe in", "in my role"): a habit on its own. */
const PHILOSOPHY = phrases(words.philosophy);

const isCandidate = (c: Clause) => c.subject !== undefined && (c.subject.actor === 'self' || c.subject.actor === 'team');
/** Something the candidate (or their team) did, once: "I pulled the logs", "we shipped", a past note "Analyzed logs". */
const isPastEvent = (c: Clause, s: Sentence) =>
  c.tense === 'past' && !c.reported && !c.nonFinite && c.modal === undefined && (isCandidate(c) || (s.fragment && !c.subject));
const isPresentOwn = (c: Clause) => c.tense === 'present' && !c.reported && c.modal === undefined && isCandidate(c);

/**
 * Where the answer tells what happened: Situation, Task and Action; with none of them (an answer
 * with no STAR headings), the prose between the title and the first heading, and any section
 * that is neither a Result nor a Reflection.
 */
function eventSpans(story: Story): Span[] {
  const star = sectionsOf(story, ['situation', 'task', 'action']);
  if (star.length > 0) return star.map((s) => s.body);
  const introStart = story.principles?.line.end ?? story.heading.end;
  const introEnd = story.sections[0]?.heading.start ?? story.end;
  const spans: Span[] = introEnd > introStart ? [{ start: introStart, end: introEnd }] : [];
  const other = (s: Section) => s.kind !== 'result' && s.kind !== 'reflection';
  return [...spans, ...story.sections.filter(other).map((s) => s.body)];
}

/** A sentence (all its wrapped lines) that tells a habit, a philosophy or a role, and no past event. */
function isHabitual(told: ToldSentence<Sentence>): boolean {
  if (told.parts.some((s) => s.clauses.some((c) => isPastEvent(c, s)))) return false;
  if (PHILOSOPHY.test(told.text)) return true;
  return HABIT.test(told.text) && told.parts.some((s) => s.clauses.some(isPresentOwn));
}

// Domain: "Tell me about a time…" asks for one past event; "an answer that describes a habit or
// a philosophy in the present tense ('I always…', 'my approach is…') instead of one past event"
// gives the interviewer nothing to cite and draws "can you give me a specific example?".
export const habitualAnswer: Rule = {
  name: 'habitual-answer',
  description: 'The answer describes a habit or a philosophy in the present tense ("I always make sure…", "My approach is to…") and tells no past event.',
  group: 'evidence',
  defaultSeverity: 'warning',
  messages: {
    habitual:
      '"{sentence}" describes what you usually do, not one time you did it, and the story tells no past event of yours. The interviewer asked "tell me about a time…" and will ask for a specific example: tell one occasion, in the past tense (when it was, what you did, what came of it).',
  },
  check(story, context) {
    let first: ToldSentence<Sentence> | undefined;
    for (const span of eventSpans(story).filter(isTellable)) {
      const sentences = sentencesOf(story, span);
      if (sentences.some((s) => s.clauses.some((c) => isPastEvent(c, s)))) return;
      first ??= toldSentences(story, context.text, sentences).find(isHabitual);
    }
    if (!first) return;
    context.report({ messageId: 'habitual', data: { sentence: quoteText(first.text) }, start: first.start, end: first.end });
  },
};
