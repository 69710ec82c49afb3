import type { Rule, RuleReport, Story } from '../../types';
import { tokenIndexAt, type Clause, type Sentence } from '../../language';
import { compoundParts, pastFromParticiple } from '../../verbs';
import { sentencesToCheck } from '../common/phrases';
import { reportGathered, sectionsOf, toldSections } from '../common/util';

/**
 * Participles that after "be" are, in a story, a state or an impact rather than an act someone hid
 * ("30% of orders were affected", "I was promoted"); the language layer already leaves feelings and
 * places ("interested", "located") out of its passives.
 */
const STATES = new Set([
  'required',
  'needed',
  'allowed',
  'expected',
  'scheduled',
  'affected',
  'impacted',
  'born',
  'promoted',
  'hired',
  'elected',
  'nominated',
  'awarded',
  'called',
  'named',
  'titled',
  'paged',
  'blocked',
  'involved',
  'used',
  'supposed',
  'based',
  'gone',
  'done',
  'known',
  'bound',
  'lost',
  'broken',
  'stuck',
  'tied',
  'limited',
  'related',
  'aligned',
  'committed',
  'prepared',
]);
/** Instructions belong to manager-directed ("the team was told to"); reporting one twice helps nobody. */
const DIRECTED = new Set(['asked', 'told', 'instructed', 'directed', 'ordered', 'assigned', 'tasked']);
/** "we got started": a phrasal verb, not a passive. */
const GET_PHRASAL = new Set(['started', 'used', 'rid', 'dressed', 'acquainted']);
const OBJECT_PRONOUN: Record<string, string> = {
  it: 'it',
  they: 'them',
  he: 'him',
  she: 'her',
  this: 'this',
  that: 'that',
  i: 'me',
  we: 'us',
};

// Interviewers cannot credit "the fix was deployed": the sentence leaves out the one fact they
// need, who did it. The message names that gap and never guesses the candidate did it.
/** From this many in one section, passive telling hides whose work it was: one finding shown, the rest hints. */
const GATHER_AT = 4;

export const passiveVoice: Rule = {
  name: 'passive-voice',
  description: 'In Task, Action and Result, a passive construction ("the fix was deployed", "it was decided") hides who acted.',
  group: 'ownership',
  defaultSeverity: 'info',
  advice: true,
  messages: {
    passives:
      'Here {count} things get done with no one doing them ({list}); the interviewer cannot tell your part from everyone else\'s. Say who did each, and "I" where it was you.',
    passive: '"{phrase}" hides who acted: say who {act}.',
  },
  check(story, context) {
    // An answer with no headings is read whole. The Situation is background. The Task may state its goal passively ("checkout had to be
    // fixed by June"), but "the plan had been approved" hides who approved it as much as an
    // Action would; the Action and the Result are where the candidate's own work has to be visible.
    const told = toldSections(story);
    const sections = told.length === 1 && told[0].kind === undefined ? told : sectionsOf(story, ['task', 'action', 'result']);
    for (const section of sections) {
      const hits: RuleReport[] = [];
      let ownActs = 0;
      for (const sentence of sentencesToCheck(story, section)) {
        ownActs += sentence.clauses.filter((c) => c.subject?.actor === 'self' && !c.passive && !c.stative).length;
        for (const clause of sentence.clauses) {
          if (!hidesActor(story, sentence, clause, section.kind === 'task')) continue;
          const verb = clause.verb!;
          const particle = clause.verbs[clause.verbs.length - 1] !== verb ? clause.verbs[clause.verbs.length - 1] : undefined;
          const start = leadIn(sentence, clause);
          const end = (particle ?? verb).end;
          const phrase = story.prose.slice(start - story.start, end - story.start).replace(/\s+/g, ' ');
          const { head, verb: participle } = compoundParts(verb.lower);
          const object = objectOf(sentence, clause);
          // Without a clean object, "it" stands in: "say who carried it out".
          const act = (
            object
              ? [head + pastFromParticiple(participle), particle?.lower, object]
              : [head + pastFromParticiple(participle), 'it', particle?.lower]
          )
            .filter(Boolean)
            .join(' ');
          hits.push({ messageId: 'passive', data: { phrase, act }, start, end });
        }
      }
      // One passive is style; a section told more in them than in "I" hides whose work it was, which interviewers mark.
      reportGathered(context, hits, {
        atLeast: GATHER_AT,
        count: hits.length > ownActs ? hits.length : 0,
        messageId: 'passives',
        data: {
          count: hits.length,
          list:
            hits
              .slice(0, 4)
              .map((h) => `"${h.data!.phrase}"`)
              .join(', ') + (hits.length > 4 ? ', …' : ''),
        },
        place: (h) => `"${h.data!.phrase}"`,
      });
    }
  },
};

