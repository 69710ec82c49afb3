/**
 * What the loop commands show, computed without `vscode` so unit tests can check it: the plan
 * as a Markdown page, and the follow-up drill's order and progress.
 */
import type { FollowUp, LoopPlan } from '../../server/src/protocol';

/** Table cells hold the user's titles: a `|` or a newline would break the row. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/** The plan as the preview shows it: one row per principle asked, the story to tell, then the gaps. */
export function planMarkdown(plan: LoopPlan): string {
  const lines = ['# Loop plan', ''];
  lines.push(
    plan.source === 'config'
      ? 'Rounds from `loop` in your configuration.'
      : `Rounds from the default loop${plan.profile ? ` for ${plan.profile}` : ''}; set \`loop\` in \`.star-stories.json\` when the recruiter has said which principles each round covers.`,
    '',
    '| Round | Principle | Story |',
    '|---|---|---|',
  );
  for (const round of plan.rounds) {
    for (const slot of round.slots) {
      const story = slot.story ? `${cell(slot.story.title)}${slot.targeted ? '' : ' (reframed)'}` : '**no story left**';
      lines.push(`| ${cell(round.name)} | ${cell(slot.principle)} | ${story} |`);
    }
  }
  const told = new Set(plan.rounds.flatMap((r) => r.slots.flatMap((s) => (s.story ? [s.story.id] : []))));
  lines.push('', `${told.size} distinct ${told.size === 1 ? 'story' : 'stories'}; none is told twice.`);
  if (plan.uncovered.length) {
    lines.push('', '## Not covered', '', 'Write a story for these, or reframe one the plan does not use:', '');
    for (const slot of plan.uncovered) lines.push(`- ${slot.principle} (${slot.round})`);
  }
  return lines.join('\n') + '\n';
}

/** The drill asks what is still open first; once everything is answered, it starts over. */
export function drillOrder(followUps: readonly FollowUp[], answered: ReadonlySet<string>): FollowUp[] {
  const open = followUps.filter((f) => !answered.has(f.id));
  return open.length ? open : [...followUps];
}

export function drillSummary(title: string, followUps: readonly FollowUp[], answered: ReadonlySet<string>): string {
  const done = followUps.filter((f) => answered.has(f.id)).length;
  return done === followUps.length
    ? `“${title}”: all ${followUps.length} follow-ups answered. The story is ready for the Bar Raiser's digging.`
    : `“${title}”: ${done} of ${followUps.length} follow-ups answered. The rest wait for your next drill.`;
}
