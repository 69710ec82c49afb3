import type { Rule, Section, Story } from '../../types';
import type { Sentence } from '../../language';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { sectionsOf, storySpan, toldSections } from '../common/util';
import { storyWords } from '../../text';
import words from './words.json';

const PERSON = new PhraseList(words.person);
const UNDERPERFORMANCE = new PhraseList(words.underperformance);
const PLAN_PARTS = [
  { list: new PhraseList(words.expectations), label: 'the expectations you set' },
  { list: new PhraseList(words.documented), label: 'feedback you wrote down' },
  { list: new PhraseList(words.plan), label: 'a plan with dates or check-ins' },
];
const PERSON_OUTCOME = new PhraseList(words.personOutcome);
const TEAM_OUTCOME = new PhraseList(words.teamOutcome);
const PEOPLE_PRINCIPLE = 'hire-and-develop-the-best';
/** A people story shorter than this is still a draft. */
const MIN_WORDS = 60;

// What interviewers grade (docs/interviews.md, "By role and level"): in a manager loop people stories
// decide the vote. The interviewer writes down who the person was, what was expected of them and how
// it was written down, the plan and its dates, and what became of the person and of the team.
export const peopleStory: Rule = {
  name: 'people-story',
  description:
    'In a manager profile, a story framed for Hire and Develop the Best that names no person, handles underperformance with no expectations, written feedback or dated plan, or never says what became of the person and the team.',
  group: 'principles',
  defaultSeverity: 'warning',
  optIn: true,
  wholeStory: true,
  messages: {
    noPerson:
      'A people story with no one named: a manager loop wants one real person (a first name is enough) and what changed for them. Name the person you hired, coached or managed.',
    noPlan:
      'This underperformance story never shows {missing}. A manager interviewer listens for clear expectations, feedback written down and a plan with dates; say what each was.',
    noOutcome:
      'The Result never says what became of {whom}. A manager interviewer asks for both: where the person ended up (promoted, met the bar, moved on) and what the team gained or kept.',
  },
  check(story, context) {
    const entry = story.principles?.entries.find((e) => e.principle?.id === PEOPLE_PRINCIPLE);
    if (!entry || storyWords(story) < MIN_WORDS) return;
    const told = toldSections(story).flatMap((s) => sentencesToCheck(story, s));
    const notNames = notPeople(story);
    if (!told.some((s) => namesSomeone(s, notNames))) context.report({ messageId: 'noPerson', ...storySpan(story) });
    const acted = sectionsOf(story, ['situation', 'task', 'action']).flatMap((s) => sentencesToCheck(story, s));
    const missing = missingPlanParts(told, acted);
    if (missing.length > 0) context.report({ messageId: 'noPlan', data: { missing: listOf(missing) }, start: entry.start, end: entry.end });
    const result = sectionsOf(story, ['result'])[0];
    const whom = result ? missingOutcome(story, result) : undefined;
    if (result && whom) context.report({ messageId: 'noOutcome', data: { whom }, start: result.nameSpan.start, end: result.nameSpan.end });
  },
};

/** A first name, or "she" / "he": one real person, not "the team" or "an engineer". */
function namesSomeone(sentence: Sentence, notNames: ReadonlySet<string>): boolean {
  return (
    sentence.tokens.some((t) => t.pos === 'propn' && /^\p{Lu}\p{Ll}/u.test(t.text) && !notNames.has(t.text.toLowerCase())) ||
    PERSON.test(sentence.tokens)
  );
}

const CALENDAR = new Set(words.calendar);

/** Capitalised words that name no one: months and days ("on October 3"), and the story's own principles quoted back. */
function notPeople(story: Story): Set<string> {
  const principleWords = (story.principles?.entries ?? []).flatMap((e) => e.principle?.name.toLowerCase().split(/[^\p{L}']+/u) ?? []);
  return new Set([...CALENDAR, ...principleWords]);
}

/**
 * For an underperformance story only, told before the Result (a hiring story whose Result says
 * "none of the new hires had performance problems" is not one): the plan parts it never mentions.
 */
function missingPlanParts(told: readonly Sentence[], acted: readonly Sentence[]): string[] {
  if (!acted.some((s) => UNDERPERFORMANCE.test(s.tokens))) return [];
  return PLAN_PARTS.filter((part) => !told.some((s) => part.list.test(s.tokens))).map((part) => part.label);
}

/** Who the Result leaves out: the person, the team, or both; undefined when it covers both. */
function missingOutcome(story: Story, result: Section): string | undefined {
  const sentences = sentencesToCheck(story, result);
  if (sentences.length === 0) return undefined;
  const notNames = notPeople(story);
  const person = sentences.some((s) => PERSON_OUTCOME.test(s.tokens) || namesSomeone(s, notNames));
  // A measured change (review turnaround from 8 days to 2) is what the team gained, whoever it names.
  const team = sentences.some((s) => TEAM_OUTCOME.test(s.tokens) || hasMeasuredChange(s));
  if (person && team) return undefined;
  return !person && !team ? 'the person or the team' : person ? 'the team' : 'the person';
}

/** A sentence with two numbers, as a before and after ("from 22 minutes to 9"). */
function hasMeasuredChange(sentence: Sentence): boolean {
  return sentence.tokens.filter((t) => /\d/.test(t.text)).length >= 2;
}

function listOf(items: string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
