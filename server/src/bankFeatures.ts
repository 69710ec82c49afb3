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
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Disposable } from 'vscode-languageserver';
import { codeLenses, type TargetOverrideLookup } from './codeLens';
import { documentDiagnostics } from './diagnostics';
import type { DocumentLints } from './documents';
import { CONFIG_FILE_NAME, type EngineConfig, type LintResult, type Principle } from './engine';
import { Bank, fileName, newStoryTemplate, renderMarkdown, type BankFinding } from './engine/bank';
import {
  BankChangedNotification,
  BankDeltaNotification,
  BankSnapshotRequest,
  CoverageReportRequest,
  FollowUpsRequest,
  LISTED_REASONS,
  LoopPlanRequest,
  LoopSheetRequest,
  NewStoryTemplateRequest,
  type FollowUp,
  type FollowUpsParams,
  type InitializationOptions,
  type LoopPlan,
  type LoopSheetParams,
  type BankSnapshot,
  type NewStoryParams,
  type Readiness,
  type StorySummary,
  type TargetOverride,
} from './protocol';
import { readResumeAt, resolveInFolder, type WorkspaceFiles } from './workspaceFiles';
import { resolveProfile } from './engine/profiles';
import { followUpsForStory, planBankLoop, renderLoopSheet } from './engine/loop';
import { bankKey, WorkspaceIndex } from './workspaceIndex';
import type { BankCache, openBankCache } from './bankCache';
import { SentBank } from './bankDelta';

/**
 * Long enough to fold a burst of file events or keystrokes into one tree refresh, short enough to
 * feel live. The first change starts the wait and later ones join it, so a long burst (the
 * rules running over a large bank in the background) still refreshes the tree every 150 ms.
 */
const CHANGED_DELAY_MS = 150;
/** How long the first snapshot may take to reach a client before the background work starts anyway (a client that does not read). */
const SEND_FIRST_MS = 1000;

