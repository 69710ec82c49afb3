import type { Rule, SectionKind, Story, TextEdit } from '../../types';
import { storyWords } from '../../text';
import { eolOf, SECTION_TITLES, storySpan } from '../common/util';

const STAR: SectionKind[] = ['situation', 'task', 'action', 'result'];

/** An HTML comment is not prose, so the inserted section still reads as empty until the user writes it. */
const PLACEHOLDERS: Record<string, string> = {
  situation: '<!-- One or two sentences: where you were, when, and what was at stake. -->',
  task: '<!-- What you personally owned: the goal, the deadline, the constraint. -->',
  action: '<!-- What you did, in the first person: the decision, the data behind it, the trade-off you accepted. -->',
  result:
    '<!-- The outcome in numbers: from a baseline to a result within a time span, and what it meant for customers or the business. -->',
};

// Interviewers grade each STAR part; a missing one leaves a gap they fill with follow-ups or a low score.
export const missingSection: Rule = {
  name: 'missing-section',
  description: 'A Situation, Task, Action or Result section is absent.',
  group: 'structure',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  messages: {
    missing: 'This story has no {section} section; interviewers grade Situation, Task, Action and Result separately.',
    noSections:
      'This answer has no Situation, Task, Action or Result headings; interviewers grade each part, so split your answer under them.',
    untitled: 'This story has no title: start it with a level-1 heading ("# Checkout latency") so it shows in the outline and the bank.',
  },
  check(story, context) {
    if (story.untitled) {
      const eol = eolOf(context.text);
      const at = story.heading.start;
      context.report({
        messageId: 'untitled',
        start: story.heading.start,
        end: story.heading.end,
        suggestions: [
          {
            title: 'Insert a "# Title" heading',
            edits: [{ start: at, end: at, text: `# Story title${eol}${eol}`, snippet: `# \${1:Story title}${eol}${eol}` }],
          },
        ],
      });
    }
    const present = new Set(story.sections.map((s) => s.kind));
    const span = storySpan(story);
    // One problem, one finding: an answer written without headings needs them all, not four errors.
    if (!STAR.some((kind) => present.has(kind))) {
      const missing = STAR.map((kind) => insertSection(story, context.text, kind));
      const edit = { ...missing[0], text: missing.map((e) => e.text).join('') };
      context.report({
        messageId: 'noSections',
        // Four paragraphs of prose are usually the four parts, told aloud: headings help the tool, not the interviewer.
        severity: toldInParagraphs(story) ? 'hint' : undefined,
        start: span.start,
        end: span.end,
        suggestions: [{ title: 'Insert Situation, Task, Action and Result sections', edits: [edit] }],
      });
      return;
    }
    for (const kind of STAR) {
      if (present.has(kind)) continue;
      const title = SECTION_TITLES[kind];
      context.report({
        messageId: 'missing',
        data: { section: title },
        start: span.start,
        end: span.end,
        suggestions: [{ title: `Insert a "## ${title}" section`, edits: [insertSection(story, context.text, kind)] }],
      });
    }
  },
};

function toldInParagraphs(story: Story): boolean {
  const body = story.prose.slice((story.principles?.line.end ?? story.heading.end) - story.start);
  const paragraphs = body.split(/\n[ \t]*\n/).filter((p) => /[\p{L}\p{N}]/u.test(p));
  return paragraphs.length >= 4 && storyWords(story) >= 150;
}

function insertSection(story: Story, text: string, kind: SectionKind): TextEdit {
  const eol = eolOf(text);
  const heading = `## ${SECTION_TITLES[kind]}${eol}${eol}${PLACEHOLDERS[kind]}`;
  const order = STAR.indexOf(kind);
  const next = story.sections.find((s) => s.kind !== undefined && (s.kind === 'reflection' || STAR.indexOf(s.kind) > order));
  if (next) return { start: next.heading.start, end: next.heading.start, text: heading + eol + eol };
  // No later section: append after the story's last text, before the blank lines that end it.
  let at = story.end - story.start;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return { start: story.start + at, end: story.start + at, text: eol + eol + heading };
}
