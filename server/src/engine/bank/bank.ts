import { partitionPoint } from '../search';
/**
 * The story bank: every story file of a workspace (or of a CLI run), linted, summarized and
 * compared. Pure: the language server feeds it text from disk and from open editors, the CLI
 * from the files it was given.
 *
 * Work is per file: updating one file lints that file (or takes the lint the caller already
 * has), fingerprints only its stories whose text changed, and updates the duplicate pairs that
 * involve them. Bank findings are recomputed only for the files a change can reach.
 *
 * Memory is per story, not per finding: a file keeps its text, a compact record of each story
 * (spans, title, principles) and summary, and its fingerprints; never its lint findings or the
 * stories' masked prose. A large bank read from disk can be indexed in two passes (`lint:
 * 'later'`): parsing gives coverage, words and duplicates at once, the rules' problem counts
 * follow from `lintDeferred`.
 */
import type { BankSnapshot, StorySummary } from './types';
import { DEFAULT_CONFIG, mergeConfig, resolvePrincipleSet } from '../config';
import { LinterPool, lintWithActiveSet } from '../activeSet';
import { applyDirectives, Linter, type LintResult } from '../lint';
import { SentenceCache, withAnalysesIn } from '../language';
import { LruCache } from '../lru';
import { resolveProfile, type ResolvedProfile } from '../profiles';
import type { PrincipleSet } from '../principles/types';
import { duplicateStory } from '../rules/duplicate-story/rule';
import { inconsistentFacts } from '../rules/inconsistent-facts/rule';
import { storySpan } from '../rules/common/util';
import type { Directive, EngineConfig, Finding, Rule, Severity, Story } from '../types';
import { buildSnapshot, compareStories } from './coverage';
import { withFindings } from '../loop/readiness';
import {
  DEFAULT_THRESHOLD,
  DuplicateIndex,
  fingerprint,
  sameStoryKey,
  spokenText,
  type Fingerprint,
  type IndexedStory,
  type SpokenText,
} from './similarity';
import { principleNames, summarizeStories, type StoryFactsCache } from './summary';
import { FactIndex, storyFacts, type Facts } from './facts';
import { reportFacts, resumeFile, type FactStory, type ResumeFile } from './factFindings';
import {
  checkRecord,
  encodeShingles,
  factsOfRecord,
  factsRecord,
  fingerprintOfRecord,
  isListing,
  type StoryListing,
  type BankConfig,
  type BankRecord,
  type BankStory,
} from './record';

/** What joins the bank's indexes for a file compared later. */
interface PendingIndex {
  indexed: IndexedStory[];
  factsOf: Array<{ key: string; facts: Facts }>;
}

type ReportBankFinding = (
  at: { start: number; end: number },
  messageId: string,
  data: Record<string, string | number>,
  related: RelatedStory[],
) => void;

export const BANK_RULE = duplicateStory.name;

/** The rules whose findings come from the bank; each is set like any rule (severity, options, directives). */
export const BANK_RULES: readonly Rule[] = [duplicateStory, inconsistentFacts];

/** Another story (or a résumé line) a bank finding is about, so an editor can link to it. */
export interface RelatedStory {
  uri: string;
  line: number;
  /** Where the title's text starts on that line (or `text`'s, when given). */
  character?: number;
  title: string;
  /** The words at the location when it is not the title (the other story's number, the résumé's verb). */
  text?: string;
}

export interface BankFinding extends Finding {
  related: RelatedStory[];
}

/** A story as the loop planner and the drill need it: its summary, its parse and every finding inside it. */
export interface StoryDetail {
  summary: StorySummary;
  story: Story;
  findings: Finding[];
  principleSet: PrincipleSet;
}

/** A story is named in at most this many duplicate findings: past three, the bank has bigger problems. */
const MAX_NAMED_DUPLICATES = 3;
/**
 * Framings explored per story. A real story has two or three; a bank of hundreds of copies would
 * otherwise make every update walk the whole bank, and its limit warning fires well before this.
 */
const MAX_CLUSTER = 24;

export type { BankStory };

interface FileState {
  uri: string;
  text: string;
  stories: BankStory[];
  directives: Directive[];
  config: BankConfig;
  /**
   * Summaries with the lint findings counted; bank findings are added in `summaries()`. Undefined
   * until first asked for when the caller passed its lint: an open document's diagnostics go out
   * at every keystroke, the tree's numbers only on its throttle.
   */
  summaries: StorySummary[] | undefined;
  /** What computing the deferred summaries takes. */
  pendingSummaries?: { lint: LintResult; previousFacts: StoryFactsCache | undefined; raws: string[] };
  /** Parsed only: the summaries' problem counts wait for `lintDeferred`. */
  lintPending: boolean;
  /** The lint the caller passed (an open document's, which its editor state holds anyway). */
  callerResult: LintResult | undefined;
  keys: string[];
  /** Fingerprints by story text: an edit to one story leaves the others' as they were. */
  fingerprints: Map<string, Fingerprint>;
  /** What the summaries take from each story's text, by that text, for the same reason. */
  facts: StoryFactsCache;
  /** What each story states about its project (`inconsistent-facts`), by the story's text. */
  projectFacts: Map<string, Facts>;
  /** The summaries as last listed, with the bank findings they count. */
  shown?: { summaries: StorySummary[]; bank: readonly Finding[] | undefined; unrated: boolean; stories: StorySummary[] };
  /**
   * Each story as another story's finding points at it, made once for this state of the file and
   * shared: every framing of a retold story names the others, 27,600 copies on the bench's bank.
   */
  described?: RelatedStory[];
  /** Each story as the facts check reads it, made once for the facts it was made with. */
  factStories?: FactStory[];
}

