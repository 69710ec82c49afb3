import type { Rule, Story, TextEdit } from '../../types';
import { eolOf, storySpan } from '../common/util';
import { storyWords } from '../../text';

/** Principles whose stories are graded on what the candidate learned: failure, candor, conceding a point. */
const REFLECTIVE_PRINCIPLES = new Set(['have-backbone', 'earn-trust', 'learn-and-be-curious']);

/** A failure told in the first person ("my mistake was", "I was wrong"). */
const FAILURE =
  /\b(?:my (?:mistake|fault|error|failure)|I (?:made|caused) (?:a|an|the) (?:mistake|error|outage|incident|bug)|I (?:had )?(?:failed|missed|caused|misjudged|underestimated|overlooked)\b|I was wrong|I got (?:it|this|that) wrong|I messed up|I dropped the ball|I should have)\b/i;

/** An HTML comment is not prose, so `empty-section` keeps asking until the user writes the Reflection. */
const PLACEHOLDER = '<!-- What you now do differently because of this story, every time. -->';

// What interviewers grade (docs/interviews.md): "A reflection that changed behavior"; for a failure story (Learn and Be Curious) or a
// trust or backbone story the interviewer listens for what the candidate learned, and its absence counts against them.
export const missingReflection: Rule = {
  name: 'missing-reflection',
  description: 'The story has no Reflection section (a warning for failure, backbone and trust stories).',
  group: 'reflection',
  defaultSeverity: 'info',
  wholeStory: true,
  fixable: 'suggestion',
  messages: {
    missing: 'This story has no Reflection; close with what you now do differently because of it, every time.',
    expected: 'This {kind} story has no Reflection; interviewers listen for what you learned and now do differently, every time.',
  },
  check(story, context) {
    if (story.sections.some((s) => s.kind === 'reflection')) return;
    // With no sections, a short text is a stub (missing-section asks for its parts first); a whole
    // answer told without headings still needs its lesson, unless it tells one in passing.
    if (story.sections.length === 0 && (storyWords(story) < WHOLE_ANSWER_WORDS || REFLECTS.test(story.prose))) return;
    const kind = reflectiveKind(story);
    const span = storySpan(story);
    context.report({
      messageId: kind ? 'expected' : 'missing',
      data: kind ? { kind } : undefined,
      severity: kind ? 'warning' : undefined,
      start: span.start,
      end: span.end,
      suggestions: [{ title: 'Insert a "## Reflection" section', edits: [insertReflection(story, context.text)] }],
    });
  },
};

/** About a minute aloud: below this, a text with no headings is a draft, not an answer. */
const WHOLE_ANSWER_WORDS = 150;
/** A lesson told in passing in an answer with no headings. */
const REFLECTS =
  /\b(?:I learned|I learnt|lesson|next time|in hindsight|looking back|now I|I now|since then|ever since|from then on|differently|I realized|I realised|taught me|(?:took|take) (?:away )?from (?:this|it|that))\b|\bsince\.|\bsince then\b/i;

/** What makes a reflection expected: the name of a targeted principle, or "failure". */
function reflectiveKind(story: Story): string | undefined {
  const principle = story.principles?.entries.find((e) => e.principle && REFLECTIVE_PRINCIPLES.has(e.principle.id))?.principle;
  if (principle) return principle.name;
  return FAILURE.test(story.prose) ? 'failure' : undefined;
}

/** After the story's last text, before the blank lines that end it, in the file's line breaks. */
function insertReflection(story: Story, text: string): TextEdit {
  const eol = eolOf(text);
  let at = story.end - story.start;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return {
    start: story.start + at,
    end: story.start + at,
    text: `${eol}${eol}## Reflection${eol}${eol}${PLACEHOLDER}`,
    snippet: `${eol}${eol}## Reflection${eol}${eol}\${1:${PLACEHOLDER}}`,
  };
}
