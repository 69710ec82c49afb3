/**
 * The field corpus (test/corpus/field/): whole stories written the way candidates really write
 * them, each with the weaknesses a Bar Raiser would mark (`weaknesses.yaml`), and every visible
 * finding labelled TRUE, FALSE or DEBATABLE by a reviewer who did not write the rules
 * (`labels.yaml`). It measures what the passage corpus cannot: precision, findings per story, and
 * how many of the weaknesses that matter the rules catch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { Linter, type EngineConfig, type Finding, type Severity, type Story } from '../../server/src/engine';

export const FIELD_DIR = join(__dirname, 'field');

export type Label = 'TRUE' | 'FALSE' | 'DEBATABLE';

export interface LabelEntry {
  file: string;
  rule: string;
  /** The underlined text, as the finding's range covers it. */
  text: string;
  label: Label;
  reason: string;
  /** Set by later rounds: the label then holds only while the rule says the same thing (a rule may change what it says about the same text). */
  messageId?: string;
}

export interface Weakness {
  kind: string;
  quote: string;
  section: string;
  why: string;
}

export interface FieldStory {
  file: string;
  role: string;
  level: string;
  style: string;
  quality: 'weak' | 'mixed' | 'model';
  weaknesses: Weakness[];
  /** `held-out`: written after the rules were tuned (weaknesses-held-out.yaml), and never tuned on. */
  set: string;
}

/** The rules (or `rule:messageId`, one message of a rule) whose findings catch a weakness of each kind a reviewer may list. */
export const KIND_RULES: Record<string, readonly string[]> = {
  ownership: ['we-over-i', 'weak-verb', 'manager-directed', 'passive-voice', 'others-did-the-work', 'no-decision-point:groupDecision'],
  'no-metric': ['result-no-metric', 'vague-impact', 'activity-result'],
  'metric-incomplete': ['metric-no-baseline', 'metric-no-timeframe', 'engineering-only-result', 'result-no-metric'],
  'vague-impact': ['vague-impact', 'result-no-metric'],
  'no-decision': ['no-decision-point'],
  hypothetical: ['hypothetical', 'habitual-answer'],
  habitual: ['habitual-answer', 'hypothetical'],
  fragments: ['note-fragments'],
  'trivial-disagreement': ['trivial-disagreement'],
  blame: ['blame'],
  'others-did-it': ['others-did-the-work', 'manager-directed'],
  'activity-result': ['activity-result', 'result-no-metric'],
  contradiction: ['contradictory-numbers'],
  'spun-failure': ['spun-failure'],
  'principle-not-shown': ['principle-not-shown', 'principle-beats'],
  'generic-reflection': ['generic-reflection'],
  'no-reflection': ['missing-reflection'],
  'too-long': ['too-long'],
  'long-setup': ['setup-too-long'],
  hedging: ['hedging', 'hypothetical'],
  buzzwords: ['buzzword'],
  jargon: ['unexplained-acronym'],
  structure: ['missing-section', 'empty-section', 'section-order'],
  'too-many-principles': ['too-many-principles'],
  // Caught only when the story's role and level turn these checks on (measureField's asCandidates).
  scope: ['scope'],
  people: ['people-story'],
  'model-metric': ['model-metric-result'],
  other: [],
};

/** Weakness kinds only a role or level profile's checks look for. */
export const PROFILE_KINDS: ReadonlySet<string> = new Set(['scope', 'people', 'model-metric']);

export const VISIBLE: ReadonlySet<Severity> = new Set(['error', 'warning', 'info']);

