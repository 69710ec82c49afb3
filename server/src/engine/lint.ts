import { DEFAULT_CONFIG, mergeConfig, parseFrontMatterYaml, readConfig, ruleOptions } from './config';
import { findFrontMatter, parseChunk, splitChunks, type Chunk, type FrontMatterBlock, type ParsedChunk } from './parse';
import { amazonPrinciples } from './principles/amazon';
import type { PrincipleSet } from './principles/types';
import { resolveProfile, ruleTurnedOn } from './profiles';
import { rules as builtInRules } from './rules';
import { hasPlaceholder } from './rules/common/util';
import { partitionPoint } from './search';
import { LruCache } from './lru';
import { lineIndex, withThousands } from './text';
import type { Directive, EngineConfig, Finding, Fix, Rule, Severity, Span, Story, TextEdit } from './types';

/** Findings that come from the engine itself rather than a rule. */
export const FRONT_MATTER = 'front-matter';
export const FILE_TOO_LARGE = 'file-too-large';
/** A rule that overran its time budget on a story (`LinterOptions.ruleBudgetMs`) and was skipped there. */
export const RULE_SKIPPED = 'rule-skipped';

/**
 * A story bank file is a few kilobytes; past this size the file is not a story file (a log, a
 * dump) and one notice is more useful than thousands of findings.
 */
export const MAX_DOCUMENT_LENGTH = 2_000_000;

/**
 * A bank file holds one or a few stories and a large one a hundred; past this many the rest of
 * the file is left unchecked, with one notice, so that a file of thousands of headings costs what
 * this many stories cost rather than seconds per keystroke.
 */
export const MAX_STORIES = 1000;

/** Settings, even a whole principle set, fit in a few kilobytes; parsing megabytes of YAML would stall every keystroke. */
const MAX_FRONT_MATTER_LENGTH = 100_000;

export interface LintResult {
  findings: Finding[];
  stories: Story[];
  directives: Directive[];
  config: EngineConfig;
  principleSet: PrincipleSet;
}

export interface LinterOptions {
  principleSet?: PrincipleSet;
  rules?: readonly Rule[];
  /**
   * False to parse and read the configuration without running the rules: findings are only the
   * engine's own (front matter). The story bank's first pass over a large workspace uses this.
   */
  checkRules?: boolean;
  /**
   * Time a rule may take on one story, in milliseconds (the language server's watchdog; the CLI
   * sets none). A rule that takes longer has its findings on that story replaced by one notice
   * naming it, and is skipped on stories at least half as long for the rest of this Linter's life
   * (typing in the story would otherwise pay the overrun again at each keystroke).
   */
  ruleBudgetMs?: number;
  /** Adds each rule's time in milliseconds to this map, by rule name, and the parse's under "parse" (benches, growth tests). */
  profile?: Map<string, number>;
  /** The clock `profile` is measured with, in milliseconds; the wall clock unless given (a test may count CPU time). */
  profileClock?: () => number;
}

interface CachedChunk {
  parsed: ParsedChunk;
  /** Findings with offsets relative to the chunk, before directives are applied. */
  findings: Finding[];
  /**
   * The chunk's story, directives and findings at its offset in the last lint. An edit leaves
   * the chunks before it where they were, and they reuse these instead of allocating copies.
   */
  placed?: { base: number; story: Story | undefined; directives: Directive[]; findings: Finding[] };
}

/** A rule the configuration turns on, with its severity and options. */
interface ActiveRule {
  rule: Rule;
  severity: Severity;
  configured: boolean;
  options: Record<string, unknown>;
}

/** Chunks by their text: story chunks and the text between stories are parsed differently. */
interface ChunkCache {
  story: Map<string, CachedChunk>;
  other: Map<string, CachedChunk>;
}

/**
 * Lints documents, remembering each story's parse and findings by its text so that
 * re-linting after an edit only re-does the stories the edit touched. Keep one Linter
 * per open document; the cache holds only the chunks of the last lint.
 */
export class Linter {
  readonly principleSet: PrincipleSet;
  readonly rules: readonly Rule[];
  private readonly documentRules: ReadonlyMap<string, Rule>;
  private readonly checkRules: boolean;
  private readonly ruleBudgetMs: number | undefined;
  private readonly profile: Map<string, number> | undefined;
  private readonly clock: () => number;
  /** Rules that overran the budget, with the length of the shortest story they overran on. */
  private readonly overruns = new Map<string, number>();
  private cache: ChunkCache = { story: new Map(), other: new Map() };
  private cacheKey = '';

