/**
 * LSP wiring only: capabilities, handlers and scheduling. The coaching itself is the engine's
 * (./engine), which the CLI and the tests use directly.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './codeActions';
import { targetOverride } from './codeLens';
import { completion } from './completion';
import { useRuleDocCommand } from './diagnostics';
import { DocumentLints } from './documents';
import { CONFIG_FILE_NAME } from './engine';
import { hover } from './hover';
import { CheckAllRequest, CONFIG_SECTION, FIX_ALL_KIND, type InitializationOptions, type ServerSettings } from './protocol';
import { BankFeatures } from './bankFeatures';
import { documentSymbols, foldingRanges } from './symbols';
import { WorkspaceConfigs } from './workspaceConfig';
import { WorkspaceLint } from './workspaceLint';
import { VERSION } from './version';

const connection = createConnection(ProposedFeatures.all);
// Updates go through noteEdit, which remembers where the latest edit ended (see `typing` below).
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => noteEdit(document, changes, version),
});
const workspaceConfigs = new WorkspaceConfigs();
const lints = new DocumentLints((uri) => workspaceConfigs.configFor(uri));
let pullsConfiguration = false;
let watchesFiles = false;
let hasWorkspaceFolders = false;
let snippetEdits = false;
let refreshesCodeLenses = false;
const bank = new BankFeatures(
  connection,
  documents,
  lints,
  (uri) => schedule(uri),
  (uri, targetSeconds) => targetOverride(targetSeconds, lints.engineSettings, workspaceConfigs.configFor(uri)),
);
const workspaceLint = new WorkspaceLint(connection, documents, bank, lints);
connection.onRequest(CheckAllRequest, () => workspaceLint.checkAll());

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pullsConfiguration = capabilities.workspace?.configuration === true;
  snippetEdits = (capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
  watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  hasWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
  refreshesCodeLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
  const options = params.initializationOptions as InitializationOptions | undefined;
  if (options?.settings) logProblems(lints.setSettings(options.settings));
  // Only a command name the client chose: it ends up in a link the user clicks.
  useRuleDocCommand(
    typeof options?.ruleDocCommand === 'string' && /^[\w.-]+$/.test(options.ruleDocCommand) ? options.ruleDocCommand : undefined,
  );
  workspaceConfigs.setLowerSets(lints.settingsPrincipleSets);
  workspaceConfigs.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  bank.initialize(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ',', ';', ' '], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...bank.capabilities,
    },
    serverInfo: { name: 'star-stories', version: VERSION },
  };
});

connection.onInitialized(() => {
  publishConfigDiagnostics();
  if (watchesFiles) {
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
      .catch(() => undefined);
  }
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const folder of event.removed) workspaceConfigs.removeFolder(folder.uri);
      for (const folder of event.added) workspaceConfigs.addFolder(folder.uri);
      configChanged();
    });
  }
  if (pullsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION }).catch(() => undefined);
    // The workspace is indexed once the settings it is linted with are known.
    void refreshSettings().then(() => bank.start(true));
  } else {
    void bank.start(false);
  }
});

// The cache write waits for a pause; at shutdown there is none left.
connection.onShutdown(() => bank.flushCache());

connection.onDidChangeConfiguration((change) => {
  if (pullsConfiguration) {
    void refreshSettings();
  } else {
    logProblems(lints.setSettings((change.settings as Record<string, ServerSettings> | undefined)?.[CONFIG_SECTION]));
    configChanged();
  }
});

async function refreshSettings(): Promise<void> {
  try {
    const settings = (await connection.workspace.getConfiguration(CONFIG_SECTION)) as ServerSettings | null;
    logProblems(lints.setSettings(settings ?? {}));
  } catch (err) {
    connection.console.warn(`Could not read settings, using defaults: ${(err as Error).message}`);
  }
  configChanged();
}

// Story files and `.star-stories.json` files created, changed or deleted on disk.
connection.onDidChangeWatchedFiles((params) => {
  bank.filesChanged(params.changes);
  workspaceLint.filesChanged(params.changes);
  if (workspaceConfigs.filesChanged(params.changes.map((c) => c.uri))) configChanged();
});

function configChanged(): void {
  workspaceConfigs.setLowerSets(lints.settingsPrincipleSets);
  publishConfigDiagnostics();
  revalidateAll();
}

function publishConfigDiagnostics(): void {
  for (const params of workspaceConfigs.diagnostics()) void connection.sendDiagnostics(params);
}

function logProblems(problems: string[]): void {
  for (const problem of problems) connection.console.warn(problem);
}

function revalidateAll(): void {
  lints.invalidate();
  bank.settingsChanged();
  for (const document of documents.all()) schedule(document.uri);
  // A code lens shows the target and pace the settings give; the editor only asks again when told.
  if (refreshesCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
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
  timer: NodeJS.Timeout;
  /** Whether the publish of this version held a finding back. */
  held: boolean;
}
const typing = new Map<string, LatestEdit>();

