import type { StorySummary } from '../../protocol';
import type { LintResult } from '../lint';
import { ownershipPronouns } from '../rules/we-over-i';
import { lineIndex, sectionWords, speakingSeconds, storyWords } from '../text';
import type { Finding, Story } from '../types';

export const UNTITLED = 'Untitled story';

/**
 * One summary per story of a linted file: what the coverage tree, the stories view, the code lens
 * and the CLI report show. `problems` counts the lint findings inside the story; the bank adds
 * its own findings on top.
 */
export function summarizeStories(uri: string, text: string, result: LintResult): StorySummary[] {
  const lineOf = lineIndex(text);
  return result.stories.map((story) => summarizeStory(uri, text, story, result, lineOf));
}

export function summarizeStory(uri: string, text: string, story: Story, result: LintResult, lineOf = lineIndex(text)): StorySummary {
  const line = lineOf(story.heading.start);
  let last = story.end;
  while (last > story.start && /\s/.test(text[last - 1])) last--;
  const words = storyWords(story);
  const { iCount, weCount } = pronounCounts(story);
  const actionWords = story.sections.filter((s) => s.kind === 'action').reduce((n, s) => n + sectionWords(story, s.body), 0);
  return {
    id: `${uri}#${line}`,
    uri,
    title: story.title || UNTITLED,
    line,
    endLine: Math.max(line, lineOf(Math.max(last - 1, story.start))),
    principles: principleNames(story),
    words,
    seconds: Math.round(speakingSeconds(words, result.config.wordsPerMinute)),
    targetSeconds: result.config.targetSeconds,
    problems: countInside(result.findings, story),
    iCount,
    weCount,
    actionShare: words > 0 ? Math.round((actionWords / words) * 1000) / 1000 : 0,
  };
}

/** Canonical names of the known principles on the story's Principles line, each once, in line order. */
export function principleNames(story: Pick<Story, 'principles'>): string[] {
  const names: string[] = [];
  for (const entry of story.principles?.entries ?? []) {
    if (entry.principle && !names.includes(entry.principle.name)) names.push(entry.principle.name);
  }
  return names;
}

/** "I" against "we" in Task and Action, counted exactly as `we-over-i` counts them. */
export function pronounCounts(story: Story): { iCount: number; weCount: number } {
  let iCount = 0;
  let weCount = 0;
  for (const section of story.sections) {
    if (section.kind !== 'task' && section.kind !== 'action') continue;
    const counts = ownershipPronouns(story, section);
    iCount += counts.singular;
    weCount += counts.plural.length;
  }
  return { iCount, weCount };
}

export function countInside(findings: readonly Finding[], story: Story): number {
  let n = 0;
  for (const f of findings) if (f.start >= story.start && f.start < story.end) n++;
  return n;
}