/**
 * The bank's sentence cache, apart from the editor's: about 30 stories' sentences, a few megabytes,
 * enough for a file changed again and again; the pass over a whole bank cycles through it.
 */
const BANK_SENTENCES = 1000;
const BANK_COPIED_TOKENS = 20_000;

export class Bank {
  private readonly files = new Map<string, FileState>();
  /** Counts the changes to what the bank holds (`changes`). */
  private mutations = 0;
  private openDocumentEdits = 0;
  private readonly analyses = new SentenceCache(BANK_SENTENCES, BANK_COPIED_TOKENS);
  private readonly linters = new LinterPool();
  /** Parses without rules, for the first pass over a large bank. */
  private readonly parsers = new LruCache<PrincipleSet, Linter>(8);
  private duplicates = new DuplicateIndex();
  private projects = new FactIndex();
  private resumes: ResumeFile[] = [];
  private resumeTexts = '';
  /** Story keys by same-story title, for framings told under one title. */
  private readonly titles = new Map<string, Set<string>>();
  private readonly bankFindings = new Map<string, BankFinding[]>();
  /**
   * Files restored whose stories are not in the duplicate, fact and title indexes yet (`index:
   * 'later'`): at start the bank is listed first and indexed in the background. Until they all
   * are, no bank finding is computed, and a file is listed as seeded (`seedListing`) or unrated.
   */
  private readonly unindexed = new Map<string, () => PendingIndex>();
  /**
   * Stored listings that still stand, with their summaries made once. A listing was computed in
   * this very bank, so it stands until a change reaches its file (the files a change returns as
   * affected, whose bank findings are dropped too): after a restart the first change computes
   * the bank findings of the files it reaches, not of every file (on the bench's 1,000-file bank,
   * 29 MB allocated at once).
   */
  private readonly seededListings = new Map<string, { listing: StoryListing[]; summaries?: StorySummary[] }>();
  private settings: Partial<EngineConfig> = {};
  /** A file's settings below its front matter (editor settings and its folder's `.star-stories.json`). */
  private settingsFor: (uri: string) => Partial<EngineConfig> = () => this.settings;

  /** The workspace-level settings over the defaults: what a bank-wide feature (the loop) reads. */
  get config(): EngineConfig {
    return mergeConfig(DEFAULT_CONFIG, this.settings);
  }

  /** The set the coverage is counted against: the one the workspace-level settings select. */
  get principleSet(): PrincipleSet {
    return resolvePrincipleSet(mergeConfig(this.settings)).set;
  }

  /**
   * The workspace-level settings, and optionally each file's own (the same the open documents
   * are linted with); re-lints every file.
   */
  setSettings(settings: Partial<EngineConfig>, settingsFor?: (uri: string) => Partial<EngineConfig>): void {
    this.mutations++;
    this.settings = settings;
    this.settingsFor = settingsFor ?? (() => this.settings);
    const options = mergeConfig(DEFAULT_CONFIG, settings).rules[BANK_RULE];
    const threshold = Array.isArray(options) ? Number(options[1].threshold) : NaN;
    this.duplicates = new DuplicateIndex(threshold > 0 && threshold <= 1 ? threshold : DEFAULT_THRESHOLD);
    this.projects = new FactIndex();
    this.titles.clear();
    this.bankFindings.clear();
    this.unindexed.clear();
    this.seededListings.clear();
    const files = [...this.files.values()];
    this.files.clear();
    for (const file of files) this.update(file.uri, file.text);
    this.releaseAnalyses();
  }

  /**
   * Lets go of the sentences and paragraphs read so far, at the end of a pass over every file:
   * the pass's last thousand sentences (2.7 MB on the bench's bank) are not what the next change
   * reads, which is one file.
   */
  releaseAnalyses(): void {
    this.analyses.release();
  }

  /**
   * The user's résumé or promotion packet (the `resume` setting), as read by the server or the
   * CLI. Returns the files whose findings may have changed: all of them when it changed.
   */
  setResume(files: ReadonlyArray<{ uri: string; text: string }>): Set<string> {
    const texts = JSON.stringify(files.map((f) => [f.uri, f.text]));
    if (texts === this.resumeTexts) return new Set();
    this.mutations++;
    this.resumeTexts = texts;
    this.resumes = files.map((f) => resumeFile(f.uri, f.text));
    this.bankFindings.clear();
    this.seededListings.clear();
    return new Set(this.files.keys());
  }

