/**
 * Times the engine and the bundled server on the bad inputs of test/protocol/badInput.test.ts
 * (tests assert behaviour, never time). Run: npx tsx scripts/bad-input-timing.ts
 */
import { Linter } from '../server/src/engine';
import { BAD_INPUTS } from '../test/fuzz/badInputs';
import { LspClient, testUri } from '../test/protocol/lspClient';

async function main(): Promise<void> {
  console.log('case'.padEnd(42), 'chars'.padStart(10), 'engine ms'.padStart(10), 'server ms'.padStart(10), '  findings');
  const client = await LspClient.start({ timeoutMs: 20_000 });
  try {
    for (const [i, input] of BAD_INPUTS.entries()) {
      const text = input.text();
      const t0 = performance.now();
      const findings = new Linter().lint(text).findings;
      const engine = performance.now() - t0;
      // Open to publish: what the user waits for, including the JSON-RPC transfer of the text.
      const uri = testUri(`timing-${i}.star.md`);
      const t1 = performance.now();
      await client.open(uri, text, 1);
      await client.diagnosticsFor(uri, 60_000);
      const server = performance.now() - t1;
      const rules = [...new Set(findings.map((f) => f.rule))].join(', ');
      console.log(
        input.name.padEnd(42),
        String(text.length).padStart(10),
        engine.toFixed(1).padStart(10),
        server.toFixed(1).padStart(10),
        ` ${findings.length}: ${rules}`,
      );
      await client.close(uri);
    }
  } finally {
    await client.stop();
  }
}

void main();
