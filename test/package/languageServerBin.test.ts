/**
 * `star-stories-language-server` (package.json `bin`), the command docs/editors.md gives every
 * editor: it must start the bundled server over stdio, and say how to use it when started bare.
 * Needs `npm run build` (npm test builds first).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { documentedBlocks } from '../editorSmoke';

const ROOT = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const BIN = join(ROOT, manifest.bin['star-stories-language-server'] ?? 'missing');

const run = (...args: string[]) => spawnSync(BIN, args, { encoding: 'utf8' });

/**
 * Initializes the server on `connection`, opens a weak story and checks that its diagnostics
 * include what the CLI reports for it (`result-no-metric`).
 */
async function lintsWeakStory(connection: MessageConnection): Promise<void> {
  const published = new Promise<Array<{ code?: string | number }>>((res) =>
    connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Array<{ code?: string | number }> }) =>
      res(p.diagnostics),
    ),
  );
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const weak = '# Migration\n\nPrinciples: Ownership\n\n## Action\nWe worked on the migration.\n\n## Result\nIt went well.\n';
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///weak.star.md', languageId: 'star-markdown', version: 1, text: weak },
  });
  const codes = (await published).map((d) => d.code);
  assert.ok(codes.includes('result-no-metric'), `diagnostics: ${codes.join(', ')}`);
}

describe('the star-stories-language-server command', function () {
  this.timeout(30_000);

  it('is a bin next to star-stories: an executable script with a node shebang', () => {
    assert.equal(manifest.bin['star-stories'], 'dist/cli.js');
    accessSync(BIN, constants.X_OK);
    assert.match(readFileSync(BIN, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node$/);
  });

  it('started without --stdio, prints its usage and exits 2 instead of a stack trace', () => {
    const result = run();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no transport given/);
    assert.match(result.stderr, /Usage: star-stories-language-server --stdio/);
    assert.doesNotMatch(result.stderr, /at .*\.js:\d+/);
  });

  it('--help prints the usage and --version the package version, both exiting 0', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /docs\/editors\.md/);
    const version = run('--version');
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), manifest.version);
  });

  it('--stdio answers initialize as the star-stories server and exits on shutdown/exit', async () => {
    const child = spawn(BIN, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((res) => child.on('exit', res));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(join(ROOT, 'examples')).href,
        capabilities: {},
      })) as InitializeResult;
      assert.deepEqual(result.serverInfo, { name: 'star-stories', version: manifest.version });
      assert.equal(result.capabilities.hoverProvider, true);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
  it("docs/editors.md's command for a large bank starts Node with the extension's flags, and it lints", async () => {
    const command = documentedBlocks('Install the server', 'sh').find((block) => block.includes('dist/server.js'));
    assert.ok(command, 'no sh block with the server bundle under "## Install the server"');
    const words = command.trim().split(/\s+/);
    const node = words.indexOf('node');
    const env = Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string]));
    const flags = words.slice(node + 1).filter((w) => w.startsWith('--') && w !== '--stdio');
    assert.deepEqual(flags, [...SERVER_EXEC_ARGV]);
    assert.deepEqual(env, { MALLOC_ARENA_MAX: SERVER_ENV.MALLOC_ARENA_MAX });
    // The Neovim line beside it names the same flags.
    const neovim = /cmd = \{ 'node', ([^}]*)\}/.exec(readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8'));
    assert.ok(neovim, 'no Neovim cmd with node');
    assert.deepEqual(
      [...neovim[1].matchAll(/'(--[^']+)'/g)].map((m) => m[1]).filter((f) => f !== '--stdio'),
      [...SERVER_EXEC_ARGV],
    );

    const bundle = words.find((w) => w.endsWith('dist/server.js'))!.replace('/path/to/star-stories', ROOT);
    const child = spawn(process.execPath, [...flags, bundle, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    try {
      await lintsWeakStory(connection);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('--code-cache=DIR lints as usual and keeps the compiled server in DIR for the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-bin-cache-'));
    const child = spawn(BIN, ['--stdio', `--code-cache=${dir}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    try {
      await lintsWeakStory(connection);
      // Written 5 s after a start that found no cache.
      const deadline = Date.now() + 15_000;
      while (!stderr.includes('code cache not found: written') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      assert.match(stderr, /code cache not found: written/);
      assert.ok(existsSync(join(dir, 'server.v8cache')));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
