import type { Rule } from '../types';
import { sectionWords } from '../text';
import { proseOf, sectionsOf } from './util';

/** Words that name a choice, its alternative or its cost. "It was decided" hides who chose, so it does not count. */
const DECISION = new RegExp(
  '\\b(?:' +
    [
      '(?<!\\b(?:was|were|been|being|is|are|got) )decided', 'decide', 'decisions?', 'chose', 'choose', 'chosen', 'choices?', 'opted', 'opt (?:for|out|to)',
      'instead', 'rather than', 'trade-?offs?', 'traded (?:off|away)', '(?:de)?prioriti[sz](?:ed|ing|e)', 'weighed', 'weighing',
      'at the (?:cost|expense|price) of', 'the risk (?:was|is)', 'risked', '(?:calculated|deliberate) risk', 'took (?:a|the) risk', 'accepted', 'deferred',
      'postponed', 'cut (?:the )?scope', 'de-?scoped', 'scoped (?:down|out)', 'options', 'alternatives?', 'went with', 'settled on',
      'made the call', 'my call', 'judgment call', 'pushed back', 'disagreed', 'refused', 'declined', 'said no', 'ruled out', 'rejected',
      'gave up', 'sacrific(?:ed|ing)', 'in exchange for', 'versus', 'over the objection',
    ].join('|') +
    ')\\b',
  'i',
);

// Domain: interviewers look for "the exact moment the candidate chose to act, the data behind the
// choice, and the trade-off or constraint they accepted"; a story where everything went smoothly hides the judgment.
export const noDecisionPoint: Rule = {
  name: 'no-decision-point',
  description: 'The Action names no decision or trade-off ("I decided", "I chose", "instead of", "rather than", "trade-off", "prioritized").',
  group: 'judgment',
  defaultSeverity: 'info',
  wholeStory: true,
  messages: {
    noDecision: 'Your Action names no decision or trade-off; say what you chose, what you chose it over, and what it cost ("I decided to … instead of …").',
  },
  check(story, context) {
    const actions = sectionsOf(story, ['action']).filter((s) => sectionWords(story, s.body) > 0);
    if (actions.length === 0) return;
    if (actions.some((s) => DECISION.test(proseOf(story, s.body)))) return;
    context.report({ messageId: 'noDecision', start: actions[0].nameSpan.start, end: actions[0].nameSpan.end });
  },
};
