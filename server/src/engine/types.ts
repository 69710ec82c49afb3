import type { LoopRound } from './loop/types';
import type { Principle, PrincipleSet } from './principles/types';

/** What a role profile sets (`engine/profiles`), as a configured `profile` writes it. */
export interface ProfileFields {
  name: string;
  principles: string[];
  mustHave: string[];
  mostProbed: string[];
  rounds: LoopRound[];
  rules: string[];
}

/** `hint` is advice shown without a squiggle (VS Code draws three faint dots); see `Rule.advice`. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Half-open offset range [start, end) into the document text (UTF-16 code units, as LSP counts). */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  text: string;
  /** The same insertion with snippet placeholders, for editors that accept snippet edits. */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Another place in the same document that belongs to a finding (each "we" of a we-over-i count). */
export interface RelatedSpan extends Span {
  message: string;
}

export interface Finding extends Span {
  rule: string;
  messageId: string;
  message: string;
  severity: Severity;
  /** Safe rewrite applied by the quick fix and by fix-all. */
  fix?: Fix;
  /** Alternatives the user picks from; never applied by fix-all. */
  suggestions?: Fix[];
  /** The other places in the document the finding is about, shown as related information. */
  relatedSpans?: RelatedSpan[];
}

export type SectionKind = 'situation' | 'task' | 'action' | 'result' | 'reflection';

export interface Section {
  kind: SectionKind | undefined;
  /** Heading text as written, e.g. "Actions". */
  name: string;
  /** The whole heading line, without its line break. */
  heading: Span;
  /** The heading's words, without `##` and trailing markup. */
  nameSpan: Span;
  /** From the line after the heading to the next level-1/level-2 heading or the story end. */
  body: Span;
}

export interface PrincipleEntry extends Span {
  text: string;
  principle: Principle | undefined;
}

export interface PrinciplesLine {
  /** The whole line. */
  line: Span;
  entries: PrincipleEntry[];
}

/**
 * One story: a level-1 heading and everything up to the next one.
 * Offsets are absolute document offsets.
 */
export interface Story {
  start: number;
  end: number;
  title: string;
  /** The heading line; for an untitled story, its first section heading. */
  heading: Span;
  titleSpan: Span;
  principles: PrinciplesLine | undefined;
  sections: Section[];
  /**
   * The document text over [start, end) with everything that is not prose (code, HTML,
   * comments, link URLs, Markdown markup) replaced by spaces, so offsets still line up.
   * Index 0 is `start`.
   */
  prose: string;
  /** STAR sections written before any `# Title`: the story has no title yet. */
  untitled: boolean;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

export interface Directive extends Span {
  kind: DirectiveKind;
  /** Empty means every rule. */
  rules: string[];
}

export interface EngineConfig {
  /** Per-rule severity, or severity with options. */
  rules: Record<string, SeveritySetting | [SeveritySetting, Record<string, unknown>]>;
  targetSeconds: number;
  wordsPerMinute: number;
  /** `too-many-principles` fires above it; also the bank-wide limit per story. */
  maxPrinciplesPerStory: number;
  /** Principle sets defined in configuration, in addition to the built-in Amazon set. */
  principleSets: PrincipleSet[];
  /** Id of the active principle set (`amazon` by default). */
  principleSet: string;
  /**
   * `focused` (default): advice that is not a defect is a hint, so a story shows the two or three
   * things a Bar Raiser would mark. `thorough`: that advice is shown as info too.
   */
  coaching: 'focused' | 'thorough';
  /** The résumé or promotion packet `inconsistent-facts` compares stories with: a path, relative to the config file naming it. */
  resume?: string;
  /** The user's interview loop; empty: the default loop (engine/loop/defaultLoop.ts). */
  loop: LoopRound[];
  /** The role the bank is prepared for (`sde` by default); see `engine/profiles`. */
  role: 'sde' | 'em' | 'pm' | 'tpm' | 'ml' | 'other';
  /** The level the bank is prepared for (`L5` by default); from `L6` the `scope` rule runs. */
  level: 'L4' | 'L5' | 'L6' | 'L7' | 'L8';
  /** A profile of the user's own: the fields it sets replace the role's. */
  profile?: Partial<ProfileFields>;
  /** A rule option that is also a top-level setting (`RuleOption.topLevel`, e.g. `hedges`), once set. */
  [topLevelOption: string]: unknown;
}

/** What a setting or a rule option holds; checked when read, and turned into JSON schema by `npm run gen`. */
export type ValueSpec =
  | { type: 'number'; integer?: boolean; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  | { type: 'string' }
  /** A list of literal phrases, matched ignoring case (never compiled as patterns). */
  | { type: 'phrases' }
  | { type: 'choice'; values: readonly string[]; markdownDescriptions: readonly string[] };

/**
 * One option of a rule, set as `rules: { "<rule>": [severity, { <option>: value }] }` (like an
 * ESLint rule's schema and default options). The rule reads it as `context.options.<option>`.
 */
export type RuleOption = ValueSpec & {
  default: unknown;
  markdownDescription: string;
  /**
   * Also a top-level setting of the same name (`.star-stories.json`, front matter, VS Code
   * `starStories.<option>`), whose lists accumulate across layers and come before the rule's
   * own. Kept for the keys users already have (`hedges`, `acronyms`...); a new option needs none.
   */
  topLevel?: boolean;
};

export interface RuleContext {
  readonly text: string;
  readonly config: EngineConfig;
  readonly principleSet: PrincipleSet;
  readonly options: Record<string, unknown>;
  report(report: RuleReport): void;
}

export interface RuleReport extends Span {
  messageId: string;
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity for this finding; a severity the user configured always wins. */
  severity?: Severity;
  /** Overrides `Rule.advice` for this finding: a rule can be sure of its strong cases and only advise on the rest. */
  advice?: boolean;
  fix?: Fix;
  suggestions?: Fix[];
  relatedSpans?: RelatedSpan[];
}

export type RuleGroup = 'structure' | 'principles' | 'ownership' | 'evidence' | 'judgment' | 'delivery' | 'reflection' | 'bank';

export interface Rule {
  name: string;
  description: string;
  group: RuleGroup;
  defaultSeverity: Severity;
  /** Message templates keyed by id; `{name}` placeholders are filled from the report's data. */
  messages: Record<string, string>;
  /** Whether the rule offers a safe fix (applied by fix-all) or only suggestions. */
  fixable?: 'fix' | 'suggestion';
  /** Its options, each with its schema and default; see `RuleOption`. */
  options?: Record<string, RuleOption>;
  /**
   * The rule gives advice (polish, a beat worth adding), not a defect an interviewer would mark:
   * under `coaching: focused` its info findings become hints, unless the user set its severity.
   */
  advice?: boolean;
  /**
   * The rule judges the story as a whole (is there a decision, a metric, every beat), so it waits
   * until every STAR section holds more than its template placeholder.
   */
  wholeStory?: boolean;
  /**
   * Off unless the configuration turns it on: the role or level profile lists it (`profile.rules`),
   * or the user sets its severity. For checks only some loops grade (a people story for managers).
   */
  optIn?: boolean;
  check(story: Story, context: RuleContext): void;
  /**
   * Suggestions that edit outside the finding's story (the file's front matter). Findings are
   * cached per story, which cannot see the rest of the file, so these are added on every lint.
   */
  documentSuggestions?(finding: Finding, text: string): Fix[];
}
