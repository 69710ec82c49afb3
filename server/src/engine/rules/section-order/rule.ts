import type { Rule, Section, SectionKind } from '../../types';
import { SECTION_TITLES } from '../common/util';

const RANK: Record<SectionKind, number> = { situation: 0, task: 1, action: 2, result: 3, reflection: 4 };

interface Best {
  /** How many sections stay in place, then how many of those are STAR parts (so a stray Reflection yields first). */
  kept: number;
  star: number;
  /** Index (into the known sections) of the last kept section, and the chain back to the first. */
  last: number;
}

// Interviewers follow the story as context, goal, what you did, what came of it; told out of
// order, the listener has to rebuild it and loses the thread of the candidate's own part.
export const sectionOrder: Rule = {
  name: 'section-order',
  description: 'STAR sections out of Situation, Task, Action, Result order (Reflection, when present, after Result).',
  group: 'structure',
  defaultSeverity: 'warning',
  messages: {
    outOfOrder:
      '"{section}" is out of order: it belongs {where} "{other}". Tell the story as Situation, Task, Action, Result, then Reflection.',
  },
  check(story, context) {
    // Unknown headings ("## Notes") have no place in the order and are left alone.
    const known = story.sections.filter((s): s is Section & { kind: SectionKind } => s.kind !== undefined);
    if (known.length < 2) return;
    const kept = inOrderSections(known.map((s) => RANK[s.kind]));
    // Kept sections run in rank order, so "the first kept one ranked above" and "the last kept
    // one ranked at or below" depend only on the rank: computed once, not per flagged heading.
    const firstAbove: Array<Section | undefined> = [];
    const lastAtOrBelow: Array<Section | undefined> = [];
    for (let r = 0; r < 5; r++) firstAbove[r] = known.find((s, j) => kept.has(j) && RANK[s.kind] > r);
    known.forEach((s, j) => {
      if (kept.has(j)) for (let r = RANK[s.kind]; r < 5; r++) lastAtOrBelow[r] = s;
    });
    known.forEach((section, i) => {
      if (kept.has(i)) return;
      const rank = RANK[section.kind];
      // Point at the nearest section that stays in place: the one it should come before, else after.
      const where = firstAbove[rank] ? 'before' : 'after';
      const other = firstAbove[rank] ?? lastAtOrBelow[rank];
      const span = section.nameSpan.end > section.nameSpan.start ? section.nameSpan : section.heading;
      context.report({
        messageId: 'outOfOrder',
        data: { section: section.name, where, other: other ? other.name : SECTION_TITLES[section.kind] },
        start: span.start,
        end: span.end,
      });
    });
  },
};

/**
 * The largest set of sections already in STAR order (a longest non-decreasing subsequence of
 * their ranks): everything else is what moved. With five ranks this is linear, so a file with
 * thousands of headings costs nothing. On ties STAR sections stay before a Reflection, and
 * earlier sections before later ones, so in "Task, Situation" the Situation is reported.
 */
function inOrderSections(ranks: number[]): Set<number> {
  const better = (a: Best, b: Best | undefined) =>
    !b || a.kept > b.kept || (a.kept === b.kept && (a.star > b.star || (a.star === b.star && a.last < b.last)));
  // best[r]: the best chain so far whose last section has rank r.
  const best: Array<Best | undefined> = new Array(5).fill(undefined);
  const previous = new Array<number>(ranks.length).fill(-1);
  ranks.forEach((rank, i) => {
    let from: Best | undefined;
    for (let r = 0; r <= rank; r++) if (best[r] && better(best[r]!, from)) from = best[r];
    const chain: Best = { kept: (from?.kept ?? 0) + 1, star: (from?.star ?? 0) + (rank < 4 ? 1 : 0), last: i };
    previous[i] = from ? from.last : -1;
    // A later section only replaces an equal chain when it is strictly longer: earlier ones stay.
    const current = best[rank];
    if (!current || chain.kept > current.kept || (chain.kept === current.kept && chain.star > current.star)) best[rank] = chain;
  });
  let top: Best | undefined;
  for (const b of best) if (b && better(b, top)) top = b;
  const kept = new Set<number>();
  for (let i = top ? top.last : -1; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}
