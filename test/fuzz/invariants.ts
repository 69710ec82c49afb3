/**
 * What must hold for any document (docs/security.md), as functions that throw an AssertionError
 * naming the broken promise. Used by the property tests and by `npm run fuzz`.
 */
import { strict as assert } from 'node:assert';
import { applyFixes, fixAll, Linter, type Finding, type Fix, type LintResult, type TextEdit } from '../../server/src/engine';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function where(text: string, offset: number): string {
  return JSON.stringify(text.slice(Math.max(0, offset - 20), offset + 20));
}

/** An offset that would cut a character in two: between the halves of a surrogate pair or of a CRLF. */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const surrogatePair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return surrogatePair || (before === 13 && after === 10);
}

function assertSpan(text: string, span: { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets ${span.start}..${span.end} are not integers`);
  assert.ok(
    span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: ${span.start}..${span.end} is outside 0..${text.length} or reversed`,
  );
}

function assertFixEdits(text: string, fix: Fix, what: string): void {
  assert.ok(typeof fix.title === 'string' && fix.title.length > 0, `${what} has no title`);
  assert.ok(fix.edits.length > 0, `${what} "${fix.title}" has no edits`);
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  for (const [i, edit] of sorted.entries()) {
    assertSpan(text, edit, `${what} "${fix.title}" edit`);
    assert.equal(typeof edit.text, 'string', `${what} "${fix.title}" edit text`);
    for (const at of [edit.start, edit.end]) {
      assert.ok(!splitsCharacter(text, at), `${what} "${fix.title}" edit boundary at ${at} splits a character: ${where(text, at)}`);
    }
    if (i > 0) assert.ok(sorted[i - 1].end <= edit.start, `${what} "${fix.title}" has overlapping edits`);
  }
}

/** Every range lies inside the document with start ≤ end: findings, fix edits and suggestion edits. */
export function assertWellFormed(text: string, result: LintResult): void {
  for (const f of result.findings) {
    const what = `${f.rule} finding`;
    assertSpan(text, f, what);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${what} has no message`);
    assert.ok(SEVERITIES.has(f.severity), `${what} has severity ${f.severity}`);
    assert.notEqual(f.messageId, 'internal-error', `a rule threw: ${f.message}`);
    if (f.fix) assertFixEdits(text, f.fix, `${f.rule} fix`);
    for (const s of f.suggestions ?? []) assertFixEdits(text, s, `${f.rule} suggestion`);
  }
  for (const story of result.stories) {
    assertSpan(text, story, `story "${story.title}"`);
    assert.equal(story.prose.length, story.end - story.start, `story "${story.title}": prose does not line up with the text`);
    for (const section of story.sections) {
      for (const span of [section.heading, section.nameSpan, section.body]) assertSpan(text, span, `section "${section.name}"`);
    }
  }
}

/** Lints and checks; the engine must never throw. */
export function lintChecked(linter: Linter, text: string): LintResult {
  const result = linter.lint(text);
  assertWellFormed(text, result);
  return result;
}

/** The parts of a lint result a user sees (findings with fixes, and the stories behind outline and hover). */
export function observable(result: LintResult): unknown {
  return { findings: result.findings, stories: result.stories, directives: result.directives };
}

/**
 * Applies edits independently of the engine and checks the engine's `applyFixes` agrees: the
 * text between edits is carried over byte for byte, in order.
 */
export function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let pos = 0;
  let out = 0;
  for (const edit of sorted) {
    const kept = before.slice(pos, edit.start);
    assert.equal(after.slice(out, out + kept.length), kept, `${what}: text before offset ${edit.start} changed`);
    out += kept.length;
    assert.equal(after.slice(out, out + edit.text.length), edit.text, `${what}: edit at ${edit.start} was not applied as given`);
    out += edit.text.length;
    pos = edit.end;
  }
  assert.equal(after.slice(out), before.slice(pos), `${what}: text after the last edit changed`);
}

/** Lines of the document that `span` touches, as [first line start, last line end). */
function linesOf(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const breakBefore = Math.max(text.lastIndexOf('\n', span.start - 1), text.lastIndexOf('\r', span.start - 1));
  const afterEnd = text.slice(span.end).search(/[\r\n]/);
  return { start: breakBefore + 1, end: afterEnd < 0 ? text.length : span.end + afterEnd };
}

/**
 * A fix or suggestion removes text only on the lines of the finding it names, never across a
 * line break: it may rewrite the flagged words, never a user's other sentences.
 */
export function assertFixStaysOnItsLines(text: string, finding: Finding, fix: Fix): void {
  const lines = linesOf(text, finding);
  for (const edit of fix.edits) {
    if (edit.start === edit.end) continue;
    const removed = text.slice(edit.start, edit.end);
    assert.ok(!/[\r\n]/.test(removed), `${finding.rule} "${fix.title}" removes a line break: ${JSON.stringify(removed)}`);
    // A finding that gathers occurrences (each "we" of a section) may rewrite them on their own lines too.
    const allowed = [lines, ...(finding.relatedSpans ?? []).map((r) => linesOf(text, r))];
    assert.ok(
      allowed.some((l) => edit.start >= l.start && edit.end <= l.end),
      `${finding.rule} "${fix.title}" removes ${JSON.stringify(removed)}, outside the finding's line ${where(text, finding.start)}`,
    );
  }
}

