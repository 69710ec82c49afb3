import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Linter,
  lintWithActiveSet,
  mergeConfig,
  readConfig,
  resolvePrincipleSet,
  rules,
  type EngineConfig,
  type LintResult,
  type PrincipleSet,
} from './engine';
import type { ServerSettings } from './protocol';

interface State {
  linter: Linter;
  version: number;
  result: LintResult;
}

/** A lint running in slices between other messages. */
interface Running {
  /** The document (which its manager updates in place) and the version being linted. */
  document: TextDocument;
  version: number;
  steps: Generator<void, { linter: Linter; result: LintResult }, void>;
  promise: Promise<LintResult>;
  /** Ends it early: with the result of the same version, or by handing over to a newer version's lint. */
  settle: (outcome: LintResult | Promise<LintResult>) => void;
}

/**
 * The watchdog's budgets. A lint gives the event loop a turn at least every SLICE_MS, so hovers,
 * completions and code actions are answered while a large document is checked; a rule that
 * takes more than RULE_BUDGET_MS on one story is skipped there with a notice naming it (the
 * engine cannot stop a rule midway, so this bounds what an overrun costs again, not the first).
 */
export const SLICE_MS = 15;
export const RULE_BUDGET_MS = 500;

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
  private readonly running = new Map<string, Running>();
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

  /** The lint of the document's current version, done now if it is not done yet. */
  get(document: TextDocument): LintResult {
    let state = this.states.get(document.uri);
    if (state && state.version === document.version) return state.result;
    const running = this.running.get(document.uri);
    if (running) this.stop(document.uri);
    const { linter, result } = lintWithActiveSet(document.getText(), this.settingsFor(document.uri), newLinter, state?.linter);
    state = { linter, version: document.version, result };
    this.states.set(document.uri, state);
    // Whoever waited for the running lint wants the current version's.
    if (running) running.settle(result);
    return result;
  }

  /**
   * The lint of the document's current version, run in slices that leave the event loop free
   * between them. A newer version's lint takes over from an older one still running.
   */
  lint(document: TextDocument): Promise<LintResult> {
    const state = this.states.get(document.uri);
    if (state && state.version === document.version) return Promise.resolve(state.result);
    const running = this.running.get(document.uri);
    if (running?.version === document.version) return running.promise;
    if (running) this.stop(document.uri);
    const steps = stepsWithActiveSet(document.getText(), this.settingsFor(document.uri), state?.linter);
    let settle!: (outcome: LintResult | Promise<LintResult>) => void;
    let fail!: (err: unknown) => void;
    const promise = new Promise<LintResult>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const version = document.version;
    const entry: Running = { document, version, steps, promise, settle };
    this.running.set(document.uri, entry);
    const slice = () => {
      if (this.running.get(document.uri) !== entry) return;
      const until = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            this.running.delete(document.uri);
            this.states.set(document.uri, { linter: step.value.linter, version, result: step.value.result });
            settle(step.value.result);
            return;
          }
          if (performance.now() >= until) break;
        }
      } catch (err) {
        this.running.delete(document.uri);
        fail(err);
        return;
      }
      setImmediate(slice);
    };
    setImmediate(slice);
    if (running) running.settle(promise);
    return promise;
  }

  /**
   * The newest finished lint of the document, even of an older version while the current one
   * runs (a hover need not wait for a large file's rules), or the current one done now.
   */
  latest(document: TextDocument): LintResult {
    const state = this.states.get(document.uri);
    if (state && (state.version === document.version || this.running.has(document.uri))) return state.result;
    return this.get(document);
  }

  /** Abandons the running lint of `uri`, keeping the stories it finished for the next one. */
  private stop(uri: string): void {
    const running = this.running.get(uri);
    if (!running) return;
    this.running.delete(uri);
    running.steps.return(undefined as never);
  }

  linterFor(document: TextDocument): { linter: Linter; settings: Partial<EngineConfig> } {
    this.get(document);
    return { linter: this.states.get(document.uri)!.linter, settings: this.settingsFor(document.uri) };
  }

  forget(uri: string): void {
    const running = this.running.get(uri);
    this.stop(uri);
    this.states.delete(uri);
    // Whoever waited for it gets the lint of the text it asked about, done now.
    if (running) running.settle(Promise.resolve().then(() => this.get(running.document)));
  }

  /** Settings or a config file changed: every cached result is stale. */
  invalidate(): void {
    for (const state of this.states.values()) state.version = -1;
    for (const [uri, running] of [...this.running]) {
      this.stop(uri);
      running.settle(this.lint(running.document));
    }
  }
}

function newLinter(set: PrincipleSet): Linter {
  return new Linter({ principleSet: set, ruleBudgetMs: RULE_BUDGET_MS });
}

/** `lintWithActiveSet` in steps. */
function* stepsWithActiveSet(
  text: string,
  settings: Partial<EngineConfig>,
  current: Linter | undefined,
): Generator<void, { linter: Linter; result: LintResult }, void> {
  let linter = current ?? newLinter(resolvePrincipleSet(mergeConfig(settings)).set);
  let result = yield* linter.lintSteps(text, settings);
  const { set } = resolvePrincipleSet(result.config);
  if (set !== linter.principleSet) {
    linter = newLinter(set);
    result = yield* linter.lintSteps(text, settings);
  }
  return { linter, result };
}
