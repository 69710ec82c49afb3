/**
 * The `.star-stories.json` of each workspace folder: read at start, re-read when the file is
 * created, changed or deleted, and its problems published as diagnostics on the file itself.
 */
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readConfigFile, type ReadResult } from './configDiscovery';
import { CONFIG_FILE_NAME, parseConfigFile, rules, type ConfigFileProblem, type EngineConfig, type PrincipleSet } from './engine';
import { DIAGNOSTIC_SOURCE } from './protocol';

interface FolderConfig {
  /** The folder's path on disk. */
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

  constructor(private readonly readFile: (path: string) => ReadResult = readConfigFile) {}

  /** Replaces the workspace folders (from `initialize`). Folders that are not on disk (virtual workspaces) have no config file. */
  setFolders(uris: readonly string[]): void {
    this.folders.clear();
    for (const uri of uris) this.addFolder(uri);
  }

  addFolder(uri: string): void {
    const folder = toPath(uri);
    if (folder === undefined) return;
    const file = join(folder, CONFIG_FILE_NAME);
    const entry: FolderConfig = { folder, uri: pathToFileURL(file).href, read: undefined, config: undefined, problems: [] };
    this.folders.set(folder, entry);
    this.load(entry);
  }

  removeFolder(uri: string): void {
    const folder = toPath(uri);
    if (folder !== undefined) this.folders.delete(folder);
  }

  /**
   * Principle sets defined in VS Code settings, which a config file may select: the files are
   * validated again against them.
   */
  setLowerSets(sets: readonly PrincipleSet[]): void {
    this.lowerSets = sets;
    for (const entry of this.folders.values()) this.validate(entry);
  }

  /** Re-reads the config files among `uris` (watched-file events). Returns whether any of them changed. */
  filesChanged(uris: readonly string[]): boolean {
    let changed = false;
    for (const uri of uris) {
      const path = toPath(uri);
      if (path === undefined || !path.endsWith(sep + CONFIG_FILE_NAME)) continue;
      const entry = this.folders.get(path.slice(0, -(CONFIG_FILE_NAME.length + 1)));
      if (!entry) continue;
      const before = JSON.stringify(entry.read);
      this.load(entry);
      changed ||= JSON.stringify(entry.read) !== before;
    }
    return changed;
  }

  /** The config layer of the innermost workspace folder that contains the document. */
  configFor(documentUri: string): Partial<EngineConfig> | undefined {
    const path = toPath(documentUri);
    if (path === undefined) return undefined;
    let best: FolderConfig | undefined;
    for (const entry of this.folders.values()) {
      if (
        path.startsWith(entry.folder.endsWith(sep) ? entry.folder : entry.folder + sep) &&
        (!best || entry.folder.length > best.folder.length)
      )
        best = entry;
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

  private load(entry: FolderConfig): void {
    entry.read = this.readFile(join(entry.folder, CONFIG_FILE_NAME));
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

/** A file URI's path on disk; `undefined` for other schemes. */
function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    return path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
  } catch {
    return undefined;
  }
}