/**
 * Each fix, on its own: changes only its edits, stays on the finding's lines, and once applied
 * is not offered again (applying a fix twice is impossible, not a second rewrite).
 */
export function assertEachFixSafe(linter: Linter, text: string, result: LintResult): void {
  for (const finding of result.findings) {
    for (const fix of [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])]) {
      assertFixStaysOnItsLines(text, finding, fix);
      const applied = applyFixes(text, [fix]);
      assert.equal(applied.applied.length, 1, `${finding.rule} "${fix.title}" was refused on the text it was made for`);
      assertOnlyEditsChanged(text, applied.text, fix.edits, `${finding.rule} "${fix.title}"`);
      if (fix !== finding.fix) continue;
      assert.notEqual(applied.text, text, `${finding.rule} fix "${fix.title}" changes nothing, so fix-all would never settle`);
      const again = linter.lint(applied.text).findings.filter((f) => f.fix && sameEdits(f.fix, fix));
      assert.deepEqual(
        again.map((f) => f.fix!.title),
        [],
        `${finding.rule} fix "${fix.title}" is offered again after it was applied`,
      );
    }
  }
}

function sameEdits(a: Fix, b: Fix): boolean {
  return (
    a.edits.length === b.edits.length &&
    a.edits.every((e, i) => e.start === b.edits[i].start && e.end === b.edits[i].end && e.text === b.edits[i].text)
  );
}

/** Fix-all passes a story file may need: one fix can unblock another, and no more than that. */
export const FIX_ALL_PASSES = 3;

/**
 * Fix-all, pass by pass: each pass changes only the edits it applied, the engine's `fixAll`
 * gives the same text, it settles within a few passes, and leaves nothing fixable behind.
 */
export function assertFixAllSafe(linter: Linter, text: string): string {
  let current = text;
  for (let pass = 1; ; pass++) {
    const fixes = linter.lint(current).findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (fixes.length === 0) break;
    assert.ok(
      pass <= FIX_ALL_PASSES,
      `fix-all still has ${fixes.length} fixes after ${FIX_ALL_PASSES} passes: ${fixes.map((f) => f.title).join(' | ')}`,
    );
    const result = applyFixes(current, fixes);
    assert.ok(result.applied.length > 0, 'fix-all applied nothing while fixes remain');
    assertOnlyEditsChanged(current, result.text, result.edits, `fix-all pass ${pass}`);
    current = result.text;
  }
  const engine = fixAll(linter, text);
  assert.equal(engine.text, current, 'fixAll() differs from applying the fixes pass by pass');
  return current;
}
