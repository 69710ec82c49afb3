/**
 * `dist/start.js`: what the desktop extension runs to start the language server. It loads
 * `dist/server.js` (the server, unchanged) through V8's code cache, kept in a folder the client
 * names with `--code-cache=DIR` (the extension's global storage): a restart then skips compiling
 * the 740 KB bundle and the functions its first lint runs. Without the argument, or with any
 * doubt about the cache, the bundle is compiled as usual. docs/performance.md has the figures.
 */
import { join } from 'node:path';
import { loadServer } from './codeCache';

const CACHE_ARG = '--code-cache=';
const cacheArg = process.argv.find((a) => a.startsWith(CACHE_ARG));
// The server reads its transport from process.argv; ours is not one of its options.
if (cacheArg) process.argv.splice(process.argv.indexOf(cacheArg), 1);

loadServer(join(__dirname, 'server.js'), cacheArg?.slice(CACHE_ARG.length) || undefined, (line) =>
  process.stderr.write(`STAR Stories: ${line}\n`),
);
