// One esbuild script for the three bundles; type-checking is `tsc --noEmit`, run separately.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// The version is read once, here, and compiled into the bundles (server/src/version.ts).
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// jsonc-parser's main (UMD) build requires its modules dynamically, which a bundle cannot follow; its ESM build bundles.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none', define: { STAR_STORIES_VERSION: JSON.stringify(version) }, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
