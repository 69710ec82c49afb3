/**
 * What the client's restart relies on ("if the server process dies, the client
 * restarts it and diagnostics come back"): the server ends cleanly when told or when its client
 * goes away, and a new process on the same workspace publishes the same diagnostics again once
 * the client re-opens its documents. The real-editor restart belongs to the e2e suite.
 */
import { strict as assert } from 'node:assert';
import { CORPUS } from '../fuzz/arbitraries';
import { finding, LspClient, testUri } from './lspClient';

describe('protocol: exit and restart', function () {
  this.timeout(15_000);
  const clients: LspClient[] = [];

  async function start(): Promise<LspClient> {
    const client = await LspClient.start();
    clients.push(client);
    return client;
  }

  afterEach(() => {
    for (const client of clients.splice(0)) client.kill();
  });

  it('exit without shutdown ends the process with code 1, as LSP specifies', async () => {
    const client = await start();
    await client.connection.sendNotification('exit');
    assert.deepEqual(await client.waitForExit(), { code: 1, signal: null }, client.report());
  });

  it('the process ends when its client goes away (stdin closed), leaving no orphan', async () => {
    const client = await start();
    client.process.stdin!.end();
    const exit = await client.waitForExit();
    assert.equal(exit.signal, null, client.report());
  });

  it('a new server process on the same workspace re-publishes the same diagnostics after a crash', async () => {
    const uris = CORPUS.map((_, i) => testUri(`restart-${i}.star.md`));
    const first = await start();
    const before = [];
    for (const [i, uri] of uris.entries()) {
      await first.open(uri, CORPUS[i], 4);
      before.push(await first.diagnosticsFor(uri));
    }
    assert.ok(
      before.some((p) => p.diagnostics.length > 0),
      'the stories have findings to come back',
    );

    // A crash: no shutdown, no exit.
    first.process.kill('SIGKILL');
    assert.equal((await first.waitForExit()).signal, 'SIGKILL');

    // The client starts a new process and re-opens what the editor has open, at the same versions.
    const second = await start();
    for (const [i, uri] of uris.entries()) {
      await second.open(uri, CORPUS[i], 4);
      const after = await second.diagnosticsFor(uri);
      assert.equal(after.version, 4);
      assert.deepEqual(after.diagnostics.map(finding), before[i].diagnostics.map(finding), `diagnostics of ${uri} after the restart`);
    }
    // And it answers requests on them, as the first one did.
    const symbols = await second.documentSymbols(uris[0]);
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    await second.stop();
    assert.deepEqual(await second.waitForExit(), { code: 0, signal: null });
  });
});
