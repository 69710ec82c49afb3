/**
 * The accuracy corpus: weak passages a Bar Raiser would mark down (each with the rules that must
 * fire) and strong passages that must stay quiet, linted with every registered rule. Measures
 * recall per rule on weak passages and false alarms on strong ones.
 *
 * `npm run accuracy` prints the table; test/unit/corpus.test.ts asserts the targets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { Linter, type EngineConfig, type SectionKind } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules';
import { BANK_RULES as ENGINE_BANK_RULES } from '../../server/src/engine/bank';

/** Every rule a passage may name: the registry, so a typo in the corpus is caught. */
const RULE_NAMES: readonly string[] = rules.map((r) => r.name);

/** A bank rule: it compares stories with each other, so one passage can neither trigger nor test it. */
export const BANK_RULES: ReadonlySet<string> = new Set(ENGINE_BANK_RULES.map((r) => r.name));

const SECTION_KINDS: readonly SectionKind[] = ['situation', 'task', 'action', 'result', 'reflection'];

export interface Passage {
  id: string;
  file: string;
  /** The section this passage replaces in the skeleton story; absent for a whole story. */
  section?: SectionKind;
  /** Replaces the skeleton's `Principles:` line (the text after "Principles: "). */
  principles?: string;
  /** A skeleton section left out, to test story-level rules without writing a whole story. */
  without?: SectionKind;
  text?: string;
  /** Rules that must fire (weak passages only). */
  expect: string[];
  /** Rules that must not fire: near-misses inside a weak passage. */
  forbid: string[];
  settings?: Partial<EngineConfig>;
  strong: boolean;
}

/**
 * A strong, realistic story that no registered rule should flag: each beat of its two
 * principles has evidence in at least two sections, so replacing any one section keeps
 * `principle-beats` quiet; Situation and Task are short, so a short Action still keeps the setup
 * under 30% of the words.
 */
export const SKELETON = {
  title: 'Wrong delivery addresses',
  principles: 'Customer Obsession, Dive Deep',
  situation:
    'Customers reported that 4% of orders went to addresses they had already changed; support tickets about it rose from 40 to 95 a week.',
  task: 'I owned the address service, so I prioritized the bug ahead of my roadmap to find the cause.',
  action:
    'I pulled three weeks of order logs and queried every address change by hand. I found that the mobile app cached the first saved address and ignored later edits, which no dashboard showed. ' +
    'I decided to ship a server-side fix behind a flag instead of waiting five weeks for the next app release. I also wrote a test that replays the old cache behavior. ' +
    'Then I called customers from the complaint queue to confirm that their next orders reached the right door.',
  result:
    'With the root cause gone, misdelivered orders fell from 2.1% to 0.3% of orders within four weeks, and address refunds dropped from $18,000 to $3,000 a month. ' +
    'Support tickets about addresses went from 95 to 30 a week over the same period.',
  reflection:
    'I now pull the raw logs before I trust a dashboard, and I add a replay test to every cache I touch. ' +
    'On my next project that habit caught a stale-price bug two days before launch, before any customer saw it.',
} as const;

const ROOT = join(__dirname, '..', '..');
/** Passages that test several rules at once, and whole strong stories. */
export const SHARED_FILES = { weak: 'test/corpus/weak.yaml', strong: 'test/corpus/strong.yaml' } as const;

/** A rule's own passages: `weak` and `strong` lists in its folder. */
export const rulePassagesFile = (rule: string) => `server/src/engine/rules/${rule}/passages.yaml`;

/** The shared passages, then each registered rule's, in registry order. */
export function loadCorpus(): Passage[] {
  const passages = [...readPassages(SHARED_FILES.weak, false), ...readPassages(SHARED_FILES.strong, true)];
  for (const rule of rules) {
    const file = rulePassagesFile(rule.name);
    if (!existsSync(join(ROOT, file))) continue;
    const data = loadYaml(readFileSync(join(ROOT, file), 'utf8')) ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected \`weak:\` and \`strong:\` lists of passages`);
    for (const key of Object.keys(data))
      if (key !== 'weak' && key !== 'strong') throw new Error(`${file}: unknown key "${key}"; expected weak and strong`);
    const lists = data as { weak?: unknown; strong?: unknown };
    passages.push(...toPassages(lists.weak ?? [], file, false), ...toPassages(lists.strong ?? [], file, true));
  }
  return passages;
}

function readPassages(file: string, strong: boolean): Passage[] {
  return toPassages(loadYaml(readFileSync(join(ROOT, file), 'utf8')), file, strong);
}

