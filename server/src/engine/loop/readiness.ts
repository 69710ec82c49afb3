/**
 * How an interviewer would vote on a story today, computed openly from its findings: each finding
 * weighs by its severity, a few rules weigh more or less than their severity says (the table
 * below), and the sum falls in one of four bands. The reasons behind the sum are kept, heaviest
 * first, so the editor can say what lowers the rating. See docs/loop.md.
 */
import type { BankSnapshot, PrincipleCoverage, StorySummary } from '../bank/types';
import type { Finding, Severity } from '../types';
import { RATINGS, type Rating, type Readiness, type ReadinessReason } from './types';

/** What one finding weighs by its severity. A hint is polish the user did not ask to see: it weighs nothing. */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * Per rule, what its findings weigh against their severity's weight. Above 1: what costs the vote
 * outright (docs/interviews.md): no Result to grade, a hypothetical or habitual answer instead of
 * one event, the work told as yours when others did it, a number that contradicts itself. Below
 * 1: what an interviewer hardly notices when spoken (a long sentence, an acronym, passive voice)
 * or a slip in the file rather than in the answer (a misspelt principle name).
 */
export const RULE_FACTOR: Readonly<Record<string, number>> = {
  'missing-section': 2,
  'empty-section': 1.5,
  hypothetical: 2,
  'habitual-answer': 1.5,
  'others-did-the-work': 1.5,
  'spun-failure': 1.5,
  'result-no-metric': 1.5,
  'contradictory-numbers': 1.5,
  'duplicate-story': 1.5,
  'long-sentence': 0.5,
  'passive-voice': 0.5,
  'unexplained-acronym': 0.5,
  buzzword: 0.5,
  hedging: 0.5,
  'unknown-principle': 0.5,
  'section-order': 0.5,
};

/**
 * A rule that fires again on the same story adds half its weight each time, at most twice more:
 * five long sentences are one habit, not five faults.
 */
export const REPEAT_SHARE = 0.5;
export const MAX_REPEATS_COUNTED = 2;

/** Highest score of each rating, best first; anything above the last is `strong not inclined`. */
export const RATING_CEILINGS: ReadonlyArray<readonly [Rating, number]> = [
  ['strong inclined', 1],
  ['inclined', 3],
  ['not inclined', 8],
];

/** The weight of one finding, before repeats are discounted. */
export function findingWeight(finding: Pick<Finding, 'rule' | 'severity'>): number {
  return (SEVERITY_WEIGHT[finding.severity] ?? 0) * (RULE_FACTOR[finding.rule] ?? 1);
}

export function ratingOf(score: number): Rating {
  for (const [rating, ceiling] of RATING_CEILINGS) if (score <= ceiling) return rating;
  return 'strong not inclined';
}

/**
 * The story's readiness from the findings inside it: one reason per rule that weighs anything,
 * with the message of its heaviest finding (and how many more there are).
 */
export function readinessOf(findings: readonly Pick<Finding, 'rule' | 'severity' | 'message'>[]): Readiness {
  // The heaviest weight kept as it goes: a story can hold thousands of one rule's findings.
  const byRule = new Map<string, { message: string; heaviest: number; weights: number[] }>();
  for (const finding of findings) {
    const weight = findingWeight(finding);
    if (weight <= 0) continue;
    const entry = byRule.get(finding.rule);
    if (!entry) byRule.set(finding.rule, { message: finding.message, heaviest: weight, weights: [weight] });
    else {
      if (weight > entry.heaviest) [entry.message, entry.heaviest] = [finding.message, weight];
      entry.weights.push(weight);
    }
  }
  const reasons: ReadinessReason[] = [];
  for (const [rule, { message, weights }] of byRule) {
    const sorted = weights.sort((a, b) => b - a);
    const repeats = sorted.slice(1, 1 + MAX_REPEATS_COUNTED).reduce((sum, w) => sum + w * REPEAT_SHARE, 0);
    const more = sorted.length - 1;
    reasons.push({ rule, message: more > 0 ? `${message} (and ${more} more)` : message, weight: round(sorted[0] + repeats) });
  }
  return fromReasons(reasons);
}

/** A readiness from reasons, e.g. a summary's lint reasons and the bank's own findings together. */
export function fromReasons(reasons: readonly ReadinessReason[]): Readiness {
  const sorted = [...reasons].sort((a, b) => b.weight - a.weight || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const score = round(sorted.reduce((sum, r) => sum + r.weight, 0));
  return { rating: ratingOf(score), score, reasons: sorted };
}

/** Adds findings of rules the readiness does not hold yet (the bank's `duplicate-story` on a lint summary). */
export function withFindings(readiness: Readiness, findings: readonly Pick<Finding, 'rule' | 'severity' | 'message'>[]): Readiness {
  if (findings.length === 0) return readiness;
  const known = new Set(readiness.reasons.map((r) => r.rule));
  const added = readinessOf(findings.filter((f) => !known.has(f.rule))).reasons;
  return added.length === 0 ? readiness : fromReasons([...readiness.reasons, ...added]);
}

/** Whether a rating is `inclined` or better: what an interviewer would hire on. */
export function isReady(rating: Rating | undefined): boolean {
  return rating !== undefined && RATINGS.indexOf(rating) <= RATINGS.indexOf('inclined');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Must-haves a bank is judged on when no profile has marked any: the most-probed principles. */
export const DEFAULT_MUST_HAVES = 5;

/**
 * Below this many words a story is still a draft (a fresh template has none): no interviewer could
 * vote on it, so it gets no rating rather than "strong inclined" for having nothing to mark.
 */
export const MIN_WORDS_TO_RATE = 25;

/**
 * The bank against its must-have principles (those a profile marked `mustHave`, else the
 * DEFAULT_MUST_HAVES top-ranked): a must-have is ready when its best story is `inclined` or
 * better. Every must-have ready, each with a `strong inclined` story: strong inclined; every one
 * ready: inclined; at least half: not inclined; fewer: strong not inclined.
 */
export function bankReadiness(
  principles: readonly Pick<PrincipleCoverage, 'rank' | 'stories' | 'mustHave'>[],
  stories: readonly Pick<StorySummary, 'id' | 'readiness'>[],
): NonNullable<BankSnapshot['readiness']> {
  const marked = principles.filter((p) => p.mustHave);
  const mustHaves = marked.length > 0 ? marked : [...principles].sort((a, b) => a.rank - b.rank).slice(0, DEFAULT_MUST_HAVES);
  const ratingById = new Map(stories.map((s) => [s.id, s.readiness?.rating]));
  const best = mustHaves.map((p) => bestRating(p.stories.map((id) => ratingById.get(id))));
  const ready = best.filter(isReady).length;
  const total = mustHaves.length;
  let rating: Rating;
  if (ready === total && best.every((r) => r === 'strong inclined')) rating = 'strong inclined';
  else if (ready === total) rating = 'inclined';
  else if (ready * 2 >= total) rating = 'not inclined';
  else rating = 'strong not inclined';
  return { rating, mustHavesReady: ready, mustHaves: total };
}

function bestRating(ratings: readonly (Rating | undefined)[]): Rating | undefined {
  let best: Rating | undefined;
  for (const r of ratings) if (r !== undefined && (best === undefined || RATINGS.indexOf(r) < RATINGS.indexOf(best))) best = r;
  return best;
}
