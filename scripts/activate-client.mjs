// Activates the desktop client as VS Code does, in this fresh Node process: loads dist/client.js
// and calls its activate(), which loads dist/extension.js (through the code cache when a storage
// folder is given). A stand-in answers for the `vscode` module, and its `window` throws, which
// ends the extension's activate() right after the load: a stand-in cannot start a language client.
// Used by the benchmark (the time) and the loader's package test (what happened).
//
//   node scripts/activate-client.mjs DIST/client.js [STORAGE_DIR] [WAIT_MS]
//
// Prints `activation <ms> ms`, then how activate() ended; stays WAIT_MS so the cache, written a
// few seconds after the load, can be.
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
// Loaded already in VS Code's extension host, which uses them itself (sockets, processes, hashes).
for (const builtin of ['fs', 'path', 'os', 'net', 'child_process', 'crypto', 'util']) require(builtin);
const stub = new Proxy(function stub() {}, {
  get: (_target, key) => {
    if (key === 'window') throw new Error('vscode.window is a stand-in');
    return key === 'prototype' ? {} : stub;
  },
  apply: () => stub,
  construct: () => ({}),
});
const load = Module._load;
Module._load = (request, ...rest) => (request === 'vscode' ? stub : load(request, ...rest));

const [client, storage, waitMs] = process.argv.slice(2);
const context = {
  globalStorageUri: storage ? { scheme: 'file', fsPath: storage } : { scheme: 'vscode-userdata' },
  subscriptions: [],
  asAbsolutePath: (path) => join(dirname(client), '..', path),
};
const started = performance.now();
const activated = require(client).activate(context);
console.log(`activation ${performance.now() - started} ms`);
activated.then(
  () => console.log('activate resolved'),
  (err) => console.log(`activate stopped at: ${err.message}`),
);
if (waitMs) setTimeout(() => {}, Number(waitMs));
