import type { BankSnapshot, CompositionCheck, CoverageStatus, PrincipleCoverage, StorySummary } from './types';
import type { PrincipleSet } from '../principles/types';
import { bankReadiness } from '../loop/readiness';
import { profileRanks, type ResolvedProfile } from '../profiles';
import { DISAGREEMENT_PRINCIPLES, FAILURE_PRINCIPLES } from '../principles/storyKinds';
import { sameStoryKey } from './similarity';

/** A bank smaller than this cannot cover a loop; a larger one cannot be rehearsed (docs/interviews.md, "The story bank"). */
export const BANK_SIZE = { min: 8, max: 10 } as const;

/** Interviewers can ask one principle twice in a loop, so two stories cover it and one is thin. */
export function coverageStatus(storyCount: number): CoverageStatus {
  return storyCount >= 2 ? 'covered' : storyCount === 1 ? 'thin' : 'missing';
}

/**
 * Framings told under one title share this key. Kept per summary: the bank lists a file with the
 * same summary objects until it changes, and a snapshot is built after every change.
 */
const storyKeys = new WeakMap<StorySummary, string>();
function storyKeyOf(story: StorySummary): string {
  let key = storyKeys.get(story);
  if (key === undefined) storyKeys.set(story, (key = sameStoryKey(story.title) || story.id));
  return key;
}

/** Stories in a stable order: by file, then by position in the file. */
export function compareStories(a: StorySummary, b: StorySummary): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line;
}

/**
 * The bank's coverage of the principle set. With a profile, principles follow the role's order
 * (rank 1 = most probed for the role), must-haves are marked, and the bank as a whole is checked
 * against what a loop needs (`composition`).
 */
export function buildSnapshot(
  stories: readonly StorySummary[],
  principleSet: PrincipleSet,
  maxPrinciplesPerStory: number,
  folders: readonly string[],
  profile?: ResolvedProfile,
): BankSnapshot {
  const sorted = [...stories].sort(compareStories);
  const ranks = profile ? profileRanks(profile, principleSet) : undefined;
  const mustHave = new Set(profile?.mustHave ?? []);
  // One pass over the stories, not one per principle: a large bank's snapshot is built after every change.
  const idsByName = new Map<string, string[]>(principleSet.principles.map((p) => [p.name, []]));
  for (const story of sorted) for (const name of story.principles) idsByName.get(name)?.push(story.id);
  const principles: PrincipleCoverage[] = principleSet.principles
    .map((p) => {
      const ids = [...new Set(idsByName.get(p.name))];
      return {
        id: p.id,
        name: p.name,
        rank: ranks?.get(p.id) ?? p.rank,
        definition: p.definition,
        questions: [...p.questions],
        stories: ids,
        status: coverageStatus(ids.length),
        ...(profile ? { mustHave: mustHave.has(p.id) } : {}),
      };
    })
    .sort((a, b) => a.rank - b.rank);
  const snapshot: BankSnapshot = {
    principleSet: { id: principleSet.id, name: principleSet.name },
    principles,
    stories: sorted,
    maxPrinciplesPerStory,
    folders: [...folders],
    readiness: bankReadiness(principles, sorted),
  };
  if (!profile) return snapshot;
  return { ...snapshot, profile: { ...profile.summary }, composition: compositionChecks(snapshot, profile) };
}

