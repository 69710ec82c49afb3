import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter, lintWithActiveSet, mergeConfig, readConfig, rules, type EngineConfig, type LintResult, type PrincipleSet } from './engine';
import type { ServerSettings } from './protocol';

interface State {
  linter: Linter;
  version: number;
  result: LintResult;
}

/** The `.star-stories.json` layer that applies to a document, if any. */
export type FolderConfigLookup = (uri: string) => Partial<EngineConfig> | undefined;

/**
 * The latest lint of each open document. A Linter per document keeps each document's story
 * cache, so typing in one file never evicts another's; it is replaced when the document's
 * configuration selects another principle set.
 *
 * Precedence, lowest first: defaults < VS Code settings < the `.star-stories.json` of the
 * document's workspace folder < the document's front matter (read by the Linter itself).
 */
export class DocumentLints {
  private readonly states = new Map<string, State>();
  private settings: Partial<EngineConfig> = {};

  constructor(private readonly folderConfig: FolderConfigLookup = () => undefined) {}

  /** Returns the messages of settings that were ignored, for the log. */
  setSettings(raw: ServerSettings | undefined): string[] {
    const { config, problems } = readConfig(raw ?? {}, 'Settings (starStories)', rules, { ignoredKeys: ['trace'] });
    this.settings = config;
    return problems.map((p) => p.message);
  }

  /** Principle sets defined in VS Code settings, which a `.star-stories.json` may select. */
  get settingsPrincipleSets(): readonly PrincipleSet[] {
    return this.settings.principleSets ?? [];
  }

  /** Everything below the document's front matter: settings, then its folder's config file. */
  settingsFor(uri: string): Partial<EngineConfig> {
    const folder = this.folderConfig(uri);
    return folder ? mergeConfig(this.settings, folder) : this.settings;
  }

  /** The workspace-level settings every document is linted with (the story bank uses them too). */
  get engineSettings(): Partial<EngineConfig> {
    return this.settings;
  }

  get(document: TextDocument): LintResult {
    let state = this.states.get(document.uri);
    if (state && state.version === document.version) return state.result;
    const { linter, result } = lintWithActiveSet(document.getText(), this.settingsFor(document.uri), (set) => new Linter({ principleSet: set }), state?.linter);
    state = { linter, version: document.version, result };
    this.states.set(document.uri, state);
    return result;
  }

  linterFor(document: TextDocument): { linter: Linter; settings: Partial<EngineConfig> } {
    this.get(document);
    return { linter: this.states.get(document.uri)!.linter, settings: this.settingsFor(document.uri) };
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** Settings or a config file changed: every cached result is stale. */
  invalidate(): void {
    for (const state of this.states.values()) state.version = -1;
  }
}
