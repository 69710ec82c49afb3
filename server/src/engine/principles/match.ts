import type { Principle, PrincipleSet } from './types';

interface Key {
  key: string;
  principle: Principle;
}

export interface PrincipleIndex {
  set: PrincipleSet;
  /** Lower-cased names and aliases, longest first, so "Have Backbone; Disagree and Commit" wins over its halves. */
  keys: Key[];
  byKey: Map<string, Principle>;
}

const indexCache = new WeakMap<PrincipleSet, PrincipleIndex>();

export function normalizePrincipleName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function principleIndex(set: PrincipleSet): PrincipleIndex {
  let index = indexCache.get(set);
  if (!index) {
    const byKey = new Map<string, Principle>();
    for (const principle of set.principles) {
      for (const name of [principle.name, ...principle.aliases]) {
        const key = normalizePrincipleName(name);
        if (!byKey.has(key)) byKey.set(key, principle);
      }
    }
    const keys = [...byKey].map(([key, principle]) => ({ key, principle })).sort((a, b) => b.key.length - a.key.length);
    index = { set, keys, byKey };
    indexCache.set(set, index);
  }
  return index;
}

export function resolvePrinciple(set: PrincipleSet, text: string): Principle | undefined {
  return principleIndex(set).byKey.get(normalizePrincipleName(text.replace(/[.\s]+$/, '')));
}

/**
 * Splits the value of a `Principles:` line into entries. Known names are matched first,
 * longest first, because canonical names may contain the separators themselves
 * ("Have Backbone; Disagree and Commit", "Are Right, A Lot").
 */
export function splitPrinciples(
  set: PrincipleSet,
  line: string,
  from: number,
): Array<{ start: number; end: number; text: string; principle: Principle | undefined }> {
  const { keys } = principleIndex(set);
  const lower = normalizeForScan(line);
  const entries: Array<{ start: number; end: number; text: string; principle: Principle | undefined }> = [];
  let i = from;
  while (i < line.length) {
    while (i < line.length && /[\s,;]/.test(line[i])) i++;
    if (i >= line.length) break;
    let matched: Key | undefined;
    let matchEnd = i;
    for (const candidate of keys) {
      if (!lower.startsWith(candidate.key, i)) continue;
      const end = i + candidate.key.length;
      if (isEntryBoundary(line, end)) {
        matched = candidate;
        matchEnd = end;
        break;
      }
    }
    if (matched) {
      entries.push({ start: i, end: matchEnd, text: line.slice(i, matchEnd), principle: matched.principle });
      i = matchEnd;
      continue;
    }
    let end = i;
    while (end < line.length && line[end] !== ',' && line[end] !== ';') end++;
    let trimmed = end;
    while (trimmed > i && /[\s.]/.test(line[trimmed - 1])) trimmed--;
    if (trimmed > i) {
      const text = line.slice(i, trimmed);
      entries.push({ start: i, end: trimmed, text, principle: resolvePrinciple(set, text) });
    }
    i = end;
  }
  return entries;
}

/** Same length as the input, so offsets into it are offsets into the line. */
function normalizeForScan(line: string): string {
  let lower = line.toLowerCase();
  // "İ" lower-cases to two characters, which would shift every offset after it: keep such a character as it is.
  if (lower.length !== line.length)
    lower = Array.from(line, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  return lower.replace(/[\u2018\u2019]/g, "'").replace(/\s/g, ' ');
}

function isEntryBoundary(line: string, end: number): boolean {
  let j = end;
  // Any white space: a name followed by a no-break space or U+2028 is still that name.
  while (j < line.length && /[\s.]/.test(line[j])) j++;
  return j >= line.length || line[j] === ',' || line[j] === ';';
}
