/**
 * The coverage report in three forms: a text table for the terminal, JSON (exactly the
 * server's `BankSnapshot`, so CI and the editor's tree can be compared) and Markdown (the
 * editor's Show Coverage Report). All three read only the snapshot.
 */
import type { BankSnapshot, CoverageStatus, PrincipleCoverage, StorySummary } from './types';
import { formatSeconds } from '../text';
import { storiesOverLimit } from './coverage';

export type CoverageFormat = 'text' | 'json' | 'markdown';

export function renderCoverage(snapshot: BankSnapshot, format: CoverageFormat): string {
  if (format === 'json') return renderJson(snapshot);
  return format === 'markdown' ? renderMarkdown(snapshot) : renderText(snapshot);
}

export function renderJson(snapshot: BankSnapshot): string {
  return JSON.stringify(snapshot, null, 2) + '\n';
}

const STATUS_LABEL: Record<CoverageStatus, string> = { covered: 'covered', thin: 'thin', missing: 'missing' };

export function renderText(snapshot: BankSnapshot): string {
  const { stories, principles } = snapshot;
  const lines = [`${snapshot.principleSet.name}: ${summaryLine(snapshot)}`];
  if (snapshot.profile) lines.push(`Profile: ${snapshot.profile.name} (* must-have)`);
  lines.push('');
  // Principles as rows and their stories as a list: a column per story ran off the terminal at 18 stories.
  const labels = stories.map((_, i) => `S${i + 1}`);
  const labelOf = new Map(stories.map((s, i) => [s.id, labels[i]]));
  const cell = Math.max(2, ...labels.map((l) => l.length));
  const nameWidth = Math.max(9, ...principles.map((p) => principleLabel(p).length));
  const header = ['principle'.padEnd(nameWidth), 'status'.padEnd(12), 'stories'].join(' ');
  lines.push(header, '-'.repeat(header.length));
  for (const p of principles) {
    const status = `${STATUS_LABEL[p.status]} (${p.stories.length})`;
    const told = p.stories.map((id) => labelOf.get(id)).filter((l) => l !== undefined);
    lines.push([principleLabel(p).padEnd(nameWidth), status.padEnd(12), told.join(', ')].join(' ').trimEnd());
  }
  if (stories.length > 0) {
    lines.push('', 'Stories');
    stories.forEach((s, i) => {
      lines.push(
        `  ${labels[i].padEnd(cell)}  ${s.title} (${location(s, snapshot.folders)})  ${formatSeconds(s.seconds)} / ${formatSeconds(s.targetSeconds)}, ${plural(s.problems, 'problem')}${s.readiness ? `, ${s.readiness.rating}` : ''}`,
      );
    });
  }
  lines.push('', 'Gaps', ...gapLines(snapshot).map((l) => '  ' + l));
  if (snapshot.composition) lines.push('', 'Loop composition', ...compositionLines(snapshot).map((l) => '  ' + l));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** "3. Deliver Results", with a star when the profile needs a story for it. */
function principleLabel(p: PrincipleCoverage): string {
  return `${p.rank}. ${p.name}${p.mustHave ? ' *' : ''}`;
}

/** Each composition check: passed or not, what it found, and the principles a new story would fill. */
export function compositionLines(snapshot: BankSnapshot): string[] {
  const name = (id: string) => snapshot.principles.find((p) => p.id === id)?.name ?? id;
  return (snapshot.composition ?? []).map((c) => {
    const fill = c.principles && c.principles.length > 0 ? ` New story for: ${c.principles.map(name).join(', ')}.` : '';
    return `- [${c.ok ? 'x' : ' '}] ${c.label}: ${c.detail}${fill}`;
  });
}

export function renderMarkdown(snapshot: BankSnapshot): string {
  const { stories, principles } = snapshot;
  const lines = ['# Story bank coverage', '', `${snapshot.principleSet.name}: ${summaryLine(snapshot)}.`, ''];
  if (snapshot.profile) lines.push(`Profile: **${escapeMarkdown(snapshot.profile.name)}**. Must-have principles are marked *must*.`, '');
  const escape = escapeMarkdown;
  // Principles as rows, each with its stories by number and short title: the cell wraps in the
  // preview, where a column per story ran off the right edge at 18 stories.
  const labelOf = new Map(stories.map((s, i) => [s.id, `S${i + 1} ${escape(shortTitle(s.title))}`]));
  lines.push('| # | Principle | Status | Stories |', '|---|---|---|---|');
  for (const p of principles) {
    const told = p.stories.map((id) => labelOf.get(id)).filter((l) => l !== undefined);
    lines.push(
      `| ${p.rank} | ${escape(p.name)}${p.mustHave ? ' *must*' : ''} | ${STATUS_LABEL[p.status]} (${p.stories.length}) | ${told.join('<br>') || '–'} |`,
    );
  }
  if (stories.length > 0) {
    lines.push('', '## Stories', '', '| | Story | File | Time | Principles | Problems | Rating |', '|---|---|---|---|---|---|---|');
    stories.forEach((s, i) => {
      const time = `${formatSeconds(s.seconds)} / ${formatSeconds(s.targetSeconds)}`;
      lines.push(
        `| S${i + 1} | ${escape(s.title)} | \`${location(s, snapshot.folders)}\` | ${time} | ${escape(s.principles.join(', ')) || '–'} | ${s.problems} | ${s.readiness?.rating ?? '–'} |`,
      );
    });
  }
  const gaps = gapLines(snapshot);
  lines.push('', '## Gaps', '', ...gaps);
  if (snapshot.composition) lines.push('', '## Loop composition', '', ...compositionLines(snapshot).map(escapeMarkdown));
  return lines.join('\n') + '\n';
}

function escapeMarkdown(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

/** A title cut at a word to about 32 characters: the stories table below has the whole one. */
export function shortTitle(title: string, maxLength = 32): string {
  const text = title.replace(/\s+/g, ' ').trim() || '(untitled)';
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function summaryLine(snapshot: BankSnapshot): string {
  const count = (status: CoverageStatus) => snapshot.principles.filter((p) => p.status === status).length;
  const files = new Set(snapshot.stories.map((s) => s.uri)).size;
  return `${plural(snapshot.stories.length, 'story', 'stories')} in ${plural(files, 'file')}; ${count('covered')} principles covered, ${count('thin')} thin, ${count('missing')} missing`;
}

/** Missing and thin principles, and stories (framings under one title counted together) over the principle limit. */
export function gapLines(snapshot: BankSnapshot): string[] {
  const lines: string[] = [];
  const missing = snapshot.principles.filter((p) => p.status === 'missing').map((p) => p.name);
  const thin = snapshot.principles.filter((p) => p.status === 'thin').map((p) => p.name);
  lines.push(missing.length > 0 ? `- Missing (no story): ${missing.join(', ')}` : '- Missing: none, every principle has a story');
  if (thin.length > 0) lines.push(`- Thin (one story, none to spare if it is asked twice): ${thin.join(', ')}`);
  const over = overLimit(snapshot);
  if (over.length === 0) {
    lines.push(`- Over the principle limit (${snapshot.maxPrinciplesPerStory}): none`);
  } else {
    lines.push(`- Over the principle limit (${snapshot.maxPrinciplesPerStory} per story):`);
    for (const o of over)
      lines.push(
        `  - ${o.title}: ${o.principles.length} principles (${o.principles.join(', ')})${o.framings > 1 ? ` across ${o.framings} framings` : ''}`,
      );
  }
  return lines;
}

export function overLimit(snapshot: BankSnapshot): Array<{ title: string; principles: string[]; framings: number }> {
  return storiesOverLimit(snapshot.stories, snapshot.maxPrinciplesPerStory);
}

/** A story's place for people: the path under its workspace folder and the 1-based line. */
export function location(story: StorySummary, folders: readonly string[]): string {
  const folder = folders
    .map((f) => (f.endsWith('/') ? f : f + '/'))
    .filter((f) => story.uri.startsWith(f))
    .sort((a, b) => b.length - a.length)[0];
  const path = folder ? story.uri.slice(folder.length) : story.uri;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Keep the encoded form.
  }
  return `${decoded}:${story.line + 1}`;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
