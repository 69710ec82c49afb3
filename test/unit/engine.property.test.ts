/**
 * Robustness of the engine on generated documents (test/fuzz/): it never throws, every range
 * lies inside the document, and results depend on the text alone. A few runs here on every
 * `npm test`; `npm run fuzz` runs the same properties 100,000 times.
 */
import { strict as assert } from 'node:assert';
import { Linter } from '../../server/src/engine';
import { aliasBomb, fuzzParameters } from '../fuzz/arbitraries';
import { lintChecked } from '../fuzz/invariants';
import { deterministic, neverThrows } from '../fuzz/properties';

describe('engine properties', function () {
  this.timeout(60_000);

  it(neverThrows.name, () => {
    neverThrows.assert(fuzzParameters(200));
  });

  it(deterministic.name, () => {
    deterministic.assert(fuzzParameters(50));
  });

  describe('regressions found by fuzzing', () => {
    it('front matter with a YAML alias bomb in rule options gets one notice, not a hang or a crash', () => {
      // 10^8 values through shared anchors: serializing the options for the cache key threw
      // "Invalid string length" after half a minute.
      const text = aliasBomb(9) + '# Migration\n\n## Action\nWe helped.\n';
      const result = lintChecked(new Linter(), text);
      const notices = result.findings.filter((f) => f.rule === 'front-matter').map((f) => f.message);
      assert.equal(notices.length, 1, notices.join('\n'));
      assert.match(notices[0], /^Front matter has \d+ problems, and its bad settings are ignored: unknown setting "a0"/);
      assert.ok(
        result.findings.some((f) => f.rule === 'we-over-i'),
        'the story is still linted, with the default severity',
      );
    });
  });
});
