/**
 * A small LSP client for protocol tests: spawns the bundled server (`dist/server.js --stdio`),
 * talks JSON-RPC to it over stdio the way VS Code does, and keeps a local copy of every open
 * document so tests can compare the text under a range and apply the edits the server returns.
 *
 * Everything waits on events with a timeout; nothing sleeps for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type RequestType,
  type RequestType0,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  CodeActionContext,
  CodeLens,
  Command,
  CompletionItem,
  CompletionList,
  ConfigurationParams,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  SymbolInformation,
  SymbolKind,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER_PATH = join(ROOT, 'dist', 'server.js');
/** What the desktop client runs: the server through its code cache. */
export const START_PATH = join(ROOT, 'dist', 'start.js');

/** Client capabilities close to what VS Code 1.9x sends for a language client. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  general: {
    positionEncodings: ['utf-16'],
    markdown: { parser: 'marked', version: '1.1.0' },
    staleRequestSupport: { cancel: true, retryOnContentModified: [] },
  },
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ['create', 'rename', 'delete'],
      failureHandling: 'textOnlyTransactional',
      normalizesLineEndings: true,
      changeAnnotationSupport: { groupsOnLabel: true },
    },
    symbol: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        preselectSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
        insertTextModeSupport: { valueSet: [1, 2] },
      },
      insertTextMode: 2,
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      honorsChangeAnnotations: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: [
            '',
            'quickfix',
            'refactor',
            'refactor.extract',
            'refactor.inline',
            'refactor.rewrite',
            'source',
            'source.organizeImports',
            'source.fixAll',
          ],
        },
      },
    },
    documentSymbol: {
      dynamicRegistration: true,
      hierarchicalDocumentSymbolSupport: true,
      labelSupport: true,
      symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => (i + 1) as SymbolKind) },
    },
    foldingRange: { dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true },
  },
  window: {
    workDoneProgress: true,
    showMessage: { messageActionItem: { additionalPropertiesSupport: true } },
    showDocument: { support: true },
  },
};

export interface StartOptions {
  /** What `workspace/configuration` answers for the `starStories` section. Default `{}`. */
  settings?: Record<string, unknown>;
  /** What `workspace/configuration` answers for other sections, e.g. `{ files: { exclude: {…} } }`. */
  sections?: Record<string, unknown>;
  /** The workspace folder (a path) sent in `initialize`. Default: the project root. */
  workspaceFolder?: string;
  /** Sent as `initializationOptions`. Default `{}`. */
  initializationOptions?: Record<string, unknown>;
  /** Start as the desktop client does: dist/start.js with this code cache folder, the client's flags and environment. */
  codeCache?: string;
  timeoutMs?: number;
}

interface OpenDocument {
  uri: string;
  version: number;
  text: string;
}

interface Waiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspClient {
  readonly connection: MessageConnection;
  /** Every `textDocument/publishDiagnostics` received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** `window/logMessage` and `window/showMessage` text, for failure messages. */
  readonly logs: string[] = [];
  initializeResult: InitializeResult | undefined;
  /** How many `workspace/codeLens/refresh` requests the server sent. */
  codeLensRefreshes = 0;
  private codeLensWaiters: Array<() => void> = [];
  private stderrText = '';
  private readonly documents = new Map<string, OpenDocument>();
  private waiters: Waiter[] = [];
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private settings: Record<string, unknown>;
  private configurationRequested!: Promise<void>;
  private markConfigurationRequested!: () => void;

