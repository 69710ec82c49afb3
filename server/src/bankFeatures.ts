/**
 * The story bank's LSP features: the workspace index fed from disk and open documents, bank
 * findings merged into each open document's diagnostics, the bank requests and notification of
 * `protocol.ts`, code lenses and workspace symbols.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  SymbolKind,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeParams,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { performance } from 'node:perf_hooks';
import { codeLenses, type TargetOverrideLookup } from './codeLens';
import { documentDiagnostics } from './diagnostics';
import type { DocumentLints } from './documents';
import { CONFIG_FILE_NAME, type LintResult, type Principle } from './engine';
import { Bank, fileName, newStoryTemplate, renderMarkdown, type BankFinding } from './engine/bank';
import {
  BankChangedNotification,
  BankSnapshotRequest,
  CoverageReportRequest,
  NewStoryTemplateRequest,
  type BankSnapshot,
  type NewStoryParams,
  type StorySummary,
} from './protocol';
import { bankKey, WorkspaceIndex } from './workspaceIndex';

/**
 * Long enough to fold a burst of file events or keystrokes into one tree refresh, short enough to
 * feel live. The first change starts the wait and later ones join it, so a long burst (the
 * rules running over a large bank in the background) still refreshes the tree every 150 ms.
 */
const CHANGED_DELAY_MS = 150;

