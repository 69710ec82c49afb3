/**
 * Everything the story-bank views show, computed from a BankSnapshot without the VS Code API,
 * so the labels, filters and choices are unit-tested and the view classes stay thin.
 */
import {
  describeTargetOverride,
  formatDuration,
  LISTED_REASONS,
  type BankSnapshot,
  type CompositionCheck,
  type CoverageStatus,
  type PrincipleCoverage,
  type Rating,
  type Readiness,
  type StorySummary,
} from '../../server/src/protocol';

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function isOverTarget(seconds: number, targetSeconds: number): boolean {
  return targetSeconds > 0 && seconds > targetSeconds;
}

/** "2:10 / 3:00": the speaking time against the target. */
export function timeVsTarget(seconds: number, targetSeconds: number): string {
  return `${formatDuration(seconds)} / ${formatDuration(targetSeconds)}`;
}

// ---------------------------------------------------------------------------------------------
// Coverage tree
// ---------------------------------------------------------------------------------------------

/** Codicon and theme color per status; the glue wraps them in ThemeIcon/ThemeColor. */
export const STATUS_ICONS: Record<CoverageStatus, { icon: string; color: string }> = {
  covered: { icon: 'pass', color: 'testing.iconPassed' },
  thin: { icon: 'warning', color: 'list.warningForeground' },
  missing: { icon: 'circle-outline', color: 'list.errorForeground' },
};

export function coverageDescription(principle: PrincipleCoverage): string {
  switch (principle.status) {
    case 'covered':
      return plural(principle.stories.length, 'story', 'stories');
    case 'thin':
      // An interviewer may probe a principle twice in one loop; one story cannot be told twice.
      return '1 story: add a second';
    case 'missing':
      return 'missing';
  }
}

export interface PrincipleRow {
  principle: PrincipleCoverage;
  label: string;
  description: string;
  tooltip: string;
  /** `principle-covered`, `principle-thin` or `principle-missing`: menus match `viewItem =~ /^principle-/`. */
  contextValue: string;
  icon: string;
  color: string;
  /** The principle's stories, in the order the snapshot lists them; ids it cannot resolve are skipped. */
  stories: StorySummary[];
}

export function storiesById(snapshot: BankSnapshot): Map<string, StorySummary> {
  return new Map(snapshot.stories.map((s) => [s.id, s]));
}

/**
 * The principle rows in rank order; with `onlyGaps`, only principles that are thin or missing,
 * which are the ones worth a new story before the loop.
 */
export function principleRows(snapshot: BankSnapshot, onlyGaps: boolean): PrincipleRow[] {
  const byId = storiesById(snapshot);
  return [...snapshot.principles]
    .sort((a, b) => a.rank - b.rank)
    .filter((p) => !onlyGaps || p.status !== 'covered')
    .map((principle) => {
      const stories = principle.stories.map((id) => byId.get(id)).filter((s): s is StorySummary => s !== undefined);
      const { icon, color } = STATUS_ICONS[principle.status];
      const storyList = stories.length ? `\n\nStories: ${stories.map((s) => s.title).join(', ')}` : '';
      return {
        principle,
        label: principle.name,
        description: coverageDescription(principle),
        tooltip: `${principle.name} (#${principle.rank} most probed)\n\n${principle.definition}${storyList}`,
        contextValue: `principle-${principle.status}`,
        icon,
        color,
        stories,
      };
    });
}

export interface CoverageCounts {
  principles: number;
  covered: number;
  thin: number;
  missing: number;
  stories: number;
}

export function coverageCounts(snapshot: BankSnapshot): CoverageCounts {
  const count = (status: CoverageStatus) => snapshot.principles.filter((p) => p.status === status).length;
  return {
    principles: snapshot.principles.length,
    covered: count('covered'),
    thin: count('thin'),
    missing: count('missing'),
    stories: snapshot.stories.length,
  };
}

/** "11/16 principles · 9 stories": principles with at least one story, out of the whole set. */
export function summaryText(snapshot: BankSnapshot): string {
  const c = coverageCounts(snapshot);
  return `${c.covered + c.thin}/${c.principles} principles · ${plural(c.stories, 'story', 'stories')}`;
}

export function summaryTooltip(snapshot: BankSnapshot): string {
  const c = coverageCounts(snapshot);
  return `${snapshot.principleSet.name}: ${c.covered} covered (2+ stories), ${c.thin} thin (1 story), ${c.missing} missing. Click for the coverage report.`;
}

export interface CheckRow {
  check: CompositionCheck;
  label: string;
  description: string;
  tooltip: string;
  /** `composition-ok` or `composition-failed`: a failed one offers "New Story for …". */
  contextValue: string;
  icon: string;
  color: string;
  /** Ids of the principles a new story would fill (preselected by the action). */
  principles: string[];
}

