/**
 * The loop planner: one distinct story for every principle of every round, the cheapest plan as a
 * whole (an assignment problem, solved exactly by `assign`). The cost model, in docs/loop.md:
 *
 * 1. A story that names the principle on its Principles line (targeted) costs nothing to frame.
 *    A story that does not name it but whose text shows at least two of the principle's beats can
 *    be reframed for it, at a cost higher than any difference readiness can make across the whole
 *    loop, so the plan reframes as few stories as it can. A story with neither is never used for
 *    that principle: told for a principle it does not show, it earns "not inclined" for sure.
 * 2. Then readiness: a story's score (its weighted findings) times ten, capped, so among
 *    targeted stories the one with fewer and lighter findings wins.
 * 3. Ties go to the story that comes first in the bank's order, then to the earlier slot.
 *
 * Above all three: as many slots as possible get a story, and when the bank is too small the
 * slots left uncovered are those of the least-probed principles (highest rank).
 */
import type { StorySummary } from '../bank/types';
import { resolvePrinciple } from '../principles/match';
import { beatEvidence } from '../principles/evidence';
import type { Principle, PrincipleSet } from '../principles/types';
import type { Finding, Story } from '../types';
import { assign, FORBIDDEN } from './assign';
import { MIN_WORDS_TO_RATE, readinessOf } from './readiness';
import type { LoopPlan, LoopRound, PlannedSlot, Readiness } from './types';

/** What the planner needs of a story: a summary, and the principles its text shows without naming them. */
export type PlanStory = Pick<StorySummary, 'id' | 'title' | 'uri' | 'line' | 'principles'> & {
  /** A draft under `MIN_WORDS_TO_RATE` words is planned only when nothing readier can take the slot. */
  words?: number;
  readiness?: Readiness;
  /** Canonical names of principles whose beats the story shows (two or more), whether it names them or not. */
  shows?: readonly string[];
};

/** A story's score counts up to this much (times ten) in the plan: past "strong not inclined" more findings change nothing. */
const READINESS_COST_CAP = 100;
/** Beats a story must show for a principle it does not name before it may be reframed for it. */
export const BEATS_TO_REFRAME = 2;

export function planLoop(
  rounds: readonly LoopRound[],
  stories: readonly PlanStory[],
  findingsPerStory: ReadonlyMap<string, readonly Finding[]> | undefined,
  principleSet: PrincipleSet,
  source: LoopPlan['source'] = 'profile',
): LoopPlan {
  const slots = rounds.flatMap((round, index) =>
    round.principles.flatMap((ref) => {
      const principle = principleOf(principleSet, ref);
      return principle ? [{ index, round: round.name, principle }] : [];
    }),
  );
  const cost = costMatrix(
    slots.map((slot) => slot.principle),
    stories,
    findingsPerStory,
  );
  const chosen = assign(cost);
  const planned: PlannedSlot[] = slots.map(({ round, principle }, i) => {
    const story = chosen[i] === undefined ? undefined : stories[chosen[i]!];
    return {
      round,
      principleId: principle.id,
      principle: principle.name,
      ...(story ? { story: { id: story.id, title: story.title, uri: story.uri, line: story.line } } : {}),
      targeted: story ? fitOf(story, principle) === 'targeted' : false,
    };
  });
  return {
    source,
    rounds: rounds.map((round, index) => ({ name: round.name, slots: planned.filter((_, i) => slots[i].index === index) })),
    uncovered: planned.filter((slot) => !slot.story),
  };
}

/**
 * The cost of telling story j for slot i, in tiers that never trade against each other: which
 * principles get a story (a more-probed one first, when the bank cannot cover them all), then
 * how few stories are reframed, then readiness, then story order.
 */
function costMatrix(
  principles: readonly Principle[],
  stories: readonly PlanStory[],
  findingsPerStory: ReadonlyMap<string, readonly Finding[]> | undefined,
): number[][] {
  const readinessCost = stories.map((story) => {
    if (story.words !== undefined && story.words < MIN_WORDS_TO_RATE) return READINESS_COST_CAP;
    const findings = findingsPerStory?.get(story.id);
    const score = findings ? readinessOf(findings).score : (story.readiness?.score ?? 0);
    return Math.min(READINESS_COST_CAP, Math.round(score * 10));
  });
  const reframed = READINESS_COST_CAP * (principles.length + 1);
  // Covering a principle one rank higher is worth more than every reframing and readiness cost of the plan together.
  const rankStep = principles.length * (reframed + READINESS_COST_CAP) + 1;
  const lowestRank = Math.max(0, ...principles.map((p) => p.rank));
  // Story order breaks ties: a multiple of the cost keeps room for the sum of indices below it.
  const scale = principles.length * stories.length + 1;
  return principles.map((principle) =>
    stories.map((story, j) => {
      const fit = fitOf(story, principle);
      if (fit === 'none') return FORBIDDEN;
      const coverBonus = (lowestRank + 1 - principle.rank) * rankStep;
      return ((fit === 'targeted' ? 0 : reframed) + readinessCost[j] - coverBonus) * scale + j;
    }),
  );
}

function fitOf(story: PlanStory, principle: Principle): 'targeted' | 'reframed' | 'none' {
  if (story.principles.includes(principle.name)) return 'targeted';
  return story.shows?.includes(principle.name) ? 'reframed' : 'none';
}

/** A principle by id, canonical name or alias. */
export function principleOf(set: PrincipleSet, ref: string): Principle | undefined {
  return set.principles.find((p) => p.id === ref) ?? resolvePrinciple(set, ref);
}

/** Principles of the set whose beats the story shows, at least BEATS_TO_REFRAME of them: those it could be told for. */
export function shownPrinciples(story: Story, set: PrincipleSet): string[] {
  const names: string[] = [];
  for (const principle of set.principles) {
    const shown = beatEvidence(story, set, principle).filter((e) => e.shown).length;
    if (shown >= BEATS_TO_REFRAME) names.push(principle.name);
  }
  return names;
}

/**
 * The rounds with every principle as an id of the set. A principle the set does not know is
 * dropped with a problem that says so, and a round left with none is dropped too.
 */
export function resolveRounds(rounds: readonly LoopRound[], set: PrincipleSet): { rounds: LoopRound[]; problems: string[] } {
  const problems: string[] = [];
  const resolved: LoopRound[] = [];
  for (const round of rounds) {
    const ids: string[] = [];
    for (const ref of round.principles) {
      const principle = principleOf(set, ref);
      if (!principle) problems.push(`Round "${round.name}": "${ref}" is not a principle of ${set.name}; it is left out of the plan.`);
      else if (ids.includes(principle.id)) problems.push(`Round "${round.name}" names ${principle.name} twice; it is planned once.`);
      else ids.push(principle.id);
    }
    if (ids.length > 0) resolved.push({ name: round.name, principles: ids });
  }
  return { rounds: resolved, problems };
}