  constructor(options: LinterOptions = {}) {
    this.principleSet = options.principleSet ?? amazonPrinciples;
    this.rules = options.rules ?? builtInRules;
    this.checkRules = options.checkRules ?? true;
    this.ruleBudgetMs = options.ruleBudgetMs;
    this.profile = options.profile;
    this.clock = options.profileClock ?? (() => performance.now());
    this.documentRules = new Map(this.rules.filter((r) => r.documentSuggestions).map((r) => [r.name, r]));
  }

  lint(text: string, settings?: Partial<EngineConfig>): LintResult {
    const steps = this.lintSteps(text, settings);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same lint in steps: it pauses (yields) after parsing each chunk and after each rule on
   * each story, so a caller that must stay responsive (the language server) can give the event
   * loop a turn between steps. Abandoning it (`return()`) keeps the chunks it finished for the
   * next lint. Only one lint of a Linter may be in progress at a time.
   */
  *lintSteps(text: string, settings?: Partial<EngineConfig>): Generator<void, LintResult, void> {
    if (text.length > MAX_DOCUMENT_LENGTH) return this.tooLarge(text, settings);
    const frontMatter = findFrontMatter(text);
    const { findings, fileConfig } = this.readFrontMatter(text, frontMatter, settings);
    const config = mergeConfig(DEFAULT_CONFIG, settings, fileConfig);
    const key = JSON.stringify(config) + '\u0000' + this.principleSet.id;
    if (key !== this.cacheKey) {
      this.cache = { story: new Map(), other: new Map() };
      this.cacheKey = key;
    }
    const active = this.checkRules ? this.activeRules(config) : [];
    const chunks = capStories(text, splitChunks(text, frontMatter ? frontMatter.end : 0), findings);
    const stories: Story[] = [];
    const directives: Directive[] = [];
    yield* this.lintChunks(text, chunks, config, active, { findings, stories, directives });
    const kept = applyDirectives(text, findings, directives);
    return { findings: this.withDocumentSuggestions(text, kept), stories, directives, config, principleSet: this.principleSet };
  }

  /** The settings in the file's front matter, and the notices about them. */
  private readFrontMatter(
    text: string,
    frontMatter: FrontMatterBlock | undefined,
    settings: Partial<EngineConfig> | undefined,
  ): { findings: Finding[]; fileConfig: Partial<EngineConfig> | undefined } {
    const findings: Finding[] = [];
    if (!frontMatter) return { findings, fileConfig: undefined };
    const yaml = text.slice(frontMatter.content.start, frontMatter.content.end);
    const where = { start: 0, end: Math.min(3, text.length) };
    const parsed = yaml.length > MAX_FRONT_MATTER_LENGTH ? undefined : parseFrontMatterYaml(yaml);
    if (!parsed) {
      findings.push(
        engineFinding(
          `Front matter is ${yaml.length} characters long, more than settings ever need (limit ${MAX_FRONT_MATTER_LENGTH}); it is ignored.`,
          where,
        ),
      );
      return { findings, fileConfig: undefined };
    }
    if (parsed.error) {
      const at = parsed.error.offset !== undefined ? frontMatter.content.start + parsed.error.offset : undefined;
      findings.push(
        engineFinding(
          `Front matter is not valid YAML (${parsed.error.message}); its settings are ignored.`,
          at !== undefined ? lineSpanAt(text, at) : where,
        ),
      );
      return { findings, fileConfig: undefined };
    }
    const read = readConfig(parsed.value, 'Front matter', this.rules, { principleSets: settings?.principleSets });
    for (const message of frontMatterNotices(read.problems.map((p) => p.message))) findings.push(engineFinding(message, where));
    return { findings, fileConfig: read.config };
  }

  /**
   * Parses and checks each chunk, or reuses what the last lint found for its text (keyed by the
   * chunk's text itself: a slice, not a concatenation, since hashing a slice does not copy it),
   * and adds its story, directives and findings, at the chunk's place, to `into`.
   */
  private *lintChunks(
    text: string,
    chunks: Chunk[],
    config: EngineConfig,
    active: ActiveRule[],
    into: { findings: Finding[]; stories: Story[]; directives: Directive[] },
  ): Generator<void, void, void> {
    const nextCache: ChunkCache = { story: new Map(), other: new Map() };
    let finished = false;
    try {
      for (const chunk of chunks) {
        const raw = text.slice(chunk.start, chunk.end);
        const kind = chunk.isStory ? 'story' : 'other';
        let cached = this.cache[kind].get(raw) ?? nextCache[kind].get(raw);
        if (!cached) {
          const started = this.profile ? this.clock() : 0;
          const parsed = parseChunk(raw, chunk.isStory, this.principleSet);
          if (this.profile) this.profile.set('parse', (this.profile.get('parse') ?? 0) + this.clock() - started);
          yield;
          cached = { parsed, findings: parsed.story ? yield* this.checkStory(parsed.story, raw, config, active) : [] };
        }
        nextCache[kind].set(raw, cached);
        const placed = placedAt(cached, chunk.start);
        for (const d of placed.directives) into.directives.push(d);
        if (placed.story) into.stories.push(placed.story);
        for (const f of placed.findings) into.findings.push(f);
      }
      finished = true;
    } finally {
      // Abandoned midway: the chunks done so far serve the next lint too (it trims what is gone).
      if (!finished)
        for (const kind of ['story', 'other'] as const) for (const [raw, chunk] of nextCache[kind]) this.cache[kind].set(raw, chunk);
    }
    this.cache = nextCache;
  }

  private withDocumentSuggestions(text: string, findings: Finding[]): Finding[] {
    if (this.documentRules.size === 0) return findings;
    return findings.map((f) => {
      const extra = this.documentRules.get(f.rule)?.documentSuggestions?.(f, text) ?? [];
      return extra.length > 0 ? { ...f, suggestions: [...(f.suggestions ?? []), ...extra] } : f;
    });
  }

  private tooLarge(text: string, settings?: Partial<EngineConfig>): LintResult {
    this.cache = { story: new Map(), other: new Map() };
    const megabytes = (text.length / 1_000_000).toFixed(1);
    const finding: Finding = {
      rule: FILE_TOO_LARGE,
      messageId: 'tooLarge',
      message: `This file has ${megabytes} million characters; STAR Stories checks files up to ${MAX_DOCUMENT_LENGTH / 1_000_000} million. Keep one or a few stories per file.`,
      severity: 'info',
      start: 0,
      end: Math.min(lineSpanAt(text, 0).end, 200),
    };
    return {
      findings: [finding],
      stories: [],
      directives: [],
      config: mergeConfig(DEFAULT_CONFIG, settings),
      principleSet: this.principleSet,
    };
  }

  private activeRules(config: EngineConfig): ActiveRule[] {
    const active = [];
    // The role and level decide which opt-in rules run; the user's own severities still win.
    const profile = resolveProfile(config);
    for (const rule of this.rules) {
      if (!ruleTurnedOn(config, rule, profile)) continue;
      const setting = config.rules[rule.name];
      const severity = Array.isArray(setting) ? setting[0] : (setting ?? rule.defaultSeverity);
      if (severity === 'off') continue;
      const options = ruleOptions(rule, config);
      active.push({ rule, severity, configured: setting !== undefined, options });
    }
    return active;
  }

  private *checkStory(story: Story, text: string, config: EngineConfig, active: ActiveRule[]): Generator<void, Finding[], void> {
    const findings: Finding[] = [];
    const draft = hasUnwrittenSection(story, text);
    const budget = this.ruleBudgetMs;
    for (const { rule, severity, configured, options } of active) {
      if (draft && rule.wholeStory) continue;
      const overran = this.overruns.get(rule.name);
      if (overran !== undefined && text.length * 2 >= overran) {
        findings.push(skippedNotice(rule.name, story, budget));
        continue;
      }
      const before = findings.length;
      const started = this.profile ? this.clock() : budget !== undefined ? performance.now() : 0;
      try {
        rule.check(story, {
          text,
          config,
          principleSet: this.principleSet,
          options,
          report(report) {
            findings.push({
              rule: rule.name,
              messageId: report.messageId,
              message: formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data),
              severity: configured ? severity : coached(report.severity ?? severity, report.advice ?? rule.advice, config),
              start: report.start,
              end: report.end,
              fix: report.fix,
              suggestions: report.suggestions,
              ...(report.relatedSpans ? { relatedSpans: report.relatedSpans } : {}),
            });
          },
        });
      } catch (err) {
        // A rule bug must cost one finding, never the user's other diagnostics.
        findings.push({
          rule: rule.name,
          messageId: 'internal-error',
          message: `Rule ${rule.name} failed on this story: ${(err as Error).message}`,
          severity: 'info',
          start: story.heading.start,
          end: story.heading.end,
        });
      }
      if (started !== 0) {
        const took = (this.profile ? this.clock() : performance.now()) - started;
        if (this.profile) this.profile.set(rule.name, (this.profile.get(rule.name) ?? 0) + took);
        if (budget !== undefined && took > budget) {
          findings.length = before;
          findings.push(skippedNotice(rule.name, story, budget, took));
          this.overruns.set(rule.name, Math.min(text.length, this.overruns.get(rule.name) ?? Infinity));
        }
      }
      yield;
    }
    return findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** Under focused coaching, advice is a hint: the story shows what an interviewer would mark, and the polish waits. */
function coached(severity: Severity, advice: boolean | undefined, config: EngineConfig): Severity {
  return severity === 'info' && advice && config.coaching === 'focused' ? 'hint' : severity;
}

/**
 * A STAR section whose body is only comments (a template's or snippet's placeholders) has not been
 * written yet: judging the whole story before then only repeats what the template already says.
 */
function hasUnwrittenSection(story: Story, text: string): boolean {
  return story.sections.some((s) => {
    if (!s.kind || s.kind === 'reflection') return false;
    const prose = story.prose.slice(s.body.start - story.start, s.body.end - story.start);
    return prose.trim() === '' && hasPlaceholder(text, s.body);
  });
}

function skippedNotice(rule: string, story: Story, budget: number | undefined, took?: number): Finding {
  const how = took !== undefined ? `took ${withThousands(took)} ms on this story` : 'overran its time on a story this long';
  return {
    rule: RULE_SKIPPED,
    messageId: 'skipped',
    message: `Rule ${rule} ${how}, more than the ${budget} ms the editor gives a rule, so it is skipped here. The command-line checker runs it without a limit.`,
    severity: 'info',
    start: story.heading.start,
    end: story.heading.end,
  };
}

function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  // Split once per template into text and placeholder names (odd indices), as the /\{(\w+)\}/g
  // replacement would find them: a full lint formats a few thousand messages from a few dozen templates.
  const parts = templateParts.getOrCreate(template, () => template.split(/\{(\w+)\}/));
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1];
  }
  return out;
}
const templateParts = new LruCache<string, string[]>(1000);

