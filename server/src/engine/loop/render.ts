/**
 * The loop plan for people: a text table for the terminal, Markdown for a document, JSON exactly
 * as the server's `LoopPlan` (so the editor and CI read the same thing).
 */
import { location } from '../bank/render';
import type { StorySummary } from '../bank/types';
import { md } from './sheet';
import type { LoopPlan, PlannedSlot } from './types';

export type PlanFormat = 'text' | 'markdown' | 'json';

export function renderPlan(plan: LoopPlan, stories: readonly StorySummary[], folders: readonly string[], format: PlanFormat): string {
  if (format === 'json') return JSON.stringify(plan, null, 2) + '\n';
  const byId = new Map(stories.map((s) => [s.id, s]));
  return format === 'markdown' ? planMarkdown(plan, byId) : planText(plan, byId, folders);
}

function heading(plan: LoopPlan): string {
  const slots = plan.rounds.reduce((n, r) => n + r.slots.length, 0);
  const covered = slots - plan.uncovered.length;
  const from = plan.source === 'config' ? 'your loop' : plan.profile ? `the ${plan.profile} loop` : 'the default loop';
  return `Loop plan for ${from}: ${plan.rounds.length} rounds, ${covered} of ${slots} principles with a story of their own`;
}

function storyLabel(slot: PlannedSlot, byId: ReadonlyMap<string, StorySummary>): string {
  if (!slot.story) return '(no story left)';
  const rating = byId.get(slot.story.id)?.readiness?.rating;
  return `${slot.story.title}${slot.targeted ? '' : ' [reframed]'}${rating ? ` (${rating})` : ''}`;
}

function planText(plan: LoopPlan, byId: ReadonlyMap<string, StorySummary>, folders: readonly string[]): string {
  const lines = [heading(plan), ''];
  const width = Math.max(9, ...plan.rounds.flatMap((r) => r.slots.map((s) => s.principle.length)));
  for (const round of plan.rounds) {
    lines.push(round.name);
    for (const slot of round.slots) {
      const summary = slot.story && byId.get(slot.story.id);
      const where = summary ? `  ${location(summary, folders)}` : '';
      lines.push(`  ${slot.principle.padEnd(width)}  ${storyLabel(slot, byId)}${where}`);
    }
  }
  lines.push('', 'Not covered');
  if (plan.uncovered.length === 0) lines.push('  nothing: every principle has a story of its own');
  for (const slot of plan.uncovered) lines.push(`  ${slot.principle} (${slot.round}): write a story that names it, or free one up`);
  for (const problem of plan.problems ?? []) lines.push('', `Note: ${problem}`);
  return lines.join('\n') + '\n';
}

function planMarkdown(plan: LoopPlan, byId: ReadonlyMap<string, StorySummary>): string {
  const lines = ['# Loop plan', '', `${md(heading(plan))}.`, '', '| Round | Principle | Story |', '|---|---|---|'];
  for (const round of plan.rounds) {
    for (const slot of round.slots) lines.push(`| ${md(round.name)} | ${md(slot.principle)} | ${md(storyLabel(slot, byId))} |`);
  }
  lines.push('', '## Not covered', '');
  if (plan.uncovered.length === 0) lines.push('Nothing: every principle has a story of its own.');
  for (const slot of plan.uncovered) lines.push(`- ${md(slot.principle)} (${md(slot.round)})`);
  for (const problem of plan.problems ?? []) lines.push('', `> ${md(problem)}`);
  return lines.join('\n') + '\n';
}