export function loadField(): { stories: FieldStory[]; labels: LabelEntry[] } {
  const files = readdirSync(FIELD_DIR)
    .filter((f) => f.endsWith('.star.md'))
    .sort();
  const described = new Map<string, FieldStory>();
  // weaknesses.yaml describes the stories the rules were tuned on; weaknesses-<set>.yaml a later set.
  for (const list of readdirSync(FIELD_DIR)
    .filter((f) => /^weaknesses(?:-[\w-]+)?\.yaml$/.test(f))
    .sort()) {
    const set = list === 'weaknesses.yaml' ? 'tuning' : list.slice('weaknesses-'.length, -'.yaml'.length);
    const raw = loadYaml(readFileSync(join(FIELD_DIR, list), 'utf8')) as Array<Record<string, unknown>>;
    for (const entry of raw) {
      const file = String(entry.file);
      if (!files.includes(file)) throw new Error(`${list} names ${file}, which is not in ${FIELD_DIR}`);
      const weaknesses = ((entry.weaknesses as Array<Record<string, unknown>> | null) ?? []).map((w) => {
        const kind = String(w.kind);
        if (!(kind in KIND_RULES)) throw new Error(`${list} ${file}: unknown kind "${kind}"`);
        return { kind, quote: String(w.quote ?? ''), section: String(w.section ?? 'story'), why: String(w.why ?? '') };
      });
      const quality = entry.quality as FieldStory['quality'];
      described.set(file, {
        file,
        role: String(entry.role),
        level: String(entry.level),
        style: String(entry.style),
        quality,
        weaknesses,
        set,
      });
    }
  }
  const missing = files.filter((f) => !described.has(f));
  if (missing.length > 0) throw new Error(`weaknesses.yaml does not describe ${missing.join(', ')}`);
  // One file per review round or reviewer: labels-*.yaml.
  const labels: LabelEntry[] = [];
  for (const name of readdirSync(FIELD_DIR)
    .filter((f) => /^labels.*\.ya?ml$/.test(f))
    .sort()) {
    const entries = (loadYaml(readFileSync(join(FIELD_DIR, name), 'utf8')) as LabelEntry[] | null) ?? [];
    for (const l of entries) if (l.label) labels.push({ ...l, text: String(l.text), label: String(l.label).toUpperCase() as Label });
  }
  for (const l of labels)
    if (!['TRUE', 'FALSE', 'DEBATABLE'].includes(l.label))
      throw new Error(`labels.yaml: ${l.file} ${l.rule} "${l.text}" has label ${l.label}`);
  return { stories: files.map((f) => described.get(f)!), labels };
}

export interface LabelledFinding {
  story: FieldStory;
  finding: Finding;
  text: string;
  /** The sentence around the finding, for a reviewer. */
  context: string;
  label?: LabelEntry;
}

export interface FieldResult {
  stories: number;
  findings: LabelledFinding[];
  /** Findings of every severity, hints included. */
  all: number;
  weaknesses: number;
  caught: Array<{ story: FieldStory; weakness: Weakness; by?: LabelledFinding }>;
  /** Weaknesses caught when hints (advice without a squiggle) count too. */
  caughtWithHints: number;
  models: Array<{ story: FieldStory; warnings: number; infos: number; errors: number }>;
}

const labelKey = (file: string, rule: string, text: string, messageId = '') =>
  `${file}\u0000${rule}\u0000${messageId}\u0000${text.replace(/\s+/g, ' ').trim()}`;

/** A label given to this very message wins over an older one given to the same text. */
function labelFor(byKey: ReadonlyMap<string, LabelEntry>, file: string, finding: Finding, flagged: string): LabelEntry | undefined {
  return byKey.get(labelKey(file, finding.rule, flagged, finding.messageId)) ?? byKey.get(labelKey(file, finding.rule, flagged));
}

/** The role setting a candidate of the story's role would choose; data science and non-tech roles have no profile of their own. */
const ROLE_SETTING: Record<string, EngineConfig['role']> = { SDE: 'sde', EM: 'em', PM: 'pm', TPM: 'tpm', ML: 'ml' };

/** The settings the story's candidate would have: their role and level, so the checks those turn on run. */
export function candidateSettings(story: Pick<FieldStory, 'role' | 'level'>): Partial<EngineConfig> {
  const level = /^L[4-8]$/.test(story.level) ? (story.level as EngineConfig['level']) : undefined;
  return { role: ROLE_SETTING[story.role] ?? 'other', ...(level ? { level } : {}) };
}

/**
 * Every story linted with `settings`; with `asCandidates`, each also with its candidate's role and
 * level (`candidateSettings`), as a user who set them in `.star-stories.json` sees it.
 */
