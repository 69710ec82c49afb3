import { closest, distance } from 'fastest-levenshtein';
import { load as loadYaml } from 'js-yaml';
import { amazonPrinciples } from './principles/amazon';
import type { Beat, Principle, PrincipleSet } from './principles/types';
import type { EngineConfig, Rule, SeveritySetting, Span } from './types';

export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  targetSeconds: 180,
  wordsPerMinute: 150,
  maxPrinciplesPerStory: 3,
  acronyms: [],
  weakVerbs: [],
  hedges: [],
  buzzwords: [],
  principleSets: [],
  principleSet: 'amazon',
  coaching: 'focused',
};

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);

/**
 * Bounds on what configuration may hold. A workspace's config is untrusted input: these keep a
 * hostile or generated file from costing more than a few milliseconds or flooding the editor.
 */
export const CONFIG_LIMITS = {
  /** Entries kept per list (phrases, cues, aliases, principles...). */
  listEntries: 1_000,
  /** Characters per phrase, name, alias, cue or id. */
  phraseLength: 200,
  /** Characters per definition, question or advice. */
  textLength: 2_000,
  /** Principle sets per configuration layer. */
  principleSets: 20,
  /** Problems reported per configuration layer; the rest are summed up in one line. */
  problems: 100,
} as const;

export type ConfigKeySpec =
  | { kind: 'number'; integer?: boolean; minimum: number; maximum?: number; markdownDescription: string }
  | { kind: 'phrases'; markdownDescription: string }
  | { kind: 'choice'; values: readonly string[]; markdownDescriptions: readonly string[]; markdownDescription: string }
  | { kind: 'rules'; markdownDescription: string }
  | { kind: 'principleSets'; markdownDescription: string }
  | { kind: 'principleSet'; markdownDescription: string };

/**
 * Every configuration key, in one place: the validator below, the JSON schema of
 * `.star-stories.json` and the VS Code settings are all derived from it (`npm run docs`).
 */
export const CONFIG_KEYS: { readonly [K in keyof EngineConfig]: ConfigKeySpec } = {
  rules: {
    kind: 'rules',
    markdownDescription: 'Severity per rule: `off`, `hint`, `info`, `warning` or `error`; in `.star-stories.json` and front matter also `[severity, { options }]`. A severity set here always wins over `coaching`.',
  },
  targetSeconds: {
    kind: 'number',
    minimum: 30,
    markdownDescription: 'Longest a story should take to tell, in seconds. `too-long` fires above it. Coaches agree on 90 seconds to 3 minutes.',
  },
  wordsPerMinute: {
    kind: 'number',
    minimum: 60,
    maximum: 300,
    markdownDescription: 'Your speaking pace, used to turn words into speaking time (most people speak about 150 words a minute).',
  },
  maxPrinciplesPerStory: {
    kind: 'number',
    integer: true,
    minimum: 1,
    markdownDescription: 'Most principles one story should claim on its `Principles:` line; `too-many-principles` fires above it. Interviewers trust two or three.',
  },
  acronyms: {
    kind: 'phrases',
    markdownDescription: 'Acronyms your interviewers know, accepted by `unexplained-acronym` without an expansion (exactly as written, e.g. `SLA`).',
  },
  weakVerbs: {
    kind: 'phrases',
    markdownDescription: 'Phrases `weak-verb` flags in addition to its built-in list (matched literally, ignoring case).',
  },
  hedges: {
    kind: 'phrases',
    markdownDescription: 'Phrases `hedging` flags in addition to its built-in list (matched literally, ignoring case).',
  },
  buzzwords: {
    kind: 'phrases',
    markdownDescription: 'Phrases `buzzword` flags in addition to its built-in list (matched literally, ignoring case).',
  },
  principleSets: {
    kind: 'principleSets',
    markdownDescription:
      'Principle sets of your own (another company\'s values), with the same fields as the built-in Amazon set: `id`, `name`, and `principles` with `name`, `aliases`, `definition`, `questions`, `rank` and `beats` (`label`, `cues`, `advice`). Select one with `principleSet`.',
  },
  principleSet: {
    kind: 'principleSet',
    markdownDescription: 'Id of the active principle set: `amazon` (the built-in Leadership Principles) or the `id` of one of your `principleSets`.',
  },
  coaching: {
    kind: 'choice',
    values: ['focused', 'thorough'],
    markdownDescriptions: [
      'The things an interviewer would mark: advice that is not a defect (passive voice, a missing beat, jargon, polish) is a hint, shown without a squiggle.',
      'Everything: the same advice is shown as info, with a squiggle.',
    ],
    markdownDescription: 'How much coaching to show. `focused` (default) underlines what a Bar Raiser would mark and keeps polish advice as hints (no squiggle; in the Problems panel only when you ask); `thorough` shows that advice as info too.',
  },
};

