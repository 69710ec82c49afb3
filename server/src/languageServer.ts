/**
 * LSP wiring only: capabilities, handlers and scheduling. The coaching itself is the engine's
 * (./engine), which the CLI and the tests use directly. The Node server (server.ts) and the
 * browser server (browserServer.ts) start it with their own connection and file access.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './codeActions';
import { targetOverride } from './codeLens';
import { completion } from './completion';
import { useRuleDocLinks } from './diagnostics';
import { DocumentLints } from './documents';
import { CONFIG_FILE_NAME } from './engine';
import { hover } from './hover';
import { CheckAllRequest, CONFIG_SECTION, FIX_ALL_KIND, type InitializationOptions, type ServerSettings } from './protocol';
import { BankFeatures } from './bankFeatures';
import { documentSymbols, foldingRanges } from './symbols';
import { WorkspaceConfigs } from './workspaceConfig';
import { WorkspaceLint } from './workspaceLint';
import { VERSION } from './version';
import type { WorkspaceFiles } from './workspaceFiles';
import type { openBankCache } from './bankCache';

export interface ServerHost {
  /** The workspace's files: read from disk, or asked of the client (workspaceFiles.ts). */
  files: WorkspaceFiles;
  /** A rule page's file URI, for a client that gives no command to open it; without it, no link. */
  ruleDocFile?: (rule: string) => string;
  /** Opens the story bank's start cache in the client's storage folder (bankCache.ts); none in the browser. */
  openCache?: typeof openBankCache;
}

/** Answers the client on `connection` until it exits. */
export function startServer(connection: Connection, host: ServerHost): void {
  new LanguageServer(connection, host).listen();
}

/**
 * Typing "went" passes through "we", which the rules may flag for as long as the word is
 * unfinished. A finding that ends exactly where the latest edit ended, when that edit typed a
 * word character and no word character follows, is held back until typing pauses for
 * TYPING_PAUSE_MS; the document is then linted again, so a finding the next keystrokes
 * removed is never shown.
 */
const TYPING_PAUSE_MS = 500;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
interface LatestEdit {
  version: number;
  /** Offset where the inserted text ends, in that version. */
  end: number;
  timer: ReturnType<typeof setTimeout>;
  /** Whether the publish of this version held a finding back. */
  held: boolean;
}

/** What the client said it can do, in `initialize`. */
interface ClientAbilities {
  pullsConfiguration: boolean;
  registersConfiguration: boolean;
  watchesFiles: boolean;
  hasWorkspaceFolders: boolean;
  snippetEdits: boolean;
  refreshesCodeLenses: boolean;
}

