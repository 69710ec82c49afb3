import type { Rule, Span, Story } from '../types';
import { proseSentences, rel } from '../text';
import { cueRegex } from './principle-beats';
import { subjectBefore } from './subjects';
import { sectionsOf } from './util';
import words from './spun-failure.words.json';

const global = (list: readonly string[]) => new RegExp(cueRegex(list)!.source, 'giu');
const OWNED_FAILURE = global(words.ownedFailure);
const HUMBLEBRAG = new RegExp(
  `${cueRegex(words.humblebragLead)!.source}(?:\\s+(?:was|is|has\\s+been|:|\u2014|\u2013|-)|\\s*[:\u2014\u2013])(?:\\s+(?:that\\s+)?(?:I\\s+(?:was\\s+)?)?(?:[\\p{L}'\u2019-]+\\s+){0,4}?)?\\s*${cueRegex(words.humblebrag)!.source}`,
  'giu',
);
const SPIN = global(words.spin);
const TURNED_INTO = global(words.turnedInto);
const FAILURE_NOUN = cueRegex(words.failureNouns)!;
const COST = cueRegex(words.cost)!;
/** Money or a share lost: "$40,000", "12%". */
const MONEY = /[$€£¥]\s?\d|\d\s?%/;
/** A title that says the story is about a failure. */
const FAILURE_TITLE = /\b(?:fail\w*|mistakes?|wrong|errors?|outages?|broke|broken|lessons?|missed|blunders?|screw\w*|mess\w*|regrets?)\b/i;

// Domain: a Learn and Be Curious story is often a failure story, and "the failure must be real and
// owned, its cost named"; "a failure spun into a triumph is a red flag". An interviewer who hears
// "my only mistake was working too hard" stops believing the rest of the story.
export const spunFailure: Rule = {
  name: 'spun-failure',
  description: 'A failure story spun into a triumph ("my only mistake was working too hard", "a blessing in disguise"), or one that never names what the failure cost.',
  group: 'reflection',
  defaultSeverity: 'warning',
  messages: {
    spun: '"{phrase}" turns the failure into a success; an interviewer will hear spin and ask for a real mistake. Name what went wrong, what it cost and what you now do differently.',
    noCost:
      '"{phrase}" tells a failure, but the story never says what it cost (customers, money, time, the team). An interviewer will ask; name the cost, then what you changed.',
  },
  check(story, context) {
    const sections = sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection']);
    let spun = false;
    let firstFailure: { start: number; end: number; text: string; sentence: Span; next?: Span } | undefined;
    for (const section of sections) {
      const spans = proseSentences(story, rel(story, section.body));
      spans.forEach((sentence, i) => {
        const text = story.prose.slice(sentence.start, sentence.end);
        const hit = spinIn(text);
        if (hit) {
          spun = true;
          const start = sentence.start + hit.start;
          const end = sentence.start + hit.end;
          context.report({ messageId: 'spun', data: { phrase: story.prose.slice(start, end).replace(/\s+/g, ' ') }, start: start + story.start, end: end + story.start });
        }
        if (!firstFailure) {
          OWNED_FAILURE.lastIndex = 0;
          const m = OWNED_FAILURE.exec(text);
          if (m) firstFailure = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, text: m[0], sentence, next: spans[i + 1] };
        }
      });
    }
    if (spun || !firstFailure || !isFailureStory(story)) return;
    // The cost may be told anywhere: the Situation, the Action after the mistake, the Result.
    const told = sections.map((s) => story.prose.slice(s.body.start - story.start, s.body.end - story.start)).join('\n');
    if (COST.test(told) || MONEY.test(told)) return;
    const near = story.prose.slice(firstFailure.sentence.start, (firstFailure.next ?? firstFailure.sentence).end);
    if (/\d/.test(near)) return;
    context.report({
      messageId: 'noCost',
      data: { phrase: firstFailure.text.replace(/\s+/g, ' ') },
      start: firstFailure.start + story.start,
      end: firstFailure.end + story.start,
    });
  },
};

/**
 * A story told as a failure, whose missing cost this rule reports: framed for Earn Trust or titled
 * as a failure. A Learn and Be Curious story is left to principle-beats, whose "cost of the failure
 * named" beat already asks for the cost: one finding per problem.
 */
function isFailureStory(story: Story): boolean {
  const ids = new Set(story.principles?.entries.map((e) => e.principle?.id) ?? []);
  if (ids.has('learn-and-be-curious')) return false;
  return ids.has('earn-trust') || FAILURE_TITLE.test(story.title);
}

/** The first spin in a sentence: a humblebrag, a spin phrase, or a failure that "turned out to be a success". */
function spinIn(text: string): { start: number; end: number } | undefined {
  const hits: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(HUMBLEBRAG)) hits.push({ start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(SPIN)) hits.push({ start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(TURNED_INTO)) {
    const subject = subjectBefore(text, m.index!);
    if (!FAILURE_NOUN.test(subject.text)) continue;
    hits.push({ start: subject.start, end: m.index! + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits[0];
}