function engineFinding(message: string, span: Span): Finding {
  return { rule: FRONT_MATTER, messageId: 'invalid', message, severity: 'warning', start: span.start, end: span.end };
}

function lineSpanAt(text: string, offset: number): Span {
  const at = Math.min(Math.max(offset, 0), text.length);
  const start = Math.max(text.lastIndexOf('\n', at - 1) + 1, 0);
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return { start, end: Math.max(end, start) };
}

function shiftSpan<T extends Span>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

// Findings and edits are copied field by field, not spread: every rule's findings pass through
// here at each keystroke for the stories after the edit, and a spread over that many shapes is
// V8's slow generic copy.
function shiftFix(fix: Fix, by: number): Fix {
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    edits.push(
      'snippet' in e
        ? { start: e.start + by, end: e.end + by, text: e.text, snippet: e.snippet }
        : { start: e.start + by, end: e.end + by, text: e.text },
    );
  }
  return { title: fix.title, edits };
}

function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const shifted: Finding = {
    rule: f.rule,
    messageId: f.messageId,
    message: f.message,
    severity: f.severity,
    start: f.start + by,
    end: f.end + by,
    fix: f.fix && shiftFix(f.fix, by),
    suggestions: f.suggestions?.map((s) => shiftFix(s, by)),
  };
  if (f.relatedSpans) shifted.relatedSpans = f.relatedSpans.map((r) => shiftSpan(r, by));
  return shifted;
}