  private constructor(
    readonly process: ChildProcess,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.configurationRequested = new Promise((resolve) => (this.markConfigurationRequested = resolve));
    process.stderr!.setEncoding('utf8');
    process.stderr!.on('data', (chunk: string) => (this.stderrText += chunk));
    this.exited = new Promise((resolve) => {
      process.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.markConfigurationRequested();
      return params.items.map((item) =>
        item.section === 'starStories' || item.section === undefined ? this.settings : (options.sections?.[item.section] ?? {}),
      );
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      for (const resolve of this.codeLensWaiters.splice(0)) resolve();
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'Not supported by the test client' }));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onNotification('window/showMessage', (p: { message: string }) => void this.logs.push(`[showMessage] ${p.message}`));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      const matched = this.waiters.filter((w) => w.uri === params.uri && w.predicate(params));
      this.waiters = this.waiters.filter((w) => !matched.includes(w));
      for (const w of matched) w.resolve(params);
    });
    // Errors on the pipe surface through stderr and the timeouts; they must not crash mocha.
    this.connection.onError(() => undefined);
    process.stdin!.on('error', () => undefined);
    this.connection.listen();
  }

  /** Spawns the bundled server and runs the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} does not exist: run "npm run build" first.`);
    const command = options.codeCache
      ? [...SERVER_EXEC_ARGV, START_PATH, `--code-cache=${options.codeCache}`, '--stdio']
      : [SERVER_PATH, '--stdio'];
    const env = options.codeCache ? { ...process.env, ...SERVER_ENV } : process.env;
    const child = spawn(process.execPath, command, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env });
    const client = new LspClient(child, options);
    const timeoutMs = options.timeoutMs ?? 5000;
    const folder = pathToFileURL(options.workspaceFolder ?? ROOT).href;
    client.initializeResult = await client.within(
      client.connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        clientInfo: { name: 'star-stories-protocol-tests', version: '1.0.0' },
        locale: 'en',
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'main' }],
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: options.initializationOptions ?? {},
        trace: 'off',
      }),
      timeoutMs,
      'initialize',
    );
    await client.connection.sendNotification('initialized', {});
    // The server pulls its settings right after `initialized`; wait for that so later
    // diagnostics are not re-published under the tests' feet by the settings refresh.
    await client.within(client.configurationRequested, timeoutMs, 'workspace/configuration request after initialized');
    return client;
  }

  /**
   * Changes what `workspace/configuration` answers and tells the server, as VS Code does when a
   * setting changes (the server pulls the new values).
   */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Resolves when the server sends `workspace/codeLens/refresh` after `since` refreshes (take `codeLensRefreshes` before acting). */
  codeLensRefresh(since: number, timeoutMs = 3000): Promise<void> {
    if (this.codeLensRefreshes > since) return Promise.resolve();
    const refreshed = new Promise<void>((resolve) =>
      this.codeLensWaiters.push(() => (this.codeLensRefreshes > since ? resolve() : undefined)),
    );
    return this.within(refreshed, timeoutMs, 'workspace/codeLens/refresh');
  }

  codeLenses(uri: string): Promise<CodeLens[]> {
    return this.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } }).then((lenses) => lenses ?? []);
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Server output for failure messages. */
  report(): string {
    const parts: string[] = [];
    if (this.stderrText) parts.push(`--- server stderr ---\n${this.stderrText.slice(-4000)}`);
    if (this.logs.length > 0) parts.push(`--- server log ---\n${this.logs.slice(-40).join('\n')}`);
    if (this.exitInfo) parts.push(`--- server exited: code ${this.exitInfo.code}, signal ${this.exitInfo.signal} ---`);
    return parts.join('\n');
  }

  // ---- documents ----------------------------------------------------------------------

  async open(uri: string, text: string, version = 1, languageId = 'star-markdown'): Promise<void> {
    this.documents.set(uri, { uri, version, text });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /**
   * Sends incremental changes, applied in order (each range is in the text left by the previous
   * change, as LSP specifies), and bumps the version. Returns the new version.
   */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.doc(uri);
    for (const change of changes) {
      if ('range' in change) {
        const start = offsetAt(doc.text, change.range.start);
        const end = offsetAt(doc.text, change.range.end);
        doc.text = doc.text.slice(0, start) + change.text + doc.text.slice(end);
      } else {
        doc.text = change.text;
      }
    }
    doc.version++;
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
    return doc.version;
  }

  /** Replaces the first occurrence of `find` (after `from`) with `replacement`, as one incremental change. */
  async replace(uri: string, find: string, replacement: string, from = 0): Promise<number> {
    const text = this.text(uri);
    const at = text.indexOf(find, from);
    if (at < 0) throw new Error(`"${find}" is not in ${uri}`);
    return this.change(uri, [{ range: { start: positionAt(text, at), end: positionAt(text, at + find.length) }, text: replacement }]);
  }

  /**
   * Applies the text edits a workspace edit makes to `uri` the way an editor does: checks the
   * version it was made for, then sends them as incremental changes, last edit first so that
   * every range still refers to the text the server computed it on. Returns the new version.
   */
  async applyWorkspaceEdit(uri: string, edit: WorkspaceEdit): Promise<number> {
    const doc = this.doc(uri);
    const edits = editsFor(edit, uri, doc.version);
    const ordered = edits
      .map((e, i) => ({ e, i, start: offsetAt(doc.text, e.range.start) }))
      .sort((a, b) => b.start - a.start || b.i - a.i)
      .map(({ e }) => ({ range: e.range, text: e.newText }));
    if (ordered.length === 0) return doc.version;
    return this.change(uri, ordered);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.doc(uri).text;
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  /** The text of the open document under a range. */
  textAt(uri: string, range: Range): string {
    const text = this.text(uri);
    return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
  }

  /** Position of the `occurrence`-th (0-based) `find` in the document, plus `delta` characters. */
  positionOf(uri: string, find: string, delta = 0, occurrence = 0): Position {
    const text = this.text(uri);
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(find, at + 1);
      if (at < 0) throw new Error(`"${find}" (occurrence ${occurrence}) is not in ${uri}`);
    }
    return positionAt(text, at + delta);
  }

  private doc(uri: string): OpenDocument {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  // ---- diagnostics --------------------------------------------------------------------

  /** The last diagnostics published for `uri`, if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /**
   * Resolves with the first publish for `uri` that matches: the latest one already received, or
   * the next ones to arrive. Rejects after `timeoutMs` with what was published and the server's stderr.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.latest(uri);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    let waiter: Waiter | undefined;
    const arrived = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter = { uri, predicate, resolve };
      this.waiters.push(waiter);
    });
    return this.within(arrived, timeoutMs, `diagnostics for ${uri}`, () => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      const seen = this.published
        .filter((p) => p.uri === uri)
        .map((p) => `  version ${p.version}: ${p.diagnostics.map((d) => d.code).join(', ') || '(none)'}`);
      return `publishes so far:\n${seen.join('\n') || '  (none)'}`;
    });
  }

  /** Waits for diagnostics of the document's current version. */
  diagnosticsFor(uri: string, timeoutMs = 3000): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  // ---- requests -----------------------------------------------------------------------

  /**
   * Sends `params` as given (`null` included), by name or by one of the typed messages of
   * `protocol.ts`, whose result type it then carries.
   */
  request<R>(type: RequestType0<R, void>, params: null, timeoutMs?: number): Promise<R>;
  request<P, R>(type: RequestType<P, R, void>, params: P, timeoutMs?: number): Promise<R>;
  request<R>(method: string, params: unknown, timeoutMs?: number): Promise<R>;
  request<R>(type: string | { method: string }, params: unknown, timeoutMs = 3000): Promise<R> {
    const method = typeof type === 'string' ? type : type.method;
    return this.within(this.connection.sendRequest<R>(method, params), timeoutMs, method);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const result = await this.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context,
    });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async codeActions(uri: string, range: Range, context: Partial<CodeActionContext> = {}): Promise<CodeAction[]> {
    const result = await this.request<Array<CodeAction | Command> | null>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], triggerKind: 1, ...context },
    });
    return (result ?? []).filter((a): a is CodeAction => typeof (a as Command).command !== 'string');
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  // ---- teardown -----------------------------------------------------------------------

  /** The process's exit, once it happens. */
  waitForExit(timeoutMs = 3000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.within(this.exited, timeoutMs, 'server exit');
  }

  /** shutdown + exit; kills the process if it does not end on its own. */
  async stop(timeoutMs = 2000): Promise<void> {
    if (!this.exitInfo) {
      try {
        await this.request('shutdown', null, timeoutMs);
        await this.connection.sendNotification('exit');
        await this.waitForExit(timeoutMs);
      } catch {
        // Fall through to the kill below.
      }
    }
    this.kill();
  }

  kill(): void {
    this.connection.dispose();
    if (!this.exitInfo && this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
  }

  private within<T>(promise: Promise<T>, timeoutMs: number, what: string, detail?: () => string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const extra = detail ? `\n${detail()}` : '';
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${extra}\n${this.report()}`));
      }, timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

/**
 * One server for the enclosing `describe`: started in `before` with `options` (a function when
 * they depend on an earlier `before`, e.g. a workspace folder it made), handed to `started`,
 * stopped in `after`, and its log printed when a test fails. Register a folder's clean-up after
 * calling this, so it runs once the server has stopped.
 */
export function withServer(started: (client: LspClient) => unknown, options: StartOptions | (() => StartOptions) = {}): void {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start(typeof options === 'function' ? options() : options);
    await started(client);
  });
  after(async () => {
    await client?.stop();
  });
  afterEach(function () {
    const report = this.currentTest?.state === 'failed' ? client?.report() : undefined;
    if (report) console.error(report);
  });
}

/** The edits `edit` makes to `uri`; with documentChanges, checks they were made for `version`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
    if (version !== undefined && change.textDocument.version !== null && change.textDocument.version !== version) {
      throw new Error(`Edit was made for version ${change.textDocument.version} of ${uri}, the document is at ${version}`);
    }
    for (const e of change.edits) {
      if (!('newText' in e)) throw new Error(`Unexpected non-text edit ${JSON.stringify(e)}`);
      edits.push(e);
    }
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return edits;
}

/** Applies LSP text edits (all relative to `text`) and returns the new text. Overlapping edits throw. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) throw new Error(`Overlapping edits at offset ${s.start}`);
    out += text.slice(pos, s.start) + s.newText;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * Offsets of line starts, lines split on \r\n, \r and \n as LSP specifies. Written here rather
 * than taken from vscode-languageserver-textdocument so the tests do not share the server's code.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    } else if (c === '\n') {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** UTF-16 offset of an LSP position; throws on positions outside the document. */
export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  if (position.line < 0 || position.line >= starts.length)
    throw new Error(`Line ${position.line} is outside the document (${starts.length} lines)`);
  const start = starts[position.line];
  let end = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (position.character < 0 || start + position.character > end) {
    throw new Error(`Character ${position.character} is outside line ${position.line} (length ${end - start})`);
  }
  return start + position.character;
}

/** LSP position (UTF-16 code units) of an offset. */
export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** A file URI under the project's test folder; the file need not exist. */
export function testUri(name: string): string {
  return pathToFileURL(join(ROOT, 'test', 'protocol', 'fixtures-virtual', name)).href;
}

/** Only the parts of a diagnostic that describe the finding, for comparisons across documents. */
export function finding(d: Diagnostic): Pick<Diagnostic, 'code' | 'range' | 'message' | 'severity'> {
  return { code: d.code, range: d.range, message: d.message, severity: d.severity };
}
