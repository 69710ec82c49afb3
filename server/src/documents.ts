import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter, readConfig, ruleNames, type EngineConfig, type LintResult } from './engine';
import type { ServerSettings } from './protocol';

interface State {
  linter: Linter;
  version: number;
  result: LintResult;
}

/**
 * The latest lint of each open document. A Linter per document keeps each document's story
 * cache, so typing in one file never evicts another's.
 */
export class DocumentLints {
  private readonly states = new Map<string, State>();
  private settings: Partial<EngineConfig> = {};

  /** Returns the messages of settings that were ignored, for the log. */
  setSettings(raw: ServerSettings | undefined): string[] {
    const { config, problems } = readConfig(raw ?? {}, 'Settings (starStories)', ruleNames);
    this.settings = config;
    return problems.map((p) => p.message);
  }

  /** The workspace-level settings every document is linted with (the story bank uses them too). */
  get engineSettings(): Partial<EngineConfig> {
    return this.settings;
  }

  get(document: TextDocument): LintResult {
    let state = this.states.get(document.uri);
    if (state && state.version === document.version) return state.result;
    const linter = state?.linter ?? new Linter();
    const result = linter.lint(document.getText(), this.settings);
    state = { linter, version: document.version, result };
    this.states.set(document.uri, state);
    return result;
  }

  linterFor(document: TextDocument): { linter: Linter; settings: Partial<EngineConfig> } {
    this.get(document);
    return { linter: this.states.get(document.uri)!.linter, settings: this.settings };
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** Settings changed: every cached result is stale. */
  invalidate(): void {
    for (const state of this.states.values()) state.version = -1;
  }
}
