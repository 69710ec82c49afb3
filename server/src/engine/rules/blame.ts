import type { Rule, Span, Story } from '../types';
import { proseSentences, rel } from '../text';
import { cueRegex } from './principle-beats';
import { isSelf, subjectBefore } from './subjects';
import { sectionsOf } from './util';
import words from './blame.words.json';

const phrases = (list: readonly string[]) => new RegExp(cueRegex(list)!.source, 'giu');
const PEOPLE = cueRegex(words.people)!.source;
const INSULT = cueRegex(words.insults)!.source;
const INTENSIFIER = '(?:(?:so|very|too|really|completely|totally|just|extremely|pretty|quite|incredibly|super)\\s+)?';
const DETERMINER = '(?:(?:my|our|the|a|an|his|her|their|this|that|one|some)\\s+)?';
/** "my lazy coworker", "the careless QA team": a person named by an insult. */
const INSULTED_PERSON = new RegExp(`${DETERMINER}${INSULT}\\s+(?:[\\p{L}-]+\\s+)?${PEOPLE}`, 'giu');
/** "QA was careless", "he was lazy": who it is about is decided by the clause's subject. */
const COPULA_INSULT = new RegExp(`(?<![\\p{L}])(?:was|were|had\\s+been|is|are|seemed|seemed\\s+to\\s+be|got)\\s+${INTENSIFIER}${INSULT}`, 'giu');
const PREDICATE = phrases(words.predicates);
const FAULT = phrases(words.faults);
/** "the contractor's negligence", "their carelessness": a fault owned by someone named. */
const FAULT_NOUN = new RegExp(
  `(?<![\\p{L}])(?:his|her|their|(?:the|an?)\\s+(?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+['\u2019]s?|[A-Z][\\p{L}-]*['\u2019]s)\\s+${cueRegex(words.faultNouns)!.source}`,
  'giu',
);
const NOT_BLAMED = cueRegex(words.notBlamed)!;
const SELF_AWARE = cueRegex(words.selfAware)!;
const PEOPLE_WORD = cueRegex(words.people)!;
const PRONOUN = /(?<![\p{L}])(?:he|she|they|him|them)(?![\p{L}])/iu;
/** A name ("Priya"): a capitalized word that is not a sentence's function word. */
const NAME = /(?<![\p{L}])[A-Z][a-z]+(?![\p{L}])/gu;
const NOT_A_NAME = /^(?:The|A|An|This|That|These|Those|Then|When|After|Before|Because|Since|So|But|And|Our|My|It|Its|In|On|At|By|For|With|Once|While|During|Although|Though|As|Their|His|Her|One|Two|Three|Every|Each|No|None|Nobody|Someone|Everyone|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
type Who = 'self' | 'other' | 'unknown';

// Domain: blaming a teammate or another team is one of the weak patterns interviewers listen
// for: it tells them how the candidate will talk about their future colleagues, and it leaves no
// room for what the candidate could have done.
export const blame: Rule = {
  name: 'blame',
  description: 'The story blames a teammate or another team for the problem: "he wasn\'t receptive to feedback", "the other team dropped the ball", "because QA was careless".',
  group: 'ownership',
  defaultSeverity: 'warning',
  messages: {
    blame: '"{phrase}" blames someone else for the problem; an interviewer will hear it and ask what your own part was. State what happened as a plain fact and spend the words on what you did about it.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection'])) {
      for (const sentence of proseSentences(story, rel(story, section.body))) {
        const hit = blameIn(story, sentence);
        if (hit) context.report({ messageId: 'blame', data: { phrase: hit.phrase }, start: hit.start + story.start, end: hit.end + story.start });
      }
    }
  },
};

/** The first blame in a sentence (offsets relative to the story), if any: one finding per sentence. */
function blameIn(story: Story, sentence: Span): { start: number; end: number; phrase: string } | undefined {
  const text = story.prose.slice(sentence.start, sentence.end);
  const hits: Array<{ start: number; end: number }> = [];
  const add = (m: RegExpExecArray, needsOtherSubject: boolean) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (SELF_AWARE.test(text.slice(0, start))) return;
    if (!needsOtherSubject) {
      hits.push({ start, end });
      return;
    }
    const subject = subjectBefore(text, start);
    if (whoIs(subject.text) !== 'other') return;
    const short = subject.text.split(/\s+/).length <= 6;
    hits.push({ start: short ? subject.start : start, end });
  };
  for (const m of text.matchAll(INSULTED_PERSON)) {
    // "I felt like a careless engineer" is about the candidate.
    if (whoIs(subjectBefore(text, m.index!).text) === 'self') continue;
    add(m as RegExpExecArray, false);
  }
  for (const m of text.matchAll(COPULA_INSULT)) add(m as RegExpExecArray, true);
  for (const m of text.matchAll(PREDICATE)) add(m as RegExpExecArray, true);
  for (const m of text.matchAll(FAULT)) {
    // "it wasn't her fault" defends someone; "the blame lay with me" owns it.
    if (!/\bmy\b/i.test(m[0]) && /(?:\bnot|n['\u2019]t|\bnever|\bno)\s+(?:\S+\s+)?$/i.test(text.slice(Math.max(0, m.index! - 20), m.index!))) continue;
    if (/^\s+(?:me|us|myself|my)\b/i.test(text.slice(m.index! + m[0].length))) continue;
    add(m as RegExpExecArray, false);
  }
  for (const m of text.matchAll(FAULT_NOUN)) {
    if (/^(?:my|our)\b/i.test(m[0])) continue;
    add(m as RegExpExecArray, false);
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.start - b.start);
  const { start, end } = hits[0];
  return { start: sentence.start + start, end: sentence.start + end, phrase: text.slice(start, end).replace(/\s+/g, ' ') };
}

function whoIs(subject: string): Who {
  if (subject === '') return 'unknown';
  if (isSelf(subject)) return 'self';
  if (NOT_BLAMED.test(subject)) return 'unknown';
  if (PEOPLE_WORD.test(subject) || PRONOUN.test(subject)) return 'other';
  for (const m of subject.matchAll(NAME)) if (!NOT_A_NAME.test(m[0])) return 'other';
  return 'unknown';
}