/** A key or index path from the root of a configuration value, e.g. `['rules', 'we-over-i', 1]`. */
export type ConfigPath = Array<string | number>;

export interface ConfigProblem {
  message: string;
  /** Where in the source the problem is, when known. */
  span?: Span;
  /** Where in the value the problem is; `key: true` when the property name itself is wrong. */
  path?: ConfigPath;
  key?: boolean;
}

export interface ReadConfigOptions {
  /** Principle sets defined in lower layers, which this layer may select with `principleSet`. */
  principleSets?: readonly PrincipleSet[];
  /** Keys accepted and ignored, e.g. `$schema` in a JSON file. */
  ignoredKeys?: readonly string[];
}

type Dict = Record<string, unknown>;

/**
 * Validates user-supplied settings (front matter, editor settings, `.star-stories.json`). Bad
 * values are reported and dropped one by one, so one typo never disables the rest of the
 * configuration. The value is only data: strings are kept as literal phrases, never compiled,
 * and nothing is walked deeper than the configuration's own shape.
 *
 * `rules` are the registered rules (their options are checked against `defaultOptions`), or
 * only their names.
 */
export function readConfig(
  value: unknown,
  source: string,
  rules: readonly Rule[] | ReadonlySet<string>,
  options: ReadConfigOptions = {},
): { config: Partial<EngineConfig>; problems: ConfigProblem[] } {
  const out = new Problems(source);
  const config: Partial<EngineConfig> = {};
  if (value === undefined || value === null) return { config, problems: [] };
  if (!isDict(value)) {
    out.add([], `must be ${source.startsWith('Front matter') ? 'a mapping' : 'an object'} of settings, not ${describe(value)}.`);
    return { config, problems: out.list() };
  }
  const ruleIndex = new Map<string, Rule | undefined>(
    rules instanceof Set ? [...rules].map((name) => [name, undefined]) : (rules as readonly Rule[]).map((r) => [r.name, r]),
  );
  const ignored = new Set(options.ignoredKeys ?? []);
  const keys = Object.keys(CONFIG_KEYS) as Array<keyof EngineConfig>;
  // In the order written, so problems read top to bottom.
  for (const key of Object.keys(value)) {
    if (ignored.has(key)) continue;
    if (!(keys as string[]).includes(key)) {
      out.add([key], `unknown setting ${quote(key)}${didYouMean(key, keys)}; it is ignored.`, true);
      continue;
    }
    const raw = value[key];
    const spec = CONFIG_KEYS[key as keyof EngineConfig];
    switch (spec.kind) {
      case 'number': {
        const n = readNumber(raw, spec, [key], out);
        if (n !== undefined) (config as Record<string, number>)[key] = n;
        break;
      }
      case 'phrases': {
        const list = readPhrases(raw, [key], out);
        if (list) (config as Record<string, string[]>)[key] = list;
        break;
      }
      case 'rules': {
        const read = readRules(raw, ruleIndex, out);
        if (read) config.rules = read;
        break;
      }
      case 'principleSets': {
        const sets = readPrincipleSets(raw, out);
        if (sets) config.principleSets = sets;
        break;
      }
      case 'choice':
        if (typeof raw === 'string' && spec.values.includes(raw)) (config as Record<string, string>)[key] = raw;
        else out.add([key], `"${key}" must be one of ${spec.values.map(quote).join(', ')}, not ${describe(raw)}${typeof raw === 'string' ? didYouMean(raw, spec.values) : ''}; using the default.`);
        break;
      case 'principleSet':
        break; // After the loop: it may select a set defined further down in this layer.
    }
  }
  if (Object.hasOwn(value, 'principleSet')) {
    const raw = value.principleSet;
    const known = [amazonPrinciples, ...(options.principleSets ?? []), ...(config.principleSets ?? [])].map((s) => s.id);
    if (typeof raw !== 'string' || raw.trim() === '') {
      out.add(['principleSet'], `"principleSet" must be the id of a principle set (${known.map(quote).join(', ')}), not ${describe(raw)}; it is ignored.`);
    } else if (!known.includes(raw)) {
      out.add(['principleSet'], `unknown principle set ${quote(raw)}${didYouMean(raw, known)}; known sets: ${known.map(quote).join(', ')}. It is ignored.`);
    } else {
      config.principleSet = raw;
    }
  }
  return { config, problems: out.list() };
}

