import { DEFAULT_CONFIG, mergeConfig, parseFrontMatterYaml, readConfig } from './config';
import { findFrontMatter, parseChunk, splitChunks, type ParsedChunk } from './parse';
import { amazonPrinciples } from './principles/amazon';
import type { PrincipleSet } from './principles/types';
import { rules as builtInRules } from './rules';
import { lineIndex } from './text';
import type { Directive, EngineConfig, Finding, Fix, Rule, Severity, Span, Story } from './types';

/** Findings that come from the engine itself rather than a rule. */
export const FRONT_MATTER = 'front-matter';
export const FILE_TOO_LARGE = 'file-too-large';

/**
 * A story bank file is a few kilobytes; past this size the file is not a story file (a log, a
 * dump) and one notice is more useful than thousands of findings.
 */
export const MAX_DOCUMENT_LENGTH = 2_000_000;

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
  private cache: ChunkCache = { story: new Map(), other: new Map() };
  private cacheKey = '';

  constructor(options: LinterOptions = {}) {
    this.principleSet = options.principleSet ?? amazonPrinciples;
    this.rules = options.rules ?? builtInRules;
    this.checkRules = options.checkRules ?? true;
    this.documentRules = new Map(this.rules.filter((r) => r.documentSuggestions).map((r) => [r.name, r]));
  }

  lint(text: string, settings?: Partial<EngineConfig>): LintResult {
    if (text.length > MAX_DOCUMENT_LENGTH) return this.tooLarge(text, settings);
    const findings: Finding[] = [];
    const frontMatter = findFrontMatter(text);
    let fileConfig: Partial<EngineConfig> | undefined;
    if (frontMatter) {
      const yaml = text.slice(frontMatter.content.start, frontMatter.content.end);
      const where = { start: 0, end: Math.min(3, text.length) };
      const parsed = yaml.length > MAX_FRONT_MATTER_LENGTH ? undefined : parseFrontMatterYaml(yaml);
      if (!parsed) {
        findings.push(engineFinding(`Front matter is ${yaml.length} characters long, more than settings ever need (limit ${MAX_FRONT_MATTER_LENGTH}); it is ignored.`, where));
      } else if (parsed.error) {
        const at = parsed.error.offset !== undefined ? frontMatter.content.start + parsed.error.offset : undefined;
        findings.push(engineFinding(`Front matter is not valid YAML (${parsed.error.message}); its settings are ignored.`, at !== undefined ? lineSpanAt(text, at) : where));
      } else {
        const read = readConfig(parsed.value, 'Front matter', this.rules, { principleSets: settings?.principleSets });
        fileConfig = read.config;
        for (const message of frontMatterNotices(read.problems.map((p) => p.message))) findings.push(engineFinding(message, where));
      }
    }
    const config = mergeConfig(DEFAULT_CONFIG, settings, fileConfig);
    const key = JSON.stringify(config) + '\u0000' + this.principleSet.id;
    if (key !== this.cacheKey) {
      this.cache = { story: new Map(), other: new Map() };
      this.cacheKey = key;
    }
    const active = this.checkRules ? this.activeRules(config) : [];

    // Keyed by the chunk's text itself (a slice, not a concatenation: hashing a slice does not copy it).
    const nextCache: ChunkCache = { story: new Map(), other: new Map() };
    const stories: Story[] = [];
    const directives: Directive[] = [];
    for (const chunk of splitChunks(text, frontMatter ? frontMatter.end : 0)) {
      const raw = text.slice(chunk.start, chunk.end);
      const kind = chunk.isStory ? 'story' : 'other';
      let cached = this.cache[kind].get(raw) ?? nextCache[kind].get(raw);
      if (!cached) {
        const parsed = parseChunk(raw, chunk.isStory, this.principleSet);
        cached = { parsed, findings: parsed.story ? this.checkStory(parsed.story, raw, config, active) : [] };
      }
      nextCache[kind].set(raw, cached);
      const base = chunk.start;
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
      for (const d of placed.directives) directives.push(d);
      if (placed.story) stories.push(placed.story);
      for (const f of placed.findings) findings.push(f);
    }
    this.cache = nextCache;
    const kept = applyDirectives(text, findings, directives);
    return { findings: this.withDocumentSuggestions(text, kept), stories, directives, config, principleSet: this.principleSet };
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
    return { findings: [finding], stories: [], directives: [], config: mergeConfig(DEFAULT_CONFIG, settings), principleSet: this.principleSet };
  }

  private activeRules(config: EngineConfig): Array<{ rule: Rule; severity: Severity; configured: boolean; options: Record<string, unknown> }> {
    const active = [];
    for (const rule of this.rules) {
      const setting = config.rules[rule.name];
      const severity = Array.isArray(setting) ? setting[0] : setting ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      const options = { ...rule.defaultOptions, ...(Array.isArray(setting) ? setting[1] : undefined) };
      active.push({ rule, severity, configured: setting !== undefined, options });
    }
    return active;
  }

  private checkStory(story: Story, text: string, config: EngineConfig, active: ReturnType<Linter['activeRules']>): Finding[] {
    const findings: Finding[] = [];
    const draft = hasUnwrittenSection(story, text);
    for (const { rule, severity, configured, options } of active) {
      if (draft && rule.wholeStory) continue;
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
              severity: configured ? severity : coached(report.severity ?? severity, rule, config),
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
    }
    return findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** Under focused coaching, advice is a hint: the story shows what an interviewer would mark, and the polish waits. */
function coached(severity: Severity, rule: Rule, config: EngineConfig): Severity {
  return severity === 'info' && rule.advice && config.coaching === 'focused' ? 'hint' : severity;
}

/**
 * A STAR section whose body is only comments (a template's or snippet's placeholders) has not been
 * written yet: judging the whole story before then only repeats what the template already says.
 */
function hasUnwrittenSection(story: Story, text: string): boolean {
  return story.sections.some((s) => {
    if (!s.kind || s.kind === 'reflection') return false;
    const prose = story.prose.slice(s.body.start - story.start, s.body.end - story.start);
    return prose.trim() === '' && text.slice(s.body.start, s.body.end).replace(/<!--\s*star-stories-[\s\S]*?-->/g, '').includes('<!--');
  });
}

function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

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

function shiftFix(fix: Fix, by: number): Fix {
  return { title: fix.title, edits: fix.edits.map((e) => shiftSpan(e, by)) };
}

function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    start: f.start + by,
    end: f.end + by,
    fix: f.fix && shiftFix(f.fix, by),
    suggestions: f.suggestions?.map((s) => shiftFix(s, by)),
    ...(f.relatedSpans ? { relatedSpans: f.relatedSpans.map((r) => shiftSpan(r, by)) } : {}),
  };
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
      nextLine.set(line, [...(nextLine.get(line) ?? []), d]);
    } else {
      regions.push(d);
    }
  }
  return findings.filter((f) => {
    if (f.rule === FRONT_MATTER || f.rule === FILE_TOO_LARGE) return true;
    if (fileAll || fileOff.has(f.rule)) return false;
    const line = nextLine.get(lineOf(f.start));
    if (line && line.some((d) => d.rules.length === 0 || d.rules.includes(f.rule))) return false;
    let disabled = false;
    for (const d of regions) {
      if (d.start > f.start) break;
      if (d.rules.length === 0 || d.rules.includes(f.rule)) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}

/**
 * Front matter problems all sit on its first line; past a few, one notice that lists the first
 * ones reads better than a stack of them (a hostile or badly pasted block can have hundreds).
 */
const MAX_FRONT_MATTER_NOTICES = 3;
function frontMatterNotices(messages: string[]): string[] {
  if (messages.length <= MAX_FRONT_MATTER_NOTICES) return messages;
  const shown = messages.slice(0, MAX_FRONT_MATTER_NOTICES).map((m) => m.replace(/^Front matter: /, ''));
  return [`Front matter has ${messages.length} problems, and its bad settings are ignored: ${shown.join(' ')} …and ${messages.length - shown.length} more.`];
}
