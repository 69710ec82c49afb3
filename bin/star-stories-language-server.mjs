#!/usr/bin/env node
// `star-stories-language-server`: the bundled language server for editors other than VS Code
// (docs/editors.md). dist/server.js picks its transport from the command line and throws a
// stack trace without one, so this checks the arguments first and says what to type.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: star-stories-language-server --stdio

The STAR Stories language server (LSP) for *.star.md files. Your editor starts it and talks
to it over standard input and output; it is not meant to be run by hand.

Options:
  --stdio          talk LSP over stdin/stdout (what every editor setup uses)
  --node-ipc       talk over Node's IPC channel (a Node parent process only)
  --socket=PORT    connect to a client listening on 127.0.0.1:PORT
  --code-cache=DIR keep the compiled server in DIR (an absolute path you choose, e.g. your
                   editor's cache folder), so that every start after the first is quicker
  --version        print the version
  --help           print this message

Editor setups (Neovim, Helix, Emacs, any LSP client): docs/editors.md
Linting from a terminal or CI instead: star-stories lint FILE...
`;

const TRANSPORT = /^--(?:stdio|node-ipc|socket=\d+|pipe=.+)$/;
const args = process.argv.slice(2);
const server = fileURLToPath(new URL('../dist/server.js', import.meta.url));
// dist/start.js loads the same server through V8's code cache in the folder named, as VS Code's client does.
const entry = args.some((a) => a.startsWith('--code-cache=')) ? fileURLToPath(new URL('../dist/start.js', import.meta.url)) : server;

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else if (!args.some((a) => TRANSPORT.test(a))) {
  process.stderr.write(`star-stories-language-server: no transport given (expected --stdio)\n\n${USAGE}`);
  process.exitCode = 2;
} else if (!existsSync(server)) {
  process.stderr.write(`star-stories-language-server: ${server} is missing: run \`npm run build\` first\n`);
  process.exitCode = 1;
} else {
  // The server bundle is CommonJS and reads the transport from process.argv itself.
  createRequire(import.meta.url)(entry);
}