/** Collects problems for one configuration layer, capped so a hostile file cannot flood the editor. */
class Problems {
  private readonly problems: ConfigProblem[] = [];
  private dropped = 0;
  constructor(private readonly source: string) {}

  add(path: ConfigPath, message: string, key = false): void {
    if (this.problems.length >= CONFIG_LIMITS.problems) {
      this.dropped++;
      return;
    }
    this.problems.push({ message: this.source ? `${this.source}: ${message}` : capitalize(message), path, ...(key ? { key } : {}) });
  }

  list(): ConfigProblem[] {
    if (this.dropped === 0) return this.problems;
    const more = `${this.dropped} more problem${this.dropped === 1 ? '' : 's'} not shown.`;
    return [...this.problems, { message: this.source ? `${this.source}: ${more}` : more, path: [] }];
  }
}

function readNumber(raw: unknown, spec: Extract<ConfigKeySpec, { kind: 'number' }>, path: ConfigPath, out: Problems): number | undefined {
  const name = String(path[path.length - 1]);
  const what = `${spec.integer ? 'a whole number' : 'a number'} ${spec.maximum !== undefined ? `from ${spec.minimum} to ${spec.maximum}` : `of at least ${spec.minimum}`}`;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < spec.minimum || (spec.maximum !== undefined && raw > spec.maximum) || (spec.integer && !Number.isInteger(raw))) {
    out.add(path, `"${name}" must be ${what}, not ${describe(raw)}; using the default.`);
    return undefined;
  }
  return raw;
}

/**
 * A list of literal phrases. Entries that are not short non-empty strings are reported and
 * dropped one by one; a list longer than the limit keeps its first entries.
 */
