import { distance } from 'fastest-levenshtein';
import { normalizePrincipleName, principleIndex } from '../../principles/match';
import type { Principle, PrincipleSet } from '../../principles/types';
import type { PrincipleEntry, Rule, Span, Story, TextEdit } from '../../types';

const MAX_SUGGESTIONS = 3;

/** Words too common to point at one principle when typed alone ("the", "and"). */
const STOP_WORDS = new Set(['and', 'the', 'for', 'on', 'to', 'be', 'a', 'of', 'best']);

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
    const entries = story.principles.entries;
    entries.forEach((entry, i) => {
      if (entry.principle) return;
      const ranked = closestPrinciples(context.principleSet, entry.text);
      const suggestions = ranked.map(({ principle }) => ({
        title: `Change to "${principle.name}"`,
        edits: [{ start: entry.start, end: entry.end, text: principle.name }],
      }));
      // Only an unambiguous near-miss is safe to apply without asking: that is a typo, not a choice.
      const [best] = ranked;
      let fix = confident(ranked, entry.text) ? suggestions[0] : undefined;
      // A name that contains a separator ("Have Backbone; Disagree and Commit", "Are Right, A Lot")
      // is split in two when one half has a typo; fixing only that half would name the principle twice.
      const joined = joinedFix(story, context.principleSet, entries, i);
      if (joined && (!best || joined.distance <= best.distance)) fix = joined.fix;
      // A fix that would write back the text it replaces changes nothing, and fix-all would never settle.
      const changes = (f: { edits: TextEdit[] }) => f.edits.some((e) => context.text.slice(e.start, e.end) !== e.text);
      if (fix && !changes(fix)) fix = undefined;
      const shown = (fix ? suggestions.filter((s) => s.edits[0].text !== fix.edits[0].text) : suggestions).filter(changes);
      context.report({
        messageId: best || fix ? 'unknownWithSuggestion' : 'unknown',
        data: { name: entry.text, set: context.principleSet.name, suggestion: fix?.edits[0].text ?? best?.principle.name ?? '' },
        start: entry.start,
        end: entry.end,
        fix,
        suggestions: shown,
      });
    });
  },
};

type Ranked = Array<{ principle: Principle; distance: number }>;

/**
 * A typo is at most two edits and small next to what was typed: "Customer Obsesion" is a typo,
 * but "CX" or "ID" one letter from "CO" or "DD" is a different abbreviation, not a slip.
 */
function confident(ranked: Ranked, typed: string): boolean {
  const [best, second] = ranked;
  if (!best || best.distance > 2 || best.distance * 4 > normalizePrincipleName(typed).length) return false;
  return !second || second.distance > best.distance;
}

/** A fix over this entry and its neighbor, when together they are a near-miss of one name. */
function joinedFix(
  story: Story,
  set: PrincipleSet,
  entries: PrincipleEntry[],
  i: number,
): { fix: { title: string; edits: TextEdit[] }; distance: number } | undefined {
  let found: { fix: { title: string; edits: TextEdit[] }; distance: number } | undefined;
  for (const [a, b] of [
    [entries[i - 1], entries[i]],
    [entries[i], entries[i + 1]],
  ] as Array<[PrincipleEntry | undefined, PrincipleEntry | undefined]>) {
    // Read from the prose, as the entries are, so markup between them ("**A**; B") is blank.
    const prose = (from: number, to: number) => story.prose.slice(from - story.start, to - story.start);
    if (!a || !b || !/^[\s,;]*$/.test(prose(a.end, b.start))) continue;
    const span: Span = { start: a.start, end: b.end };
    const typed = prose(span.start, span.end);
    const ranked = closestPrinciples(set, typed, false);
    if (!confident(ranked, typed)) continue;
    if (found && found.distance <= ranked[0].distance) continue;
    const name = ranked[0].principle.name;
    found = { fix: { title: `Change to "${name}"`, edits: [{ ...span, text: name }] }, distance: ranked[0].distance };
  }
  return found;
}

/**
 * Principles nearest to what was typed: by edit distance, plus names that contain the typed
 * words ("Trust" → Earn Trust, "Curious" → Learn and Be Curious) or are contained in them
 * ("Ownership (primary)" → Ownership); nearest first, most-probed first on ties.
 */
export function closestPrinciples(set: PrincipleSet, text: string, byWords = true): Ranked {
  const typed = normalizePrincipleName(text);
  const limit = Math.max(1, Math.floor(typed.length * 0.4));
  const wordsOk = byWords && typed.length >= 3 && !typed.split(' ').every((w) => STOP_WORDS.has(w));
  const best = new Map<Principle, number>();
  for (const { key, principle } of principleIndex(set).keys) {
    const d = distance(typed, key);
    const related = wordsOk && (containsWords(key, typed) || (key.length >= 4 && containsWords(typed, key)));
    if (d > limit && !related) continue;
    if (d < (best.get(principle) ?? Infinity)) best.set(principle, d);
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].rank - b[0].rank)
    .slice(0, MAX_SUGGESTIONS)
    .map(([principle, d]) => ({ principle, distance: d }));
}

/** Whether `words` occurs in `key` on word boundaries (plain string search, no regex backtracking). */
function containsWords(key: string, words: string): boolean {
  for (let at = key.indexOf(words); at >= 0; at = key.indexOf(words, at + 1)) {
    const before = at === 0 || !/[\p{L}\p{N}]/u.test(key[at - 1]);
    const afterAt = at + words.length;
    const after = afterAt >= key.length || !/[\p{L}\p{N}]/u.test(key[afterAt]);
    if (before && after) return true;
  }
  return false;
}
