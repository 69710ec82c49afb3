/**
 * Messages and payloads shared by the client and the server. Both import this file, so a
 * name or shape can only change in one place.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** What a diagnostic carries so a code action can be checked against the document it was made for. */
export interface DiagnosticData {
  /** Document version the finding was computed for; fixes for other versions are refused. */
  version: number;
  rule: string;
  hasFix: boolean;
}

export const LANGUAGE_ID = 'star-markdown';
export const DIAGNOSTIC_SOURCE = 'star-stories';
export const FIX_ALL_KIND = 'source.fixAll.starStories';
export const CONFIG_SECTION = 'starStories';

/**
 * Node flags the client starts the server with (the benchmark spawns it with the same). A
 * smaller young generation keeps the peak resident set of linting a large bank about 20 MB
 * lower at no measurable cost in speed; see docs/performance.md. No old-space limit: a bank
 * larger than expected must slow down, not crash.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];

export const Commands = {
  restartServer: 'starStories.restartServer',
  /** Runs `source.fixAll.starStories` on the active editor. */
  fixAll: 'starStories.fixAll',
  showOutput: 'starStories.showOutput',
  /** Asks the server for diagnostics of every story file of the bank and shows the Problems panel. */
  checkAllStories: 'starStories.checkAllStories',
  /** Internal, argument a rule name: the rule's page, rendered and read-only (diagnostic code links run it). */
  openRuleDoc: 'starStories.openRuleDoc',
} as const;

/** What the client may send in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  settings?: ServerSettings;
  /**
   * A command that takes a rule name: diagnostic code links become `command:` links to it. An
   * editor opens a `file:` link as raw, editable text, and that file is inside the installed
   * extension. Without it (Neovim, other clients) the links stay plain file links.
   */
  ruleDocCommand?: string;
}

/** The `command:` link a diagnostic carries for a rule's page when the client gave a ruleDocCommand. */
export function ruleDocCommandUri(command: string, rule: string): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([rule]))}`;
}

/**
 * Settings the server reads from the `starStories` section: the keys of `.star-stories.json`,
 * validated by the engine's `readConfig` like any other layer.
 */
export interface ServerSettings {
  rules?: Record<string, unknown>;
  targetSeconds?: number;
  wordsPerMinute?: number;
  maxPrinciplesPerStory?: number;
  acronyms?: string[];
  weakVerbs?: string[];
  hedges?: string[];
  buzzwords?: string[];
  principleSets?: unknown[];
  principleSet?: string;
}

// ---------------------------------------------------------------------------------------------
// Story bank: the workspace index the coverage tree, stories view, status bar and commands read.
// The custom messages are typed (`RequestType`/`NotificationType`) so a handler or a call with
// the wrong payload does not compile. vscode-languageclient and vscode-languageserver depend on
// the same vscode-languageserver-protocol (a protocol test checks it), so neither bundle pulls
// in a second copy.
// ---------------------------------------------------------------------------------------------

/** A story as the bank sees it (one entry per `# Title` in every indexed `*.star.md`). */
export interface StorySummary {
  /** Stable within one snapshot: `${uri}#${line}`. */
  id: string;
  uri: string;
  title: string;
  /** Zero-based lines of the heading and of the story's last line. */
  line: number;
  endLine: number;
  /** Zero-based UTF-16 column where the title's text starts on its line (after `# `). */
  titleCharacter?: number;
  /** Canonical names of the active set's principles the story names, in its Principles-line order. */
  principles: string[];
  words: number;
  /** Estimated speaking time at the configured words per minute, and the target. */
  seconds: number;
  targetSeconds: number;
  /** Findings of all rules inside the story (bank rules included). */
  problems: number;
  /** First-person singular vs plural counts in Task and Action. */
  iCount: number;
  weCount: number;
  /** Action words ÷ story words, 0..1. */
  actionShare: number;
  /**
   * Only when `targetSeconds` is not what the VS Code setting says: which layer set it, and the
   * setting's value (its default when unset), so the editor can say why its setting has no effect.
   */
  targetOverride?: TargetOverride;
}

export interface TargetOverride {
  from: '.star-stories.json' | 'front matter';
  settingSeconds: number;
}

/** "from .star-stories.json; your setting says 3:00", for tooltips on both sides. */
export function describeTargetOverride(override: TargetOverride): string {
  return `from ${override.from === 'front matter' ? "this file's front matter" : '.star-stories.json'}; your setting says ${formatDuration(override.settingSeconds)}`;
}

/** `m:ss`, the way a coach reads a stopwatch; negative or non-finite input reads as 0:00. */
export function formatDuration(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export type CoverageStatus = 'covered' | 'thin' | 'missing';

export interface PrincipleCoverage {
  id: string;
  name: string;
  /** Interview-frequency rank, 1 = most probed; the tree's order. */
  rank: number;
  definition: string;
  questions: string[];
  /** Ids of the stories that name this principle. */
  stories: string[];
  /** covered: 2+ stories, thin: 1, missing: 0. */
  status: CoverageStatus;
}

export interface BankSnapshot {
  principleSet: { id: string; name: string };
  /** Every principle of the active set, in rank order. */
  principles: PrincipleCoverage[];
  stories: StorySummary[];
  maxPrinciplesPerStory: number;
  /** Folders that were indexed (workspace folders), as URIs. */
  folders: string[];
}

/** Client → server, no params: the bank as it is now. */
export const BankSnapshotRequest = new RequestType0<BankSnapshot, void>('starStories/bank');

/** Server → client: the bank changed (sent debounced after every change). */
export const BankChangedNotification = new NotificationType<BankSnapshot>('starStories/bankChanged');

/** Client → server, no params: the Markdown coverage report (same as `star-stories coverage --format markdown`). */
export const CoverageReportRequest = new RequestType0<string, void>('starStories/coverageReport');

/** Client → server, no params: lints every story file of the bank and publishes its diagnostics. */
export const CheckAllRequest = new RequestType0<CheckAllResult, void>('starStories/checkAll');

/** Client → server: the new file's text as a snippet (placeholders `${1:…}`). */
export const NewStoryTemplateRequest = new RequestType<NewStoryParams, string, void>('starStories/newStoryTemplate');

export interface NewStoryParams {
  /** Canonical principle names, in the order picked. */
  principles: string[];
  title?: string;
}

export interface CheckAllResult {
  /** Story files in the bank. */
  files: number;
  /** Diagnostics across them, bank findings included. */
  problems: number;
}
