import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, formatSeconds, type EngineConfig, type LintResult } from './engine';
import { summarizeStories } from './engine/bank';
import { describeTargetOverride, type Readiness, type StorySummary, type TargetOverride } from './protocol';

/** Where a story's effective target comes from, when that is not the VS Code setting. */
export type TargetOverrideLookup = (uri: string, targetSeconds: number) => TargetOverride | undefined;

/**
 * The layer that set `targetSeconds`, when it differs from the setting: the workspace folder's
 * `.star-stories.json` when it holds that value, else the file's front matter (the only layer above).
 */
export function targetOverride(
  targetSeconds: number,
  settings: Partial<EngineConfig>,
  folder: Partial<EngineConfig> | undefined,
): TargetOverride | undefined {
  const settingSeconds = settings.targetSeconds ?? DEFAULT_CONFIG.targetSeconds;
  if (targetSeconds === settingSeconds) return undefined;
  return { from: folder?.targetSeconds === targetSeconds ? '.star-stories.json' : 'front matter', settingSeconds };
}

/** One line above each story with what an interviewer would notice first: time, "I" against "we", the Action's share. */
export function codeLenses(document: TextDocument, result: LintResult, override: TargetOverrideLookup = () => undefined): CodeLens[] {
  return summarizeStories(document.uri, document.getText(), result).map((summary) => {
    const targetOverride = override(document.uri, summary.targetSeconds);
    const story = targetOverride ? { ...summary, targetOverride } : summary;
    const position = { line: story.line, character: 0 };
    // An empty command id makes the lens a label: there is nothing to run, only something to read.
    return {
      range: { start: position, end: position },
      command: { title: codeLensTitle(story), command: '', tooltip: codeLensTooltip(story) },
    };
  });
}

export function codeLensTitle(story: StorySummary): string {
  const principles = story.principles.length;
  const target = formatSeconds(story.targetSeconds) + (story.targetOverride ? ` (${story.targetOverride.from})` : '');
  return [
    ...(story.readiness ? [capitalize(story.readiness.rating)] : []),
    `${formatSeconds(story.seconds)} / ${target}`,
    `I ${story.iCount}`,
    `we ${story.weCount}`,
    `Action ${Math.round(story.actionShare * 100)}%`,
    `${principles} principle${principles === 1 ? '' : 's'}`,
  ].join(' · ');
}

/** The lens's hover: what each number means, and where the target comes from. */
export function codeLensTooltip(story: StorySummary): string {
  const target = `target ${formatSeconds(story.targetSeconds)}${story.targetOverride ? ` (${describeTargetOverride(story.targetOverride)})` : ''}`;
  return [
    ...(story.readiness ? [readinessTooltip(story.readiness)] : []),
    `About ${formatSeconds(story.seconds)} to tell at your pace (${story.words} words), ${target}.`,
    `"I" ${story.iCount} times and "we" ${story.weCount} times in the Task and Action; the Action is ${Math.round(story.actionShare * 100)}% of the story.`,
  ].join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The vote an interviewer would write today, and the findings that lower it, heaviest first. */
export function readinessTooltip(readiness: Readiness): string {
  if (readiness.reasons.length === 0) return `An interviewer would write "${readiness.rating}": nothing they would mark.`;
  const shown = readiness.reasons.slice(0, 5).map((r) => `- ${r.message} (${r.rule}, −${r.weight})`);
  const more = readiness.reasons.length - shown.length;
  return [`An interviewer would write "${readiness.rating}". What lowers it:`, ...shown, ...(more > 0 ? [`- and ${more} more`] : [])].join(
    '\n',
  );
}
