/**
 * Fix safety (docs/security.md): a fix changes only its own range, fix-all reaches a fixed point
 * within a few passes, text outside the fixes is byte-identical, and an applied fix is never
 * offered again. On every example and fixture, then on generated documents.
 */
import { strict as assert } from 'node:assert';
import { Linter } from '../../server/src/engine';
import { CORPUS, fuzzParameters } from '../fuzz/arbitraries';
import { assertEachFixSafe, assertFixAllSafe, lintChecked } from '../fuzz/invariants';
import { fixAllSafe, fixesSafe } from '../fuzz/properties';

describe('fix properties', function () {
  this.timeout(60_000);

  describe('on every example and fixture, with LF, CRLF and lone CR', () => {
    for (const [i, original] of CORPUS.entries()) {
      const title = /^# (.*)$/m.exec(original)?.[1] ?? `document ${i}`;
      it(title, () => {
        for (const eol of ['\n', '\r\n', '\r']) {
          const text = original.replace(/\r\n|\r|\n/g, eol);
          const linter = new Linter();
          assertEachFixSafe(linter, text, lintChecked(linter, text));
          const fixed = assertFixAllSafe(linter, text);
          assert.ok(!/\r\n|\r|\n/.test(fixed.replace(new RegExp(eol, 'g'), '')), "fix-all keeps the file's line breaks");
        }
      });
    }
  });

  it(fixesSafe.name, () => {
    fixesSafe.assert(fuzzParameters(100));
  });

  it(fixAllSafe.name, () => {
    fixAllSafe.assert(fuzzParameters(100));
  });
});
