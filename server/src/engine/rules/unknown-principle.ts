import { distance } from 'fastest-levenshtein';
import { normalizePrincipleName, principleIndex } from '../principles/match';
import type { Principle, PrincipleSet } from '../principles/types';
import type { Rule } from '../types';

const MAX_SUGGESTIONS = 3;

// A misspelled or unknown principle silently drops the story from the coverage the bank shows.
export const unknownPrinciple: Rule = {
  name: 'unknown-principle',
  description: 'A name on the `Principles:` line is not in the active principle set.',
  group: 'principles',
  defaultSeverity: 'error',
  fixable: 'fix',
  messages: {
    unknownWithSuggestion: '"{name}" is not one of the {set}. Did you mean "{suggestion}"?',
    unknown: '"{name}" is not one of the {set}.',
  },
  check(story, context) {
    if (!story.principles) return;
    for (const entry of story.principles.entries) {
      if (entry.principle) continue;
      const ranked = closestPrinciples(context.principleSet, entry.text);
      const suggestions = ranked.map(({ principle }) => ({
        title: `Change to "${principle.name}"`,
        edits: [{ start: entry.start, end: entry.end, text: principle.name }],
      }));
      // Only an unambiguous near-miss is safe to apply without asking: that is a typo, not a choice.
      const [best, second] = ranked;
      const confident = best && best.distance <= 2 && (!second || second.distance > best.distance);
      context.report({
        messageId: best ? 'unknownWithSuggestion' : 'unknown',
        data: { name: entry.text, set: context.principleSet.name, suggestion: best?.principle.name ?? '' },
        start: entry.start,
        end: entry.end,
        fix: confident ? suggestions[0] : undefined,
        suggestions: confident ? suggestions.slice(1) : suggestions,
      });
    }
  },
};

export function closestPrinciples(set: PrincipleSet, text: string): Array<{ principle: Principle; distance: number }> {
  const typed = normalizePrincipleName(text);
  const best = new Map<Principle, number>();
  for (const { key, principle } of principleIndex(set).keys) {
    const d = distance(typed, key);
    if (d < (best.get(principle) ?? Infinity)) best.set(principle, d);
  }
  const limit = Math.max(2, Math.floor(typed.length * 0.4));
  return [...best]
    .filter(([, d]) => d <= limit)
    .sort((a, b) => a[1] - b[1] || a[0].rank - b[0].rank)
    .slice(0, MAX_SUGGESTIONS)
    .map(([principle, d]) => ({ principle, distance: d }));
}
