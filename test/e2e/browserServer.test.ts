/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they need the DOM types.
/**
 * The browser's language server (dist/web/server.js, what VS Code for the Web runs) in a real
 * Web Worker of headless Chromium, spoken to over postMessage as vscode-languageclient/browser
 * does. This side plays the client: it answers the server's file requests from a folder on disk,
 * so the server can only know the folder's config file and second story by asking for them.
 * What it publishes for an open weak story must be what `star-stories lint` reports.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import {
  BankChangedNotification,
  BankSnapshotRequest,
  ListStoryFilesRequest,
  ReadFileRequest,
  StatRequest,
  type BankSnapshot,
  type ReadFileResult,
} from '../../server/src/protocol';
import { cliLint, ROOT, type CliMessage } from './expected';
import { TIMEOUT } from './workbench';

const WEB_SERVER = join(ROOT, 'dist', 'web', 'server.js');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The page relays between the worker and this process; it knows nothing of the protocol. */
const PAGE = `<!doctype html><script>
  const worker = new Worker('/server.js');
  worker.onmessage = (event) => window.fromWorker(event.data);
  worker.onerror = (event) => window.workerError(event.message);
  window.toWorker = (message) => worker.postMessage(message);
</script>`;

class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback) {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  push(message: Message): void {
    this.callback?.(message);
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }
  async write(message: Message): Promise<void> {
    await this.page.evaluate((m) => (window as unknown as { toWorker(m: unknown): void }).toWorker(m), message as unknown);
  }
  end(): void {}
}

/** A folder on disk, answered as VS Code's workspace.fs would (client/src/workspaceFilesHandler.ts). */
function answerFiles(connection: MessageConnection, asked: string[]): void {
  connection.onRequest(ListStoryFilesRequest, ({ folderUri }) => {
    asked.push(`list ${folderUri}`);
    const folder = fileURLToPath(folderUri);
    return readdirSync(folder)
      .filter((f) => f.endsWith('.star.md'))
      .map((f) => pathToFileURL(join(folder, f)).href);
  });
  connection.onRequest(StatRequest, ({ uri }) => {
    asked.push(`stat ${uri}`);
    try {
      const stat = statSync(fileURLToPath(uri));
      return stat.isFile() ? { size: stat.size } : { size: stat.size, special: 'a folder' };
    } catch {
      return null;
    }
  });
  connection.onRequest(ReadFileRequest, ({ uri }): ReadFileResult => {
    asked.push(`read ${uri}`);
    try {
      return { text: readFileSync(fileURLToPath(uri), 'utf8') };
    } catch (err) {
      return { error: (err as Error).message, notFound: (err as NodeJS.ErrnoException).code === 'ENOENT' };
    }
  });
}

/** The CLI's findings and the server's diagnostics in one shape (LSP positions are 0-based). */
const fromCli = (m: CliMessage) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}: ${m.message}`;
const fromLsp = (d: Diagnostic) =>
  `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 0]} ${d.code}: ${d.message}`;

describe('the browser language server in a Web Worker (headless Chromium)', function () {
  this.timeout(4 * TIMEOUT);
  let folder: string;
  let http: Server;
  let browser: Browser;
  let connection: MessageConnection;
  const published: PublishDiagnosticsParams[] = [];
  const snapshots: BankSnapshot[] = [];
  const asked: string[] = [];
  const problems: string[] = [];

  before(async () => {
    // A weak story, a second story the server must read itself, and a config file that changes
    // severities; `.git` stops the CLI's config lookup here, as the workspace folder does for the server.
    folder = mkdtempSync(join(tmpdir(), 'star-web-'));
    mkdirSync(join(folder, '.git'));
    cpSync(join(ROOT, 'test', 'fixtures', 'weak-migration.star.md'), join(folder, 'weak.star.md'));
    cpSync(join(ROOT, 'examples', 'checkout-latency.star.md'), join(folder, 'checkout.star.md'));
    writeFileSync(join(folder, '.star-stories.json'), JSON.stringify({ rules: { 'weak-verb': 'error' }, coaching: 'thorough' }));

    const worker = readFileSync(WEB_SERVER);
    http = createServer((req, res) => {
      const js = req.url === '/server.js';
      res.writeHead(js || req.url === '/' ? 200 : 404, { 'content-type': js ? 'text/javascript' : 'text/html' });
      res.end(js ? worker : PAGE);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as { port: number };

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage();
    page.on('pageerror', (err) => problems.push(`page: ${err.message}`));
    const reader = new PageReader();
    await page.exposeFunction('fromWorker', (message: Message) => reader.push(message));
    await page.exposeFunction('workerError', (message: string) => problems.push(`worker: ${message}`));
    connection = createMessageConnection(reader, new PageWriter(page));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
    connection.onNotification(BankChangedNotification, (s: BankSnapshot) => void snapshots.push(s));
    connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type === 1) problems.push(`server: ${m.message}`);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    answerFiles(connection, asked);
    connection.listen();
    await page.goto(`http://127.0.0.1:${port}/`);
  });

  after(async () => {
    connection?.dispose();
    await browser?.close();
    http?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('answers initialize, reads the workspace through the client, and publishes what the CLI reports for a weak story', async () => {
    const folderUri = pathToFileURL(folder).href;
    const result = (await connection.sendRequest('initialize', {
      processId: null,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'stories' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    })) as { serverInfo?: { name: string }; capabilities: { hoverProvider?: boolean } };
    assert.equal(result.serverInfo?.name, 'star-stories');
    assert.equal(result.capabilities.hoverProvider, true);
    await connection.sendNotification('initialized', {});

    const uri = pathToFileURL(join(folder, 'weak.star.md')).href;
    const text = readFileSync(join(folder, 'weak.star.md'), 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'star-markdown', version: 1, text } });

    // Linted with its folder, as the server's bank sees it: the config file and the other story count.
    const expected = cliLint(join(folder, 'weak.star.md'), folder).map(fromCli).sort();
    assert.ok(
      expected.some((f) => f.includes(' error weak-verb: ')),
      'the config file makes weak-verb an error for the CLI',
    );
    const latest = () => [...published].reverse().find((p) => p.uri === uri);
    const same = () => JSON.stringify((latest()?.diagnostics ?? []).map(fromLsp).sort()) === JSON.stringify(expected);
    // On a timeout the assertion below shows the difference.
    await waitUntil(() => same() || problems.length > 0, 'diagnostics equal to the CLI’s').catch(() => undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual((latest()?.diagnostics ?? []).map(fromLsp).sort(), expected);

    // The bank holds the story that was never opened: the server listed and read it through the client.
    await waitUntil(() => snapshots.some((s) => s.stories.length === 2), 'a bank of both stories');
    const bank = await connection.sendRequest(BankSnapshotRequest);
    assert.deepEqual(bank.stories.map((s) => s.title).sort(), ['Billing migration', 'Checkout latency regression']);
    assert.ok(asked.includes(`list ${folderUri}`), asked.join('\n'));
    assert.ok(asked.includes(`read ${folderUri}/.star-stories.json`), asked.join('\n'));
  });
});

/** Waits for a condition the server's messages fulfil; fails with what is missing after TIMEOUT. */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