/** Stories are parsed with chunk-relative offsets; the absolute copy is made per lint. */
function shiftStory(story: Story, by: number): Story {
  if (by === 0) return story;
  return {
    ...story,
    start: story.start + by,
    end: story.end + by,
    heading: shiftSpan(story.heading, by),
    titleSpan: shiftSpan(story.titleSpan, by),
    principles: story.principles && {
      line: shiftSpan(story.principles.line, by),
      entries: story.principles.entries.map((e) => shiftSpan(e, by)),
    },
    sections: story.sections.map((s) => ({
      ...s,
      heading: shiftSpan(s.heading, by),
      nameSpan: shiftSpan(s.nameSpan, by),
      body: shiftSpan(s.body, by),
    })),
  };
}

/** The chunk's story, directives and findings at `base`, made once per place and kept on the cache entry. */
function placedAt(cached: CachedChunk, base: number): NonNullable<CachedChunk['placed']> {
  let placed = cached.placed;
  if (placed?.base !== base) {
    placed = {
      base,
      story: cached.parsed.story && shiftStory(cached.parsed.story, base),
      directives: cached.parsed.directives.map((d) => ({ ...d, start: d.start + base, end: d.end + base })),
      findings: cached.findings.map((f) => shiftFinding(f, base)),
    };
    cached.placed = placed;
  }
  return placed;
}

