/**
 * The Bar Raiser's follow-up questions for one story, built offline from its text and its gaps.
 * Ordered the way a Bar Raiser digs: the numbers first (how they were measured, where they
 * started), then whose work it was, the choice and what it was weighed against, the disagreement
 * when the story is told for backbone, and last what the candidate would do differently.
 * Sources are in docs/loop.md.
 */
import { MEASURING_KINDS, sentencesOf, type NumberKind, type NumberMention, type Sentence } from '../language';
import type { Finding, SectionKind, Story } from '../types';
import type { FollowUp } from './types';

/** More than this and the drill stops being a drill: a real follow-up round has time for about eight. */
export const MAX_FOLLOW_UPS = 8;
/** Numbers asked about: the headline ones; a Bar Raiser picks two or three, not every figure. */
export const MAX_NUMBER_QUESTIONS = 3;

const BACKBONE = 'Have Backbone; Disagree and Commit';

/** Which numbers headline a result, most telling first: money and rates before counts and times. */
const KIND_ORDER: readonly NumberKind[] = ['money', 'percent', 'multiplier', 'quantity', 'count', 'duration', 'approximate'];
/** In the Action only the kinds that size an outcome; in the Result a measured time ("0.9 seconds") counts too. */
const ACTION_KINDS: ReadonlySet<NumberKind> = new Set(['money', 'percent', 'multiplier', 'quantity']);

export function followUpsFor(story: Story, findings: readonly Pick<Finding, 'rule' | 'start' | 'end'>[]): FollowUp[] {
  const fired = new Set(findings.map((f) => f.rule));
  const out: FollowUp[] = [];
  const numbers = keyNumbers(story, MAX_NUMBER_QUESTIONS);
  for (const n of numbers) {
    out.push({
      id: `number:${n}`,
      // "the 31%" reads well; "the twice" or "the 1.9" does not, so a bare figure is quoted.
      question: /^[\d.,]+$|\b(?:twice|thrice|times)$/i.test(n) ? `How did you measure "${n}"?` : `How did you measure the ${n}?`,
      why: 'A number on its own is a claim; the interviewer checks that you know where it came from.',
    });
  }
  for (const metric of missingBaselines(story, findings)) {
    out.push({
      id: `baseline:${metric}`,
      question: `What was it before? ("${metric}" has no starting point.)`,
      why: 'Without a baseline the interviewer cannot tell a big change from a small one.',
    });
  }
  out.push(myPart(fired));
  out.push({
    id: 'decided-against',
    question: 'What did you decide against, and why?',
    why: fired.has('no-decision-point')
      ? 'The story names no choice of your own; the interviewer will look for the judgment call.'
      : 'Judgment shows in the option you turned down and what the choice cost.',
  });
  if (story.principles?.entries.some((e) => e.principle?.name === BACKBONE)) {
    out.push({
      id: 'backbone',
      question: 'Who disagreed, what did you concede, and what did you do after the decision?',
      why: 'Backbone is graded on evidence, a concession and the commit after the decision, not on the disagreement alone.',
    });
  }
  if (fired.has('missing-reflection') || fired.has('generic-reflection') || !story.sections.some((s) => s.kind === 'reflection')) {
    out.push({
      id: 'differently',
      question: 'What would you do differently?',
      why: 'The story says little about what you learned; the interviewer will ask for it.',
    });
  }
  return out.slice(0, MAX_FOLLOW_UPS);
}

function myPart(fired: ReadonlySet<string>): FollowUp {
  const shared = fired.has('we-over-i') || fired.has('others-did-the-work');
  return {
    id: 'my-part',
    question: 'What was your part, and what was the team’s?',
    why: shared
      ? 'The story tells much of the work as "we" or as others\' work; the interviewer grades only what you did.'
      : 'The interviewer checks that the work told as yours was yours.',
  };
}

/** The story's headline numbers as written ("31%", "$140K"), Result before Action, most telling kinds first, each once. */
export function keyNumbers(story: Story, max: number): string[] {
  const found: { text: string; rank: number; order: number }[] = [];
  const seen = new Set<string>();
  const sections: readonly SectionKind[] = ['result', 'action'];
  sections.forEach((kind, sectionRank) => {
    for (const section of story.sections.filter((s) => s.kind === kind)) {
      for (const sentence of sentencesOf(story, section.body)) {
        for (const n of sentence.numbers) {
          const text = numberPhrase(sentence, n);
          // "from $61K to $24K": the first is the baseline, asked about as such; the second is the result.
          const before = sentence.text.slice(0, Math.max(0, n.start - sentence.start));
          // "the slowest 1% of requests" says which requests, not what changed.
          const selects = /\b(?:slowest|fastest|top|bottom|worst|best|largest|smallest)\s*$/i.test(before);
          if (
            !isHeadline(n, kind) ||
            selects ||
            /\bfrom\s+(?:(?:about|roughly|around|nearly|almost|over|under)\s+)?$/i.test(before) ||
            seen.has(text.toLowerCase())
          )
            continue;
          seen.add(text.toLowerCase());
          found.push({ text, rank: sectionRank * KIND_ORDER.length + KIND_ORDER.indexOf(n.kind), order: found.length });
        }
      }
    }
  });
  return found
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, max)
    .map((n) => n.text);
}

/** Nouns that may follow a count's unit word and belong to what was counted ("410 support tickets"). */
const MAX_NOUNS_AFTER = 2;

/** The number with the whole thing it counts: the mention stops at one word ("410 support"), a listener hears "410 support tickets". */
function numberPhrase(sentence: Sentence, n: NumberMention): string {
  let text = n.text.trim();
  let end = n.start + n.text.trimEnd().length;
  for (const token of sentence.tokens.filter((t) => t.start >= end).slice(0, MAX_NOUNS_AFTER)) {
    if (token.pos !== 'noun' || sentence.text.slice(end - sentence.start, token.start - sentence.start).trim() !== '') break;
    text += sentence.text.slice(end - sentence.start, token.end - sentence.start);
    end = token.end;
  }
  return text;
}

function isHeadline(n: NumberMention, section: SectionKind): boolean {
  if (section === 'action') return ACTION_KINDS.has(n.kind);
  // A count or time spelt in words ("two weeks", "one tax call") sets the scene; in digits it was measured.
  if (n.kind === 'count' || n.kind === 'duration') return /^[\d$€£¥]/.test(n.text.trim());
  return MEASURING_KINDS.has(n.kind);
}

/** The metrics `metric-no-baseline` found without a starting point, as written, each once. */
function missingBaselines(story: Story, findings: readonly Pick<Finding, 'rule' | 'start' | 'end'>[]): string[] {
  const metrics: string[] = [];
  for (const f of findings) {
    if (f.rule !== 'metric-no-baseline' || f.start < story.start || f.end > story.end) continue;
    const metric = story.prose
      .slice(f.start - story.start, f.end - story.start)
      .replace(/\s+/g, ' ')
      .trim();
    if (metric && !metrics.includes(metric)) metrics.push(metric);
  }
  return metrics.slice(0, 2);
}
