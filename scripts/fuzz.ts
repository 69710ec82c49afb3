/**
 * `npm run fuzz`: the robustness properties (test/fuzz/properties.ts) run long.
 *   FUZZ_RUNS=100000 npm run fuzz        cases per property (default 100,000)
 *   FUZZ_SEED=123 FUZZ_PATH=4:1:0 npm run fuzz -- words   replay a reported failure (the script prints the line)
 *   npm run fuzz -- deterministic        only properties whose name contains the word
 * Prints each property's cases, failures and wall time; exits 1 on any failure.
 */
import fc from 'fast-check';
import { fuzzParameters } from '../test/fuzz/arbitraries';
import { ALL_PROPERTIES } from '../test/fuzz/properties';

const filter = process.argv.slice(2).join(' ');
const selected = ALL_PROPERTIES.filter((p) => !filter || p.name.includes(filter));
const parameters = fuzzParameters(100_000);
let failures = 0;
const started = Date.now();
console.log(`Fuzzing ${selected.length} properties, ${parameters.numRuns} cases each${parameters.seed !== undefined ? `, seed ${parameters.seed}` : ''}.`);
for (const { name, check } of selected) {
  const t = Date.now();
  const result = check({ ...parameters, endOnFailure: false });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (result.failed) {
    failures++;
    console.log(`✖ ${name}: failed after ${result.numRuns} cases (${seconds} s)`);
    console.log(fc.defaultReportMessage(result));
    // The broken promise itself (an AssertionError naming it), which the report leaves out.
    console.log(`Error: ${(result.errorInstance as Error | undefined)?.message ?? result.errorInstance}`);
    console.log(`Replay: FUZZ_SEED=${result.seed} FUZZ_PATH=${result.counterexamplePath} npm run fuzz -- ${JSON.stringify(name.split(' ').slice(0, 4).join(' '))}`);
  } else {
    console.log(`✔ ${name}: ${result.numRuns} cases, 0 failures (${seconds} s)`);
  }
}
console.log(`${failures} failing propert${failures === 1 ? 'y' : 'ies'}; wall time ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exitCode = failures > 0 ? 1 : 0;
