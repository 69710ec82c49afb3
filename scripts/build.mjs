// One esbuild script for the bundles; type-checking is `tsc --noEmit`, run separately.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// jsonc-parser's main (UMD) build requires its modules dynamically, which a bundle cannot follow; its ESM build bundles.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // STAR_UNMINIFIED=1 keeps function names, for reading a CPU profile (docs/performance.md).
  minify: process.env.STAR_UNMINIFIED !== '1',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const web = { ...common, platform: 'browser', target: 'es2022' };

await Promise.all([
  // The desktop client: dist/client.js (package.json `main`) loads dist/extension.js through V8's code cache.
  build({ ...common, entryPoints: ['client/src/main.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // What the desktop client runs: loads dist/server.js through V8's code cache (server/src/codeCache.ts).
  build({ ...common, entryPoints: ['server/src/start.ts'], outfile: 'dist/start.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // VS Code for the Web (package.json `browser`): the client in the web extension host, the server
  // in a Web Worker. For platform browser esbuild fails on any Node module, so none slips in.
  build({ ...web, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] }),
  build({ ...web, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
]);

// esbuild escapes non-ASCII characters everywhere but in regular expression literals (the rules'
// dashes, curly quotes, currency signs). One such character makes V8 hold the whole bundle as a
// two-byte string, kept for the process's life to compile functions lazily: twice the memory, and
// slower to read, hash and scan at every start. A \uXXXX escape per UTF-16 unit means the same
// in a regular expression with or without the u flag.
for (const bundle of ['server.js', 'cli.js', 'web/server.js']) {
  const file = new URL(`../dist/${bundle}`, import.meta.url);
  const code = readFileSync(file, 'utf8');
  if (/\\[\u0080-\uffff]/.test(code))
    throw new Error(`dist/${bundle}: a backslash before a non-ASCII character; write it as \\uXXXX in the source`);
  writeFileSync(
    file,
    code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

// Each rule's page lives in its folder (server/src/engine/rules/<name>/doc.md) and ships as
// dist/docs/rules/<name>.md: findings link it and `starStories.openRuleDoc` renders it.
const rulesDir = new URL('../server/src/engine/rules/', import.meta.url);
const docsDir = new URL('../dist/docs/rules/', import.meta.url);
mkdirSync(docsDir, { recursive: true });
// Links between pages are written for the repository; in the package the pages sit side by side,
// with docs/interviews.md and docs/profiles.md beside them, so each link is rewritten to where the page now is.
const shipped = (text) =>
  text
    .replace(/\]\(\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/docs\/(interviews|profiles)\.md/g, '](../$1.md')
    .replace(/\]\(\.\.\/([a-z-]+)\/doc\.md/g, '](./$1.md');
for (const name of readdirSync(rulesDir)) {
  if (name.startsWith('_')) continue; // _template
  const doc = new URL(`${name}/doc.md`, rulesDir);
  if (existsSync(doc)) writeFileSync(new URL(`${name}.md`, docsDir), shipped(readFileSync(doc, 'utf8')));
}
for (const page of ['interviews', 'profiles']) {
  writeFileSync(
    new URL(`../dist/docs/${page}.md`, import.meta.url),
    readFileSync(new URL(`../docs/${page}.md`, import.meta.url), 'utf8')
      .replace(/\]\(\.\.\/server\/src\/engine\/rules\/([a-z-]+)\/doc\.md/g, '](rules/$1.md')
      .replace(/\]\(\.\.\/server\/src\/engine\/rules\/\)/g, '](rules/)'),
  );
}
