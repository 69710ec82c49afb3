import { claimedPrinciples, principleLimit } from '../../principles/claims';
import { beatEvidence, bestShownPrinciples } from '../../principles/evidence';
import { storyWords } from '../../text';
import type { Rule } from '../../types';

/** Below this a story is a draft: too little text to say what it shows. */
const MIN_WORDS = 120;

// An interviewer asked for Dive Deep writes down what the story shows, not what its label
// says: a story framed for a principle it never evidences scores as no evidence at all.
export const principleNotShown: Rule = {
  name: 'principle-not-shown',
  description: 'The story claims a principle but shows none of the evidence interviewers look for on it.',
  group: 'principles',
  defaultSeverity: 'info',
  // Evidence is found by cue phrases, which miss paraphrase: a hint until it reads meaning, not words.
  advice: true,
  wholeStory: true,
  messages: {
    notShown: 'This story is framed for {principle} but shows none of its evidence ({beats}). Reframe it, or tell the part that shows it.',
    showsOther:
      'This story is framed for {principle} but shows none of its evidence ({beats}); it reads as {other}. Frame it for what it shows, or tell the part that shows {principle}.',
  },
  check(story, context) {
    const claims = claimedPrinciples(story);
    if (claims.length === 0 || claims.length > principleLimit(context.config)) return;
    if (storyWords(story) < MIN_WORDS) return;
    for (const { principle, entry } of claims) {
      const evidence = beatEvidence(story, context.principleSet, principle);
      if (evidence.length === 0 || evidence.some((e) => e.shown)) continue;
      // A principle the story already claims is no news: the message then only says what is missing.
      const others = bestShownPrinciples(story, context.principleSet).filter((p) => !claims.some((c) => c.principle === p));
      const beats = evidence.map((e) => e.beat.label).join('; ');
      context.report({
        messageId: others.length > 0 ? 'showsOther' : 'notShown',
        data: { principle: principle.name, beats, other: others.map((p) => p.name).join(' or ') },
        start: entry.start,
        end: entry.end,
      });
    }
  },
};