class LanguageServer {
  // Updates go through noteEdit, which remembers where the latest edit ended (see `typing`).
  private readonly documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => this.noteEdit(document, changes, version),
  });
  private readonly workspaceConfigs: WorkspaceConfigs;
  private readonly lints: DocumentLints;
  private readonly bank: BankFeatures;
  private readonly workspaceLint: WorkspaceLint;
  private client: ClientAbilities = {
    pullsConfiguration: false,
    registersConfiguration: false,
    watchesFiles: false,
    hasWorkspaceFolders: false,
    snippetEdits: false,
    refreshesCodeLenses: false,
  };
  private readonly typing = new Map<string, LatestEdit>();
  private readonly pending = new Set<string>();
  // A client that is asked for its settings (Neovim, Helix, Eglot) opens files before it answers:
  // lints wait for that first answer, so the first diagnostics already follow the user's settings.
  private settingsRead: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
  ) {
    const configs = (this.workspaceConfigs = new WorkspaceConfigs(host.files));
    const lints = (this.lints = new DocumentLints((uri) => configs.configFor(uri)));
    this.bank = new BankFeatures(
      connection,
      host.files,
      this.documents,
      lints,
      (uri) => this.schedule(uri),
      (uri, targetSeconds) => targetOverride(targetSeconds, lints.engineSettings, configs.configFor(uri)),
      host.openCache,
    );
    this.workspaceLint = new WorkspaceLint(connection, this.documents, this.bank, lints, host.files);
  }

  listen(): void {
    const connection = this.connection;
    connection.onRequest(CheckAllRequest, () => this.workspaceLint.checkAll());
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    // The cache write waits for a pause; at shutdown there is none left.
    connection.onShutdown(() => this.bank.flushCache());
    connection.onDidChangeConfiguration((change) => {
      if (this.client.pullsConfiguration) {
        void this.refreshSettings();
      } else {
        this.logProblems(this.lints.setSettings((change.settings as Record<string, ServerSettings> | undefined)?.[CONFIG_SECTION]));
        this.configChanged();
      }
    });
    // Story files and `.star-stories.json` files created, changed or deleted on disk.
    connection.onDidChangeWatchedFiles((params) => {
      this.bank.filesChanged(params.changes);
      this.workspaceLint.filesChanged(params.changes);
      void this.workspaceConfigs.filesChanged(params.changes.map((c) => c.uri)).then((changed) => changed && this.configChanged());
    });
    this.followDocuments();
    this.answerRequests();
    this.documents.listen(this.droppingStaleChanges());
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const workspace = params.capabilities.workspace;
    this.client = {
      pullsConfiguration: workspace?.configuration === true,
      registersConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
      snippetEdits: (workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
      watchesFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      hasWorkspaceFolders: workspace?.workspaceFolders === true,
      refreshesCodeLenses: workspace?.codeLens?.refreshSupport === true,
    };
    const options = params.initializationOptions as InitializationOptions | undefined;
    if (options?.settings) this.logProblems(this.lints.setSettings(options.settings));
    // Only a command name the client chose: it ends up in a link the user clicks.
    useRuleDocLinks(
      typeof options?.ruleDocCommand === 'string' && /^[\w.-]+$/.test(options.ruleDocCommand) ? options.ruleDocCommand : undefined,
      this.host.ruleDocFile,
    );
    this.workspaceConfigs.setLowerSets(this.lints.settingsPrincipleSets);
    this.workspaceConfigs.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    this.bank.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ',', ';', ' '], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...this.bank.capabilities,
      },
      serverInfo: { name: 'star-stories', version: VERSION },
    };
  }

  private initialized(): void {
    const connection = this.connection;
    // Read now, not in initialize: the browser server reads through the client, which it may not ask before.
    const configsRead = this.workspaceConfigs.load().then(() => this.configChanged());
    if (this.client.watchesFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
        .catch(() => undefined);
    }
    if (this.client.hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.workspaceConfigs.removeFolder(folder.uri);
        void Promise.all(event.added.map((folder) => this.workspaceConfigs.addFolder(folder.uri))).then(() => this.configChanged());
      });
    }
    if (this.client.pullsConfiguration) {
      // Only where the client can take it: Eglot, for one, warns the user of every registration it cannot.
      if (this.client.registersConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION }).catch(() => undefined);
      }
      // The workspace is indexed once the settings it is linted with are known.
      this.settingsRead = this.refreshSettings();
      void Promise.all([configsRead, this.settingsRead]).then(() => this.bank.start(true));
    } else {
      void configsRead.then(() => this.bank.start(false));
    }
  }

  private async refreshSettings(): Promise<void> {
    try {
      const settings = (await this.connection.workspace.getConfiguration(CONFIG_SECTION)) as ServerSettings | null;
      this.logProblems(this.lints.setSettings(settings ?? {}));
    } catch (err) {
      this.connection.console.warn(`Could not read settings, using defaults: ${(err as Error).message}`);
    }
    this.configChanged();
  }

  private configChanged(): void {
    this.workspaceConfigs.setLowerSets(this.lints.settingsPrincipleSets);
    for (const params of this.workspaceConfigs.diagnostics()) void this.connection.sendDiagnostics(params);
    this.revalidateAll();
  }

  private logProblems(problems: string[]): void {
    for (const problem of problems) this.connection.console.warn(problem);
  }

  private revalidateAll(): void {
    this.lints.invalidate();
    this.bank.settingsChanged();
    for (const document of this.documents.all()) this.schedule(document.uri);
    // A code lens shows the target and pace the settings give; the editor only asks again when told.
    if (this.client.refreshesCodeLenses) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  private noteEdit(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let end = -1;
    // One change at a time, as TextDocument.update applies them, so each range is read in the text it refers to.
    for (const change of changes) {
      const start = 'range' in change ? document.offsetAt(change.range.start) : -1;
      document = TextDocument.update(document, [change], version);
      end = start >= 0 && WORD_CHAR.test(change.text.slice(-1)) ? start + change.text.length : -1;
    }
    const uri = document.uri;
    const typing = this.typing;
    clearTimeout(typing.get(uri)?.timer);
    if (end < 0) {
      typing.delete(uri);
      return document;
    }
    const edit: LatestEdit = {
      version,
      end,
      held: false,
      timer: setTimeout(
        () =>
          // Two turns of the event loop: a keystroke already read from the pipe is dispatched in the
          // first, so on a busy machine the word can still grow before it is shown.
          setImmediate(() =>
            setImmediate(() => {
              if (typing.get(uri) !== edit) return;
              typing.delete(uri);
              if (edit.held && this.documents.get(uri)?.version === edit.version) this.schedule(uri);
            }),
          ),
        TYPING_PAUSE_MS,
      ),
    };
    typing.set(uri, edit);
    return document;
  }

  /** Drops the findings on a word that may still be growing (see `typing`). */
  private holdUnfinishedWord(document: TextDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    const edit = this.typing.get(document.uri);
    if (!edit || edit.version !== document.version) return diagnostics;
    const text = document.getText();
    const growing = (d: Diagnostic) => !WORD_CHAR.test(text.charAt(edit.end)) && document.offsetAt(d.range.end) === edit.end;
    const kept = diagnostics.filter((d) => !growing(d));
    edit.held = kept.length !== diagnostics.length;
    return kept;
  }

  // Edits arrive faster than they can matter: lint once per burst, always the newest version,
  // so diagnostics for an outdated version are never published.
  private schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    setImmediate(async () => {
      this.pending.delete(uri);
      // Not before the config files are read: a lint with the defaults would flash wrong findings.
      await this.workspaceConfigs.ready;
      await this.settingsRead;
      const document = this.documents.get(uri);
      if (!document) return;
      const version = document.version;
      try {
        // In slices: other requests are answered while a large document is checked.
        const result = await this.lints.lint(document);
        // Edited or closed meanwhile: the newer version's own lint publishes.
        if (this.documents.get(uri) !== document || document.version !== version) return;
        const diagnostics = this.holdUnfinishedWord(document, this.bank.diagnostics(document, result));
        void this.connection.sendDiagnostics({ uri, version, diagnostics });
      } catch (err) {
        this.connection.console.error(`Linting ${uri} failed: ${(err as Error).stack ?? err}`);
      }
    });
  }

  private followDocuments(): void {
    this.documents.onDidOpen((e) => {
      this.workspaceLint.opened(e.document.uri);
      this.schedule(e.document.uri);
    });
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri));
    this.documents.onDidClose((e) => {
      clearTimeout(this.typing.get(e.document.uri)?.timer);
      this.typing.delete(e.document.uri);
      this.lints.forget(e.document.uri);
      void this.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  }

  private answerRequests(): void {
    const { connection, documents, lints } = this;
    // Hover and completion read the newest finished lint, even of the previous version while a large
    // document's lint runs: its stories and sections are what they need, and they answer at once.
    connection.onHover((params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      return hover(document, document.offsetAt(params.position), lints.latest(document), this.bank.storiesFor);
    });
    connection.onCompletion((params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? completion(document, params.position, lints.latest(document)) : [];
    });
    // Code actions edit the text, so they wait for the current version's lint (in slices, like any).
    connection.onCodeAction(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      await lints.lint(document);
      return documents.get(params.textDocument.uri) === document
        ? codeActions(document, params, lints, { snippetEdits: this.client.snippetEdits })
        : [];
    });
    connection.onDocumentSymbol((params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? documentSymbols(document, lints.latest(document)) : [];
    });
    connection.onFoldingRanges((params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? foldingRanges(document, lints.latest(document)) : [];
    });
  }

  /**
   * A didChange older than the version the server has (a client replaying or reordering
   * notifications) would be applied over newer text and corrupt it: it is dropped, with a warning.
   */
  private droppingStaleChanges(): Connection {
    const documents = this.documents;
    return new Proxy(this.connection, {
      get(target, property, receiver) {
        if (property !== 'onDidChangeTextDocument') return Reflect.get(target, property, receiver);
        return (handler: Parameters<Connection['onDidChangeTextDocument']>[0]) =>
          target.onDidChangeTextDocument((params) => {
            const current = documents.get(params.textDocument.uri);
            const version = params.textDocument.version;
            if (current && typeof version === 'number' && version <= current.version) {
              target.console.warn(
                `Ignored a change to ${params.textDocument.uri} for version ${version}: the server already has version ${current.version}.`,
              );
              return;
            }
            return handler(params);
          });
      },
    });
  }
}