export function measureField(settings?: Partial<EngineConfig>, asCandidates = false): FieldResult {
  const { stories, labels } = loadField();
  const byKey = new Map(labels.map((l) => [labelKey(l.file, l.rule, l.text, l.messageId), l]));
  const findings: LabelledFinding[] = [];
  const caught: FieldResult['caught'] = [];
  const models: FieldResult['models'] = [];
  let all = 0;
  let caughtWithHints = 0;
  for (const story of stories) {
    const text = readFileSync(join(FIELD_DIR, story.file), 'utf8');
    const result = new Linter().lint(text, asCandidates ? { ...settings, ...candidateSettings(story) } : settings);
    all += result.findings.length;
    const visible = result.findings.filter((f) => VISIBLE.has(f.severity));
    const labelled = visible.map((finding) => {
      const flagged = text.slice(finding.start, finding.end);
      return { story, finding, text: flagged, context: contextOf(text, finding), label: labelFor(byKey, story.file, finding, flagged) };
    });
    findings.push(...labelled);
    const everything = result.findings.map((finding) => {
      const flagged = text.slice(finding.start, finding.end);
      return { story, finding, text: flagged, context: '', label: labelFor(byKey, story.file, finding, flagged) };
    });
    // Without the candidate's profile its checks cannot run: those weaknesses count in the profile run only.
    for (const weakness of story.weaknesses.filter((w) => asCandidates || !PROFILE_KINDS.has(w.kind))) {
      const by = labelled.find((l) => l.label?.label !== 'FALSE' && catches(l, weakness, text, result.stories));
      caught.push({ story, weakness, by });
      if (everything.some((l) => l.label?.label !== 'FALSE' && catches(l, weakness, text, result.stories))) caughtWithHints++;
    }
    if (story.quality === 'model') {
      const count = (s: Severity) => visible.filter((f) => f.severity === s).length;
      models.push({ story, errors: count('error'), warnings: count('warning'), infos: count('info') });
    }
  }
  return { stories: stories.length, findings, all, weaknesses: caught.length, caught, caughtWithHints, models };
}

/** A finding catches a weakness when its rule answers that kind and it sits where the weakness is (or quotes it). */
function catches(l: LabelledFinding, weakness: Weakness, text: string, stories: readonly Story[]): boolean {
  const quoteAt = weakness.quote ? text.indexOf(weakness.quote) : -1;
  const quoteEnd = quoteAt + weakness.quote.length;
  // A finding that gathers several places (related information) catches a weakness at any of them.
  const spans = [l.finding, ...(l.finding.relatedSpans ?? [])];
  const overlapsQuote = quoteAt >= 0 && spans.some((s) => s.start < quoteEnd && s.end > quoteAt);
  if (weakness.kind === 'other') return overlapsQuote;
  const answers = KIND_RULES[weakness.kind];
  if (!answers.includes(l.finding.rule) && !answers.includes(`${l.finding.rule}:${l.finding.messageId}`)) return false;
  if (overlapsQuote || weakness.section === 'story') return true;
  const story = stories.find((s) => l.finding.start >= s.start && l.finding.start < s.end);
  const section = story?.sections.find((s) => l.finding.start >= s.heading.start && l.finding.start < s.body.end);
  // A finding on the title or the Principles line is about the whole story.
  if (!section) return true;
  return section.kind === weakness.section;
}

function contextOf(text: string, f: Finding): string {
  const start = Math.max(text.lastIndexOf('\n', f.start - 1) + 1, f.start - 200);
  let end = text.indexOf('\n', f.end);
  if (end < 0 || end > f.end + 200) end = Math.min(text.length, f.end + 200);
  return text.slice(start, end).trim();
}

export interface Precision {
  total: number;
  right: number;
  wrong: number;
  debatable: number;
  unlabelled: number;
}

