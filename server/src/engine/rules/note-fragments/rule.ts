import type { Rule } from '../../types';
import { sentencesOf, type Clause, type Sentence } from '../../language';
import { isTellable, quoteText, toldSentences } from '../common/told-sentences';
import { SECTION_TITLES, sectionsOf } from '../common/util';

/** The fewest fragments a section needs before it reads as notes. */
const MIN_FRAGMENTS = 3;
/** A list item that is a label and its note ("Rewrite: six weeks, no risk"). */
const LABELLED = /^[^.!?:]{1,40}:\s/;

/**
 * A subject-less note: the language layer's flag, or a sentence that opens with a verb that has
 * no subject ("Had one quarter to fix it", "Traced 70% of the delays…", "Saw that most trucks
 * arrive early"). An opening -ing form ("Analyzing the logs took two days") may be a subject itself,
 * and a lower-case opening is a line that continues a sentence.
 */
export function isFragment(s: Sentence): boolean {
  if (s.fragment) return true;
  const first = s.tokens.find((t) => t.pos !== 'punct' && t.pos !== 'sym' && t.pos !== 'adv');
  if (!first || !(first.pos === 'verb' || (first.pos === 'aux' && first.lemma !== 'be')) || first.form === 'gerund') return false;
  if (first.text[0] !== first.text[0].toUpperCase()) return false;
  const hasSubject = (c: Clause) => c.subject !== undefined && !c.subjectImplied;
  const opening = s.clauses.find((c) => c.verbs.includes(first) || c.verb === first);
  if (!opening) return !s.clauses.some((c) => !c.nonFinite && hasSubject(c));
  if (hasSubject(opening)) return false;
  // "Frustrated by the delays, I pulled the logs": an opening participle before a subject of its own.
  if (opening.nonFinite && s.clauses.some((c) => c !== opening && !c.nonFinite && hasSubject(c))) return false;
  // "Saw that most trucks arrive early", "Shared the sheet, they changed the slots": the opening verb has no subject.
  return true;
}

// Domain: "Notes that cannot be told aloud (subject-less bullet fragments)". A story is told, not
// read; "Analyzed logs" has no "I" for the interviewer to write up.
export const noteFragments: Rule = {
  name: 'note-fragments',
  description:
    'Most sentences of a section are note fragments with no subject ("Analyzed logs. Found root cause."), which cannot be told aloud.',
  group: 'delivery',
  defaultSeverity: 'info',
  messages: {
    fragments:
      '"{fragment}" is a note, not something you can say: most of this {section} has no subject. Write the sentences you will say aloud, with "I" doing each step, so the interviewer hears who did what.',
  },
  check(story, context) {
    const sections = sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection']).map((s) => ({
      body: s.body,
      name: SECTION_TITLES[s.kind!],
    }));
    // An answer with no STAR headings is read as one block: everything after the title and the Principles line.
    if (sections.length === 0) {
      const start = story.principles?.line.end ?? story.heading.end;
      const end = story.sections[0]?.heading.start ?? story.end;
      if (end > start) sections.push({ body: { start, end }, name: 'answer' });
    }
    for (const section of sections.filter((s) => isTellable(s.body))) {
      const told = toldSentences(story, context.text, sentencesOf(story, section.body));
      // "I weighed three options:" opens a list whose items finish its sentence; so does a labelled item.
      const counted: typeof told = [];
      let listOpened = false;
      for (const s of told) {
        if (!s.item) listOpened = /:\s*$/.test(s.text);
        else if (listOpened || LABELLED.test(s.text)) continue;
        // A line with no verb at all ("Situation", "Root cause") is a label or a heading, neither told nor a note.
        if (!s.parts.some((p) => p.clauses.some((c) => c.verb !== undefined))) continue;
        counted.push(s);
      }
      const fragments = counted.filter((s) => isFragment(s.parts[0]));
      if (fragments.length < MIN_FRAGMENTS || fragments.length * 2 <= counted.length) continue;
      const first = fragments[0];
      context.report({
        messageId: 'fragments',
        data: { fragment: quoteText(first.text), section: section.name },
        start: first.start,
        end: first.end,
      });
    }
  },
};
