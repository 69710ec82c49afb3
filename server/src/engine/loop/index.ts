/**
 * The loop, from the bank's stories: the plan, each story's follow-ups and the loop sheet. The
 * server and the CLI call these with `Bank.details()`.
 */
import type { StoryDetail } from '../bank/bank';
import type { PrincipleSet } from '../principles/types';
import { profileRanks, type RoleProfile } from '../profiles';
import { defaultRounds } from './defaultLoop';
import { followUpsFor } from './followUps';
import { planLoop, resolveRounds, shownPrinciples, type PlanStory } from './plan';
import type { FollowUp, LoopPlan, LoopRound } from './types';

export { assign, FORBIDDEN } from './assign';
export { defaultRounds } from './defaultLoop';
export { followUpsFor, keyNumbers, MAX_FOLLOW_UPS } from './followUps';
export { planLoop, principleOf, resolveRounds, shownPrinciples } from './plan';
export { bankReadiness, readinessOf, ratingOf, isReady, RATING_CEILINGS, RULE_FACTOR, SEVERITY_WEIGHT } from './readiness';
export { renderLoopSheet, type SheetFormat } from './sheet';
export { renderPlan, type PlanFormat } from './render';
export * from './types';

/**
 * The plan for the configured loop; when none is configured, the role profile's loop, or (for a
 * principle set the profile's rounds do not fit) the set's default loop.
 */
export function planBankLoop(
  details: readonly StoryDetail[],
  set: PrincipleSet,
  configured: readonly LoopRound[] | undefined,
  profile?: Pick<RoleProfile, 'rounds' | 'principles'> & { summary: { name: string } },
): LoopPlan {
  // The profile's order decides which principles count as least probed when the bank runs short.
  if (profile) {
    const ranks = profileRanks(profile, set);
    set = { ...set, principles: set.principles.map((p) => ({ ...p, rank: ranks.get(p.id) ?? p.rank })) };
  }
  const profileRounds = profile?.rounds ?? [];
  const fromConfig = (configured?.length ?? 0) > 0;
  const known = new Set(set.principles.map((p) => p.id));
  const profileFits = profileRounds.length > 0 && profileRounds.every((r) => r.principles.every((id) => known.has(id)));
  const fallback = profileFits ? profileRounds : defaultRounds(set);
  const { rounds, problems } = resolveRounds(fromConfig ? configured! : fallback, set);
  const stories: PlanStory[] = details.map((d) => ({ ...d.summary, shows: shownPrinciples(d.story, set) }));
  const findings = new Map(details.map((d) => [d.summary.id, d.findings]));
  const planned = planLoop(rounds, stories, findings, set, fromConfig ? 'config' : 'profile');
  const plan = !fromConfig && profileFits ? { ...planned, profile: profile!.summary.name } : planned;
  return problems.length > 0 ? { ...plan, problems } : plan;
}

/** The follow-ups for one story of the bank by its summary id; undefined when the bank has no such story. */
export function followUpsForStory(details: readonly StoryDetail[], storyId: string): FollowUp[] | undefined {
  const detail = details.find((d) => d.summary.id === storyId);
  return detail && followUpsFor(detail.story, detail.findings);
}