function readPhrases(raw: unknown, path: ConfigPath, out: Problems, maxLength: number = CONFIG_LIMITS.phraseLength): string[] | undefined {
  const name = describePath(path);
  if (!Array.isArray(raw)) {
    out.add(path, `${name} must be a list of phrases, not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  const phrases: string[] = [];
  const seen = new Set<string>();
  const limit = Math.min(raw.length, CONFIG_LIMITS.listEntries);
  for (let i = 0; i < limit; i++) {
    const entry = raw[i];
    if (typeof entry !== 'string' || entry.trim() === '') {
      out.add([...path, i], `entry ${i + 1} of ${name} must be a non-empty string, not ${describe(entry)}; it is ignored.`);
    } else if (entry.length > maxLength) {
      out.add([...path, i], `entry ${i + 1} of ${name} is longer than ${maxLength} characters; it is ignored.`);
    } else {
      const phrase = entry.trim();
      if (!seen.has(phrase)) phrases.push(phrase);
      seen.add(phrase);
    }
  }
  if (raw.length > limit) out.add(path, `${name} has ${raw.length} entries; only the first ${limit} are used.`);
  return phrases;
}

function readRules(raw: unknown, ruleIndex: ReadonlyMap<string, Rule | undefined>, out: Problems): EngineConfig['rules'] | undefined {
  if (!isDict(raw)) {
    out.add(['rules'], `"rules" must map rule names to off, hint, info, warning or error, not ${describe(raw)}.`);
    return undefined;
  }
  const rules: EngineConfig['rules'] = {};
  for (const name of Object.keys(raw)) {
    const setting = raw[name];
    const path = ['rules', name];
    if (!ruleIndex.has(name)) {
      out.add(path, `unknown rule ${quote(name)}${didYouMean(name, [...ruleIndex.keys()])}.`, true);
      continue;
    }
    const severity = Array.isArray(setting) ? setting[0] : setting;
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      const hint = typeof severity === 'string' ? didYouMean(severity, SEVERITY_SETTINGS) : '';
      out.add(Array.isArray(setting) ? [...path, 0] : path, `rule "${name}" must be off, hint, info, warning or error, not ${describe(severity)}${hint}; it is ignored.`);
      continue;
    }
    if (!Array.isArray(setting) || setting.length === 1) {
      rules[name] = severity as SeveritySetting;
      continue;
    }
    if (setting.length > 2) out.add([...path, 2], `rule "${name}" takes [severity, { options }]; the extra entries are ignored.`);
    const options = readRuleOptions(name, setting[1], ruleIndex.get(name), [...path, 1], out);
    rules[name] = options && Object.keys(options).length > 0 ? [severity as SeveritySetting, options] : (severity as SeveritySetting);
  }
  return rules;
}

/** Options are checked against the rule's `defaultOptions`: same keys, same value types. */
function readRuleOptions(name: string, raw: unknown, rule: Rule | undefined, path: ConfigPath, out: Problems): Dict | undefined {
  if (!isDict(raw)) {
    out.add(path, `the options of rule "${name}" must be an object, not ${describe(raw)}; they are ignored.`);
    return undefined;
  }
  // Only the rule's name is known (a caller without the registry): keep the mapping as given.
  if (!rule) return raw;
  const defaults = rule.defaultOptions ?? {};
  const known = Object.keys(defaults);
  const options: Dict = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const at = [...path, key];
    if (!Object.hasOwn(defaults, key)) {
      const hint = known.length === 0 ? ` (rule "${name}" has no options)` : `${didYouMean(key, known)}; its options are ${known.map(quote).join(', ')}`;
      out.add(at, `unknown option ${quote(key)} of rule "${name}"${hint}.`, true);
      continue;
    }
    const fallback = defaults[key];
    if (Array.isArray(fallback)) {
      const list = readPhrases(value, at, out);
      if (list) options[key] = list;
    } else if (typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value)) && (typeof value !== 'string' || value.length <= CONFIG_LIMITS.phraseLength)) {
      options[key] = value;
    } else {
      out.add(at, `option "${key}" of rule "${name}" must be ${article(typeof fallback)} (like ${describe(fallback)}), not ${describe(value)}; using the default.`);
    }
  }
  return options;
}

/** The fields of a configured principle set, principle and beat (the schema is generated from these). */
export const PRINCIPLE_SET_FIELDS = {
  id: 'Stable id, selected with `principleSet`, e.g. `acme`. Required.',
  name: 'Name shown in hovers and the coverage tree. Default: the id.',
  principles: 'The principles of the set. Required.',
} as const;
export const PRINCIPLE_FIELDS = {
  id: 'Stable id, unique in the set. Default: the name in kebab-case.',
  name: 'Canonical name, exactly as written on the `Principles:` line. Required.',
  aliases: 'Other spellings and abbreviations that resolve to this principle (case-insensitive).',
  definition: 'The principle in a sentence or two, shown on hover.',
  questions: 'Typical "Tell me about a time…" questions for it.',
  rank: 'Interview-frequency rank, 1 = asked most often; the coverage tree\'s order. Default: its position in the list.',
  beats: 'The evidence an interviewer listens for.',
} as const;
export const BEAT_FIELDS = {
  id: 'Stable id, unique in the principle. Default: the label in kebab-case.',
  label: 'Short description of the evidence, e.g. "the commit after the decision". Required.',
  cues: 'Phrases whose presence counts as evidence (matched literally, ignoring case; a trailing `*` matches any word ending).',
  advice: 'What to add when the beat is missing.',
} as const;

const SET_KEYS = Object.keys(PRINCIPLE_SET_FIELDS);
const PRINCIPLE_KEYS = Object.keys(PRINCIPLE_FIELDS);
const BEAT_KEYS = Object.keys(BEAT_FIELDS);

function readPrincipleSets(raw: unknown, out: Problems): PrincipleSet[] | undefined {
  if (!Array.isArray(raw)) {
    out.add(['principleSets'], `"principleSets" must be a list of principle sets, not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  const sets: PrincipleSet[] = [];
  const limit = Math.min(raw.length, CONFIG_LIMITS.principleSets);
  for (let i = 0; i < limit; i++) {
    const set = readPrincipleSet(raw[i], ['principleSets', i], out);
    if (!set) continue;
    if (sets.some((s) => s.id === set.id)) {
      out.add(['principleSets', i, 'id'], `principle set ${quote(set.id)} is defined twice; the second is ignored.`);
      continue;
    }
    sets.push(set);
  }
  if (raw.length > limit) out.add(['principleSets'], `"principleSets" has ${raw.length} entries; only the first ${limit} are used.`);
  return sets;
}

function readPrincipleSet(raw: unknown, path: ConfigPath, out: Problems): PrincipleSet | undefined {
  const where = `principle set ${Number(path[1]) + 1}`;
  if (!isDict(raw)) {
    out.add(path, `${where} must be an object with "id", "name" and "principles", not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  reportUnknownKeys(raw, SET_KEYS, path, where, out);
  const id = readName(raw.id, [...path, 'id'], `"id" of ${where}`, out, true);
  if (id === undefined) return undefined;
  const label = `principle set ${quote(id)}`;
  const name = Object.hasOwn(raw, 'name') ? readName(raw.name, [...path, 'name'], `"name" of ${label}`, out) ?? id : id;
  if (!Array.isArray(raw.principles)) {
    out.add(Object.hasOwn(raw, 'principles') ? [...path, 'principles'] : path, `${label} needs "principles", a list of principles, not ${describe(raw.principles)}; it is ignored.`);
    return undefined;
  }
  const principles = readDistinct(raw.principles, [...path, 'principles'], label, 'principles', out, (item, at, i) => readPrinciple(item, at, label, i, out));
  if (principles.length === 0) {
    out.add([...path, 'principles'], `${label} has no valid principle; it is ignored.`);
    return undefined;
  }
  return { id, name, principles };
}

/** Reads a capped list of items with ids, reporting and dropping bad entries and repeated ids one by one. */
function readDistinct<T extends { id: string }>(
  list: unknown[],
  path: ConfigPath,
  owner: string,
  noun: 'principles' | 'beats',
  out: Problems,
  readItem: (item: unknown, at: ConfigPath, index: number) => T | undefined,
): T[] {
  const items: T[] = [];
  const limit = Math.min(list.length, CONFIG_LIMITS.listEntries);
  for (let i = 0; i < limit; i++) {
    const item = readItem(list[i], [...path, i], i);
    if (!item) continue;
    if (items.some((x) => x.id === item.id)) {
      out.add([...path, i], `${owner} has two ${noun} with the id ${quote(item.id)}; the second is ignored.`);
      continue;
    }
    items.push(item);
  }
  if (list.length > limit) out.add(path, `${owner} has ${list.length} ${noun}; only the first ${limit} are used.`);
  return items;
}

function readPrinciple(raw: unknown, path: ConfigPath, setLabel: string, index: number, out: Problems): Principle | undefined {
  const where = `principle ${index + 1} of ${setLabel}`;
  if (!isDict(raw)) {
    out.add(path, `${where} must be an object with at least a "name", not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  reportUnknownKeys(raw, PRINCIPLE_KEYS, path, where, out);
  const name = readName(raw.name, [...path, 'name'], `"name" of ${where}`, out, true);
  if (name === undefined) return undefined;
  const label = `principle ${quote(name)}`;
  const id = Object.hasOwn(raw, 'id') ? readName(raw.id, [...path, 'id'], `"id" of ${label}`, out) ?? kebab(name) : kebab(name);
  const optionalText = (key: string): string => (Object.hasOwn(raw, key) ? readName(raw[key], [...path, key], `"${key}" of ${label}`, out, false, CONFIG_LIMITS.textLength) ?? '' : '');
  const optionalList = (key: string, max: number = CONFIG_LIMITS.phraseLength): string[] => (Object.hasOwn(raw, key) ? readPhrases(raw[key], [...path, key], out, max) ?? [] : []);
  let rank = index + 1;
  if (Object.hasOwn(raw, 'rank')) {
    const read = readNumber(raw.rank, { kind: 'number', integer: true, minimum: 1, markdownDescription: '' }, [...path, 'rank'], out);
    if (read !== undefined) rank = read;
  }
  const beats: Beat[] = [];
  if (Object.hasOwn(raw, 'beats')) {
    if (!Array.isArray(raw.beats)) {
      out.add([...path, 'beats'], `"beats" of ${label} must be a list, not ${describe(raw.beats)}; it is ignored.`);
    } else {
      beats.push(...readDistinct(raw.beats, [...path, 'beats'], label, 'beats', out, (item, at, i) => readBeat(item, at, label, i, out)));
    }
  }
  return {
    id,
    name,
    aliases: optionalList('aliases'),
    definition: optionalText('definition'),
    questions: optionalList('questions', CONFIG_LIMITS.textLength),
    rank,
    beats,
  };
}

function readBeat(raw: unknown, path: ConfigPath, principleLabel: string, index: number, out: Problems): Beat | undefined {
  const where = `beat ${index + 1} of ${principleLabel}`;
  if (!isDict(raw)) {
    out.add(path, `${where} must be an object with at least a "label", not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  reportUnknownKeys(raw, BEAT_KEYS, path, where, out);
  const label = readName(raw.label, [...path, 'label'], `"label" of ${where}`, out, true);
  if (label === undefined) return undefined;
  const id = Object.hasOwn(raw, 'id') ? readName(raw.id, [...path, 'id'], `"id" of ${where}`, out) ?? kebab(label) : kebab(label);
  const cues = Object.hasOwn(raw, 'cues') ? readPhrases(raw.cues, [...path, 'cues'], out) ?? [] : [];
  const advice = Object.hasOwn(raw, 'advice') ? readName(raw.advice, [...path, 'advice'], `"advice" of ${where}`, out, false, CONFIG_LIMITS.textLength) ?? '' : '';
  return { id, label, cues, advice };
}

/** A required (or optional) non-empty string of bounded length. */
function readName(raw: unknown, path: ConfigPath, what: string, out: Problems, required = false, maxLength: number = CONFIG_LIMITS.phraseLength): string | undefined {
  if (typeof raw === 'string' && raw.trim() !== '' && raw.length <= maxLength) return raw.trim();
  const problem =
    raw === undefined
      ? `${what} is missing`
      : typeof raw === 'string' && raw.length > maxLength
        ? `${what} is longer than ${maxLength} characters`
        : `${what} must be a non-empty string, not ${describe(raw)}`;
  out.add(raw === undefined ? path.slice(0, -1) : path, `${problem}; ${required ? 'the entry is ignored' : 'using the default'}.`);
  return undefined;
}

function reportUnknownKeys(raw: Dict, known: readonly string[], path: ConfigPath, where: string, out: Problems): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) out.add([...path, key], `unknown field ${quote(key)} in ${where}${didYouMean(key, known)}; it is ignored.`, true);
  }
}

export function mergeConfig(...layers: Array<Partial<EngineConfig> | undefined>): EngineConfig {
  const merged: EngineConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.targetSeconds !== undefined) merged.targetSeconds = layer.targetSeconds;
    if (layer.wordsPerMinute !== undefined) merged.wordsPerMinute = layer.wordsPerMinute;
    if (layer.maxPrinciplesPerStory !== undefined) merged.maxPrinciplesPerStory = layer.maxPrinciplesPerStory;
    if (layer.principleSet !== undefined) merged.principleSet = layer.principleSet;
    if (layer.coaching !== undefined) merged.coaching = layer.coaching;
    if (layer.rules) Object.assign(merged.rules, layer.rules);
    // Lists accumulate across layers: a file adds acronyms to the workspace's, never hides them.
    for (const key of ['acronyms', 'weakVerbs', 'hedges', 'buzzwords'] as const) {
      if (layer[key]) merged[key] = [...new Set([...merged[key], ...layer[key]!])];
    }
    if (layer.principleSets) merged.principleSets = [...merged.principleSets, ...layer.principleSets];
  }
  return merged;
}

/**
 * The principle set a merged configuration selects: the last set defined with that id (a
 * higher layer's definition wins, and a configured `amazon` replaces the built-in one), else
 * the built-in Amazon set. `unknown` names an id that matched nothing.
 */
export function resolvePrincipleSet(config: Pick<EngineConfig, 'principleSet' | 'principleSets'>): { set: PrincipleSet; unknown?: string } {
  const id = config.principleSet ?? 'amazon';
  for (let i = config.principleSets.length - 1; i >= 0; i--) {
    if (config.principleSets[i].id === id) return { set: config.principleSets[i] };
  }
  return id === 'amazon' ? { set: amazonPrinciples } : { set: amazonPrinciples, unknown: id };
}

export function parseFrontMatterYaml(yaml: string): { value?: unknown; error?: { message: string; offset?: number } } {
  // An empty block (`---` then `---`, or only comments) sets nothing; js-yaml calls it an error.
  if (yaml.split(/\r\n|\r|\n/).every((line) => /^[ \t]*(?:#.*)?$/.test(line))) return { value: undefined };
  try {
    return { value: loadYaml(yaml) };
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { position?: number } };
    return { error: { message: e.reason ?? e.message ?? String(err), offset: e.mark?.position } };
  }
}

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** " (did you mean "x"?)" when a known name is close enough to be the intended one. */
export function didYouMean(name: string, known: readonly string[]): string {
  if (known.length === 0 || name.length > CONFIG_LIMITS.phraseLength) return '';
  const best = closest(name, known as string[]);
  return distance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);
}

function describePath(path: ConfigPath): string {
  return `"${path.filter((p) => typeof p === 'string').slice(-1)[0] ?? 'value'}"`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return quote(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

function article(type: string): string {
  return type === 'boolean' ? 'true or false' : `a ${type}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kebab(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}