export interface SummaryRow {
  label: string;
  description?: string;
  tooltip: string;
  /** The composition checks, failed first: the tree's children of the row. */
  checks: CheckRow[];
}

function checkRow(check: CompositionCheck, names: Map<string, string>): CheckRow {
  const principles = check.principles ?? [];
  const fill = principles.map((id) => names.get(id) ?? id);
  const action = !check.ok && fill.length ? `\n\nNew Story for ${fill.join(', ')}: the action on the row.` : '';
  return {
    check,
    label: check.label,
    description: check.detail,
    tooltip: `${check.ok ? 'Done' : 'Not yet'}: ${check.label}. ${check.detail}${action}`,
    contextValue: check.ok ? 'composition-ok' : 'composition-failed',
    ...(check.ok ? STATUS_ICONS.covered : STATUS_ICONS.thin),
    principles,
  };
}

/**
 * The tree's top row: the bank's readiness for the loop when the server rates it ("Loop
 * readiness: 6 of 8 must-haves inclined; 9 stories"), else the coverage summary; its children are
 * the composition checks the server sends (none when it sends none).
 */
export function summaryRow(snapshot: BankSnapshot): SummaryRow {
  const names = new Map(snapshot.principles.map((p) => [p.id, p.name]));
  const checks = (snapshot.composition ?? []).map((c) => checkRow(c, names)).sort((a, b) => Number(a.check.ok) - Number(b.check.ok));
  const readiness = snapshot.readiness;
  if (!readiness) return { label: summaryText(snapshot), tooltip: summaryTooltip(snapshot), checks };
  const stories = plural(snapshot.stories.length, 'story', 'stories');
  const failed = checks.filter((c) => !c.check.ok).length;
  const profile = snapshot.profile ? `${snapshot.profile.name}: ` : '';
  return {
    label: `Loop readiness: ${readiness.mustHavesReady} of ${plural(readiness.mustHaves, 'must-have')} inclined; ${stories}`,
    description: snapshot.profile?.name,
    tooltip: [
      `${profile}the bank would get "${readiness.rating}". ${readiness.mustHavesReady} of ${readiness.mustHaves} must-have principles have a story rated inclined or better.`,
      checks.length ? `${checks.length - failed} of ${checks.length} loop checks pass.` : '',
      summaryTooltip(snapshot),
    ]
      .filter(Boolean)
      .join('\n\n'),
    checks,
  };
}

/** Shown in the tree when the gaps filter leaves no principle. */
export function noGapsMessage(snapshot: BankSnapshot): string {
  return `No gaps: every principle of ${snapshot.principleSet.name} has 2 or more stories.`;
}

// ---------------------------------------------------------------------------------------------
// Stories view and status bar
// ---------------------------------------------------------------------------------------------

export interface StoryRow {
  story: StorySummary;
  label: string;
  description: string;
  /** Markdown: the glue wraps it in a MarkdownString. */
  tooltip: string;
  /** The row's badge (at most two characters, never cut at the view's edge): the problem count, when there are problems. */
  badge?: string;
  /** Over target or with problems: the row gets a warning icon. */
  needsWork: boolean;
}

/** "Inclined": how a rating reads at the start of a sentence. */
export function capitalized(rating: Rating): string {
  return rating.charAt(0).toUpperCase() + rating.slice(1);
}

/**
 * What matters first, because the view cuts the description at its edge: the problems, the
 * interviewer's rating when the server gives one, the time, then the principles (the longest part).
 */
export function storyDescription(story: StorySummary): string {
  // A large bank's first pass lists its stories before the rules have run on them.
  const parts = [story.pending ? 'checking…' : story.problems > 0 ? plural(story.problems, 'problem') : 'no problems'];
  if (story.readiness) parts.push(story.readiness.rating);
  parts.push(`${formatDuration(story.seconds)} of ${formatDuration(story.targetSeconds)}`);
  parts.push(story.principles.length ? story.principles.join(', ') : 'no principles');
  return parts.join(' · ');
}

/** Markdown-escapes the user's text so a title like `*Q3* [draft]` shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The rating and the heaviest reasons behind it, as one Markdown block. */
function readinessBlock(readiness: Readiness): string {
  const rating = `**${capitalized(readiness.rating)}**: what an interviewer would write today`;
  if (readiness.reasons.length === 0) return `${rating}; nothing they would mark.`;
  const shown = readiness.reasons.slice(0, LISTED_REASONS).map((r) => `- ${escapeMarkdown(r.message)} (\`${r.rule}\`)`);
  const more = readiness.reasons.length - shown.length + (readiness.omitted ?? 0);
  return [`${rating}. What lowers it:`, '', ...shown, ...(more > 0 ? [`- and ${more} more`] : [])].join('\n');
}

