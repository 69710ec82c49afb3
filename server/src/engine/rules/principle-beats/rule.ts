import { claimedPrinciples, principleLimit } from '../../principles/claims';
import { beatEvidence } from '../../principles/evidence';
import { storyWords } from '../../text';
import type { Rule } from '../../types';

// An interviewer writes "inclined" on a principle only with evidence for its beats; a
// backbone story without the commit scores poorly however good the disagreement was.
export const principleBeats: Rule = {
  name: 'principle-beats',
  description: 'For each principle the story targets and partly shows, the beats (the evidence interviewers look for) it shows no sign of.',
  group: 'principles',
  defaultSeverity: 'info',
  advice: true,
  wholeStory: true,
  messages: {
    missingBeat: '{principle}: no sign of {beat} in this story. {advice}',
    missingBeats: '{principle}: no sign of {beats} in this story. {advice}',
  },
  check(story, context) {
    const claims = claimedPrinciples(story);
    // A story with nothing written yet would get every beat of every principle: noise, not coaching.
    if (claims.length === 0 || storyWords(story) === 0) return;
    // Over the limit, too-many-principles says the one thing worth saying: drop principles, not add beats.
    if (claims.length > principleLimit(context.config)) return;
    for (const { principle, entry } of claims) {
      const evidence = beatEvidence(story, context.principleSet, principle);
      const missing = evidence.filter((e) => !e.shown).map((e) => e.beat);
      // No beat at all is principle-not-shown's finding: the story is framed for the wrong principle.
      if (missing.length === 0 || missing.length === evidence.length) continue;
      const one = missing.length === 1;
      context.report({
        messageId: one ? 'missingBeat' : 'missingBeats',
        data: { principle: principle.name, beat: missing[0].label, beats: listOf(missing.map((b) => b.label)), advice: missing[0].advice },
        start: entry.start,
        end: entry.end,
      });
    }
  },
};

function listOf(items: string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
