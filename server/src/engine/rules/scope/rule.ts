import type { Rule, Story } from '../../types';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { storySpan, toldSections } from '../common/util';
import { storyWords } from '../../text';
import { analyse, type Token } from '../../language';
import words from './words.json';

/** Each list is one kind of reach: other teams and orgs, the people who run them, and the levers they pull. */
const REACH = [new PhraseList(words.beyondTeam), new PhraseList(words.leadership)];
/** Levers count when they are not the candidate's own: "ahead of my roadmap" is one team's plan. */
const LEVERS = new PhraseList(words.levers);
const PEOPLE_PRINCIPLES = new Set(['hire-and-develop-the-best', 'strive-to-be-earths-best-employer']);
/** A story this short is still being written; judging its reach would only nag. */
const MIN_WORDS = 60;

// What interviewers grade (docs/interviews.md, "By role and level"): from L6 each story needs an
// escalation marker, influence that reached past the candidate's own team; a feature shipped well
// is what a mid-level engineer does, and a senior loop votes "not inclined" on a bank of them.
export const scope: Rule = {
  name: 'scope',
  description:
    'At a senior level (L6 and up), a story with no escalation marker: nothing reaches past your own team (another org, a roadmap, a budget, a strategy, a standard other teams adopted).',
  group: 'judgment',
  defaultSeverity: 'warning',
  optIn: true,
  wholeStory: true,
  messages: {
    noEscalation:
      'At {level} each story needs an escalation marker: influence beyond your own team, such as another org changing its roadmap, budget moving, a strategy you set or a standard other teams adopted. This story shows only your team\'s work. Add the reach if it happened, e.g. "The payments and search teams adopted my rollout checklist, and my director moved two engineers to it."',
  },
  check(story, context) {
    // A people story is graded on the person who grew or the bar held, not on reach across orgs.
    if (story.principles?.entries.some((e) => e.principle && PEOPLE_PRINCIPLES.has(e.principle.id))) return;
    if (storyWords(story) < MIN_WORDS || hasEscalationMarker(story)) return;
    context.report({ messageId: 'noEscalation', data: { level: String(context.config.level) }, ...storySpan(story) });
  },
};

/** Anywhere in the story: the reach is often told in the Situation ("three teams depended on…") or the Result. */
function hasEscalationMarker(story: Story): boolean {
  const title = analyse(story.title, 0, Math.min(story.title.length, 300)).tokens;
  if (marks(title)) return true;
  return toldSections(story).some((section) => sentencesToCheck(story, section).some((s) => marks(s.tokens)));
}

function marks(tokens: readonly Token[]): boolean {
  if (REACH.some((list) => list.test(tokens))) return true;
  return LEVERS.matches(tokens).some((m) => tokens[m.first - 1]?.lower !== 'my');
}