export function storyTooltip(story: StorySummary): string {
  const over = isOverTarget(story.seconds, story.targetSeconds) ? ' (over target)' : '';
  const target = `${formatDuration(story.targetSeconds)}${story.targetOverride ? ` (${describeTargetOverride(story.targetOverride)})` : ''}`;
  return [
    `**${escapeMarkdown(story.title || '(untitled story)')}**`,
    ...(story.readiness ? [readinessBlock(story.readiness)] : []),
    story.pending ? 'Problems: still being checked' : `Problems: ${story.problems}`,
    `Principles: ${story.principles.length ? escapeMarkdown(story.principles.join(', ')) : 'none named'}`,
    `Speaking time: about ${formatDuration(story.seconds)} for ${plural(story.words, 'word')}; target ${target}${over}`,
    `I / we in Task and Action: ${story.pending ? 'still being counted' : `${story.iCount} / ${story.weCount}`}; Action share: ${Math.round(story.actionShare * 100)}%`,
  ].join('\n\n');
}

export function storyRow(story: StorySummary): StoryRow {
  return {
    story,
    label: story.title || '(untitled story)',
    description: storyDescription(story),
    tooltip: storyTooltip(story),
    badge: story.problems > 0 ? (story.problems > 99 ? '99' : String(story.problems)) : undefined,
    needsWork: story.problems > 0 || isOverTarget(story.seconds, story.targetSeconds),
  };
}

/** Every story, by title (then file and line, so equal titles keep a stable order). */
export function sortedStories(snapshot: BankSnapshot): StorySummary[] {
  return [...snapshot.stories].sort((a, b) => a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri) || a.line - b.line);
}

/** The story whose lines (heading to last line) hold `line` of the document `uri`. */
export function storyAt(snapshot: BankSnapshot | undefined, uri: string, line: number): StorySummary | undefined {
  return snapshot?.stories.find((s) => s.uri === uri && line >= s.line && line <= s.endLine);
}

/**
 * The length of the story under the cursor, in words and minutes: a book and "of", so it never
 * reads like the practice stopwatch (a watch, "Practising", "/"), which replaces it while it runs.
 */
export function speakingTimeStatus(story: StorySummary): { text: string; tooltip: string; over: boolean } {
  const over = isOverTarget(story.seconds, story.targetSeconds);
  return {
    text: `$(book) ${plural(story.words, 'word')} · ${formatDuration(story.seconds)} of ${formatDuration(story.targetSeconds)}`,
    tooltip: `${story.title}: ${plural(story.words, 'word')}, about ${formatDuration(story.seconds)} to tell at your pace, target ${formatDuration(story.targetSeconds)}${
      story.targetOverride ? ` (${describeTargetOverride(story.targetOverride)})` : ''
    }${over ? ', over target: cut the Situation and Task first' : ''}. Click to show it in the Stories view.`,
    over,
  };
}

// ---------------------------------------------------------------------------------------------
// New Story
// ---------------------------------------------------------------------------------------------

/** A file-name slug: lowercase ASCII letters and digits joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'story';
}

/** `slug.star.md`, then `slug-2.star.md`, `slug-3.star.md`…: the first name `exists` rejects not. */
export async function uniqueFileName(slug: string, exists: (name: string) => Promise<boolean>, maxTries = 1000): Promise<string> {
  for (let n = 1; n <= maxTries; n++) {
    const name = n === 1 ? `${slug}.star.md` : `${slug}-${n}.star.md`;
    if (!(await exists(name))) return name;
  }
  throw new Error(`No free file name for "${slug}" after ${maxTries} tries.`);
}

export interface FolderChoice {
  /** Folder URI without a trailing slash. */
  uri: string;
  /** The workspace folder's name, then the path inside it: `bank/stories`. */
  label: string;
  stories: number;
}

export interface WorkspaceFolderRef {
  uri: string;
  name: string;
}