function toPassages(data: unknown, file: string, strong: boolean): Passage[] {
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of passages`);
  return data.map((raw, index) => toPassage(raw, file, index, strong));
}

function toPassage(raw: unknown, file: string, index: number, strong: boolean): Passage {
  const where = `${file} entry ${index + 1}`;
  if (!raw || typeof raw !== 'object') throw new Error(`${where}: expected a mapping`);
  const entry = raw as Record<string, unknown>;
  const known = ['id', 'section', 'principles', 'without', 'text', 'expect', 'forbid', 'settings', 'note'];
  for (const key of Object.keys(entry)) if (!known.includes(key)) throw new Error(`${where}: unknown key "${key}"`);
  const id = entry.id;
  if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id)) throw new Error(`${where}: id must be kebab-case`);
  const optionalString = (key: string) => {
    const value = entry[key];
    if (value !== undefined && typeof value !== 'string') throw new Error(`${file} ${id}: ${key} must be text`);
    return value as string | undefined;
  };
  const ruleList = (key: string) => {
    const value = entry[key] ?? [];
    if (!Array.isArray(value) || value.some((r) => typeof r !== 'string'))
      throw new Error(`${file} ${id}: ${key} must be a list of rule names`);
    for (const rule of value)
      if (!RULE_NAMES.includes(rule)) throw new Error(`${file} ${id}: ${key} names "${rule}", which is not a registered rule`);
    return value as string[];
  };
  const section = optionalString('section') as SectionKind | undefined;
  const without = optionalString('without') as SectionKind | undefined;
  for (const kind of [section, without])
    if (kind !== undefined && !SECTION_KINDS.includes(kind)) throw new Error(`${file} ${id}: unknown section "${kind}"`);
  const text = optionalString('text');
  const principles = optionalString('principles');
  if (section !== undefined && text === undefined) throw new Error(`${file} ${id}: a section passage needs text`);
  if (text === undefined && principles === undefined && without === undefined)
    throw new Error(`${file} ${id}: give text, principles or without`);
  if (section === undefined && text !== undefined && (principles !== undefined || without !== undefined)) {
    throw new Error(`${file} ${id}: a whole story carries its own Principles line and sections`);
  }
  const expect = ruleList('expect');
  const forbid = ruleList('forbid');
  if (strong && (expect.length > 0 || forbid.length > 0))
    throw new Error(`${file} ${id}: strong passages must trigger nothing; expect and forbid belong to weak ones`);
  if (!strong && expect.length === 0) throw new Error(`${file} ${id}: a weak passage must expect at least one rule`);
  const settings = entry.settings as Partial<EngineConfig> | undefined;
  return { id, file, section, principles, without, text, expect, forbid, settings, strong };
}

/** The document the passage is linted as. */
export function storyText(p: Passage): string {
  if (p.section === undefined && p.text !== undefined) return p.text.endsWith('\n') ? p.text : p.text + '\n';
  const lines = [`# ${SKELETON.title}`, `Principles: ${p.principles ?? SKELETON.principles}`];
  for (const kind of SECTION_KINDS) {
    if (kind === p.without) continue;
    const body = kind === p.section ? p.text!.trim() : SKELETON[kind];
    lines.push('', `## ${kind[0].toUpperCase()}${kind.slice(1)}`, '', body);
  }
  return lines.join('\n') + '\n';
}

export interface Miss {
  passage: Passage;
  rule: string;
  kind: 'missed' | 'false alarm' | 'forbidden';
  /** For false alarms: the flagged words. */
  flagged?: string[];
}

export interface RuleRow {
  rule: string;
  expected: number;
  hit: number;
  /** Strong passages it fired on, plus weak passages that forbid it and where it fired. */
  falseAlarms: number;
  /** Strong passages plus weak passages that forbid it. */
  quietChances: number;
}

export interface Accuracy {
  rows: RuleRow[];
  weak: number;
  strong: number;
  expected: number;
  hit: number;
  /** Strong passages with any finding, plus weak passages where a forbidden rule fired. */
  falseAlarmPassages: number;
  quietPassages: number;
  misses: Miss[];
}

