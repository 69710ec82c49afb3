import { partitionPoint } from '../search';
import type { StorySummary } from './types';
import type { LintResult } from '../lint';
import { ownershipPronouns } from '../rules/we-over-i/rule';
import { storyKinds, type StoryKinds } from '../principles/storyKinds';
import { lineIndex, sectionWords, speakingSeconds, storyWords } from '../text';
import type { Finding, Story } from '../types';
import { MIN_WORDS_TO_RATE, readinessOf } from '../loop/readiness';

export const UNTITLED = 'Untitled story';

/**
 * What a summary takes from a story's own text, whatever its place in the file: counting words
 * and pronouns is the costly part, and a keystroke changes one story of many.
 */
export interface StoryFacts {
  principleSet: LintResult['principleSet'];
  title: string;
  principles: string[];
  words: number;
  iCount: number;
  weCount: number;
  actionWords: number;
  /** Characters from the story's start to the end of its last non-blank character. */
  trimmedLength: number;
  /** A real failure or disagreement story, for the bank's composition checks. */
  kinds: StoryKinds;
}

/** Facts by story text, kept by the caller from one update of a file to the next. */
export type StoryFactsCache = Map<string, StoryFacts>;

/**
 * One summary per story of a linted file: what the coverage tree, the stories view, the code lens
 * and the CLI report show. `problems` counts the lint findings inside the story; the bank adds
 * its own findings on top. With `previous` (the cache of the file's last summary), stories whose
 * text did not change reuse their facts; `next` receives the facts of this text.
 */
export function summarizeStories(
  uri: string,
  text: string,
  result: LintResult,
  previous?: StoryFactsCache,
  next?: StoryFactsCache,
  /** Each story's text, when the caller has sliced it already. */
  raws?: readonly string[],
  /**
   * For a listing before the rules run (a large bank's first pass): the pronoun counts, which
   * read every sentence, are left at 0 and nothing is cached, so the rules' pass counts them.
   */
  listingOnly = false,
): StorySummary[] {
  const lineOf = lineIndex(text);
  const inside = findingsSlicer(result.findings);
  return result.stories.map((story, i) => {
    let facts: StoryFacts | undefined;
    if (listingOnly) facts = storyFacts(text, story, result, false);
    else if (previous || next) {
      const raw = raws?.[i] ?? text.slice(story.start, story.end);
      facts = next?.get(raw) ?? previous?.get(raw);
      if (facts?.principleSet !== result.principleSet) facts = storyFacts(text, story, result);
      next?.set(raw, facts);
    }
    return summarizeStory(uri, text, story, result, lineOf, facts, inside);
  });
}

function storyFacts(text: string, story: Story, result: LintResult, pronouns = true): StoryFacts {
  let last = story.end;
  while (last > story.start && /\s/.test(text[last - 1])) last--;
  const { iCount, weCount } = pronouns ? pronounCounts(story) : { iCount: 0, weCount: 0 };
  return {
    principleSet: result.principleSet,
    title: story.title,
    principles: principleNames(story),
    words: storyWords(story),
    iCount,
    weCount,
    actionWords: story.sections.filter((s) => s.kind === 'action').reduce((n, s) => n + sectionWords(story, s.body), 0),
    trimmedLength: last - story.start,
    kinds: storyKinds(story, result.principleSet),
  };
}

export function summarizeStory(
  uri: string,
  text: string,
  story: Story,
  result: LintResult,
  lineOf = lineIndex(text),
  facts = storyFacts(text, story, result),
  inside = (s: Story) => result.findings.filter((f) => f.start >= s.start && f.start < s.end),
): StorySummary {
  const findings = inside(story);
  const line = lineOf(story.heading.start);
  const titleAt = story.titleSpan.end > story.titleSpan.start ? story.titleSpan.start : story.heading.start;
  const last = story.start + facts.trimmedLength;
  const words = facts.words;
  return {
    id: `${uri}#${line}`,
    uri,
    title: facts.title || UNTITLED,
    line,
    endLine: Math.max(line, lineOf(Math.max(last - 1, story.start))),
    titleCharacter: titleAt - lineOf.lineStart(line),
    principles: [...facts.principles],
    words,
    seconds: Math.round(speakingSeconds(words, result.config.wordsPerMinute)),
    targetSeconds: result.config.targetSeconds,
    problems: findings.length,
    iCount: facts.iCount,
    weCount: facts.weCount,
    actionShare: words > 0 ? Math.round((facts.actionWords / words) * 1000) / 1000 : 0,
    // The reasons, not the findings: the bank keeps a few per story, never every finding.
    ...(words >= MIN_WORDS_TO_RATE ? { readiness: readinessOf(findings) } : {}),
    ...(facts.kinds.failure && !flaggedBy(result.findings, story, 'spun-failure') ? { failure: true } : {}),
    ...(facts.kinds.disagreement && !flaggedBy(result.findings, story, 'trivial-disagreement') ? { disagreement: true } : {}),
  };
}

/**
 * A failure told as spin or a disagreement over tabs shows the beats but is not the story a loop
 * asks for; the rule that knows why has already said so. Findings depend on the settings, so this
 * is read here and not cached with the story's facts.
 */
function flaggedBy(findings: readonly Finding[], story: Story, rule: string): boolean {
  return findings.some((f) => f.rule === rule && f.start >= story.start && f.start < story.end);
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

/** Findings starting inside a story, found by binary search: a file of 100 stories can have thousands of findings. */
function findingsSlicer(findings: readonly Finding[]): (story: Story) => Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const firstAtOrAfter = (offset: number) => partitionPoint(sorted.length, (i) => sorted[i].start < offset);
  return (story) => sorted.slice(firstAtOrAfter(story.start), Math.max(firstAtOrAfter(story.start), firstAtOrAfter(story.end)));
}

export function countInside(findings: readonly Finding[], story: Story): number {
  let n = 0;
  for (const f of findings) if (f.start >= story.start && f.start < story.end) n++;
  return n;
}
