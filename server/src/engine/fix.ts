import type { Linter } from './lint';
import type { EngineConfig, Fix, TextEdit } from './types';

/**
 * Applies fixes whose edits do not overlap an earlier accepted fix. A fix is all-or-nothing,
 * so text is only ever changed where a fix said it would change it.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; edits: TextEdit[] } {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  for (const fix of ordered) {
    const edits = [...fix.edits].sort((a, b) => a.start - b.start);
    const valid = edits.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end);
    const overlaps = edits.some((e) => accepted.some((a) => e.start < a.end && a.start < e.end || (e.start === e.end && e.start === a.start)));
    if (!valid || overlaps) continue;
    accepted.push(...edits);
    applied.push(fix);
  }
  accepted.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const edit of accepted) {
    out += text.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return { text: out + text.slice(pos), applied, edits: accepted };
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
