import type { Rule, Span, Story } from '../types';
import { proseSentences, rel } from '../text';
import { cueRegex } from './principle-beats';
import { isSelf, subjectBefore } from './subjects';
import { sectionsOf } from './util';
import words from './others-did-the-work.words.json';

const EXPERT = cueRegex(words.experts)!;
const EXPERT_SOURCE = EXPERT.source;
const SOLVE = new RegExp(cueRegex(words.solves)!.source, 'giu');
const PASSIVE_SOLVE = new RegExp(`${cueRegex(words.passiveSolves)!.source}\\s+(?:(?:a|an|the|my|our|their|two|three|some)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${EXPERT_SOURCE}`, 'giu');
/** "escalated it to the principal engineer", "brought in a database expert", "delegated the fix to two SMEs". */
const HANDOFF = new RegExp(
  `${cueRegex(words.handoffs)!.source}(?:\\s+(?!I\\b)[\\p{L}\\p{N}'\u2019-]+){0,6}?\\s+(?:(?:a|an|the|my|our|their|two|three|four|some|several|a\\s+few)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?${EXPERT_SOURCE}`,
  'giu',
);
const THIN = cueRegex(words.thinVerbs)!;
const THIN_AT_START = new RegExp(`^(?:${THIN.source.replace(/^\(\?<!\[\\p\{L\}\\p\{N\}\]\)/, '')})`, 'iu');
const ADVERB = /^(?:also|then|first|quickly|immediately|personally|finally|later|eventually|next|just|still|only|even|actually|myself)$/i;
/** A choice whose weight is in the verb after it: "decided to escalate". */
const CHOICE = /^(?:decided|chose|opted|planned|wanted|tried|offered|agreed|volunteered)$/i;
/** A past-tense verb that can follow "and" or a comma in a list of the candidate's own actions. */
const IRREGULAR_PAST =
  /^(?:built|found|wrote|ran|made|set|split|drew|led|took|gave|chose|cut|put|rebuilt|rewrote|read|held|won|caught|began|brought|sent|kept|got|saw|told|thought|felt|knew|met|paid|spent|taught|sought|shipped|tested|showed)$/i;

// Domain: "The hard part done by someone else (escalated to a senior engineer, delegated to
// experts), told as the candidate's work" is a weak story: the interviewer cannot credit work the
// candidate handed on, and will ask "what did you do?" until the answer is small.
export const othersDidTheWork: Rule = {
  name: 'others-did-the-work',
  description: 'In the Action, the hard part was done by someone else: escalated to a senior engineer who solved it, "the SMEs patched it", "my manager resolved it", with little the candidate did.',
  group: 'ownership',
  defaultSeverity: 'warning',
  messages: {
    othersDidIt:
      '"{phrase}": the hard part was done by someone else. An interviewer will ask what you did yourself; say what you decided, built or found, and credit the others next to it.',
  },
  check(story, context) {
    // A Hire and Develop the Best story is about someone else doing the work after your coaching.
    if (story.principles?.entries.some((e) => e.principle?.id === 'hire-and-develop-the-best')) return;
    for (const section of sectionsOf(story, ['action'])) {
      const spans = proseSentences(story, rel(story, section.body));
      const hit = firstHandedOff(story, spans);
      if (!hit) continue;
      // A clear part of the candidate's own next to the others' work is shared credit, not a hand-off.
      if (ownActions(story, spans) >= 2) continue;
      context.report({ messageId: 'othersDidIt', data: { phrase: hit.phrase }, start: hit.start + story.start, end: hit.end + story.start });
      return;
    }
  },
};

interface Hit {
  start: number;
  end: number;
  phrase: string;
}

function firstHandedOff(story: Story, spans: readonly Span[]): Hit | undefined {
  const hits: Hit[] = [];
  const hit = (sentence: Span, start: number, end: number) => {
    const text = story.prose.slice(sentence.start + start, sentence.start + end);
    hits.push({ start: sentence.start + start, end: sentence.start + end, phrase: text.replace(/\s+/g, ' ') });
  };
  spans.forEach((sentence, i) => {
    const text = story.prose.slice(sentence.start, sentence.end);
    for (const m of text.matchAll(HANDOFF)) {
      if (!isSelf(subjectBefore(text, m.index!).text)) continue;
      // Only a hand-off the others then solved: "escalated to my director to get budget" is influence.
      const next = spans[i + 1] ? story.prose.slice(spans[i + 1].start, spans[i + 1].end) : '';
      if (!solvedByOthers(text, m.index! + m[0].length) && !solvedByOthers(next, 0)) continue;
      hit(sentence, m.index!, m.index! + m[0].length);
    }
    for (const m of text.matchAll(SOLVE)) {
      const subject = subjectBefore(text, m.index!);
      if (subject.text === '' || isSelf(subject.text) || !EXPERT.test(subject.text)) continue;
      if (subject.text.split(/\s+/).length > 6) continue;
      hit(sentence, subject.start, m.index! + m[0].length);
    }
    for (const m of text.matchAll(PASSIVE_SOLVE)) hit(sentence, m.index!, m.index! + m[0].length);
  });
  hits.sort((a, b) => a.start - b.start);
  return hits[0];
}

/** A solving verb after `from` whose subject is not the candidate: what happened after a hand-off. */
function solvedByOthers(text: string, from: number): boolean {
  for (const m of text.matchAll(SOLVE)) {
    if (m.index! >= from && !isSelf(subjectBefore(text, m.index!).text)) return true;
  }
  return false;
}

/**
 * Actions the candidate did that are more than passing the problem on (escalating, informing,
 * waiting): "I profiled the service and found the lock" counts two.
 */
function ownActions(story: Story, spans: readonly Span[]): number {
  let count = 0;
  for (const sentence of spans) {
    const text = story.prose.slice(sentence.start, sentence.end);
    let saw = false;
    for (const m of text.matchAll(/(?<![\p{L}])I\s+/gu)) {
      saw = true;
      const words = text.slice(m.index! + m[0].length).split(/[^\p{L}'\u2019-]+/u, 6);
      while (words.length > 1 && ADVERB.test(words[0])) words.shift();
      // "I decided to email the customers" is as thin as "I emailed them".
      const verb = CHOICE.test(words[0] ?? '') && words[1] === 'to' ? words.slice(2).join(' ') : words.join(' ');
      if (verb && !THIN_AT_START.test(verb)) count++;
    }
    if (!saw) continue;
    // "…, built a reproduction and ran it": later verbs in the candidate's own list of actions.
    for (const m of text.matchAll(/(?:,|\band|\bthen)\s+(?:then\s+)?([\p{L}-]+)/gu)) {
      const word = m[1];
      if (!(/^[a-z]{3,}ed$/.test(word) || IRREGULAR_PAST.test(word))) continue;
      const before = subjectBefore(text, m.index! + m[0].length - word.length);
      if (before.text !== '' && !isSelf(before.text)) continue;
      const chose = CHOICE.test(word)
        ? /^\s+to\s+([\p{L}-]+)/u.exec(text.slice(m.index! + m[0].length))
        : null;
      if (!THIN_AT_START.test(chose ? chose[1] : word)) count++;
    }
  }
  return count;
}