/** Debatable counts as wrong; unlabelled findings are left out of the ratio and listed, so the figure is never flattered silently. */
export function precisionOf(findings: readonly LabelledFinding[]): Precision & { value: number } {
  const p: Precision = { total: findings.length, right: 0, wrong: 0, debatable: 0, unlabelled: 0 };
  for (const f of findings) {
    if (!f.label) p.unlabelled++;
    else if (f.label.label === 'TRUE') p.right++;
    else if (f.label.label === 'FALSE') p.wrong++;
    else p.debatable++;
  }
  const judged = p.right + p.wrong + p.debatable;
  return { ...p, value: judged === 0 ? 1 : p.right / judged };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function renderField(r: FieldResult): string {
  const severe = r.findings.filter((f) => f.finding.severity !== 'info');
  const info = r.findings.filter((f) => f.finding.severity === 'info');
  const byRule = new Map<string, LabelledFinding[]>();
  for (const f of r.findings) byRule.set(f.finding.rule, [...(byRule.get(f.finding.rule) ?? []), f]);
  const rows = [...byRule.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([rule, list]) => {
      const p = precisionOf(list);
      return [rule, String(list.length), String(p.right), String(p.wrong), String(p.debatable), String(p.unlabelled), pct(p.value)];
    });
  const header = ['rule', 'visible', 'TRUE', 'FALSE', 'DEBAT.', 'unlab.', 'precision'];
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((c) => c[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const caught = r.caught.filter((c) => c.by).length;
  const byKind = new Map<string, [number, number]>();
  for (const c of r.caught) {
    const [n, hit] = byKind.get(c.weakness.kind) ?? [0, 0];
    byKind.set(c.weakness.kind, [n + 1, hit + (c.by ? 1 : 0)]);
  }
  const ps = precisionOf(severe);
  const pi = precisionOf(info);
  return [
    `Field corpus: ${r.stories} whole stories (${r.models.length} of model quality)`,
    `visible findings per story: ${(r.findings.length / r.stories).toFixed(2)} (all severities, hints included: ${(r.all / r.stories).toFixed(2)})`,
    `precision at warning and error: ${pct(ps.value)} (${ps.right} true, ${ps.wrong} false, ${ps.debatable} debatable, ${ps.unlabelled} unlabelled)`,
    `precision at info: ${pct(pi.value)} (${pi.right} true, ${pi.wrong} false, ${pi.debatable} debatable, ${pi.unlabelled} unlabelled)`,
    `weaknesses caught by a visible finding: ${caught} of ${r.weaknesses} (${pct(r.weaknesses === 0 ? 1 : caught / r.weaknesses)}); counting hints too: ${r.caughtWithHints} (${pct(r.weaknesses === 0 ? 1 : r.caughtWithHints / r.weaknesses)})`,
    '  ' +
      [...byKind.entries()]
        .sort()
        .map(([k, [n, hit]]) => `${k} ${hit}/${n}`)
        .join(', '),
    `model stories with a warning or error: ${r.models.filter((m) => m.warnings + m.errors > 0).length}; with more than one info: ${r.models.filter((m) => m.infos > 1).length}`,
    ...renderSets(r),
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    'precision = TRUE / labelled; DEBATABLE counts as wrong; unlabelled findings are listed by `npm run accuracy -- --unlabelled`',
  ].join('\n');
}

/** The same figures for each set of stories apart: a set written after the tuning is the honest one. */
function renderSets(r: FieldResult): string[] {
  const sets = [...new Set(r.caught.map((c) => c.story.set))];
  if (sets.length < 2) return [];
  return sets.map((set) => {
    const stories = new Set(r.caught.filter((c) => c.story.set === set).map((c) => c.story.file));
    for (const m of r.models) if (m.story.set === set) stories.add(m.story.file);
    const findings = r.findings.filter((f) => f.story.set === set);
    const caught = r.caught.filter((c) => c.story.set === set);
    const ps = precisionOf(findings.filter((f) => f.finding.severity !== 'info'));
    const pi = precisionOf(findings.filter((f) => f.finding.severity === 'info'));
    const hit = caught.filter((c) => c.by).length;
    return `  ${set} set (${stories.size} stories): ${(findings.length / stories.size).toFixed(2)} visible per story; precision ${pct(ps.value)} at warning and error, ${pct(pi.value)} at info (${ps.unlabelled + pi.unlabelled} unlabelled); weaknesses caught ${hit} of ${caught.length} (${pct(caught.length === 0 ? 1 : hit / caught.length)})`;
  });
}

/** Unlabelled visible findings as YAML entries for a reviewer to complete. */
export function renderUnlabelled(r: FieldResult): string {
  const out: string[] = [];
  for (const f of r.findings) {
    if (f.label) continue;
    out.push(
      `- file: ${f.story.file}`,
      `  rule: ${f.finding.rule}`,
      `  messageId: ${f.finding.messageId}`,
      `  text: ${JSON.stringify(f.text)}`,
      `  severity: ${f.finding.severity}`,
      `  message: ${JSON.stringify(f.finding.message)}`,
      `  context: ${JSON.stringify(f.context)}`,
      `  label: `,
      `  reason: `,
    );
  }
  return out.join('\n');
}

/** Weaknesses no visible finding caught, to tune against. */
export function renderMissed(r: FieldResult): string {
  return r.caught
    .filter((c) => !c.by)
    .map(
      (c) =>
        `- ${c.story.file} [${c.weakness.kind}, ${c.weakness.section}] ${c.weakness.quote ? JSON.stringify(c.weakness.quote) + ' ' : ''}— ${c.weakness.why}`,
    )
    .join('\n');
}
