/**
 * `npm run fuzz`: the robustness properties (test/fuzz/properties.ts) run long, then the growth
 * suite up to 1 M characters (test/growth/growth.ts) and the memory soak (test/fuzz/soak.ts).
 *   FUZZ_RUNS=100000 npm run fuzz        cases per property (default 100,000)
 *   FUZZ_GROWTH=all npm run fuzz         every token in every structure (default: every token in
 *                                        one sentence, every structure with a few tokens)
 *   npm run fuzz -- growth               only the growth suite (or: soak)
 *   FUZZ_SEED=123 FUZZ_PATH=4:1:0 npm run fuzz -- words   replay a reported failure (the script prints the line)
 *   npm run fuzz -- deterministic        only properties whose name contains the word
 * Prints each property's cases, failures and wall time; exits 1 on any failure.
 */
import fc from 'fast-check';
import { fuzzParameters } from '../test/fuzz/arbitraries';
import { ALL_PROPERTIES } from '../test/fuzz/properties';
import { soakBoth } from '../test/fuzz/soak';
import { allInputs, checkGrowth, describe as describeGrowth, STRUCTURES } from '../test/growth/growth';

/** What the CLI may take on any 1 M-character input (lint and bank; issue 13). */
const CLI_BUDGET_MS = 5000;
/** The soak's edits, and how much more memory changing lists may end with. */
const SOAK_EDITS = 10_000;
const SOAK_MARGIN = 1.2;

const filter = process.argv.slice(2).join(' ');
const selected = ALL_PROPERTIES.filter((p) => !filter || p.name.includes(filter));
const parameters = fuzzParameters(100_000);
let failures = 0;
const started = Date.now();
console.log(
  `Fuzzing ${selected.length} properties, ${parameters.numRuns} cases each${parameters.seed !== undefined ? `, seed ${parameters.seed}` : ''}.`,
);
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
    console.log(
      `Replay: FUZZ_SEED=${result.seed} FUZZ_PATH=${result.counterexamplePath} npm run fuzz -- ${JSON.stringify(name.split(' ').slice(0, 4).join(' '))}`,
    );
  } else {
    console.log(`✔ ${name}: ${result.numRuns} cases, 0 failures (${seconds} s)`);
  }
}
if (!filter || 'growth'.includes(filter)) {
  const sample = new Set(['letters', 'periods', '"maybe"', '"helped"', '"significantly"', 'acronyms', 'bracketed words', 'list items']);
  const inputs =
    process.env.FUZZ_GROWTH === 'all'
      ? allInputs()
      : allInputs().filter(
          (i) => i.name.endsWith(' in one sentence') || [...sample].some((t) => STRUCTURES.some((s) => i.name === `${t} in ${s.name}`)),
        );
  console.log(`Growth: ${inputs.length} inputs, 100 K → 1 M characters; the CLI's work on each 1 M one within ${CLI_BUDGET_MS} ms.`);
  for (const input of inputs) {
    const t = Date.now();
    const { offenders, large } = checkGrowth(input, 100_000, 1, 2);
    const cli = large.whole.lint + large.whole.bank;
    const seconds = ((Date.now() - t) / 1000).toFixed(1);
    if (offenders.length > 0 || cli > CLI_BUDGET_MS) {
      failures++;
      console.log(
        `✖ growth of ${input.name}: ${[...offenders.map(describeGrowth), ...(cli > CLI_BUDGET_MS ? [`the CLI's work took ${Math.round(cli)} ms`] : [])].join('; ')} (${seconds} s)`,
      );
    } else {
      console.log(
        `✔ growth of ${input.name}: lint ${Math.round(large.whole.lint)} ms, bank ${Math.round(large.whole.bank)} ms, fix-all ${Math.round(large.whole['fix-all'])} ms at 1 M (${seconds} s)`,
      );
    }
  }
}

if (!filter || 'soak'.includes(filter)) {
  const { changing, fixed } = soakBoth(SOAK_EDITS);
  const ok = changing <= fixed * SOAK_MARGIN;
  if (!ok) failures++;
  console.log(
    `${ok ? '✔' : '✖'} soak: RSS after ${SOAK_EDITS} edits ${changing.toFixed(1)} MB with changing phrase lists, ${fixed.toFixed(1)} MB without (limit +${Math.round((SOAK_MARGIN - 1) * 100)}%)`,
  );
}

console.log(`${failures} failing propert${failures === 1 ? 'y' : 'ies'}; wall time ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exitCode = failures > 0 ? 1 : 0;