/** The chunks up to the MAX_STORIES-th story; past it, one notice in `findings` where checking stops. */
function capStories(text: string, chunks: Chunk[], findings: Finding[]): Chunk[] {
  const firstStory = chunks.findIndex((c) => c.isStory);
  if (firstStory < 0 || chunks.length - firstStory <= MAX_STORIES) return chunks;
  const unchecked = chunks[firstStory + MAX_STORIES];
  findings.push({
    rule: FILE_TOO_LARGE,
    messageId: 'tooManyStories',
    message: `This file has ${withThousands(chunks.length - firstStory)} stories; STAR Stories checks the first ${withThousands(MAX_STORIES)}, up to this line. Keep one or a few stories per file.`,
    severity: 'info',
    ...lineSpanAt(text, unchecked.start),
  });
  return chunks.slice(0, firstStory + MAX_STORIES);
}

/** Drops findings the document's directives turn off; also used for the bank's findings. */
export function applyDirectives(text: string, findings: Finding[], directives: Directive[]): Finding[] {
  if (directives.length === 0 || findings.length === 0) return findings;
  const fileOff = new Set<string>();
  let fileAll = false;
  const nextLine = new Map<number, Directive[]>();
  const regions: Directive[] = [];
  const lineOf = lineIndex(text);
  for (const d of directives) {
    if (d.kind === 'disable-file') {
      if (d.rules.length === 0) fileAll = true;
      for (const r of d.rules) fileOff.add(r);
    } else if (d.kind === 'disable-next-line') {
      const line = lineOf(d.end) + 1;
      const onLine = nextLine.get(line);
      if (onLine) onLine.push(d);
      else nextLine.set(line, [d]);
    } else {
      regions.push(d);
    }
  }
  // A finding's state is set by the last region before it that names its rule (or names none).
  // Indexed per rule, so each finding costs two binary searches rather than a walk over every
  // region before it (10,000 disable/enable pairs made that a quadratic).
  const regionStarts = regions.map((d) => d.start);
  const forAll: number[] = [];
  const byRule = new Map<string, number[]>();
  regions.forEach((d, i) => {
    if (d.rules.length === 0) forAll.push(i);
    for (const r of new Set(d.rules)) {
      const list = byRule.get(r);
      if (list) list.push(i);
      else byRule.set(r, [i]);
    }
  });
  return findings.filter((f) => {
    if (f.rule === FRONT_MATTER || f.rule === FILE_TOO_LARGE || f.rule === RULE_SKIPPED) return true;
    if (fileAll || fileOff.has(f.rule)) return false;
    const line = nextLine.get(lineOf(f.start));
    if (line && line.some((d) => d.rules.length === 0 || d.rules.includes(f.rule))) return false;
    const upTo = countAtMost(regionStarts, f.start) - 1;
    const last = Math.max(lastAtMost(forAll, upTo), lastAtMost(byRule.get(f.rule) ?? [], upTo));
    return !(last >= 0 && regions[last].kind === 'disable');
  });
}

/** How many of the sorted numbers are at most `limit`. */
function countAtMost(sorted: readonly number[], limit: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] <= limit);
}

/** The largest of the sorted numbers that is at most `limit`, or -1. */
function lastAtMost(sorted: readonly number[], limit: number): number {
  const n = countAtMost(sorted, limit);
  return n > 0 ? sorted[n - 1] : -1;
}

/**
 * Front matter problems all sit on its first line; past a few, one notice that lists the first
 * ones reads better than a stack of them (a hostile or badly pasted block can have hundreds).
 */
const MAX_FRONT_MATTER_NOTICES = 3;
function frontMatterNotices(messages: string[]): string[] {
  if (messages.length <= MAX_FRONT_MATTER_NOTICES) return messages;
  const shown = messages.slice(0, MAX_FRONT_MATTER_NOTICES).map((m) => m.replace(/^Front matter: /, ''));
  return [
    `Front matter has ${messages.length} problems, and its bad settings are ignored: ${shown.join(' ')} …and ${messages.length - shown.length} more.`,
  ];
}
