/**
 * Linear cost (issue 13): ten times the text may cost at most MAX_RATIO times the time, for the
 * lint, each rule and the parse inside it, the bank and fix-all, on the inputs that once cost
 * the square of their size (test/growth/growth.ts). Ratios measured side by side, never a time
 * budget; `npm run fuzz` runs every input up to 1 M characters.
 */
import { strict as assert } from 'node:assert';
import { checkGrowth, describe as describeGrowth, MAX_RATIO, quickInputs } from './growth';

describe('growth: 10× the text costs at most 15× the time', function () {
  this.timeout(120_000);
  for (const input of quickInputs()) {
    it(`${input.name} (10 K → 100 K characters)`, () => {
      const { offenders } = checkGrowth(input, 10_000, 3);
      assert.deepEqual(offenders.map(describeGrowth), [], `grew more than ${MAX_RATIO}×`);
    });
  }
});
