/**
 * The bundled server driven over stdio for timing: only what the benchmark needs, with
 * timestamps taken the moment a message arrives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { BankStore } from '../client/src/bankStore';
import type { BankSnapshot, InitializationOptions } from '../server/src/protocol';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/protocol';

const SERVER = process.env.STAR_SERVER_BUNDLE ?? resolve(__dirname, '..', 'dist', 'server.js');
/** What the desktop client runs: the server through its code cache. */
const START = resolve(__dirname, '..', 'dist', 'start.js');

interface Position {
  line: number;
  character: number;
}

export class ServerProcess {
  initializedAt = 0;
  /** The server's log lines, as they arrived. */
  readonly logs: string[] = [];
  /** What the server wrote to stderr, when started with a code cache (the cache's own lines). */
  stderr = '';
  private text = '';
  private published = new Map<string, number>();
  private waiters: Array<() => void> = [];
  /** The bank as VS Code's client holds it: the same store, following deltas. */
  private readonly bank: BankStore;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
      this.published.set(p.uri, p.version ?? 0);
      this.wake();
    });
    this.bank = new BankStore(connection, (message) => this.logs.push(message));
    this.bank.onDidChange(() => this.wake());
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    connection.listen();
  }

  /** The code cache folder every start uses unless told otherwise: the benchmark's servers start as the client's do. */
  static codeCache: string | undefined;

  /** `execArgv`: the Node flags the server runs with; the client's by default, so the figures are the editor's. */
  /** `storagePath`: the editor's storage folder for the workspace, where the server keeps its bank cache. */
  /** `codeCache`: start as the desktop client does, through dist/start.js with this code cache folder. */
  /** `bankDeltas`: false for a client that takes the whole bank after every change (not VS Code's). */
  static async start(
    options: { folder?: string; storagePath?: string; execArgv?: readonly string[]; codeCache?: string; bankDeltas?: boolean } = {},
  ): Promise<ServerProcess> {
    const codeCache = options.codeCache ?? ServerProcess.codeCache;
    const entry = codeCache ? [START, `--code-cache=${codeCache}`] : [SERVER];
    const child = spawn(process.execPath, [...(options.execArgv ?? SERVER_EXEC_ARGV), ...entry, '--stdio'], {
      stdio: ['pipe', 'pipe', codeCache ? 'pipe' : 'inherit'],
      env: { ...process.env, ...SERVER_ENV },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new ServerProcess(child, connection);
    child.stderr?.on('data', (chunk: Buffer) => {
      server.stderr += chunk.toString('utf8');
      server.wake();
    });
    const folder = options.folder ? pathToFileURL(options.folder).href : null;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: folder ? [{ uri: folder, name: 'bench' }] : null,
      initializationOptions: { storagePath: options.storagePath, bankDeltas: options.bankDeltas ?? true } satisfies InitializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    server.initializedAt = performance.now();
    await connection.sendNotification('initialized', {});
    return server;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolveWait) => {
      const deadline = setTimeout(() => resolveWait(false), timeoutMs);
      const check = () => {
        if (done()) {
          clearTimeout(deadline);
          resolveWait(true);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.text = text;
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'star-markdown', version: 1, text },
    });
  }

  /** Closing drops the server's lint of the document, so the next open lints it from scratch. */
  async close(uri: string): Promise<void> {
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async change(uri: string, version: number, changes: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async diagnostics(uri: string, version: number): Promise<void> {
    if (!(await this.until(() => this.published.get(uri) === version, 10_000))) throw new Error(`no diagnostics for version ${version}`);
  }

  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }

  async filesChanged(changes: Array<{ uri: string; type: number }>): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /**
   * Resolves true once the bank satisfies `ready`; false if the server has no bank. Pulled once, as
   * the client's views do when they open; after that it follows what the server pushes.
   */
  async bankReady(ready: (snapshot: BankSnapshot) => boolean, timeoutMs = 20_000): Promise<boolean> {
    if (!this.bank.snapshot && !(await this.bank.refresh())) return false;
    return this.until(() => this.bank.snapshot !== undefined && ready(this.bank.snapshot), timeoutMs);
  }

  /** Resolves with the first log line matching `pattern` (waiting for it), undefined on timeout. */
  async logLine(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray | undefined> {
    let found: RegExpExecArray | undefined;
    await this.until(() => this.logs.some((line) => (found = pattern.exec(line) ?? undefined) !== undefined), timeoutMs);
    return found;
  }

  /** Resolves true once the server's stderr holds `text` (the code cache's lines). */
  async stderrLine(text: string, timeoutMs = 15_000): Promise<boolean> {
    return this.until(() => this.stderr.includes(text), timeoutMs);
  }

  /** VmHWM: the process's peak resident set, in MB (Linux). */
  peakRssMb(): number {
    return this.statusMb('VmHWM');
  }

  /** VmRSS: the process's resident set now, in MB (Linux). */
  rssMb(): number {
    return this.statusMb('VmRSS');
  }

  private statusMb(field: 'VmHWM' | 'VmRSS'): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((done) => {
      if (this.child.exitCode !== null) return done();
      const timer = setTimeout(() => this.child.kill(), 2000);
      this.child.on('exit', () => {
        clearTimeout(timer);
        done();
      });
    });
    this.connection.dispose();
  }
}
