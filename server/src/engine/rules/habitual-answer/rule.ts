import type { Rule, Section, Span, Story } from '../../types';
import { sentencesOf, type Clause, type Sentence } from '../../language';
import { literalPhrases, sectionsOf } from '../common/util';
import words from './words.json';
import { isTellable, quoteText, toldSentences, type ToldSentence } from '../common/told-sentences';

const phrases = (list: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${literalPhrases([...list].sort((a, b) => b.length - a.length)).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
/** A habit word or opener: said in the present tense by the candidate, it describes a routine. */
const HABIT = phrases([...words.adverbs, ...words.openers]);
/** A philosophy or a role ("my approach is", "I believe in", "in my role"): a habit on its own. */
const PHILOSOPHY = phrases(words.philosophy);

const isCandidate = (c: Clause) => c.subject !== undefined && (c.subject.actor === 'self' || c.subject.actor === 'team');
/** Something the candidate (or their team) did, once: "I pulled the logs", "we shipped", a past note "Analyzed logs". */
const isPastEvent = (c: Clause, s: Sentence) =>
  isPast(c) && !c.reported && !c.nonFinite && c.modal === undefined && (isCandidate(c) || (s.fragment && !c.subject));
/**
 * Past tense, or an -ed form standing alone after its subject ("I traced it"), which the layer may
 * leave as a participle with no tense: with no auxiliary before it, it can only be a past.
 */
const isPast = (c: Clause) =>
  c.tense === 'past' ||
  (c.tense === 'none' &&
    !c.passive &&
    c.verbs.length === 1 &&
    c.verb?.form === 'participle' &&
    c.subject !== undefined &&
    !c.subjectImplied);
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

/** A sentence (all its wrapped lines) that tells a habit, a philosophy or a role. */
function marksHabit(told: ToldSentence<Sentence>): boolean {
  if (PHILOSOPHY.test(told.text)) return true;
  return HABIT.test(told.text) && told.parts.some((s) => s.clauses.some(isPresentOwn));
}

/** A habitual sentence that tells no past event either. */
function isHabitual(told: ToldSentence<Sentence>): boolean {
  return !told.parts.some((s) => s.clauses.some((c) => isPastEvent(c, s))) && marksHabit(told);
}

/**
 * An answer dominated by habits: the candidate's present-tense clauses outnumber their past events
 * several times over, and several sentences mark a habit. "For example, last year I traced it to a
 * lock" inside a description of how I always work is an aside, not the story.
 */
const DOMINANCE = 3;
const MIN_HABIT_SENTENCES = 3;

// Domain: "Tell me about a time…" asks for one past event; "an answer that describes a habit or
// a philosophy in the present tense ('I always…', 'my approach is…') instead of one past event"
// gives the interviewer nothing to cite and draws "can you give me a specific example?".
export const habitualAnswer: Rule = {
  name: 'habitual-answer',
  description:
    'The answer describes a habit or a philosophy in the present tense ("I always make sure…", "My approach is to…") and tells no past event.',
  group: 'evidence',
  defaultSeverity: 'warning',
  messages: {
    habitual:
      '"{sentence}" describes what you usually do, not one time you did it, and the story tells no past event of yours. The interviewer asked "tell me about a time…" and will ask for a specific example: tell one occasion, in the past tense (when it was, what you did, what came of it).',
    mostlyHabitual:
      '"{sentence}" and most of this answer describe what you usually do; the one occasion in it is an aside. The interviewer asked "tell me about a time…": make that occasion the story, told in the past tense (when it was, what you did, what came of it), and keep the habit for the Reflection.',
  },
  check(story, context) {
    let past = 0;
    let present = 0;
    const told: ToldSentence<Sentence>[] = [];
    for (const span of eventSpans(story).filter(isTellable)) {
      const sentences = sentencesOf(story, span);
      for (const s of sentences) {
        past += s.clauses.filter((c) => isPastEvent(c, s)).length;
        present += s.clauses.filter(isPresentOwn).length;
      }
      told.push(...toldSentences(story, context.text, sentences));
    }
    if (past === 0) {
      const first = told.find(isHabitual);
      if (first) context.report({ messageId: 'habitual', data: { sentence: quoteText(first.text) }, start: first.start, end: first.end });
      return;
    }
    const habits = told.filter(marksHabit);
    // Two habit sentences are enough when present-tense telling outweighs the past twice as much again.
    const dominant =
      (habits.length >= MIN_HABIT_SENTENCES && present >= DOMINANCE * past) || (habits.length >= 2 && present >= 2 * DOMINANCE * past);
    if (dominant) {
      const first = habits[0];
      context.report({ messageId: 'mostlyHabitual', data: { sentence: quoteText(first.text) }, start: first.start, end: first.end });
    }
  },
};
