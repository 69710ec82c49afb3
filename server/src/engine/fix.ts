import { partitionPoint } from './search';
import type { Linter } from './lint';
import type { EngineConfig, Fix, TextEdit } from './types';

/**
 * Applies fixes whose edits do not overlap an earlier accepted fix. A fix is all-or-nothing,
 * so text is only ever changed where a fix said it would change it.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; edits: TextEdit[] } {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  // Accepted edits sorted by start (then end). They never overlap, so their ends are sorted too,
  // and a new edit is checked against its neighbours by binary search, not against every edit
  // accepted so far (which made a fix-all of 150,000 findings cost minutes).
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  for (const fix of ordered) {
    const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    const valid = edits.every(
      (e, i) => e.start >= 0 && e.end <= text.length && e.start <= e.end && (i === 0 || !conflicts(e, edits[i - 1])),
    );
    if (!valid || edits.some((e) => overlapsAccepted(accepted, e))) continue;
    for (const e of edits) accepted.splice(insertionIndex(accepted, e), 0, e);
    applied.push(fix);
  }
  let out = '';
  let pos = 0;
  for (const edit of accepted) {
    out += text.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return { text: out + text.slice(pos), applied, edits: accepted };
}

/** Two edits of one fix that overlap: applying both would garble the text. */
function conflicts(e: TextEdit, a: TextEdit): boolean {
  return e.start < a.end && a.start < e.end;
}

/** Index of the first accepted edit ordered after `e` (by start, then end). */
function insertionIndex(accepted: readonly TextEdit[], e: TextEdit): number {
  return partitionPoint(accepted.length, (i) => accepted[i].start < e.start || (accepted[i].start === e.start && accepted[i].end <= e.end));
}

/**
 * Whether `e` overlaps an accepted edit or inserts where one starts. Ends grow with starts, so
 * the last edit starting before `e` ends has the largest end of those that could overlap it.
 */
function overlapsAccepted(accepted: readonly TextEdit[], e: TextEdit): boolean {
  const lo = partitionPoint(accepted.length, (i) => accepted[i].start < e.end);
  if (lo > 0 && accepted[lo - 1].end > e.start) return true;
  // An insertion also conflicts with an edit starting where it inserts (the first at or after it).
  return e.start === e.end && lo < accepted.length && accepted[lo].start === e.start;
}

function firstStart(fix: Fix): number {
  return fix.edits.reduce((min, e) => Math.min(min, e.start), Infinity);
}

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** When a single pass did all the work: its edits, in the original text's offsets. */
  edits?: TextEdit[];
}

const MAX_PASSES = 10;

/**
 * Applies every safe fix (optionally of one rule) and re-lints until nothing is left to fix,
 * because one fix can uncover or unblock another.
 */
export function fixAll(linter: Linter, text: string, settings?: Partial<EngineConfig>, onlyRule?: string): FixAllResult {
  let current = text;
  let fixed = 0;
  let passes = 0;
  let edits: TextEdit[] | undefined;
  while (passes < MAX_PASSES) {
    const fixes = linter
      .lint(current, settings)
      .findings.filter((f) => f.fix && (!onlyRule || f.rule === onlyRule))
      .map((f) => f.fix as Fix);
    if (fixes.length === 0) break;
    passes++;
    const result = applyFixes(current, fixes);
    if (result.applied.length === 0 || result.text === current) break;
    fixed += result.applied.length;
    current = result.text;
    edits = passes === 1 ? result.edits : undefined;
  }
  return { text: current, fixed, passes, edits };
}
