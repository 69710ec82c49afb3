import type { Rule } from '../../types';
import { sectionWords, storyWords } from '../../text';
import { sectionsOf } from '../common/util';

/** About four spoken sentences: a setup this short is already what coaches ask for. */
const SHORT_SETUP_WORDS = 60;
/**
 * About 45 seconds aloud before the candidate has done anything: past this the interviewer is
 * waiting, whatever the share. Below it a high share usually means the Action is thin, so the
 * finding stays advice.
 */
const LONG_SETUP_WORDS = 120;
/** An Action under this share of the story does not carry it, whatever the setup's length. */
const THIN_ACTION_SHARE = 0.45;

// "Situation and Task take a sentence or two each; Action carries most of the story." A long
// setup spends the interviewer's attention before the candidate has done anything.
export const setupTooLong: Rule = {
  name: 'setup-too-long',
  description: "Situation and Task take more than 30% of the story's words.",
  group: 'delivery',
  defaultSeverity: 'info',
  advice: true,
  wholeStory: true,
  options: {
    maxShare: {
      type: 'number',
      default: 0.3,
      markdownDescription: "Largest share of the story's words Situation and Task may take (0.3 is 30%).",
    },
    // Under about 100 words, one sentence each of Situation and Task is already 30%: the share says nothing yet.
    minWords: { type: 'number', default: 100, markdownDescription: 'Stories shorter than this many words are not judged.' },
    longSetupWords: {
      type: 'number',
      default: LONG_SETUP_WORDS,
      markdownDescription: 'Situation and Task words from which a setup is long whatever its share.',
    },
  },
  messages: {
    thinAction:
      'Your Action is only {action} of {total} words ({actionShare}%), so the setup looks long beside it; tell more of what you did: the decision, the data behind it and the trade-off, until the Action carries about 60%.',
    tooLong:
      'Situation and Task take {share}% of this story ({setup} of {total} words); lead with the impact and keep them to a sentence or two each, so the Action carries about 60%.',
  },
  check(story, context) {
    const setupSections = sectionsOf(story, ['situation', 'task']);
    if (setupSections.length === 0) return;
    const maxShare = numberOption(context.options.maxShare, 0.3);
    const minWords = numberOption(context.options.minWords, 100);
    const longSetupWords = numberOption(context.options.longSetupWords, LONG_SETUP_WORDS);
    const total = storyWords(story);
    if (total === 0 || total < minWords) return;
    let setup = 0;
    for (const section of setupSections) setup += sectionWords(story, section.body);
    if (setup / total <= maxShare) return;
    // A setup of a few sentences is not the problem when the Action is what is missing.
    const action = sectionsOf(story, ['action'])[0];
    const words = action ? sectionWords(story, action.body) : 0;
    if (action && setup <= SHORT_SETUP_WORDS && words / total < THIN_ACTION_SHARE) {
      context.report({
        messageId: 'thinAction',
        data: { action: words, total, actionShare: Math.round((words / total) * 100) },
        advice: true,
        start: action.nameSpan.start,
        end: action.nameSpan.end,
      });
      return;
    }
    const anchor = setupSections.find((s) => s.kind === 'situation') ?? setupSections[0];
    context.report({
      messageId: 'tooLong',
      data: { share: Math.round((setup / total) * 100), setup, total },
      advice: setup < longSetupWords,
      start: anchor.nameSpan.start,
      end: anchor.nameSpan.end,
    });
  },
};

function numberOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