  /**
   * Grows with every change to what the bank holds, except edits of a document already open
   * (`openEdits`), so a reader working in slices knows when it is out of date.
   */
  get changes(): number {
    return this.mutations;
  }

  /**
   * Grows with every new text of a document already open. Such an edit changes no file's record
   * (an open document has none), only the bank findings of the files it is compared with.
   */
  get openEdits(): number {
    return this.openDocumentEdits;
  }

  /** What every file's bank findings depend on besides the bank's files: the workspace settings and the résumé. */
  contextKey(): string {
    return JSON.stringify([this.settings, this.resumeTexts]);
  }

  /** The settings a file is linted with below its front matter: with its text, what its record depends on. */
  fileSettings(uri: string): Partial<EngineConfig> {
    return this.settingsFor(uri);
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  text(uri: string): string | undefined {
    return this.files.get(uri)?.text;
  }

  /**
   * Adds or replaces a file. Pass `result` when the caller already linted this exact text with
   * the bank's settings (an open document), so it is not linted twice. Returns the files whose
   * bank findings may have changed, this one included.
   */
  update(uri: string, text: string, result?: LintResult, options: { lint?: 'now' | 'later' } = {}): Set<string> {
    return withAnalysesIn(this.analyses, () => {
      const previous = this.files.get(uri);
      const lintLater = !result && options.lint === 'later';
      // A new file parsed for later (a large bank's scan) is compared later too: the listing waits for neither.
      if (lintLater && !previous) {
        this.mutations++;
        return this.parseForLater(uri, text);
      }
      this.indexAll();
      if (
        previous &&
        previous.text === text &&
        (result ? result === previous.callerResult : !previous.lintPending || options.lint === 'later')
      )
        return new Set();
      if (result && previous?.callerResult) this.openDocumentEdits++;
      else this.mutations++;
      const lint = result ?? (lintLater ? this.parse(text, uri) : this.linters.lint(text, this.settingsFor(uri)).result);
      const fingerprints = new Map<string, Fingerprint>();
      // Sliced once: each map lookup below hashes the story's text, and a string keeps its hash.
      const raws = lint.stories.map((story) => text.slice(story.start, story.end));
      const indexed: IndexedStory[] = lint.stories.map((story, ordinal) => {
        const raw = raws[ordinal];
        const fp = fingerprints.get(raw) ?? previous?.fingerprints.get(raw) ?? fingerprint(story);
        fingerprints.set(raw, fp);
        return { key: storyKey(uri, ordinal), uri, sameStory: sameStoryKey(story.title), fingerprint: fp };
      });
      const projectFacts = new Map<string, Facts>();
      // A parse-only pass reads no sentence: the facts wait for the rules' pass, which analyses them anyway.
      const factsOf = lintLater ? [] : projectFactsOf(uri, lint.stories, raws, projectFacts, previous?.projectFacts);
      const facts: StoryFactsCache = new Map();
      // A previous state never summarized still holds the facts of the last one that was.
      const previousFacts = previous ? (previous.pendingSummaries?.previousFacts ?? previous.facts) : undefined;
      const state: FileState = {
        ...parsedParts(uri, text, lint),
        summaries: result ? undefined : summarizeStories(uri, text, lint, previousFacts, facts, raws),
        pendingSummaries: result ? { lint, previousFacts, raws } : undefined,
        lintPending: lintLater,
        callerResult: result,
        keys: indexed.map((s) => s.key),
        fingerprints,
        facts,
        projectFacts,
      };
      return this.install(state, indexed, factsOf);
    });
  }

  /**
   * What the bank keeps of a file read from disk, as plain JSON, for a caller to store and give
   * back to `restore` with the same text and settings. Undefined for a file not fully linted yet
   * (its problem counts are not known) or one whose lint the caller passed (an open document).
   */
  record(uri: string): BankRecord | undefined {
    const parts = this.recordParts(uri);
    if (!parts) return undefined;
    const { state, fingerprints, facts } = parts;
    return {
      stories: state.stories,
      directives: state.directives,
      config: state.config,
      summaries: state.summaries!.map(withoutUri),
      fingerprints: fingerprints.map((f) => ({ shingles: encodeShingles(f.shingles), numbers: [...f.numbers] })),
      facts: facts.map((f) => factsRecord(f)),
    };
  }

  /** Whether `record` gives a record for the file now, without building it. */
  hasRecord(uri: string): boolean {
    return this.recordParts(uri) !== undefined;
  }

  private recordParts(uri: string): { state: FileState; fingerprints: Fingerprint[]; facts: Facts[] } | undefined {
    this.indexAll();
    const state = this.files.get(uri);
    if (!state || state.lintPending || state.callerResult || !state.summaries) return undefined;
    const raws = state.stories.map((story) => state.text.slice(story.start, story.end));
    const fingerprints = raws.map((raw) => state.fingerprints.get(raw));
    const facts = raws.map((raw) => state.projectFacts.get(raw));
    if (fingerprints.some((f) => !f) || facts.some((f) => !f)) return undefined;
    return { state, fingerprints: fingerprints as Fingerprint[], facts: facts as Facts[] };
  }

  /**
   * Adds or replaces a file from a record `record` made of this exact text with the bank's current
   * settings: the same state as `update` reaches, without parsing or linting. Throws
   * `BadRecordError`, leaving the bank as it was, when the record does not fit the text. With
   * `index: 'later'` its stories join the bank's indexes at `indexPending` (or before any other change).
   */
  restore(uri: string, text: string, record: unknown, options: { index?: 'now' | 'later' } = {}): Set<string> {
    checkRecord(record, text.length);
    this.mutations++;
    const raws = record.stories.map((story) => text.slice(story.start, story.end));
    const fingerprints = new Map<string, Fingerprint>();
    const projectFacts = new Map<string, Facts>();
    // Decoded before the bank changes: a bad entry must leave it as it was.
    const decoded = record.stories.map((story, ordinal) => ({
      fingerprint: fingerprintOfRecord(record.fingerprints[ordinal]),
      facts: factsOfRecord(record.facts[ordinal]),
    }));
    const indexed: IndexedStory[] = record.stories.map((story, ordinal) => {
      fingerprints.set(raws[ordinal], decoded[ordinal].fingerprint);
      projectFacts.set(raws[ordinal], decoded[ordinal].facts);
      return { key: storyKey(uri, ordinal), uri, sameStory: sameStoryKey(story.title), fingerprint: decoded[ordinal].fingerprint };
    });
    const state: FileState = {
      uri,
      text,
      stories: record.stories,
      directives: record.directives,
      config: record.config,
      summaries: summariesOfListing(uri, record.summaries),
      lintPending: false,
      callerResult: undefined,
      keys: indexed.map((s) => s.key),
      fingerprints,
      facts: new Map(),
      projectFacts,
    };
    const factsOf = indexed.map((story, ordinal) => ({ key: story.key, facts: decoded[ordinal].facts }));
    if (options.index !== 'later' || this.files.has(uri)) {
      this.indexAll();
      return this.install(state, indexed, factsOf);
    }
    this.defer(uri, state, () => ({ indexed, factsOf }));
    return new Set([uri]);
  }

  /**
   * What the listing showed of a file's stories with their bank findings counted (`listing`), for a
   * file restored with `index: 'later'` into the very bank it was computed in (same files, contents,
   * settings and résumé: the caller's check). It stands until the indexes are complete; a
   * malformed one is refused. Returns whether it was taken.
   */
  seedListing(uri: string, listing: unknown): boolean {
    const state = this.files.get(uri);
    if (!state || !this.unindexed.has(uri) || !isListing(listing, state.stories.length)) return false;
    this.mutations++;
    this.seededListings.set(uri, { listing });
    return true;
  }

  /** Each story of a file as the bank lists it, bank findings counted; undefined until its rules have run. */
  listing(uri: string): StoryListing[] | undefined {
    const state = this.files.get(uri);
    if (!state || state.lintPending) return undefined;
    return this.seededListings.get(uri)?.listing ?? this.shownSummaries(state, this.findings(uri)).map(withoutUri);
  }

  /** Whether some files still wait to join the indexes. */
  get indexing(): boolean {
    return this.unindexed.size > 0;
  }

  /**
   * Indexes files restored with `index: 'later'` until `deadline` (a `performance.now()` time);
   * returns those of them whose listing may change now (every one but the seeded: their listing
   * was made in this same bank). A seeded listing stands until a change reaches its file; all of
   * them give way if a file without one joins (they were not made with it).
   */
  indexPending(deadline = Infinity): string[] {
    if (this.unindexed.size > 0) this.mutations++;
    const done: string[] = [];
    for (const [uri, pendingOf] of this.unindexed) {
      if (performance.now() >= deadline) break;
      this.unindexed.delete(uri);
      const pending = pendingOf();
      for (const story of pending.indexed) this.indexTitle(story.sameStory, story.key);
      this.duplicates.setFile(uri, pending.indexed);
      this.projects.setFile(uri, pending.factsOf);
      if (this.seededListings.has(uri)) continue;
      done.push(uri);
      // A file the stored listings were not made with: what they counted may not stand.
      for (const seeded of this.seededListings.keys()) if (!this.unindexed.has(seeded)) done.push(seeded);
      this.seededListings.clear();
    }
    return done;
  }

  /**
   * A new file parsed only, for its rules to run later (`lintDeferred`): listed at once, its
   * stories fingerprinted and compared when the indexes catch up (`indexPending`).
   */
  private parseForLater(uri: string, text: string): Set<string> {
    const lint = this.parse(text, uri);
    const raws = lint.stories.map((story) => text.slice(story.start, story.end));
    const state: FileState = {
      ...parsedParts(uri, text, lint),
      summaries: summarizeStories(uri, text, lint, undefined, undefined, raws, true),
      lintPending: true,
      callerResult: undefined,
      keys: lint.stories.map((_, ordinal) => storyKey(uri, ordinal)),
      fingerprints: new Map(),
      facts: new Map(),
      projectFacts: new Map(),
    };
    // Its project facts wait for the rules' pass, which analyses the sentences anyway.
    // Only what the fingerprints need is kept until then: the parsed stories would double the scan's memory.
    const spoken = lint.stories.map(spokenText);
    const titles = lint.stories.map((story) => story.title);
    this.defer(uri, state, () => ({ indexed: this.fingerprinted(state, spoken, titles, raws), factsOf: [] }));
    return new Set([uri]);
  }

  /** The file's stories with their fingerprints, which its state keeps by story text. */
  private fingerprinted(
    state: FileState,
    spoken: readonly SpokenText[],
    titles: readonly string[],
    raws: readonly string[],
  ): IndexedStory[] {
    return spoken.map((text, ordinal) => {
      const raw = raws[ordinal];
      const fp = state.fingerprints.get(raw) ?? fingerprint(text);
      state.fingerprints.set(raw, fp);
      return { key: state.keys[ordinal], uri: state.uri, sameStory: sameStoryKey(titles[ordinal]), fingerprint: fp };
    });
  }

  /** Puts a new file in the bank with its comparisons for later. No bank finding is kept meanwhile: one would miss this file. */
  private defer(uri: string, state: FileState, pending: () => PendingIndex): void {
    this.files.set(uri, state);
    this.unindexed.set(uri, pending);
    this.bankFindings.clear();
  }

  /** Before any change or any finding computed: what the indexes answer must be about the whole bank. */
  private indexAll(): void {
    if (this.unindexed.size > 0) this.indexPending();
  }

  /** Puts a file's new state in place of its previous one and updates the indexes; returns the files affected. */
  private install(state: FileState, indexed: IndexedStory[], factsOf: Array<{ key: string; facts: Facts }>): Set<string> {
    const uri = state.uri;
    const previous = this.files.get(uri);
    const before = previous ? this.reach(previous.keys) : new Set<string>();
    if (previous) this.unindexTitles(previous);
    this.files.set(uri, state);
    for (const story of indexed) this.indexTitle(story.sameStory, story.key);
    const affected = this.duplicates.setFile(uri, indexed);
    for (const u of this.projects.setFile(uri, factsOf)) affected.add(u);
    for (const u of before) affected.add(u);
    for (const u of this.reach(state.keys)) affected.add(u);
    affected.add(uri);
    this.forgetFindings(affected);
    return affected;
  }

  /** Drops what was known of these files' bank findings: their cached findings and stored listings. */
  private forgetFindings(uris: Iterable<string>): void {
    for (const u of uris) {
      this.bankFindings.delete(u);
      this.seededListings.delete(u);
    }
  }

  /** Drops a file (deleted, or excluded); returns the files whose bank findings may have changed, this one included. */
  remove(uri: string): Set<string> {
    this.indexAll();
    const previous = this.files.get(uri);
    if (!previous) return new Set();
    this.mutations++;
    const affected = this.reach(previous.keys);
    this.unindexTitles(previous);
    for (const u of this.duplicates.removeFile(uri)) affected.add(u);
    for (const u of this.projects.removeFile(uri)) affected.add(u);
    this.files.delete(uri);
    affected.add(uri);
    this.forgetFindings(affected);
    return affected;
  }

  private parse(text: string, uri: string): LintResult {
    return lintWithActiveSet(text, this.settingsFor(uri), (set) =>
      this.parsers.getOrCreate(set, () => new Linter({ principleSet: set, checkRules: false })),
    ).result;
  }

  /** Files added with `lint: 'later'` whose problem counts are not known yet. */
  pendingLints(): string[] {
    const out: string[] = [];
    for (const state of this.files.values()) if (state.lintPending) out.push(state.uri);
    return out;
  }

  /**
   * Runs the rules on a file added with `lint: 'later'`, filling in its problem counts and its
   * stories' project facts (`inconsistent-facts`), whose sentences the rules analyse anyway. Its
   * stories and fingerprints come from the parse and do not change. Returns whether the file's
   * summaries changed; adds to `affected` the files whose bank findings the facts may change.
   */
  lintDeferred(uri: string, affected?: Set<string>): boolean {
    return withAnalysesIn(this.analyses, () => {
      const state = this.files.get(uri);
      if (!state?.lintPending) return false;
      this.mutations++;
      this.indexAll();
      const lint = this.linters.lint(state.text, this.settingsFor(uri)).result;
      state.lintPending = false;
      const raws = lint.stories.map((story) => state.text.slice(story.start, story.end));
      // The stories' facts join the index now; the stories of the same project may see new findings.
      const reached = this.projects.setFile(uri, projectFactsOf(uri, lint.stories, raws, state.projectFacts, undefined));
      for (const u of reached) affected?.add(u);
      this.forgetFindings([...reached, uri]);
      const facts: StoryFactsCache = new Map();
      state.summaries = summarizeStories(uri, state.text, lint, state.facts, facts);
      state.facts = facts;
      return true;
    });
  }

  private summariesOf(state: FileState): StorySummary[] {
    if (!state.summaries) {
      const pending = state.pendingSummaries!;
      state.summaries = withAnalysesIn(this.analyses, () =>
        summarizeStories(state.uri, state.text, pending.lint, pending.previousFacts, state.facts, pending.raws),
      );
      state.pendingSummaries = undefined;
    }
    return state.summaries;
  }

  /** `duplicate-story` findings for one file, with its severity setting and directives applied. */
  findings(uri: string): BankFinding[] {
    const cached = this.bankFindings.get(uri);
    if (cached) return cached;
    this.indexAll();
    const state = this.files.get(uri);
    const findings = state ? this.computeFindings(state) : [];
    if (state) this.bankFindings.set(uri, findings);
    return findings;
  }

  /** Every story of the bank, with lint and bank findings counted as its problems. */
  summaries(): StorySummary[] {
    const out: StorySummary[] = [];
    for (const state of this.files.values()) {
      const seeded = this.seededListings.get(state.uri);
      if (seeded) out.push(...(seeded.summaries ??= summariesOfListing(state.uri, seeded.listing)));
      else if (this.unindexed.size === 0) out.push(...this.shownSummaries(state, this.findings(state.uri)));
      // While the indexes fill in, a file not seeded is listed as not rated yet.
      else out.push(...this.shownSummaries(state, undefined));
    }
    return out.sort(compareStories);
  }

  /** A file's summaries with its bank findings counted; unrated when they are not known (`undefined`). */
  private shownSummaries(state: FileState, bank: readonly Finding[] | undefined): StorySummary[] {
    const summaries = this.summariesOf(state);
    const unrated = state.lintPending || !bank;
    // Every snapshot lists every file, and one change leaves the others' summaries and bank findings as they were.
    const last = state.shown;
    if (last && last.summaries === summaries && last.bank === bank && last.unrated === unrated) return last.stories;
    // Found by binary search: a filter per story cost stories × findings in a file of thousands.
    const sorted = bank ? [...bank].sort((a, b) => a.start - b.start) : [];
    const stories = state.stories.map((story, i) => {
      const from = countBelow(sorted, story.start);
      const extra = sorted.slice(from, Math.max(from, countBelow(sorted, story.end)));
      return withBankFindings(summaries[i], extra, unrated);
    });
    state.shown = { summaries, bank, unrated, stories };
    return stories;
  }

  /**
   * Every story with its parse and the findings inside it (lint and bank), in the snapshot's
   * order, for the loop planner and the follow-up drill. The bank keeps no findings, so each file
   * is linted again (its linter reuses every story whose text it has seen); asked for on request,
   * never per keystroke.
   */
  details(): StoryDetail[] {
    return withAnalysesIn(this.analyses, () => {
      const summaries = new Map(this.summaries().map((s) => [s.id, s]));
      const out: StoryDetail[] = [];
      for (const state of this.files.values()) {
        const lint = state.callerResult ?? this.linters.lint(state.text, this.settingsFor(state.uri)).result;
        const bank = this.findings(state.uri);
        const ids = this.summariesOf(state).map((s) => s.id);
        lint.stories.forEach((story, i) => {
          const summary = summaries.get(ids[i]);
          if (!summary) return;
          const inside = (f: Finding) => f.start >= story.start && f.start < story.end;
          out.push({
            summary,
            story,
            findings: [...lint.findings.filter(inside), ...bank.filter(inside)],
            principleSet: lint.principleSet,
          });
        });
      }
      return out.sort((a, b) => compareStories(a.summary, b.summary));
    });
  }

  /**
   * The coverage for the role and level the workspace-level settings select, or for `profile` when
   * given (a caller that resolved it itself).
   */
  snapshot(folders: readonly string[], profile?: ResolvedProfile): BankSnapshot {
    return this.snapshotOf(this.summaries(), folders, profile);
  }

  /** The coverage of these stories (a stored listing's) under the bank's settings. */
  snapshotOf(stories: StorySummary[], folders: readonly string[], profile?: ResolvedProfile): BankSnapshot {
    const config = mergeConfig(DEFAULT_CONFIG, this.settings);
    return buildSnapshot(
      stories.sort(compareStories),
      this.principleSet,
      config.maxPrinciplesPerStory,
      folders,
      profile ?? resolveProfile(config),
    );
  }

  private computeFindings(state: FileState): BankFinding[] {
    const findings: BankFinding[] = [];
    const duplicates = reporter(state.config, duplicateStory, findings);
    if (duplicates) {
      state.stories.forEach((story, ordinal) => {
        const key = storyKey(state.uri, ordinal);
        this.reportDuplicates(state, key, storySpan(story), duplicates);
        this.reportFramings(story, key, state.config.maxPrinciplesPerStory, duplicates);
      });
    }
    const factFindings: BankFinding[] = [];
    const facts = reporter(state.config, inconsistentFacts, factFindings);
    if (facts) {
      state.stories.forEach((_, ordinal) => {
        const key = storyKey(state.uri, ordinal);
        const story = this.factStory(key);
        if (story) reportFacts(story, this.projectPartners(key), this.resumes, fileName, facts);
      });
    }
    findings.push(...factFindings.sort((a, b) => a.start - b.start));
    return applyDirectives(state.text, findings, state.directives) as BankFinding[];
  }

  /**
   * Stories about the same project as this one: matched by what they name, near-duplicates (a
   * copy still gets the number finding), and framings under the same title.
   */
  private projectPartners(key: string): FactStory[] {
    const keys = new Set<string>(this.projects.partners(key));
    for (const other of this.duplicates.neighbours(key)) keys.add(other);
    const sameStory = this.duplicates.get(key)?.sameStory;
    if (sameStory) for (const other of this.titles.get(sameStory) ?? []) if (keys.size < MAX_CLUSTER) keys.add(other);
    keys.delete(key);
    return [...keys]
      .sort()
      .map((k) => this.factStory(k))
      .filter((s): s is FactStory => s !== undefined);
  }

  private factStory(key: string): FactStory | undefined {
    const { uri, ordinal } = parseKey(key);
    const state = this.files.get(uri);
    const story = state?.stories[ordinal];
    const facts = this.projects.factsOf(key);
    if (!state || !story || !facts) return undefined;
    // Kept while the story's facts are the same object: each story is every partner's partner.
    const kept = state.factStories?.[ordinal];
    if (kept?.facts === facts) return kept;
    const made = { uri, title: story.title || 'this story', fileText: state.text, start: story.start, facts };
    (state.factStories ??= [])[ordinal] = made;
    return made;
  }

  /** The same story told again: near-duplicates, or the same numbers in another story. */
  private reportDuplicates(state: FileState, key: string, span: { start: number; end: number }, report: ReportBankFinding): void {
    for (const { story: other, similarity } of this.duplicates.duplicatesOf(key).slice(0, MAX_NAMED_DUPLICATES)) {
      const ref = this.describe(other.key);
      if (!ref) continue;
      const where = other.uri === state.uri ? 'in this file' : `in ${fileName(other.uri)}`;
      const percent = Math.round(similarity.share * 100);
      if (similarity.share >= this.duplicates.threshold) {
        report(span, 'duplicate', { title: ref.title, where, percent }, [ref]);
      } else {
        report(span, 'sameNumbers', { title: ref.title, where, percent, numbers: similarity.sharedNumbers.slice(0, 4).join(', ') }, [ref]);
      }
    }
  }

  /** One true story framed, across its framings, for more principles than one story may carry. */
  private reportFramings(story: BankStory, key: string, max: number, report: ReportBankFinding): void {
    const cluster = this.cluster(key);
    if (cluster.length < 2) return;
    // This framing's own principles first, then what the other framings add.
    const principles: string[] = [...(story.principles?.names ?? [])];
    for (const member of cluster) {
      for (const name of this.principlesOf(member)) if (!principles.includes(name)) principles.push(name);
    }
    if (principles.length <= max) return;
    const related = cluster
      .filter((k) => k !== key)
      .map((k) => this.describe(k))
      .filter((r): r is RelatedStory => r !== undefined);
    const data = {
      title: story.title || 'This story',
      count: principles.length,
      framings: cluster.length,
      principles: principles.join(', '),
      max,
    };
    report(story.principles?.line ?? storySpan(story), 'tooManyFramings', data, related);
  }

  /** Framings of one true story: the same title, or near-duplicates, transitively. */
  private cluster(key: string): string[] {
    const seen = new Set([key]);
    const queue = [key];
    while (queue.length > 0) {
      const current = queue.pop()!;
      const story = this.duplicates.get(current);
      // Walked in place, never copied: a title shared by thousands of stories was copied once per story.
      if (!this.visit(this.duplicates.neighbours(current), seen, queue)) break;
      if (story?.sameStory && !this.visit(this.titles.get(story.sameStory) ?? [], seen, queue)) break;
    }
    return [...seen].sort();
  }

  /** Adds the unseen keys to the walk; false once the cluster is full. */
  private visit(keys: Iterable<string>, seen: Set<string>, queue: string[]): boolean {
    for (const next of keys) {
      if (seen.size >= MAX_CLUSTER) return false;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
    return true;
  }

  /** Files holding a story in the same cluster as one of these. */
  private reach(keys: readonly string[]): Set<string> {
    const uris = new Set<string>();
    for (const key of keys) for (const member of this.cluster(key)) uris.add(uriOfKey(member));
    return uris;
  }

  private principlesOf(key: string): string[] {
    const { uri, ordinal } = parseKey(key);
    return this.files.get(uri)?.stories[ordinal]?.principles?.names ?? [];
  }

  private describe(key: string): RelatedStory | undefined {
    const { uri, ordinal } = parseKey(key);
    const state = this.files.get(uri);
    if (!state) return undefined;
    state.described ??= this.summariesOf(state).map((s) => ({ uri, line: s.line, character: s.titleCharacter, title: s.title }));
    return state.described[ordinal];
  }

  private indexTitle(sameStory: string, key: string): void {
    if (!sameStory) return;
    let keys = this.titles.get(sameStory);
    if (!keys) this.titles.set(sameStory, (keys = new Set()));
    keys.add(key);
  }

  private unindexTitles(state: FileState): void {
    for (const key of state.keys) {
      const story = this.duplicates.get(key);
      if (!story?.sameStory) continue;
      const keys = this.titles.get(story.sameStory);
      keys?.delete(key);
      if (keys?.size === 0) this.titles.delete(story.sameStory);
    }
  }
}

/** Each story's project facts, reused by the story's text from `previous`, recorded in `into`. */
function projectFactsOf(
  uri: string,
  stories: readonly Story[],
  raws: readonly string[],
  into: Map<string, Facts>,
  previous: ReadonlyMap<string, Facts> | undefined,
): Array<{ key: string; facts: Facts }> {
  return stories.map((story, ordinal) => {
    const raw = raws[ordinal];
    const found = into.get(raw) ?? previous?.get(raw) ?? storyFacts(story);
    into.set(raw, found);
    return { key: storyKey(uri, ordinal), facts: found };
  });
}

/** A summary without what its file's URI gives back (the record is stored by path). */
function withoutUri(summary: StorySummary): Omit<StorySummary, 'id' | 'uri'> {
  const rest: Partial<StorySummary> = { ...summary };
  delete rest.id;
  delete rest.uri;
  return rest as Omit<StorySummary, 'id' | 'uri'>;
}

/** The settings the bank's findings on a file read: the bank rules' and the per-story limit, not the whole config. */
function bankConfig(config: EngineConfig): BankConfig {
  const rules: Record<string, unknown> = {};
  for (const rule of BANK_RULES) if (rule.name in config.rules) rules[rule.name] = config.rules[rule.name];
  return { rules, maxPrinciplesPerStory: config.maxPrinciplesPerStory };
}

/** What reports one bank rule's findings into `findings`, with its severity from the file's settings; undefined when it is off. */
function reporter(config: BankConfig, rule: Rule, findings: BankFinding[]): ReportBankFinding | undefined {
  const setting = config.rules[rule.name] as EngineConfig['rules'][string] | undefined;
  const severity: Severity | 'off' = Array.isArray(setting) ? setting[0] : (setting ?? rule.defaultSeverity);
  if (severity === 'off') return undefined;
  return (at, messageId, data, related) => {
    const template = rule.messages[messageId];
    findings.push({
      rule: rule.name,
      messageId,
      message: template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in data ? String(data[k]) : whole)),
      severity,
      start: at.start,
      end: at.end,
      related,
    });
  };
}

