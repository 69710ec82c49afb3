// One esbuild script for the three bundles; type-checking is `tsc --noEmit`, run separately.
import { build } from 'esbuild';

// jsonc-parser's main (UMD) build requires its modules dynamically, which a bundle cannot follow; its ESM build bundles.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none', alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