function noteEdit(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  let end = -1;
  // One change at a time, as TextDocument.update applies them, so each range is read in the text it refers to.
  for (const change of changes) {
    const start = 'range' in change ? document.offsetAt(change.range.start) : -1;
    document = TextDocument.update(document, [change], version);
    end = start >= 0 && WORD_CHAR.test(change.text.slice(-1)) ? start + change.text.length : -1;
  }
  const uri = document.uri;
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
            if (edit.held && documents.get(uri)?.version === edit.version) schedule(uri);
          }),
        ),
      TYPING_PAUSE_MS,
    ),
  };
  typing.set(uri, edit);
  return document;
}

/** Drops the findings on a word that may still be growing (see `typing`). */
function holdUnfinishedWord(document: TextDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  const edit = typing.get(document.uri);
  if (!edit || edit.version !== document.version) return diagnostics;
  const text = document.getText();
  const growing = (d: Diagnostic) => !WORD_CHAR.test(text.charAt(edit.end)) && document.offsetAt(d.range.end) === edit.end;
  const kept = diagnostics.filter((d) => !growing(d));
  edit.held = kept.length !== diagnostics.length;
  return kept;
}

// Edits arrive faster than they can matter: lint once per burst, always the newest version,
// so diagnostics for an outdated version are never published.
const pending = new Set<string>();
function schedule(uri: string): void {
  if (pending.has(uri)) return;
  pending.add(uri);
  setImmediate(async () => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      // In slices: other requests are answered while a large document is checked.
      const result = await lints.lint(document);
      // Edited or closed meanwhile: the newer version's own lint publishes.
      if (documents.get(uri) !== document || document.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics: holdUnfinishedWord(document, bank.diagnostics(document, result)) });
    } catch (err) {
      connection.console.error(`Linting ${uri} failed: ${(err as Error).stack ?? err}`);
    }
  });
}

documents.onDidOpen((e) => {
  workspaceLint.opened(e.document.uri);
  schedule(e.document.uri);
});
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  clearTimeout(typing.get(e.document.uri)?.timer);
  typing.delete(e.document.uri);
  lints.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// Hover and completion read the newest finished lint, even of the previous version while a large
// document's lint runs: its stories and sections are what they need, and they answer at once.
connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return hover(document, document.offsetAt(params.position), lints.latest(document), bank.storiesFor);
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return completion(document, params.position, lints.latest(document));
});

// Code actions edit the text, so they wait for the current version's lint (in slices, like any).
connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  await lints.lint(document);
  return documents.get(params.textDocument.uri) === document ? codeActions(document, params, lints, { snippetEdits }) : [];
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? documentSymbols(document, lints.latest(document)) : [];
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? foldingRanges(document, lints.latest(document)) : [];
});

// A didChange older than the version the server has (a client replaying or reordering
// notifications) would be applied over newer text and corrupt it: it is dropped, with a warning.
documents.listen(
  new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== 'onDidChangeTextDocument') return Reflect.get(target, property, receiver);
      return (handler: Parameters<typeof connection.onDidChangeTextDocument>[0]) =>
        target.onDidChangeTextDocument((params) => {
          const current = documents.get(params.textDocument.uri);
          const version = params.textDocument.version;
          if (current && typeof version === 'number' && version <= current.version) {
            connection.console.warn(
              `Ignored a change to ${params.textDocument.uri} for version ${version}: the server already has version ${current.version}.`,
            );
            return;
          }
          return handler(params);
        });
    },
  }),
);
connection.listen();