export function measure(passages: Passage[] = loadCorpus()): Accuracy {
  const registered = new Set(rules.map((r) => r.name));
  const linter = new Linter();
  const rows = new Map<string, RuleRow>();
  const row = (rule: string) => {
    let r = rows.get(rule);
    if (!r) rows.set(rule, (r = { rule, expected: 0, hit: 0, falseAlarms: 0, quietChances: 0 }));
    return r;
  };
  for (const name of RULE_NAMES) if (!BANK_RULES.has(name)) row(name);

  const misses: Miss[] = [];
  let falseAlarmPassages = 0;
  let quietPassages = 0;
  for (const passage of passages) {
    const text = storyText(passage);
    const findings = linter.lint(text, passage.settings).findings;
    const fired = new Map<string, string[]>();
    for (const f of findings) fired.set(f.rule, [...(fired.get(f.rule) ?? []), text.slice(f.start, f.end)]);
    if (passage.strong) {
      quietPassages++;
      if (findings.length > 0) falseAlarmPassages++;
      for (const r of rows.values()) r.quietChances++;
      for (const [rule, flagged] of fired) {
        row(rule).falseAlarms++;
        misses.push({ passage, rule, kind: 'false alarm', flagged });
      }
      continue;
    }
    for (const rule of passage.expect) {
      const r = row(rule);
      r.expected++;
      if (fired.has(rule)) r.hit++;
      else misses.push({ passage, rule, kind: 'missed' });
    }
    const forbidden = passage.forbid.filter((rule) => registered.has(rule));
    if (forbidden.length > 0) quietPassages++;
    let anyForbidden = false;
    for (const rule of forbidden) {
      const r = row(rule);
      r.quietChances++;
      if (fired.has(rule)) {
        r.falseAlarms++;
        anyForbidden = true;
        misses.push({ passage, rule, kind: 'forbidden', flagged: fired.get(rule) });
      }
    }
    if (anyForbidden) falseAlarmPassages++;
  }
  const allRows = [...rows.values()];
  return {
    rows: [...rows.values()].sort((a, b) => registryIndex(a.rule) - registryIndex(b.rule)),
    weak: passages.filter((p) => !p.strong).length,
    strong: passages.filter((p) => p.strong).length,
    expected: allRows.reduce((n, r) => n + r.expected, 0),
    hit: allRows.reduce((n, r) => n + r.hit, 0),
    falseAlarmPassages,
    quietPassages,
    misses,
  };
}

function registryIndex(rule: string): number {
  const i = RULE_NAMES.indexOf(rule);
  return i < 0 ? RULE_NAMES.length : i;
}

export const recall = (a: { expected: number; hit: number }) => (a.expected === 0 ? 1 : a.hit / a.expected);
export const falseAlarmRate = (r: { falseAlarms: number; quietChances: number }) =>
  r.quietChances === 0 ? 0 : r.falseAlarms / r.quietChances;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function renderTable(a: Accuracy): string {
  const header = ['rule', 'expected', 'hit', 'recall', 'false alarms'];
  const body = a.rows.map((r) => [
    r.rule,
    String(r.expected),
    String(r.hit),
    percent(recall(r)),
    `${r.falseAlarms} (${percent(falseAlarmRate(r))})`,
  ]);
  const overall = [
    'overall (implemented)',
    String(a.expected),
    String(a.hit),
    percent(recall(a)),
    `${a.falseAlarmPassages} (${percent(falseAlarmRate({ falseAlarms: a.falseAlarmPassages, quietChances: a.quietPassages }))})`,
  ];
  const all = [header, ...body, overall];
  const widths = header.map((_, i) => Math.max(...all.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    `Accuracy corpus: ${a.weak} weak passages, ${a.strong} strong passages`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    widths.map((w) => '-'.repeat(w)).join('  '),
    line(overall),
    'recall = expected findings that fired; false alarms = strong passages the rule fired on (+ weak passages that forbid it)',
  ].join('\n');
}

export function renderMisses(misses: Miss[]): string {
  return misses
    .map((m) => {
      const flagged = m.flagged ? ` on ${m.flagged.map((f) => JSON.stringify(f)).join(', ')}` : '';
      const text =
        m.passage.text ??
        `Principles: ${m.passage.principles ?? SKELETON.principles}${m.passage.without ? `, without ${m.passage.without}` : ''}`;
      return `- ${m.kind}: ${m.rule} in ${m.passage.file} ${m.passage.id}${flagged}\n    ${text.trim().replace(/\n/g, '\n    ')}`;
    })
    .join('\n');
}

if (require.main === module) {
  // Lazy: the field corpus may be mid-edit while someone only wants the passage table.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  const field = require('./field') as typeof import('./field');
  const args = process.argv.slice(2);
  // --as-candidates: each story with its candidate's role and level, so profile checks (scope, people-story) run.
  const result = field.measureField(args.includes('--thorough') ? { coaching: 'thorough' } : undefined, args.includes('--as-candidates'));
  if (args.includes('--unlabelled')) console.log(field.renderUnlabelled(result));
  else if (args.includes('--missed')) console.log(field.renderMissed(result));
  else if (args.includes('--wrong')) {
    for (const f of result.findings.filter((x) => x.label && x.label.label !== 'TRUE')) {
      console.log(
        `- ${f.label!.label} ${f.story.file} ${f.finding.rule} ${JSON.stringify(f.text)}: ${f.label!.reason}\n    ${f.finding.message}\n    ${f.context}`,
      );
    }
  } else console.log(renderTable(measure()) + '\n\n' + field.renderField(result));
}
