/**
 * The server's LSP adapters on generated documents, in process: whatever the text and the
 * position, they answer (never throw) with ranges an editor can apply.
 */
import { fuzzParameters } from '../fuzz/arbitraries';
import { adaptersSafe } from '../fuzz/properties';

describe('LSP adapter properties', function () {
  this.timeout(60_000);

  it(adaptersSafe.name, () => {
    adaptersSafe.assert(fuzzParameters(100));
  });
});
