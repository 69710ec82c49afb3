import { clauseAt, sentenceAt } from '../../language';
import type { Rule, Section, Story, TextEdit } from '../../types';
import { sentencesToCheck } from '../common/phrases';
import { isPlainRun, matchesIn, sectionsOf } from '../common/util';

const SINGULAR = /^I(?:['\u2019](?:m|ve|d|ll))?$/i;
// Interviewers count who acts: "I" against "we" and "the team" as a subject. "our customers" or
// "it cost us a week" name who was affected, not who did the work, so they are not counted.
const PRONOUN = /\b(?:(?:the|my|our) team(?=\s+[a-z])|we['\u2019](?:re|ve|d|ll)|I['\u2019](?:m|ve|d|ll)|ourselves|we|I)\b/gi;
const CLAUSE_START = /(?:^|[.!?;:,]\s*|\b(?:and|but|so|then|when|while|because|after|before|until|once)\s+)$/i;

// Present-tense hedges after "I" ("I think", "I would say", "I'd say") narrate nothing.
const COMMENTARY = /^(?:\s+(?:would|might))?\s+(?:say|think|guess|believe|feel|suppose|mean|argue)\b/i;

/** What makes a present-tense "we" a general statement rather than a narrated act. */
const GENERAL_BEFORE = /\b(?:make sure|ensure|every|whenever|always|usually|each time)\b[^.!?;\n]*$/i;

/** "My job is to…", "My approach is…": a standing duty described, not a story told. */
const DEFINITION = /^\s*(?:my|our) (?:job|role|responsibility|goal|approach|philosophy|rule) (?:is|was)\b/i;

function isGeneralStatement(story: Story, offset: number): boolean {
  const sentence = sentenceAt(story, offset);
  if (sentence && DEFINITION.test(story.prose.slice(sentence.start - story.start, offset - story.start))) return true;
  return (
    clauseAt(story, offset)?.tense === 'present' &&
    GENERAL_BEFORE.test(story.prose.slice(Math.max(0, offset - story.start - 80), offset - story.start))
  );
}

const REPLACEMENTS: Record<string, string> = {
  we: 'I',
  ourselves: 'myself',
  "we're": "I'm",
  "we've": "I've",
  "we'd": "I'd",
  "we'll": "I'll",
};
const SHARED = /\b(?:together|each other|one another|all of us|both of us|jointly|as a team)\b/i;
const AGREEMENT: Record<string, string> = { were: 'was', are: 'am', "weren't": "wasn't", "aren't": 'am not' };

// Interviewers literally count "I" against "we": they hire the candidate, not the team.
export const weOverI: Rule = {
  name: 'we-over-i',
  description: 'In Task and Action, "we" and "the team" act more often than "I".',
  group: 'ownership',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  messages: {
    plural: 'In your {section}, "we" or "the team" acts {plural} and "I" {singular}; say what you did yourself.',
  },
  check(story, context) {
    // Each section is counted on its own: an "I owned the cut-over" Task does not excuse an Action told as "we".
    for (const section of sectionsOf(story, ['task', 'action'])) {
      const { singular, plural } = ownershipPronouns(story, section);
      // Notes written without a subject ("Called 15 advertisers myself") are the writer's own acts;
      // note-fragments asks for the "I", and one "we decided" among them is not a team story.
      const notes = sentencesToCheck(story, section).filter((s) => s.fragment).length;
      if (plural.length <= singular + notes) continue;
      const name = section.kind === 'task' ? 'Task' : 'Action';
      // One problem, one finding: the count on the first "we", every occurrence as related information.
      const edits = plural.flatMap((m) => pronounEdit(story, context.text, m) ?? []);
      const first = plural[0];
      context.report({
        messageId: 'plural',
        data: { section: name, plural: times(plural.length), singular: singular === 0 ? 'not once' : times(singular) },
        start: first.start,
        end: first.end,
        relatedSpans: plural.map((m, i) => ({ start: m.start, end: m.end, message: `"${m.text}" (${i + 1} of ${plural.length})` })),
        // Only the writer knows which "we" was really them: the rewrite is offered, never applied on save.
        suggestions:
          edits.length === 0
            ? undefined
            : [
                {
                  title: `Tell it in the first person: "we" → "I" in ${edits.length === 1 ? 'one place' : `${edits.length} places`} of your ${name}`,
                  edits,
                },
              ],
      });
    }
  },
};

/**
 * The pronouns the rule counts in one section: "I" said as the actor (commentary such as "I would
 * say" excluded) against "we" and "the team" as a subject. Exported so the bank's counts agree.
 */
export function ownershipPronouns(
  story: Story,
  section: Section,
): { singular: number; plural: Array<{ start: number; end: number; text: string }> } {
  const plural: Array<{ start: number; end: number; text: string }> = [];
  let singular = 0;
  for (const m of matchesIn(story, section.body, PRONOUN)) {
    const word = m.text;
    if (/team$/i.test(word)) {
      const before = story.prose.slice(Math.max(0, m.start - story.start - 12), m.start - story.start);
      if (CLAUSE_START.test(before) || isParagraphStart(story, m.start)) plural.push(m);
      continue;
    }
    // "every feature we ship", "make sure we don't fix symptoms": a general truth, not a narrated act.
    if (!SINGULAR.test(word) && isGeneralStatement(story, m.start)) continue;
    if (SINGULAR.test(word)) {
      // "I would say it went well" is commentary, not something the candidate did.
      const hedge = /^I(?:['\u2019]d)?$/i.test(word) && COMMENTARY.test(story.prose.slice(m.end - story.start, m.end - story.start + 24));
      if (!hedge) singular++;
    } else plural.push(m);
  }
  return { singular, plural };
}

function isParagraphStart(story: Story, offset: number): boolean {
  const before = story.prose.slice(Math.max(0, offset - story.start - 40), offset - story.start);
  return /(?:^|\n)\s*$/.test(before);
}

function pronounEdit(story: Story, source: string, m: { start: number; end: number; text: string }): TextEdit | undefined {
  const key = m.text.toLowerCase().replace('\u2019', "'");
  const replacement = REPLACEMENTS[key];
  if (!replacement) return undefined;
  // "we worked through it together" cannot become "I worked through it together": that needs a rewrite, not a swap.
  const restOfSentence = /^[^.!?\n]*/.exec(story.prose.slice(m.end - story.start, m.end - story.start + 200))![0];
  if (SHARED.test(restOfSentence)) return undefined;
  // Keep the writer's apostrophe: "we’re" becomes "I’m".
  const apostrophe = m.text.includes('\u2019') ? replacement.replace("'", '\u2019') : replacement;
  const cased = key === 'we' || key.startsWith("we'") ? apostrophe : capitalizeLike(m.text, apostrophe);
  if (key === 'we') {
    // "we were" must become "I was", not "I were".
    const after = /^\s+([a-z']+)/i.exec(story.prose.slice(m.end - story.start, m.end - story.start + 20));
    const verb = after && AGREEMENT[after[1].toLowerCase()];
    // "We\nwere" or "We <!-- x --> were": the pair is not one plain phrase, so only the pronoun changes.
    if (after && verb && isPlainRun(story, source, m.start, m.end + after[0].length)) {
      const end = m.end + after[0].length;
      return { start: m.start, end, text: `${cased} ${verb}` };
    }
  }
  return { start: m.start, end: m.end, text: cased };
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

function capitalizeLike(original: string, replacement: string): string {
  return original[0] === original[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}
