/**
 * The `.star-stories.json` of each workspace folder: read at start, re-read when the file is
 * created, changed or deleted, and its problems published as diagnostics on the file itself.
 * Folders and files are URIs, read through the server's file access (workspaceFiles.ts).
 */
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readConfigAt, type ReadResult, type WorkspaceFiles } from './workspaceFiles';
import { bankKey } from './workspaceIndex';
import { CONFIG_FILE_NAME, parseConfigFile, rules, type ConfigFileProblem, type EngineConfig, type PrincipleSet } from './engine';
import { DIAGNOSTIC_SOURCE } from './protocol';

interface FolderConfig {
  /** The folder's URI (its bank key), without a trailing slash. */
  folder: string;
  /** The config file's URI, as diagnostics are published on it. */
  uri: string;
  read: ReadResult;
  config: Partial<EngineConfig> | undefined;
  problems: ConfigFileProblem[];
}

export class WorkspaceConfigs {
  private readonly folders = new Map<string, FolderConfig>();
  private lowerSets: readonly PrincipleSet[] = [];
  /** Config URIs whose last published diagnostics were not empty. */
  private readonly published = new Set<string>();

  /** Settles when the folders' files have been read: the first lints wait for it, so none uses the defaults by mistake. */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly files: WorkspaceFiles) {}

  /**
   * Replaces the workspace folders (from `initialize`); `load` reads their files, after
   * `initialized`: a browser server reads through the client, which it may not ask before.
   * Folders the server cannot read (virtual workspaces, for the Node server) have no config file.
   */
  setFolders(uris: readonly string[]): void {
    this.folders.clear();
    for (const uri of uris) this.entryFor(uri);
  }

  load(): Promise<void> {
    this.ready = Promise.all([...this.folders.values()].map((entry) => this.read(entry))).then(() => undefined);
    return this.ready;
  }

  async addFolder(uri: string): Promise<void> {
    const entry = this.entryFor(uri);
    if (entry) await this.read(entry);
  }

  removeFolder(uri: string): void {
    this.folders.delete(folderKey(uri));
  }

  private entryFor(uri: string): FolderConfig | undefined {
    if (!this.files.reads(uri)) return undefined;
    const folder = folderKey(uri);
    const entry: FolderConfig = { folder, uri: `${folder}/${CONFIG_FILE_NAME}`, read: undefined, config: undefined, problems: [] };
    this.folders.set(folder, entry);
    return entry;
  }

  /**
   * Principle sets defined in VS Code settings, which a config file may select: the files are
   * validated again against them.
   */
  setLowerSets(sets: readonly PrincipleSet[]): void {
    this.lowerSets = sets;
    for (const entry of this.folders.values()) this.validate(entry);
  }

  /** Re-reads the config files among `uris` (watched-file events). Resolves to whether any of them changed. */
  async filesChanged(uris: readonly string[]): Promise<boolean> {
    let changed = false;
    for (const uri of uris) {
      const key = bankKey(uri);
      if (!key.endsWith(`/${CONFIG_FILE_NAME}`)) continue;
      const entry = this.folders.get(key.slice(0, -(CONFIG_FILE_NAME.length + 1)));
      if (!entry) continue;
      const before = JSON.stringify(entry.read);
      await this.read(entry);
      changed ||= JSON.stringify(entry.read) !== before;
    }
    return changed;
  }

  /** The config layer of the innermost workspace folder that contains the document. */
  configFor(documentUri: string): Partial<EngineConfig> | undefined {
    const key = bankKey(documentUri);
    let best: FolderConfig | undefined;
    for (const entry of this.folders.values()) {
      if (key.startsWith(`${entry.folder}/`) && (!best || entry.folder.length > best.folder.length)) best = entry;
    }
    return best?.config;
  }

  /**
   * Diagnostics to publish for the config files: every file with problems, and an empty list
   * for each file whose problems are gone (or whose folder was removed), so they are cleared.
   */
  diagnostics(): PublishDiagnosticsParams[] {
    const out: PublishDiagnosticsParams[] = [];
    const current = new Set<string>();
    for (const entry of this.folders.values()) {
      if (entry.problems.length === 0) continue;
      current.add(entry.uri);
      const text = entry.read && 'text' in entry.read ? entry.read.text : '';
      const document = TextDocument.create(entry.uri, 'json', 0, text);
      out.push({ uri: entry.uri, diagnostics: entry.problems.map((p) => toDiagnostic(document, p)) });
    }
    for (const uri of this.published) if (!current.has(uri)) out.push({ uri, diagnostics: [] });
    this.published.clear();
    for (const uri of current) this.published.add(uri);
    return out;
  }

  private async read(entry: FolderConfig): Promise<void> {
    const read = await readConfigAt(this.files, entry.uri);
    // A folder removed (or added again) while its file was read keeps what its newer entry reads.
    if (this.folders.get(entry.folder) !== entry) return;
    entry.read = read;
    this.validate(entry);
  }

  private validate(entry: FolderConfig): void {
    if (entry.read === undefined) {
      entry.config = undefined;
      entry.problems = [];
    } else if ('error' in entry.read) {
      entry.config = undefined;
      entry.problems = [{ message: `${entry.read.error} STAR Stories uses its defaults.`, span: { start: 0, end: 0 }, severity: 'error' }];
    } else {
      const result = parseConfigFile(entry.read.text, rules, { principleSets: this.lowerSets });
      entry.config = result.config;
      entry.problems = result.problems;
    }
  }
}

function toDiagnostic(document: TextDocument, problem: ConfigFileProblem): Diagnostic {
  return {
    range: { start: document.positionAt(problem.span.start), end: document.positionAt(problem.span.end) },
    severity:
      problem.severity === 'error'
        ? DiagnosticSeverity.Error
        : problem.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'config',
    message: problem.message,
  };
}

function folderKey(uri: string): string {
  return bankKey(uri).replace(/\/$/, '');
}