export class BankFeatures {
  readonly index: WorkspaceIndex;
  private watchRegistration = false;
  private readonly publishedBank = new Map<string, string>();
  private pendingCheck = new Set<string>();
  private checkScheduled = false;
  private changedTimer: NodeJS.Timeout | undefined;
  /** While the first scan runs, snapshots wait for its end (each would cost more than the files it adds). */
  private scanning = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly lints: DocumentLints,
    /** Re-lints and re-publishes one open document (the server's scheduler). */
    private readonly republish: (uri: string) => void,
    /** Where a story's target comes from when a file overrides the setting (code lens and status bar say so). */
    private readonly targetOverride: TargetOverrideLookup = () => undefined,
  ) {
    this.index = new WorkspaceIndex(
      new Bank(),
      (affected) => this.bankChanged(affected),
      (m) => connection.console.warn(m),
      (m) => connection.console.log(m),
    );
    connection.onCodeLens((params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? codeLenses(document, lints.latest(document), this.targetOverride) : [];
    });
    connection.onWorkspaceSymbol((params) => this.index.findStories(params.query).map(symbolOf));
    connection.onRequest(BankSnapshotRequest, (): BankSnapshot => this.snapshot());
    connection.onRequest(CoverageReportRequest, (): string => renderMarkdown(this.snapshot()));
    connection.onRequest(NewStoryTemplateRequest, (params: NewStoryParams | undefined): string =>
      newStoryTemplate(
        this.index.bank.principleSet,
        Array.isArray(params?.principles) ? params.principles.filter((p) => typeof p === 'string') : [],
        params?.title,
      ),
    );
    documents.onDidClose((e) => {
      this.publishedBank.delete(bankKey(e.document.uri));
      void this.index.close(e.document.uri).catch((err) => this.logError(e.document.uri, err));
    });
  }

  /** Story files created, changed or deleted on disk (the server owns the one watched-files handler). */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (!change.uri.endsWith('.star.md')) continue;
      const kind = change.type === FileChangeType.Deleted ? 'deleted' : change.type === FileChangeType.Created ? 'created' : 'changed';
      void this.index.fileChanged(change.uri, kind).catch((err) => this.logError(change.uri, err));
    }
  }

  readonly capabilities: ServerCapabilities = { workspaceSymbolProvider: true, codeLensProvider: { resolveProvider: false } };

  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.index.setFolders(folders);
    this.watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** After `initialized` and the first settings: watch story files, then index the workspace in the background. */
  async start(pullsConfiguration: boolean): Promise<void> {
    try {
      await this.indexWorkspace(pullsConfiguration);
    } catch (err) {
      this.logError('the workspace', err);
    }
    // The views are waiting for this one: send it now rather than after the delay.
    this.sendChanged();
  }

  private async indexWorkspace(pullsConfiguration: boolean): Promise<void> {
    if (this.watchRegistration) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.star.md' }] })
        .catch(() => undefined);
    }
    const folders = this.index.folderUris;
    if (pullsConfiguration && folders.length > 0) {
      try {
        const sections = (await this.connection.workspace.getConfiguration(
          folders.map((scopeUri) => ({ scopeUri, section: 'files' })),
        )) as Array<{ exclude?: unknown } | null>;
        folders.forEach((folder, i) => this.index.setExcludes(folder, sections?.[i]?.exclude));
      } catch (err) {
        this.connection.console.warn(`Could not read files.exclude, indexing every story file: ${(err as Error).message}`);
      }
    }
    const started = performance.now();
    this.scanning = true;
    try {
      await this.index.scan();
    } finally {
      this.scanning = false;
    }
    this.connection.console.log(
      `Story bank: read and parsed ${this.index.bank.uris().length} files in ${Math.round(performance.now() - started)} ms; counting their problems in the background.`,
    );
  }

  /** Workspace settings changed: the bank re-lints every file with them. */
  settingsChanged(): void {
    const folder = this.index.folderUris[0];
    // A path inside the folder finds its .star-stories.json: the folder's own URI is read as the folder's parent's child.
    this.index.bank.setSettings(folder ? this.lints.settingsFor(`${folder}/${CONFIG_FILE_NAME}`) : this.lints.engineSettings, (uri) =>
      this.lints.settingsFor(uri),
    );
    this.publishedBank.clear();
    this.scheduleChanged();
  }

  /** Diagnostics to publish for an open document: its lint and what the bank says about it. */
  diagnostics(document: TextDocument, result: LintResult): Diagnostic[] {
    const key = bankKey(document.uri);
    let bank: BankFinding[] = [];
    try {
      this.index.updateOpen(document.uri, document.getText(), result);
      bank = this.index.bank.findings(key);
    } catch (err) {
      // A bank bug must cost the bank's findings, never the document's own.
      this.logError(document.uri, err);
    }
    this.publishedBank.set(key, signature(bank));
    return documentDiagnostics(document, result.findings, bank);
  }

  /** The bank's stories naming a principle, for the hover. */
  readonly storiesFor = (principle: Principle): StorySummary[] =>
    this.index.bank.summaries().filter((s) => s.principles.includes(principle.name));

  snapshot(): BankSnapshot {
    const snapshot = this.index.bank.snapshot(this.index.folderUris);
    const stories = snapshot.stories.map((story) => {
      const targetOverride = this.targetOverride(story.uri, story.targetSeconds);
      return targetOverride ? { ...story, targetOverride } : story;
    });
    return { ...snapshot, stories };
  }

  private bankChanged(affected: Set<string>): void {
    for (const key of affected) this.pendingCheck.add(key);
    this.scheduleChanged();
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    // Deferred, so the document being published records what it published before this compares.
    setImmediate(() => {
      this.checkScheduled = false;
      const keys = this.pendingCheck;
      this.pendingCheck = new Set();
      for (const document of this.documents.all()) {
        const key = bankKey(document.uri);
        if (!keys.has(key) || !this.publishedBank.has(key)) continue;
        if (this.publishedBank.get(key) !== signature(this.index.bank.findings(key))) this.republish(document.uri);
      }
    });
  }

  private scheduleChanged(): void {
    if (this.changedTimer || this.scanning) return;
    this.changedTimer = setTimeout(() => this.sendChanged(), CHANGED_DELAY_MS);
  }

  private sendChanged(): void {
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = undefined;
    try {
      void this.connection.sendNotification(BankChangedNotification, this.snapshot());
    } catch (err) {
      this.logError('the story bank', err);
    }
  }

  private logError(what: string, err: unknown): void {
    this.connection.console.error(`Indexing ${what} failed: ${(err as Error)?.stack ?? err}`);
  }
}

function signature(findings: ReadonlyArray<{ start: number; end: number; message: string; severity: string }>): string {
  return findings.map((f) => `${f.start}:${f.end}:${f.severity}:${f.message}`).join('\n');
}

function symbolOf(story: StorySummary): SymbolInformation {
  const start = { line: story.line, character: 0 };
  return {
    name: story.title,
    kind: SymbolKind.Module,
    location: { uri: story.uri, range: { start, end: { line: story.endLine, character: 0 } } },
    containerName: fileName(story.uri),
  };
}