function hidesActor(story: Story, sentence: Sentence, clause: Clause, inTask: boolean): boolean {
  if (!clause.passive || !clause.verb || clause.agent || clause.reported) return false;
  const be = clause.verbs.find((t) => t.lemma === 'be' || t.lemma === 'get');
  // A bare participle ("Helped by Ana", "the bug reported last week") is not the sentence's claim.
  if (!be) return false;
  const participle = clause.verb.lower;
  const { verb } = compoundParts(participle);
  if (STATES.has(verb) || /^un[a-z]+ed$/.test(participle)) return false;
  if (be.lemma === 'get' && GET_PHRASAL.has(verb)) return false;
  const after = story.prose.slice(clause.verb.end - story.start, clause.verb.end - story.start + 60);
  if (DIRECTED.has(verb) && /^\s+(?:by\s+[^.,;]*?\s)?(?:to|with)\b/i.test(after)) return false;
  // "I was paged", "we were acquired": what happened to the candidate hides nothing the candidate did.
  const subject = clause.subject;
  if (subject && !clause.subjectImplied && /^(?:i|we|me|us)$/i.test(subject.text)) return false;
  const between = clause.tokens.filter((t) => t.start >= clause.verbs[0].start && t.end <= clause.verb!.end);
  // "the old version was still deployed": a state that lasts, not an act someone hid.
  if (between.some((t) => t.lower === 'still')) return false;
  // "so failed jobs could be retried": what a system allows.
  if (clause.modal && /^(?:can|could|may|might)$/.test(clause.modal) && clause.verbs.some((t) => t.lower === 'be')) return false;
  // "had to be cleared by June", "must be live": the Task's goal.
  if (inTask && (clause.modal !== undefined || clause.nonFinite) && clause.verbs.some((t) => t.lower === 'be')) return false;
  return true;
}

/** "had to be rewritten", "has been migrated": the phrase starts where the reader hears it start. */
function leadIn(sentence: Sentence, clause: Clause): number {
  const first = clause.verbs[0];
  const i = tokenIndexAt(sentence, first.start);
  const before = sentence.tokens[i - 1];
  if (before?.lower === 'to' && before.pos === 'part') {
    const verb = sentence.tokens[i - 2];
    return verb && (verb.pos === 'verb' || verb.pos === 'aux') ? verb.start : before.start;
  }
  return first.start;
}

/** The subject said as the object of the hidden act: "Metrics were delayed" → "the metrics", "it was decided" → "it". */
function objectOf(sentence: Sentence, clause: Clause): string {
  const subject = clause.subject;
  if (!subject || clause.subjectImplied) return '';
  // Only a plain noun phrase reads well as an object ("the old shell scripts"); anything else is left out.
  const words = sentence.tokens.slice(tokenIndexAt(sentence, subject.start), tokenIndexAt(sentence, subject.end));
  const last = words[words.length - 1];
  if (
    !last ||
    !/^(?:noun|propn|pron)$/.test(last.pos) ||
    !words.every((t) => /^(?:det|adj|noun|propn|num|pron)$/.test(t.pos) || t.lower === "'s" || t.lower === '-')
  )
    return '';
  if (/^(?:which|who|whom)$/.test(words[0].lower) || (/^(?:that|no|not)$/.test(words[0].lower) && words.length > 1)) return '';
  const said = subject.text.replace(/\s+/g, ' ').split(' ');
  if (said.length === 1 && OBJECT_PRONOUN[said[0].toLowerCase()]) return OBJECT_PRONOUN[said[0].toLowerCase()];
  if (said.length > 5) return '';
  const [first, ...rest] = said;
  const lowerFirst = /^[A-Z][a-z]/.test(first) && !/^[A-Z][a-z]+[A-Z]/.test(first) ? first.toLowerCase() : first;
  if (/^(?:a|an)$/i.test(first)) return ['the', ...rest].join(' ');
  if (/^(?:the|this|that|these|those|my|our|their|his|her|its|every|each|all|some|no)$/i.test(first))
    return [lowerFirst, ...rest].join(' ');
  // "Metrics were delayed" → "the metrics"; "Latency was reduced" → "latency".
  return /s$/.test(said[said.length - 1]) && !/ss$/.test(said[said.length - 1])
    ? ['the', lowerFirst, ...rest].join(' ')
    : [lowerFirst, ...rest].join(' ');
}
