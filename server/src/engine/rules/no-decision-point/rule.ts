import { clauseAt } from '../../language';
import type { Rule, Section, Span, Story } from '../../types';
import { proseSentences, sectionWords } from '../../text';
import { sectionsOf } from '../common/util';

/** Verbs of choosing. "It was decided" hides who chose, so a passive does not count. */
const CHOOSING = new RegExp(
  '\\b(?:' +
    [
      '(?<!\\b(?:was|were|been|being|is|are|got) )decided',
      'decide',
      'chose',
      'choose',
      'opted',
      'opt (?:for|out|to)',
      'traded (?:off|away)',
      '(?:de)?prioriti[sz](?:ed|ing|e)',
      'weighed',
      'weighing',
      'risked',
      'took (?:a|the) risk',
      'accepted',
      'deferred',
      'postponed',
      'cut (?:the )?scope',
      'de-?scoped',
      'scoped (?:down|out)',
      'went with',
      'settled on',
      'made the call',
      'pushed back',
      'disagreed',
      'refused',
      'declined',
      'said no',
      'ruled out',
      'rejected',
      'gave up',
      'sacrific(?:ed|ing)',
      'bet on',
      'argued (?:for|that|against)',
      'insisted',
      "did(?:n['\u2019]t| not) wait",
      'without waiting',
      'held the line',
      'agreed to',
    ].join('|') +
    ')\\b',
  'i',
);
/** Words that name the alternative or the cost of a choice: they carry it whoever's sentence they are in. */
const CONTRAST =
  /\b(?:instead|rather than|at the (?:cost|expense|price|risk) of|in exchange for|versus|over the objection|(?:calculated|deliberate) risk|the risk (?:was|is)|judgment call|better than|worse than|the cost was|it would cost|cost (?:me|us|my|our|her|him|them)|which meant|would have (?:taken|cost|meant)|too (?:slow|risky|expensive|long) to)\b/i;
/**
 * A decision named as a noun counts only when it is the candidate's: "my call", "I made the
 * decision", "I weighed two options". "I drove alignment on key decisions" names none.
 */
const OWN_NOUN =
  /\b(?:my (?:decision|call|choice|recommendation)|I\s+(?:\w+\s+){0,2}?(?:made|weighed|considered|compared|accepted|took|faced|had|laid out|owned|picked|framed)\s+(?:\w+\s+){0,3}?(?:decisions?|call|choices?|trade-?offs?|options|alternatives|risks?|bets?))\b/i;
/** A trade-off named in the candidate's telling ("the trade-off was a week against a month"). */
const TRADE_OFF = /\btrade-?offs?\b/i;
/** The group as the subject: the story's decision is there, but it is not the candidate's. */
const GROUP_SUBJECT = /\b(?:we|the team|our team|the group|everyone)\s+(?:[\w-]+\s+){0,3}$/i;
/** Someone other than the candidate as the subject right before the choosing verb. */
const OTHER_SUBJECT =
  /\b(?:we|they|he|she|the team|our team|my (?:manager|boss|lead|director|team)|management|leadership|the group|everyone|nobody|no one|it)\s+(?:[\w-]+\s+){0,3}$/i;

// Interviewers look for the exact moment the candidate chose to act, the data behind the choice,
// and the trade-off they accepted; a story where everything went smoothly hides the judgment.
export const noDecisionPoint: Rule = {
  name: 'no-decision-point',
  description:
    'The Action names no decision or trade-off of the candidate\'s own ("I decided", "I chose", "instead of", "rather than", "I weighed two options").',
  group: 'judgment',
  defaultSeverity: 'info',
  wholeStory: true,
  messages: {
    groupDecision:
      'The decision in your Action is the group\'s ("{decided}"); say what you proposed or decided yourself, what you weighed it against, and what it cost.',
    noDecision:
      'Your Action names no decision or trade-off of your own; say what you chose, what you chose it over, and what it cost ("I decided to … instead of …").',
  },
  check(story, context) {
    const actions = sectionsOf(story, ['action']).filter((s) => sectionWords(story, s.body) > 0);
    if (actions.length === 0) return;
    let group: Span | undefined;
    for (const action of actions) {
      const found = decisionIn(story, action);
      if (found === true) return;
      group ??= found;
    }
    if (group) {
      const said = story.prose.slice(group.start, group.end).replace(/\s+/g, ' ').trim();
      const decided = said.length > 70 ? `${said.slice(0, 69).trimEnd()}…` : said;
      context.report({ messageId: 'groupDecision', data: { decided }, start: story.start + group.start, end: story.start + group.end });
      return;
    }
    context.report({ messageId: 'noDecision', start: actions[0].nameSpan.start, end: actions[0].nameSpan.end });
  },
};

/** True when the section names a decision of the candidate's own, else the first sentence where the group decides (story-relative), if any. */
function decisionIn(story: Story, section: Section): true | Span | undefined {
  let group: Span | undefined;
  for (const span of proseSentences(story, { start: section.body.start - story.start, end: section.body.end - story.start })) {
    const sentence = story.prose.slice(span.start, span.end);
    if (CONTRAST.test(sentence) || OWN_NOUN.test(sentence)) return true;
    // "we discussed the trade-offs" or "we decided" is the group's; a bullet with no subject ("- Decided to roll back") is the writer's.
    for (const cue of [CHOOSING, TRADE_OFF]) {
      const m = cue.exec(sentence);
      if (!m) continue;
      const lead = sentence.slice(Math.max(0, m.index - 40), m.index);
      // "We discussed a few options and decided to batch": the clause's subject, however far back, is the group.
      const actor = OTHER_SUBJECT.test(lead) ? undefined : clauseAt(story, story.start + span.start + m.index)?.subject?.actor;
      if (actor === undefined && !OTHER_SUBJECT.test(lead)) return true;
      if (actor !== undefined && actor !== 'team' && actor !== 'other') return true;
      if (cue === CHOOSING && (actor === 'team' || GROUP_SUBJECT.test(lead))) group ??= span;
    }
  }
  return group;
}
