/**
 * The custom messages of `protocol.ts` are `RequestType`/`NotificationType` objects shared by the
 * client and the server. That is only safe while both libraries use one copy of the protocol
 * library: vscode-jsonrpc compares a message's parameter structure by identity, so an object made
 * by another copy fails at run time, and a second copy would also grow both bundles.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import * as protocol from '../../server/src/protocol';

const root = resolve(__dirname, '../..');
const requireHere = createRequire(resolve(root, 'package.json'));

/** Where package `name` (its main entry) resolves when required from inside package `from`. */
function resolvedFrom(from: string, name: string): string {
  const entry = requireHere.resolve(from);
  const fromDir = entry.slice(0, entry.lastIndexOf(`node_modules/${from}/`) + `node_modules/${from}/`.length);
  return createRequire(resolve(fromDir, 'package.json')).resolve(name);
}

describe('custom protocol messages', () => {
  it('client, server and protocol.ts share one vscode-languageserver-protocol and one vscode-jsonrpc', () => {
    const own = requireHere.resolve('vscode-languageserver-protocol');
    const advice = 'installed twice: keep vscode-languageclient and vscode-languageserver on the same protocol version';
    assert.equal(resolvedFrom('vscode-languageclient', 'vscode-languageserver-protocol'), own, `vscode-languageserver-protocol ${advice}`);
    assert.equal(resolvedFrom('vscode-languageserver', 'vscode-languageserver-protocol'), own, `vscode-languageserver-protocol ${advice}`);
    assert.equal(
      resolvedFrom('vscode-languageserver-protocol', 'vscode-jsonrpc'),
      requireHere.resolve('vscode-jsonrpc'),
      `vscode-jsonrpc ${advice}`,
    );
  });

  it('each bundle carries one copy of vscode-jsonrpc', function () {
    for (const bundle of ['extension.js', 'server.js', 'web/client.js', 'web/server.js']) {
      const file = resolve(root, 'dist', bundle);
      if (!existsSync(file)) this.skip();
      // An error message of vscode-jsonrpc's connection, kept verbatim by the minifier.
      const copies = readFileSync(file, 'utf8').split('Unknown parameter structure').length - 1;
      assert.equal(copies, 1, `${bundle}: ${copies} copies of vscode-jsonrpc`);
    }
  });

  it('has unique, namespaced method names', () => {
    const methods = (Object.values(protocol) as unknown[]).flatMap((v) =>
      v instanceof RequestType || v instanceof RequestType0 || v instanceof NotificationType ? [v.method] : [],
    );
    assert.deepEqual([...methods].sort(), [
      'starStories/bank',
      'starStories/bankChanged',
      'starStories/bankDelta',
      'starStories/checkAll',
      'starStories/coverageReport',
      'starStories/followUps',
      'starStories/listStoryFiles',
      'starStories/loopPlan',
      'starStories/loopSheet',
      'starStories/newStoryTemplate',
      'starStories/readFile',
      'starStories/statFile',
    ]);
    assert.equal(new Set(methods).size, methods.length);
    for (const method of methods) assert.match(method, /^starStories\/[a-zA-Z]+$/);
  });
});
