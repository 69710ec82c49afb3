import type { BankSnapshot, CoverageStatus, PrincipleCoverage, StorySummary } from './types';
import type { PrincipleSet } from '../principles/types';
import { bankReadiness } from '../loop/readiness';

/** Interviewers can ask one principle twice in a loop, so two stories cover it and one is thin. */
export function coverageStatus(storyCount: number): CoverageStatus {
  return storyCount >= 2 ? 'covered' : storyCount === 1 ? 'thin' : 'missing';
}

/** Stories in a stable order: by file, then by position in the file. */
export function compareStories(a: StorySummary, b: StorySummary): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line;
}

export function buildSnapshot(
  stories: readonly StorySummary[],
  principleSet: PrincipleSet,
  maxPrinciplesPerStory: number,
  folders: readonly string[],
): BankSnapshot {
  const sorted = [...stories].sort(compareStories);
  const principles: PrincipleCoverage[] = [...principleSet.principles]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => {
      const ids = sorted.filter((s) => s.principles.includes(p.name)).map((s) => s.id);
      return {
        id: p.id,
        name: p.name,
        rank: p.rank,
        definition: p.definition,
        questions: [...p.questions],
        stories: ids,
        status: coverageStatus(ids.length),
      };
    });
  return {
    principleSet: { id: principleSet.id, name: principleSet.name },
    principles,
    stories: sorted,
    maxPrinciplesPerStory,
    folders: [...folders],
    readiness: bankReadiness(principles, sorted),
  };
}
