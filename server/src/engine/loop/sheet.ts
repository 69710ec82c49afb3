/**
 * The loop sheet: one printable page to read the night before. The plan table (round, principle,
 * story), the principles nothing covers, then each planned story once: its hook (the first
 * sentence of its Result, else of the story), its key numbers, its rating and its follow-ups.
 * Everything taken from the user's text is escaped for the format, so a title cannot break the
 * table or inject markup.
 */
import type { StoryDetail } from '../bank/bank';
import { sentencesOf } from '../language';
import type { Story } from '../types';
import { followUpsFor, keyNumbers } from './followUps';
import type { FollowUp, LoopPlan, PlannedSlot, Rating } from './types';

export type SheetFormat = 'markdown' | 'html';

/** A hook is said in one breath: longer first sentences are cut at a word. */
const HOOK_CHARACTERS = 220;
/** Numbers a story's entry lists: the ones worth memorising. */
const KEY_NUMBERS = 4;

interface SheetStory {
  title: string;
  rating: Rating | undefined;
  toldIn: string[];
  hook: string;
  numbers: string[];
  followUps: FollowUp[];
}

export function renderLoopSheet(plan: LoopPlan, details: readonly StoryDetail[], format: SheetFormat): string {
  const stories = sheetStories(plan, details);
  return format === 'html' ? renderHtml(plan, stories) : renderMarkdown(plan, stories);
}

function sheetStories(plan: LoopPlan, details: readonly StoryDetail[]): SheetStory[] {
  const byId = new Map(details.map((d) => [d.summary.id, d]));
  const out = new Map<string, SheetStory>();
  for (const slot of plan.rounds.flatMap((r) => r.slots)) {
    const detail = slot.story && byId.get(slot.story.id);
    if (!detail) continue;
    const toldIn = `${slot.round}: ${slot.principle}${slot.targeted ? '' : ' (reframed)'}`;
    const known = out.get(detail.summary.id);
    if (known) {
      known.toldIn.push(toldIn);
      continue;
    }
    out.set(detail.summary.id, {
      title: detail.summary.title,
      rating: detail.summary.readiness?.rating,
      toldIn: [toldIn],
      hook: hookOf(detail.story),
      numbers: keyNumbers(detail.story, KEY_NUMBERS),
      followUps: followUpsFor(detail.story, detail.findings),
    });
  }
  return [...out.values()];
}

/** The first sentence of the Result, or of the story when the Result says nothing yet. */
export function hookOf(story: Story): string {
  const ordered = [...story.sections.filter((s) => s.kind === 'result'), ...story.sections];
  for (const section of ordered) {
    const first = sentencesOf(story, section.body)[0];
    const text = first?.text.replace(/\s+/g, ' ').trim();
    if (text) return text.length <= HOOK_CHARACTERS ? text : text.slice(0, text.lastIndexOf(' ', HOOK_CHARACTERS)) + '…';
  }
  return '';
}

function storyCell(slot: PlannedSlot): string | undefined {
  return slot.story && `${slot.story.title}${slot.targeted ? '' : ' (reframed)'}`;
}

function renderMarkdown(plan: LoopPlan, stories: readonly SheetStory[]): string {
  const lines = ['# Loop sheet', '', '| Round | Principle | Story |', '|---|---|---|'];
  for (const round of plan.rounds) {
    for (const slot of round.slots) lines.push(`| ${md(round.name)} | ${md(slot.principle)} | ${md(storyCell(slot) ?? '— no story —')} |`);
  }
  if (plan.uncovered.length > 0) {
    lines.push('', `**Not covered:** ${plan.uncovered.map((s) => `${md(s.principle)} (${md(s.round)})`).join(', ')}`);
  }
  for (const story of stories) {
    lines.push('', `## ${md(story.title)}`, '', `*${story.toldIn.map(md).join('; ')}* · ${story.rating ?? 'not rated yet'}`, '');
    if (story.hook) lines.push(`> ${md(story.hook)}`, '');
    if (story.numbers.length > 0) lines.push(`Key numbers: ${story.numbers.map(md).join(', ')}`, '');
    story.followUps.forEach((f, i) => lines.push(`${i + 1}. ${md(f.question)}`));
  }
  return lines.join('\n') + '\n';
}

function renderHtml(plan: LoopPlan, stories: readonly SheetStory[]): string {
  const rows = plan.rounds.flatMap((round) =>
    round.slots.map(
      (slot) => `<tr><td>${html(round.name)}</td><td>${html(slot.principle)}</td><td>${html(storyCell(slot) ?? '— no story —')}</td></tr>`,
    ),
  );
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Loop sheet</title>',
    // One page on paper: small type, no colour that a printer would waste.
    '<style>body{font:11pt/1.35 system-ui,sans-serif;max-width:46em;margin:1.5em auto}table{border-collapse:collapse;width:100%}' +
      'td,th{border:1px solid #999;padding:2px 6px;text-align:left}h2{font-size:12pt;margin:1em 0 .2em}blockquote{margin:.2em 1em;font-style:italic}' +
      'ol{margin:.2em 0}p{margin:.2em 0}@media print{body{margin:0}}</style></head><body>',
    '<h1>Loop sheet</h1>',
    `<table><thead><tr><th>Round</th><th>Principle</th><th>Story</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ];
  if (plan.uncovered.length > 0) {
    parts.push(`<p><strong>Not covered:</strong> ${plan.uncovered.map((s) => `${html(s.principle)} (${html(s.round)})`).join(', ')}</p>`);
  }
  for (const story of stories) {
    parts.push(
      `<h2>${html(story.title)}</h2>`,
      `<p><em>${story.toldIn.map(html).join('; ')}</em> · ${html(story.rating ?? 'not rated yet')}</p>`,
    );
    if (story.hook) parts.push(`<blockquote>${html(story.hook)}</blockquote>`);
    if (story.numbers.length > 0) parts.push(`<p>Key numbers: ${story.numbers.map(html).join(', ')}</p>`);
    if (story.followUps.length > 0) parts.push(`<ol>${story.followUps.map((f) => `<li>${html(f.question)}</li>`).join('')}</ol>`);
  }
  parts.push('</body></html>');
  return parts.join('\n') + '\n';
}

/**
 * Text from a story, made inert in Markdown: one line, the characters that open emphasis, code,
 * links, headings or table cells backslash-escaped, and `<`, `>`, `&` as entities (no raw HTML).
 */
export function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
