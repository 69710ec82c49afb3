import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  countWords,
  formatSeconds,
  rel,
  speakingSeconds,
  storyWords,
  type LintResult,
  type Principle,
  type Section,
  type SectionKind,
  type Span,
  type Story,
} from './engine';
import { fileName } from './engine/bank';
import type { StorySummary } from './protocol';

const SECTION_PURPOSE: Record<SectionKind, string> = {
  situation: 'Where and when, and what was at stake. One or two sentences: interviewers want to reach your actions quickly.',
  task: 'What you personally owned: the goal, the deadline, the constraint. One or two sentences.',
  action:
    'What **you** did, in the first person: the decision point, the data behind it, the trade-off you accepted. About 60% of the story.',
  result: 'The outcome in numbers: a baseline, the change and the time span, tied to customers or the business.',
  reflection: 'What you now do differently, every time; and which principle the story shows and why.',
};

/** The bank's stories that name a principle, for the hover; absent when there is no bank (tests, CLI). */
export type BankStories = (principle: Principle) => readonly StorySummary[];

export function hover(document: TextDocument, offset: number, result: LintResult, bankStories?: BankStories): Hover | null {
  const story = result.stories.find((s) => s.start <= offset && offset <= s.end);
  if (!story) return null;
  const entry = story.principles?.entries.find((e) => inside(e, offset));
  if (entry?.principle) return at(document, entry, principleMarkdown(entry.principle, bankStories?.(entry.principle)));
  const section = story.sections.find((s) => inside(s.heading, offset));
  if (section) return at(document, section.heading, sectionMarkdown(story, section, result));
  if (inside(story.heading, offset)) return at(document, story.heading, storyMarkdown(story, result));
  const mention = principleMentionAt(document.getText(), offset, result.principleSet.principles);
  if (mention) return at(document, mention.span, principleMarkdown(mention.principle, bankStories?.(mention.principle)));
  return null;
}

export function principleMarkdown(principle: Principle, stories?: readonly StorySummary[]): string {
  const lines = [`**${principle.name}** · #${principle.rank} most often probed`, '', principle.definition, '', '**Typical questions**'];
  for (const q of principle.questions) lines.push(`- ${q}`);
  lines.push('', '**What the interviewer listens for**');
  for (const beat of principle.beats) lines.push(`- **${beat.label}**: ${beat.advice}`);
  if (principle.aliases.length > 0) lines.push('', `Also written: ${principle.aliases.join(', ')}`);
  if (stories) lines.push('', ...bankLines(stories));
  return lines.join('\n');
}

/** The stories that serve the principle, each a link that opens it at its title. */
function bankLines(stories: readonly StorySummary[]): string[] {
  if (stories.length === 0) return ['**Your stories for it**: none in this workspace yet.'];
  const lines = [`**Your stories for it** (${stories.length})`];
  for (const s of stories)
    lines.push(
      `- [${escapeMarkdown(s.title)}](${s.uri.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${s.line + 1}) · ${escapeMarkdown(fileName(s.uri))}`,
    );
  return lines;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

function sectionMarkdown(story: Story, section: Section, result: LintResult): string {
  const words = countWords(story.prose, rel(story, section.body));
  const total = storyWords(story);
  const seconds = speakingSeconds(words, result.config.wordsPerMinute);
  const share = total > 0 ? Math.round((words / total) * 100) : 0;
  const purpose = section.kind ? SECTION_PURPOSE[section.kind] : 'Not a STAR section: its words still count toward speaking time.';
  return [`**${section.name}**`, '', purpose, '', `${words} words · about ${formatSeconds(seconds)} spoken · ${share}% of the story`].join(
    '\n',
  );
}

function storyMarkdown(story: Story, result: LintResult): string {
  const words = storyWords(story);
  const seconds = speakingSeconds(words, result.config.wordsPerMinute);
  const principles = story.principles?.entries.map((e) => e.principle?.name ?? e.text).join(', ') || 'none named';
  return [
    `**${story.title || 'Untitled story'}**`,
    '',
    `${words} words · about ${formatSeconds(seconds)} spoken (target ${formatSeconds(result.config.targetSeconds)})`,
    '',
    `Principles: ${principles}`,
  ].join('\n');
}

/** A canonical principle name written in the prose ("…which is what Ownership means to me"). */
function principleMentionAt(
  text: string,
  offset: number,
  principles: readonly Principle[],
): { span: Span; principle: Principle } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).toLowerCase();
  for (const principle of principles) {
    const name = principle.name.toLowerCase();
    for (let i = line.indexOf(name); i >= 0; i = line.indexOf(name, i + 1)) {
      const start = lineStart + i;
      const end = start + name.length;
      const bounded = !/\w/.test(line[i - 1] ?? '') && !/\w/.test(line[i + name.length] ?? '');
      if (bounded && start <= offset && offset <= end) return { span: { start, end }, principle };
    }
  }
  return undefined;
}

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function at(document: TextDocument, span: Span, markdown: string): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
  };
}