/** Framings told under one title are one story: grouped by their title, each with every principle it is framed for. */
export function storiesOverLimit(
  stories: readonly StorySummary[],
  maxPrinciplesPerStory: number,
): Array<{ title: string; principles: string[]; framings: number }> {
  const groups = new Map<string, StorySummary[]>();
  for (const s of stories) {
    const key = storyKeyOf(s);
    // Pushed in place: copying the group for each member cost the square of a title's framings.
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out: Array<{ title: string; principles: string[]; framings: number }> = [];
  for (const group of groups.values()) {
    // Most titles are told once: a story naming no more principles than the limit, repeats counted, is within it.
    if (group.length === 1 && group[0].principles.length <= maxPrinciplesPerStory) continue;
    const principles = [...new Set(group.flatMap((s) => s.principles))];
    if (principles.length > maxPrinciplesPerStory) out.push({ title: group[0].title, principles, framings: group.length });
  }
  return out;
}

/** What a loop needs from the bank as a whole, each check with the principles a new story would fill. */
export function compositionChecks(snapshot: BankSnapshot, profile: ResolvedProfile): CompositionCheck[] {
  const byId = new Map(snapshot.principles.map((p) => [p.id, p]));
  const known = (ids: readonly string[]) => ids.filter((id) => byId.has(id));
  const countOf = (id: string) => byId.get(id)?.stories.length ?? 0;
  const names = (ids: readonly string[], last = ', ') => {
    const all = ids.map((id) => byId.get(id)!.name);
    return all.length > 1 ? `${all.slice(0, -1).join(', ')}${last}${all[all.length - 1]}` : all.join('');
  };
  const checks: CompositionCheck[] = [bankSize(snapshot, profile, known, countOf)];
  const failurePrinciples = known(FAILURE_PRINCIPLES);
  if (failurePrinciples.length > 0)
    checks.push(
      kindCheck(
        snapshot.stories,
        'failure',
        'A real failure story',
        failurePrinciples,
        names(failurePrinciples, ' or '),
        'a failure you owned, with its cost',
      ),
    );
  const disagreementPrinciples = known(DISAGREEMENT_PRINCIPLES);
  if (disagreementPrinciples.length > 0)
    checks.push(
      kindCheck(
        snapshot.stories,
        'disagreement',
        'A real disagreement story',
        disagreementPrinciples,
        names(disagreementPrinciples, ' or '),
        'a disagreement backed by evidence, with something measurable at stake',
      ),
    );
  // A principle set of your own shares no id with a built-in role: checks with nothing to check are left out.
  const mustHaves = known(profile.mustHave);
  if (mustHaves.length > 0) checks.push(mustHaveCheck(mustHaves, profile.summary.name, countOf, names));
  const mostProbed = known(profile.mostProbed);
  if (mostProbed.length > 0) checks.push(mostProbedCheck(mostProbed, countOf, names));
  checks.push(principleLimit(snapshot));
  return checks;
}

type Names = (ids: readonly string[]) => string;

function mustHaveCheck(mustHaves: string[], profileName: string, countOf: (id: string) => number, names: Names): CompositionCheck {
  const uncovered = mustHaves.filter((id) => countOf(id) === 0);
  return {
    id: 'must-haves',
    label: 'Every must-have principle has a story',
    ok: uncovered.length === 0,
    detail:
      uncovered.length === 0
        ? `All ${mustHaves.length} must-haves for ${profileName} have a story.`
        : `No story yet for ${names(uncovered)}, which ${profileName} loops expect.`,
    ...(uncovered.length > 0 ? { principles: uncovered } : {}),
  };
}

function mostProbedCheck(mostProbed: string[], countOf: (id: string) => number, names: Names): CompositionCheck {
  const thin = mostProbed.filter((id) => countOf(id) < 2);
  return {
    id: 'most-probed-twice',
    label: `The ${mostProbed.length} most probed principles have two stories each`,
    ok: thin.length === 0,
    detail:
      thin.length === 0
        ? `${names(mostProbed)} each have two stories, so one can be asked in two rounds.`
        : `Fewer than two stories for ${names(thin)}: two rounds may ask the same principle, and a story is never told twice.`,
    ...(thin.length > 0 ? { principles: thin } : {}),
  };
}

function bankSize(
  snapshot: BankSnapshot,
  profile: ResolvedProfile,
  known: (ids: readonly string[]) => string[],
  countOf: (id: string) => number,
): CompositionCheck {
  const count = new Set(snapshot.stories.map(storyKeyOf)).size;
  const ok = count >= BANK_SIZE.min && count <= BANK_SIZE.max;
  const range = `${BANK_SIZE.min} to ${BANK_SIZE.max}`;
  // Too few: the must-haves without a story first, then the role's principles in order.
  const wanted = known([...profile.mustHave, ...profile.principles]).filter((id) => countOf(id) === 0);
  const detail = ok
    ? `${count} stories: enough for a loop and few enough to rehearse.`
    : count < BANK_SIZE.min
      ? `${count} ${count === 1 ? 'story' : 'stories'}; a loop needs ${range}, so that no story is told twice.`
      : `${count} stories; ${range} is what you can rehearse well. Keep the strongest and drop near-copies.`;
  return {
    id: 'story-count',
    label: `${range} stories`,
    ok,
    detail,
    ...(count < BANK_SIZE.min && wanted.length > 0 ? { principles: [...new Set(wanted)].slice(0, BANK_SIZE.min - count) } : {}),
  };
}

function kindCheck(
  stories: readonly StorySummary[],
  kind: 'failure' | 'disagreement',
  label: string,
  principles: string[],
  principleNames: string,
  what: string,
): CompositionCheck {
  const found = stories.filter((s) => s[kind]);
  return {
    id: `${kind}-story`,
    label,
    ok: found.length > 0,
    detail:
      found.length > 0
        ? `"${found[0].title}"${found.length > 1 ? ` and ${found.length - 1} more` : ''}.`
        : `No story framed for ${principleNames} tells ${what}. Interviewers ask for one in most loops.`,
    ...(found.length === 0 ? { principles } : {}),
  };
}

function principleLimit(snapshot: BankSnapshot): CompositionCheck {
  // Stories name their principles; a check names principle ids.
  const idOf = new Map(snapshot.principles.map((p) => [p.name, p.id]));
  const over = storiesOverLimit(snapshot.stories, snapshot.maxPrinciplesPerStory);
  return {
    id: 'principle-limit',
    label: `No story framed for more than ${snapshot.maxPrinciplesPerStory} principles`,
    ok: over.length === 0,
    detail:
      over.length === 0
        ? 'Every story is framed for few enough principles to tell each one well.'
        : `${over.map((o) => `"${o.title}" (${o.principles.length})`).join(', ')}: one story stretched this far suggests the bank is short of stories.`,
    // The principles past the limit are the ones to move to a story of their own.
    ...(over.length > 0
      ? {
          principles: [...new Set(over.flatMap((o) => o.principles.slice(snapshot.maxPrinciplesPerStory)))].map(
            (name) => idOf.get(name) ?? name,
          ),
        }
      : {}),
  };
}
