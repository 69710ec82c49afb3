/**
 * The robustness properties of docs/security.md, each as a fast-check property over generated
 * documents. `test/unit/*.property.test.ts` runs them briefly on every `npm test`;
 * `npm run fuzz` runs them long.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/codeActions';
import { completion } from '../../server/src/completion';
import { toDiagnostic } from '../../server/src/diagnostics';
import { DocumentLints } from '../../server/src/documents';
import { Linter } from '../../server/src/engine';
import { hover } from '../../server/src/hover';
import { documentSymbols, foldingRanges } from '../../server/src/symbols';
import { anyDocument, mutate, mutation } from './arbitraries';
import { assertEachFixSafe, assertFixAllSafe, lintChecked, observable } from './invariants';

export interface NamedProperty {
  name: string;
  /** Throws fast-check's report (counterexample, seed) when the property fails. */
  assert(parameters: fc.Parameters<unknown>): void;
  check(parameters: fc.Parameters<unknown>): fc.RunDetails<unknown>;
}

function asNamed<Ts extends unknown[]>(name: string, property: fc.IProperty<Ts>): NamedProperty {
  return {
    name,
    assert: (parameters) => fc.assert(property, parameters as fc.Parameters<Ts>),
    check: (parameters) => fc.check(property, parameters as fc.Parameters<Ts>) as fc.RunDetails<unknown>,
  };
}

export const neverThrows = asNamed(
  'the engine never throws and every range lies inside the document',
  fc.property(anyDocument, (text) => {
    lintChecked(new Linter(), text);
  }),
);

export const deterministic = asNamed(
  'the same text gives the same findings, with a fresh Linter or one that has linted other texts',
  fc.property(anyDocument, fc.array(anyDocument, { maxLength: 3 }), fc.array(mutation, { maxLength: 4 }), (text, others, edits) => {
    const fresh = observable(lintChecked(new Linter(), text));
    assert.deepEqual(observable(new Linter().lint(text)), fresh, 'two fresh lints differ');
    // A warm cache: other files, then versions of this one on the way to its final text
    // (the way typing reaches it), so cached stories are reused at other offsets.
    const warm = new Linter();
    for (const other of others) warm.lint(other);
    let version = text;
    for (const edit of edits) {
      version = mutate(version, edit);
      warm.lint(version);
    }
    warm.lint(text + '\n# Another story\n');
    assert.deepEqual(observable(warm.lint(text)), fresh, 'a warm Linter differs from a fresh one');
  }),
);

export const fixesSafe = asNamed(
  'every fix and suggestion changes only its own range on its own lines, and is not offered twice',
  fc.property(anyDocument, (text) => {
    const linter = new Linter();
    assertEachFixSafe(linter, text, lintChecked(linter, text));
  }),
);

export const fixAllSafe = asNamed(
  'fix-all changes only its edits, settles within a few passes and leaves nothing fixable',
  fc.property(anyDocument, (text) => {
    const linter = new Linter();
    const fixed = assertFixAllSafe(linter, text);
    lintChecked(linter, fixed);
  }),
);

/** Positions of a document as an editor sends them: every line, including past its end. */
function positionsOf(document: TextDocument, picks: readonly number[]): Position[] {
  return picks.map((p) => document.positionAt(p % (document.getText().length + 1)));
}

function assertRangeInside(document: TextDocument, range: Range, what: string): void {
  const text = document.getText();
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  // offsetAt clamps; a range inside the document survives the round trip unchanged.
  assert.deepEqual(document.positionAt(start), range.start, `${what}: start ${JSON.stringify(range.start)} is outside the document`);
  assert.deepEqual(document.positionAt(end), range.end, `${what}: end ${JSON.stringify(range.end)} is outside the document`);
  assert.ok(start <= end && end <= text.length, `${what}: reversed range`);
}

export const adaptersSafe = asNamed(
  'hover, completion, symbols, folding and code actions answer at any position with ranges inside the document',
  fc.property(anyDocument, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, picks) => {
    const document = TextDocument.create('file:///fuzz.star.md', 'star-markdown', 1, text);
    const lints = new DocumentLints();
    const result = lints.get(document);
    const diagnostics = result.findings.map((f) => toDiagnostic(document, f));
    for (const d of diagnostics) assertRangeInside(document, d.range, `diagnostic ${d.code}`);
    for (const position of positionsOf(document, picks)) {
      const h = hover(document, document.offsetAt(position), result);
      if (h?.range) assertRangeInside(document, h.range, 'hover');
      for (const item of completion(document, position, result)) {
        if (item.textEdit && 'range' in item.textEdit) assertRangeInside(document, item.textEdit.range, `completion ${item.label}`);
      }
    }
    const symbols = documentSymbols(document, result);
    for (const s of [...symbols, ...symbols.flatMap((x) => x.children ?? [])]) {
      assertRangeInside(document, s.range, `symbol ${s.name}`);
      assertRangeInside(document, s.selectionRange, `symbol ${s.name} selection`);
    }
    foldingRanges(document, result);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    const actions = [
      ...codeActions(document, { textDocument: { uri: document.uri }, range: whole, context: { diagnostics } }, lints, {
        snippetEdits: true,
      }),
      ...codeActions(
        document,
        { textDocument: { uri: document.uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll.starStories'] } },
        lints,
        { snippetEdits: false },
      ),
    ];
    for (const action of actions) {
      for (const change of action.edit?.documentChanges ?? []) {
        if (!('edits' in change)) continue;
        assert.equal(change.textDocument.version, 1, `${action.title}: made for the current version`);
        for (const edit of change.edits) assertRangeInside(document, edit.range, action.title);
      }
    }
  }),
);

export const ALL_PROPERTIES: readonly NamedProperty[] = [neverThrows, deterministic, fixesSafe, fixAllSafe, adaptersSafe];