export class BankFeatures {
  readonly index: WorkspaceIndex;
  private watchRegistration = false;
  private readonly publishedBank = new Map<string, string>();
  private pendingCheck = new Set<string>();
  private checkScheduled = false;
  private changedTimer: NodeJS.Timeout | undefined;
  /** While the first scan runs, snapshots wait for its end (each would cost more than the files it adds). */
  private scanning = false;
  /** Settles when the first scan of the workspace has ended: a plan asked for earlier would see an empty bank. */
  private readonly firstScan: Promise<void>;
  private firstScanEnded!: () => void;
  /** The résumé the settings name (`resume`), as a bank key, and the watcher on it. */
  private resumeUri: string | undefined;
  private resumeWatch: Promise<Disposable | undefined> | undefined;
  /** The last résumé problem shown, so a settings refresh does not show it again. */
  private resumeProblem: string | undefined;
  /** While the first scan reads an unchanged bank: the snapshot of its stored listing. */
  private preview: BankSnapshot | undefined;
  /** The start cache, in the editor's storage folder for this workspace; none without one (the CLI, other clients). */
  private cache: BankCache | undefined;
  /** What the client holds, when it applies deltas (`bankDeltas`); otherwise every change sends the whole bank. */
  private sent: SentBank | undefined;
  /** The send under way, if any; the next waits for it. */
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly files: WorkspaceFiles,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly lints: DocumentLints,
    /** Re-lints and re-publishes one open document (the server's scheduler). */
    private readonly republish: (uri: string) => void,
    /** Where a story's target comes from when a file overrides the setting (code lens and status bar say so). */
    private readonly targetOverride: TargetOverrideLookup = () => undefined,
    /** Opens the start cache; only the Node server has one. */
    private readonly openCache?: typeof openBankCache,
  ) {
    this.firstScan = new Promise((resolve) => (this.firstScanEnded = resolve));
    this.index = new WorkspaceIndex(
      new Bank(),
      files,
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
    connection.onRequest(LoopPlanRequest, async (): Promise<LoopPlan> => {
      await this.firstScan;
      return this.plan().plan;
    });
    connection.onRequest(FollowUpsRequest, async (params: FollowUpsParams | undefined): Promise<FollowUp[]> => {
      await this.firstScan;
      return typeof params?.storyId === 'string' ? (followUpsForStory(this.index.bank.details(), params.storyId) ?? []) : [];
    });
    connection.onRequest(LoopSheetRequest, async (params: LoopSheetParams | undefined): Promise<string> => {
      await this.firstScan;
      const { plan, details } = this.plan();
      return renderLoopSheet(plan, details, params?.format === 'html' ? 'html' : 'markdown');
    });
    documents.onDidClose((e) => {
      this.publishedBank.delete(bankKey(e.document.uri));
      void this.index.close(e.document.uri).catch((err) => this.logError(e.document.uri, err));
    });
  }

  /** Story files created, changed or deleted on disk (the server owns the one watched-files handler). */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (this.resumeUri && bankKey(change.uri) === this.resumeUri) void this.readResume();
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
    const options = params.initializationOptions as InitializationOptions | undefined;
    const storagePath = options?.storagePath;
    if (options?.bankDeltas === true) this.sent = new SentBank();
    this.cache = this.openCache?.(
      storagePath,
      this.index.folderUris,
      () => this.index.cacheContents(),
      (m) => this.connection.console.warn(m),
    );
    if (this.cache) {
      this.index.useCache(this.cache);
      this.index.onPreview = async (stories) => {
        // An open story file's text may not be the file's (a restored unsaved editor): its listing is not the cache's.
        if (this.documents.all().some((d) => this.index.includes(d.uri))) return;
        this.preview = this.index.bank.snapshotOf(stories, this.index.folderUris);
        await this.sendFirst();
      };
      // Read while the client answers the settings request.
      void this.cache.load();
    }
  }

  /** Writes the start cache now if it changed (the server is shutting down). */
  flushCache(): void {
    this.cache?.flush();
  }

  /** After `initialized` and the first settings: watch story files, then index the workspace in the background. */
  async start(pullsConfiguration: boolean): Promise<void> {
    try {
      await this.indexWorkspace(pullsConfiguration);
    } catch (err) {
      this.logError('the workspace', err);
    }
    this.firstScanEnded();
    const previewed = this.preview !== undefined;
    this.preview = undefined;
    // The scan found the very bank the preview listed (every file as the cache has it, none open,
    // the same settings; a settings change drops the preview): the client has this snapshot
    // already, and on a large bank it is megabytes to encode and send again.
    if (!previewed || !this.index.listedAsCached) await this.sendFirst();
    this.index.finishInBackground();
  }

  /**
   * The views are waiting for this one: sent now rather than after the delay, and let reach the
   * client before the scan or the background work take the turns of the event loop (a snapshot
   * of a large bank is several pipe buffers long, and each slice would hold back the next one).
   */
  private async sendFirst(): Promise<void> {
    await Promise.race([this.sendChanged(), new Promise((resolve) => setTimeout(resolve, SEND_FIRST_MS))]);
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
      `Story bank: read and parsed ${this.index.bank.uris().length} files in ${Math.round(performance.now() - started)} ms (${this.index.restored} from the cache${this.cache ? `, read in ${Math.round(this.cache.readMs)} ms` : ''}); counting their problems in the background.`,
    );
  }

  /** Workspace settings changed: the bank re-lints every file with them. */
  settingsChanged(): void {
    this.preview = undefined;
    this.index.bank.setSettings(this.folderSettings(), (uri) => this.lints.settingsFor(uri));
    this.index.settingsChanged();
    this.publishedBank.clear();
    this.scheduleChanged();
    this.resumeSettingChanged();
  }

  /**
   * The first workspace folder's settings, read for a file inside it: the folder's own URI is not
   * inside the folder, so its .star-stories.json (role, loop, résumé, principle set) would be missed.
   */
  private folderSettings(): Partial<EngineConfig> {
    const folder = this.index.folderUris[0];
    return folder ? this.lints.settingsFor(`${folder.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`) : this.lints.engineSettings;
  }

  /** The `resume` setting, relative to the first workspace folder (where its `.star-stories.json` is): watched and read. */
  private resumeSettingChanged(): void {
    const folderUri = this.index.folderUris[0];
    const setting = this.folderSettings().resume;
    const resolved = folderUri && typeof setting === 'string' && setting.trim() !== '' ? resolveInFolder(folderUri, setting) : undefined;
    const uri = resolved && this.files.reads(resolved) ? bankKey(resolved) : undefined;
    if (uri !== this.resumeUri) {
      this.resumeUri = uri;
      void this.resumeWatch?.then((d) => d?.dispose());
      // Watched from its own folder, which may be outside the workspace folder.
      const slash = uri ? uri.lastIndexOf('/') : -1;
      this.resumeWatch =
        uri && slash > 0 && this.watchRegistration
          ? this.connection.client
              .register(DidChangeWatchedFilesNotification.type, {
                watchers: [{ globPattern: { baseUri: uri.slice(0, slash), pattern: decodeURIComponent(uri.slice(slash + 1)) } }],
              })
              .catch(() => undefined)
          : undefined;
    }
    void this.readResume();
  }

  private async readResume(): Promise<void> {
    const uri = this.resumeUri;
    const read = uri ? await readResumeAt(this.files, uri) : undefined;
    if (uri !== this.resumeUri) return;
    const problem = read && 'error' in read ? read.error : undefined;
    if (problem && problem !== this.resumeProblem) {
      this.connection.console.warn(problem);
      void this.connection.window.showWarningMessage(`STAR Stories: ${problem}`);
    }
    this.resumeProblem = problem;
    const files = uri && read && 'text' in read ? [{ uri, text: read.text }] : [];
    this.bankChanged(this.index.bank.setResume(files));
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

  /**
   * The loop planned over the bank as it is now: the rounds of `loop` in the settings, else the
   * role profile's loop.
   */
  plan(): { plan: LoopPlan; details: ReturnType<Bank['details']> } {
    const bank = this.index.bank;
    const details = bank.details();
    return { plan: planBankLoop(details, bank.principleSet, bank.config.loop, resolveProfile(bank.config)), details };
  }

  /** The bank as the client lists it; numbered after the last message sent, which it is at least as new as. */
  snapshot(): BankSnapshot {
    const snapshot = this.banked();
    return { ...snapshot, stories: snapshot.stories.map(this.listed), ...(this.sent ? { seq: this.sent.last } : {}) };
  }

  private banked(): BankSnapshot {
    return this.preview ?? this.index.bank.snapshot(this.index.folderUris);
  }

  private readonly listed = (story: StorySummary): StorySummary => listedStory(story, this.targetOverride(story.uri, story.targetSeconds));

  private readonly overrideKey = (story: StorySummary): string =>
    JSON.stringify(this.targetOverride(story.uri, story.targetSeconds) ?? null);

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
    this.changedTimer = setTimeout(() => void this.sendChanged(), CHANGED_DELAY_MS);
  }

  /** Resolves once the snapshot is written out. */
  private sendChanged(): Promise<void> {
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = undefined;
    // One send at a time: a delta numbered after the parts of another must not overtake them.
    this.sending = this.sending.then(() => this.sendNow());
    return this.sending;
  }

  private async sendNow(): Promise<void> {
    try {
      if (!this.sent) {
        await this.connection.sendNotification(BankChangedNotification, this.snapshot());
        return;
      }
      const next = this.sent.next(this.banked(), this.listed, this.overrideKey);
      if ('full' in next) await this.connection.sendNotification(BankChangedNotification, next.full);
      // Each part is encoded once the one before is written, so only one is ever held as JSON.
      else for (const delta of next.deltas) await this.connection.sendNotification(BankDeltaNotification, delta);
    } catch (err) {
      this.logError('the story bank', err);
    }
  }

  private logError(what: string, err: unknown): void {
    this.connection.console.error(`Indexing ${what} failed: ${(err as Error)?.stack ?? err}`);
  }
}

/** A story as the Stories view lists it: its heaviest reasons, and where a file overrides its target. */
export function listedStory(story: StorySummary, targetOverride: TargetOverride | undefined): StorySummary {
  const readiness = story.readiness && listedReadiness(story.readiness);
  if (!targetOverride && readiness === story.readiness) return story;
  return { ...story, ...(readiness ? { readiness } : {}), ...(targetOverride ? { targetOverride } : {}) };
}

/** The readiness as the Stories view lists it: the heaviest reasons, the others counted. */
function listedReadiness(readiness: Readiness): Readiness {
  if (readiness.reasons.length <= LISTED_REASONS) return readiness;
  return { ...readiness, reasons: readiness.reasons.slice(0, LISTED_REASONS), omitted: readiness.reasons.length - LISTED_REASONS };
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
