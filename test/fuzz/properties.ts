/**
 * The robustness properties of product.md §8, each as a fast-check property over generated
 * documents. `test/unit/*.property.test.ts` runs them briefly on every `npm test`;
 * `npm run fuzz` runs them long.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Linter } from '../../server/src/engine';
import { anyDocument, mutate, mutation } from './arbitraries';
import { assertEachFixSafe, assertFixAllSafe, lintChecked, observable } from './invariants';

export interface NamedProperty {
  name: string;
  /** Relative cost of one run, so the fuzz script can give cheap properties more runs. */
  weight: number;
  property: fc.IProperty<never>;
}

const asNamed = (name: string, weight: number, property: fc.IProperty<never>): NamedProperty => ({ name, weight, property });

export const neverThrows = asNamed(
  'the engine never throws and every range lies inside the document',
  1,
  fc.property(anyDocument, (text) => {
    lintChecked(new Linter(), text);
  }) as fc.IProperty<never>,
);

export const deterministic = asNamed(
  'the same text gives the same findings, with a fresh Linter or one that has linted other texts',
  2,
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
  }) as fc.IProperty<never>,
);

export const fixesSafe = asNamed(
  'every fix and suggestion changes only its own range on its own lines, and is not offered twice',
  4,
  fc.property(anyDocument, (text) => {
    const linter = new Linter();
    assertEachFixSafe(linter, text, lintChecked(linter, text));
  }) as fc.IProperty<never>,
);

export const fixAllSafe = asNamed(
  'fix-all changes only its edits, settles within a few passes and leaves nothing fixable',
  2,
  fc.property(anyDocument, (text) => {
    const linter = new Linter();
    const fixed = assertFixAllSafe(linter, text);
    lintChecked(linter, fixed);
  }) as fc.IProperty<never>,
);

export const ALL_PROPERTIES: readonly NamedProperty[] = [neverThrows, deterministic, fixesSafe, fixAllSafe];