function parentUri(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash > 0 ? uri.slice(0, slash) : uri;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Where a new story can go: the workspace folders and every folder inside them that already
 * holds stories, the one with most stories first (then workspace folders, then by name).
 */
export function folderChoices(snapshot: BankSnapshot | undefined, workspaceFolders: WorkspaceFolderRef[]): FolderChoice[] {
  const roots = workspaceFolders.map((f) => ({ uri: f.uri.replace(/\/+$/, ''), name: f.name }));
  const choices = new Map<string, FolderChoice>(roots.map((r) => [r.uri, { uri: r.uri, label: r.name, stories: 0 }]));
  for (const story of snapshot?.stories ?? []) {
    const dir = parentUri(story.uri);
    // The innermost workspace folder holding the story names it (workspace folders can nest).
    const root = roots.filter((r) => dir === r.uri || dir.startsWith(`${r.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];
    if (!root) continue;
    // A file with three stories counts three times: that folder is where the bank lives.
    const choice = choices.get(dir) ?? { uri: dir, label: `${root.name}/${safeDecode(dir.slice(root.uri.length + 1))}`, stories: 0 };
    choice.stories++;
    choices.set(dir, choice);
  }
  const isRoot = (c: FolderChoice) => Number(roots.some((r) => r.uri === c.uri));
  return [...choices.values()].sort((a, b) => b.stories - a.stories || isRoot(b) - isRoot(a) || a.label.localeCompare(b.label));
}

/**
 * The principles picked in a multi-select list, in the order the user ticked them (the list
 * reports them in list order): the first one is the story's main framing.
 */
export function selectionOrder(previous: readonly string[], selected: readonly string[]): string[] {
  const now = new Set(selected);
  const kept = previous.filter((name) => now.has(name));
  return [...kept, ...selected.filter((name) => !kept.includes(name))];
}

/** Used when the server cannot give a template: the same STAR skeleton with tab stops. */
export function fallbackTemplate(title: string, principles: string[]): string {
  const escape = (s: string) => s.replace(/[\\$}]/g, '\\$&');
  return [
    `# ${escape(title)}`,
    `Principles: ${principles.length ? escape(principles.join(', ')) : '${1:Customer Obsession}'}`,
    '',
    '## Situation',
    '${2:<!-- One or two sentences of context. -->}',
    '',
    '## Task',
    '${3:<!-- What you owned. -->}',
    '',
    '## Action',
    '${4:<!-- What you did: the decision, the data, the trade-off. -->}',
    '',
    '## Result',
    '${5:<!-- From a baseline to an outcome within a time span. -->}',
    '',
    '## Reflection',
    '${6:<!-- What you now do differently. -->}',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Practice
// ---------------------------------------------------------------------------------------------

/** Returns a number in [0, 1), like Math.random; tests pass a fixed sequence. */
export type Random = () => number;

export function pickRandom<T>(items: readonly T[], random: Random): T | undefined {
  if (items.length === 0) return undefined;
  const index = Math.min(items.length - 1, Math.max(0, Math.floor(random() * items.length)));
  return items[index];
}

/**
 * A principle to practice when the user asks for "an uncovered one": a missing principle if there
 * is one, else a thin one, else any; the gaps are what an interviewer would catch.
 */
export function chooseUncoveredPrinciple(snapshot: BankSnapshot, random: Random): PrincipleCoverage | undefined {
  const missing = snapshot.principles.filter((p) => p.status === 'missing');
  const thin = snapshot.principles.filter((p) => p.status === 'thin');
  return pickRandom(missing.length ? missing : thin.length ? thin : snapshot.principles, random);
}

export interface PracticePrompt {
  principle: PrincipleCoverage;
  question: string;
  /** The bank's stories for this principle, in the order the snapshot lists them: the user picks one when there are two or more. */
  stories: StorySummary[];
}

export function practicePrompt(snapshot: BankSnapshot, principle: PrincipleCoverage, random: Random): PracticePrompt {
  const question = pickRandom(principle.questions, random) ?? `Tell me about a time you showed ${principle.name}.`;
  const byId = storiesById(snapshot);
  const stories = principle.stories.map((id) => byId.get(id)).filter((s): s is StorySummary => s !== undefined);
  return { principle, question, stories };
}

/** A practice story choice: what tells two stories for one principle apart (length, rating, problems). */
export function practiceStoryChoice(story: StorySummary): { label: string; description: string; detail: string } {
  const facts = [`${formatDuration(story.seconds)} of ${formatDuration(story.targetSeconds)}`];
  if (story.readiness) facts.push(story.readiness.rating);
  facts.push(story.problems > 0 ? plural(story.problems, 'problem') : 'no problems');
  return { label: story.title || '(untitled story)', description: facts.join(' · '), detail: story.principles.join(', ') };
}

/** The practice timer's status bar text: a watch, the word, then elapsed against the target. */
export function practiceTimerText(elapsedSeconds: number, targetSeconds: number): string {
  return `$(watch) Practising ${timeVsTarget(elapsedSeconds, targetSeconds)}`;
}

/** The question cut at a word to fit the status bar ("Tell me about a time you…"); the full one is a click away. */
export function shortQuestion(question: string, maxLength = 48): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function practiceSummary(elapsedSeconds: number, targetSeconds: number): string {
  const over = elapsedSeconds - targetSeconds;
  const verdict = over > 0 ? `${formatDuration(over)} over the target` : 'within the target';
  return `You spoke for ${formatDuration(elapsedSeconds)} (target ${formatDuration(targetSeconds)}): ${verdict}.`;
}