/** How many of the findings, sorted by start, start before `limit`. */
function countBelow(sorted: readonly Finding[], limit: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i].start < limit);
}

/**
 * A lint summary with the bank's findings on the story counted too. Until the rules have run
 * (`lint: 'later'`) or the bank's findings are known, the summary has no readiness: a story not
 * yet checked is not a clean story.
 */
function withBankFindings(summary: StorySummary, bank: readonly Finding[], unrated: boolean): StorySummary {
  if (bank.length === 0 && !unrated) return summary;
  const { readiness, ...rest } = summary;
  return {
    ...rest,
    problems: summary.problems + bank.length,
    ...(readiness && !unrated ? { readiness: withFindings(readiness, bank) } : {}),
    ...(unrated ? { pending: true as const } : {}),
  };
}

/** A file's stories as a stored listing has them. */
export function summariesOfListing(uri: string, listing: readonly StoryListing[]): StorySummary[] {
  return listing.map((summary) => ({ id: `${uri}#${summary.line}`, uri, ...summary }));
}

/** What a file's state takes straight from its text and parse. */
function parsedParts(uri: string, text: string, lint: LintResult): Pick<FileState, 'uri' | 'text' | 'stories' | 'directives' | 'config'> {
  return { uri, text, stories: lint.stories.map(compactStory), directives: lint.directives, config: bankConfig(lint.config) };
}

function compactStory(story: Story): BankStory {
  return {
    start: story.start,
    end: story.end,
    title: story.title,
    heading: story.heading,
    titleSpan: story.titleSpan,
    principles: story.principles && { line: story.principles.line, names: principleNames(story) },
  };
}

function storyKey(uri: string, ordinal: number): string {
  return `${uri}\u0000${ordinal}`;
}

function parseKey(key: string): { uri: string; ordinal: number } {
  const at = key.lastIndexOf('\u0000');
  return { uri: key.slice(0, at), ordinal: Number(key.slice(at + 1)) };
}

function uriOfKey(key: string): string {
  return parseKey(key).uri;
}

/** The last path segment of a URI or path, decoded, for messages. */
export function fileName(uri: string): string {
  const name = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
