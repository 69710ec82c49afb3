/**
 * The two stories every bank needs whatever the role (docs/interviews.md, "The story bank"): a
 * real failure and a real disagreement. Judged from the beats of the principle the story is framed
 * for, so a story counts only when it is told for that question and shows its evidence.
 */
import type { Story } from '../types';
import { hasNumber } from '../text';
import { claimedPrinciples } from './claims';
import { beatEvidence } from './evidence';
import type { PrincipleSet } from './types';

/** Principle id → the beats that, shown together, make the story a real one of its kind. */
const FAILURE_BEATS: ReadonlyMap<string, readonly string[]> = new Map([
  // A failure owned and its cost said: a failure with no cost reads as spin.
  ['learn-and-be-curious', ['real-failure', 'cost-named']],
  ['earn-trust', ['mistake-owned']],
]);
const DISAGREEMENT_BEATS: ReadonlyMap<string, readonly string[]> = new Map([['have-backbone', ['evidence-disagreement']]]);

/** Principle ids a failure story or a disagreement story is framed for (the "New Story for …" action fills these). */
export const FAILURE_PRINCIPLES: readonly string[] = [...FAILURE_BEATS.keys()];
export const DISAGREEMENT_PRINCIPLES: readonly string[] = [...DISAGREEMENT_BEATS.keys()];

export interface StoryKinds {
  failure: boolean;
  disagreement: boolean;
}

export function storyKinds(story: Story, set: PrincipleSet): StoryKinds {
  return { failure: tellsWith(story, set, FAILURE_BEATS), disagreement: tellsWith(story, set, DISAGREEMENT_BEATS) && hasStakes(story) };
}

function tellsWith(story: Story, set: PrincipleSet, beats: ReadonlyMap<string, readonly string[]>): boolean {
  return claimedPrinciples(story).some(({ principle }) => {
    const needed = beats.get(principle.id);
    if (!needed) return false;
    const shown = new Set(
      beatEvidence(story, set, principle)
        .filter((e) => e.shown)
        .map((e) => e.beat.id),
    );
    return needed.every((id) => shown.has(id));
  });
}

/**
 * A disagreement over a library or a naming style is not the one a loop asks for; a measured
 * argument (a share, a sum, a date, a count) says something was at stake.
 */
function hasStakes(story: Story): boolean {
  return hasNumber(story.prose);
}
