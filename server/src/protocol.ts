/**
 * Messages and payloads shared by the client and the server. Both import this file, so a
 * name or shape can only change in one place.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { BankSnapshot, StorySummary, TargetOverride } from './engine/bank/types';
import type { FollowUp, LoopPlan } from './engine/loop/types';

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
 * Node flags the client starts the server with (the benchmark spawns it with the same). A small
 * young generation and a heap that grows by a tenth at a time (V8's default lets it grow by half
 * or more) keep the resident set close to what the bank holds: a 1,000-file bank's peak is about
 * a third lower from cold and a sixth from the cache, for a tenth more time in the background
 * rules; see docs/performance.md. No old-space limit: a bank larger than expected must slow
 * down, not crash. `--no-regexp-tier-up`: V8 runs a regular expression from bytecode the first
 * time and compiles it again to machine code the second; the rules hold a few hundred large
 * case-insensitive Unicode patterns, so a fresh server paid both on its first lint (one story:
 * 230 → 90 ms). Only ever on the command line: set at run time (`v8.setFlagsFromString`) after
 * patterns have run, it crashed a test process. `--no-allocation-site-pretenuring`: once the
 * optimizing compiler sees objects from one place survive, V8 allocates them in the old
 * generation directly, where the lint's short-lived ones then wait for a full collection; without
 * it a 1,000-file bank's first start peaks a few megabytes lower and a keystroke re-lints no slower.
 */
export const SERVER_EXEC_ARGV: readonly string[] = [
  '--max-semi-space-size=2',
  '--heap-growing-percent=10',
  '--no-regexp-tier-up',
  '--no-allocation-site-pretenuring',
];

/**
 * Environment the client sets for the server on top of its own. The server opens no network
 * connection, yet Node reads and parses the certificate bundle NODE_EXTRA_CA_CERTS names (set
 * on many company machines) at every start: about 50 ms on the 2-core bench machine. An empty
 * value is Node's "none". MALLOC_ARENA_MAX=1 (glibc's; other C libraries ignore it) keeps V8's
 * compiler and collector threads in the main thread's `malloc` arena: each thread's own arena kept
 * what its compilations freed, 4 to 8 MB of the 1,000-file bank's peak (docs/performance.md).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { NODE_EXTRA_CA_CERTS: '', MALLOC_ARENA_MAX: '1' };

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
  /**
   * A folder of the editor's own for this workspace (VS Code's `ExtensionContext.storageUri`),
   * where the server keeps its story bank cache. Without it the bank is read from scratch at
   * every start; a folder inside the workspace is refused.
   */
  storagePath?: string;
  /**
   * The client applies `starStories/bankDelta`: after its first snapshot the server sends only
   * the files whose stories changed. Without it every change sends the whole bank again.
   */
  bankDeltas?: boolean;
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
  loop?: unknown[];
  /** The role and level the bank is prepared for, and a profile of the user's own (`engine/profiles`). */
  role?: 'sde' | 'em' | 'pm' | 'tpm' | 'ml' | 'other';
  level?: 'L4' | 'L5' | 'L6' | 'L7' | 'L8';
  profile?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Story bank: the workspace index the coverage tree, stories view, status bar and commands read.
// The custom messages are typed (`RequestType`/`NotificationType`) so a handler or a call with
// the wrong payload does not compile. vscode-languageclient and vscode-languageserver depend on
// the same vscode-languageserver-protocol (a protocol test checks it), so neither bundle pulls
// in a second copy.
// ---------------------------------------------------------------------------------------------

// The bank's payloads are the engine's types (engine/bank/types.ts).
export type {
  BankSnapshot,
  CompositionCheck,
  CoverageStatus,
  PrincipleCoverage,
  ProfileSummary,
  StorySummary,
  TargetOverride,
} from './engine/bank/types';
export type { FollowUp, LoopPlan, LoopRound, PlannedSlot, Rating, Readiness, ReadinessReason } from './engine/loop/types';

/** "from .star-stories.json; your setting says 3:00", for tooltips on both sides. */
export function describeTargetOverride(override: TargetOverride): string {
  return `from ${override.from === 'front matter' ? "this file's front matter" : '.star-stories.json'}; your setting says ${formatDuration(override.settingSeconds)}`;
}

/** `m:ss`, the way a coach reads a stopwatch; negative or non-finite input reads as 0:00. */
export function formatDuration(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The reasons behind each story's rating that a bank snapshot carries, heaviest first; the rest
 * are counted in `omitted`. The Stories view shows this many, and a large bank's snapshot is
 * sent after every change: all of them made it twice the size.
 */
export const LISTED_REASONS = 3;

/** Client → server, no params: the bank as it is now. */
export const BankSnapshotRequest = new RequestType0<BankSnapshot, void>('starStories/bank');

/** Server → client: the bank changed (sent debounced after every change). */
export const BankChangedNotification = new NotificationType<BankSnapshot>('starStories/bankChanged');

/**
 * Server → client, to a client that asked for deltas (`bankDeltas`), in place of bankChanged once
 * it has a snapshot: the bank as the last one numbered `base`, with `files` replaced. A file
 * listed with no stories has none left. Everything but the stories is sent whole.
 */
export interface BankDelta extends Omit<BankSnapshot, 'stories' | 'seq'> {
  seq: number;
  base: number;
  /** Every file whose stories changed since `base`, with all of its stories, in file order. */
  files: Array<{ uri: string; stories: StorySummary[] }>;
}

export const BankDeltaNotification = new NotificationType<BankDelta>('starStories/bankDelta');

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

// ---------------------------------------------------------------------------------------------
// The loop: planner, follow-up drill and loop sheet.
// ---------------------------------------------------------------------------------------------

/** Client → server, no params: every round's principles with a distinct story each (same as `star-stories plan --format json`). */
export const LoopPlanRequest = new RequestType0<LoopPlan, void>('starStories/loopPlan');

/** Client → server: the Bar Raiser's follow-ups for one story of the snapshot, in the order to ask them. */
export const FollowUpsRequest = new RequestType<FollowUpsParams, FollowUp[], void>('starStories/followUps');

export interface FollowUpsParams {
  /** `StorySummary.id`. */
  storyId: string;
}

/** Client → server: the one-page loop sheet (plan, hooks, key numbers, follow-ups). */
export const LoopSheetRequest = new RequestType<LoopSheetParams, string, void>('starStories/loopSheet');

export interface LoopSheetParams {
  format: 'markdown' | 'html';
}

// ---------------------------------------------------------------------------------------------
// File access for a server without a disk (the browser's, in a Web Worker): it asks the client,
// which answers from `vscode.workspace.fs`. The Node server reads the disk and never sends them.
// ---------------------------------------------------------------------------------------------

export interface FileParams {
  uri: string;
}

/** What a file is (`WorkspaceFiles.stat`); `special` names anything but a regular file ("a folder"). */
export interface FileStatResult {
  size: number;
  special?: string;
}

/** A regular file's text (UTF-8, without a byte order mark), what the URI is instead, or why it cannot be read. */
export type ReadFileResult = { text: string } | { special: string } | { error: string; notFound: boolean };

/** Server → client: every `*.star.md` under a workspace folder, minus `node_modules` and `.git`, as URIs. */
export const ListStoryFilesRequest = new RequestType<{ folderUri: string }, string[], void>('starStories/listStoryFiles');

/** Server → client: a file's text. */
export const ReadFileRequest = new RequestType<FileParams, ReadFileResult, void>('starStories/readFile');

/** Server → client: what is at a URI; `null` when nothing is. */
export const StatRequest = new RequestType<FileParams, FileStatResult | null, void>('starStories/statFile');
