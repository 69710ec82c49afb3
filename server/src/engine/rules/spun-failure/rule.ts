import type { Rule, Story } from '../../types';
import { type Sentence, type Token } from '../../language';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { sectionsOf } from '../common/util';
import words from './words.json';

const OWNED_FAILURE = new PhraseList(words.ownedFailure);
const HUMBLEBRAG_LEAD = new PhraseList(words.humblebragLead);
const HUMBLEBRAG = new PhraseList(words.humblebrag);
const SPIN = new PhraseList(words.spin);
const TURNED_INTO = new PhraseList(words.turnedInto);
const FAILURE_NOUNS = new PhraseList(words.failureNouns);
const SUCCESS_CLAIMS = new PhraseList(words.successClaims);
const TURN_MARKERS = new PhraseList(words.turnMarkers);
const FAILURE_SIGNS = new PhraseList(words.failureSigns);
const COST = new PhraseList(words.cost);
/** A title that says the story is about a failure. */
const FAILURE_TITLE = /\b(?:fail\w*|mistakes?|wrong|errors?|outages?|broke|broken|lessons?|missed|blunders?|screw\w*|mess\w*|regrets?)\b/i;

interface Hit {
  start: number;
  end: number;
}

// What interviewers grade (docs/interviews.md): a failure story earns credit only when the failure is
// real, owned and its cost is said; a failure turned into a win reads as spin, and an interviewer who
// hears "my only mistake was working too hard" stops believing the rest of the story.
export const spunFailure: Rule = {
  name: 'spun-failure',
  description:
    'A failure story spun into a triumph ("my only mistake was working too hard", "a blessing in disguise"), or one that never names what the failure cost.',
  group: 'reflection',
  defaultSeverity: 'warning',
  messages: {
    spun: '"{phrase}" turns the failure into a success; an interviewer will hear spin and ask for a real mistake. Name what went wrong, what it cost and what you now do differently.',
    noCost:
      '"{phrase}" tells a failure, but the story never says what it cost (customers, money, time, the team). An interviewer will ask; name the cost, then what you changed.',
  },
  check(story, context) {
    const all: Sentence[] = [];
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection']))
      all.push(...sentencesToCheck(story, section));
    let spun = false;
    let failure: { hit: Hit; index: number } | undefined;
    // "Even though the test didn't go as expected, it was actually a big success": a story told
    // for a failure question, with a failure in it, whose ending claims the failure away.
    const failed = toldAsFailure(story) && all.some((s) => FAILURE_SIGNS.test(s.tokens) || ownedFailureIn(s) !== undefined);
    all.forEach((sentence, index) => {
      const hit = spinIn(sentence) ?? (failed ? successClaimIn(sentence) : undefined);
      if (hit) {
        spun = true;
        context.report({ messageId: 'spun', data: { phrase: quote(context.text, hit) }, start: hit.start, end: hit.end });
      }
      if (!failure) {
        const owned = ownedFailureIn(sentence);
        if (owned) failure = { hit: owned, index };
      }
    });
    if (spun || !failure || !isFailureStory(story)) return;
    // The cost may be told anywhere: the Situation, the Action after the mistake, the Result.
    if (all.some((s) => COST.test(s.tokens) || s.numbers.some((n) => n.kind === 'money' || n.kind === 'percent'))) return;
    // A number right where the failure is told is its size ("1,200 orders were imported wrong").
    if (
      all
        .slice(failure.index, failure.index + 2)
        .some((s) => s.numbers.some((n) => n.kind !== 'ordinal' && n.kind !== 'identifier' && n.kind !== 'pronoun'))
    )
      return;
    context.report({
      messageId: 'noCost',
      data: { phrase: quote(context.text, failure.hit) },
      start: failure.hit.start,
      end: failure.hit.end,
    });
  },
};

function quote(text: string, hit: Hit): string {
  return text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
}

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

/** Framed for a failure question (Learn and Be Curious, Earn Trust) or titled as a failure. */
function toldAsFailure(story: Story): boolean {
  const ids = new Set(story.principles?.entries.map((e) => e.principle?.id) ?? []);
  return ids.has('learn-and-be-curious') || ids.has('earn-trust') || FAILURE_TITLE.test(story.title);
}

/** "In the end the project was a success", in a story that told a failure. */
function successClaimIn(sentence: Sentence): Hit | undefined {
  const tokens = sentence.tokens;
  const markers = TURN_MARKERS.matches(tokens);
  if (markers.length === 0) return undefined;
  // Not `reported`: the layer marks "…the way we expected, it was a success" as reported speech.
  for (const clause of sentence.clauses) {
    if (!clause.verb || clause.negated || clause.modal || !clause.subject) continue;
    const m = SUCCESS_CLAIMS.longestAt(tokens, tokens.indexOf(clause.verbs[0]));
    if (!m) continue;
    let start = clause.subjectImplied ? tokens[m.first].start : clause.subject.start;
    // "In the end the project was a success": the marker belongs in the quote.
    const marker = markers.find((k) => tokens[k.first].start <= start && start <= tokens[k.last].end);
    if (marker) start = tokens[marker.first].start;
    return { start, end: tokens[m.last].end };
  }
  return undefined;
}

/** The first spin in a sentence: a humblebrag, a spin phrase, or a failure that "turned out to be a success". */
function spinIn(sentence: Sentence): Hit | undefined {
  const tokens = sentence.tokens;
  const hits: Hit[] = [];
  // "my only mistake was working too hard", "my biggest weakness is that I care too much".
  for (const lead of HUMBLEBRAG_LEAD.matches(tokens)) {
    const my = [lead.first - 1, lead.first - 2].find((k) => k >= 0 && tokens[k].lower === 'my');
    if (my === undefined) continue;
    const brag = HUMBLEBRAG.first(tokens, lead.last + 1, Math.min(tokens.length, lead.last + 9));
    if (brag) hits.push(span(tokens, my, brag.last));
  }
  for (const m of SPIN.matches(tokens)) hits.push(span(tokens, m.first, m.last));
  // "the failed launch turned into a success": only when the failure is the subject.
  for (const clause of sentence.clauses) {
    if (!clause.verb || clause.negated || !clause.subject) continue;
    const from = tokens.indexOf(clause.verbs[0]);
    const m = TURNED_INTO.longestAt(tokens, from) ?? TURNED_INTO.longestAt(tokens, tokens.indexOf(clause.verb));
    if (!m) continue;
    const subject = tokens.filter((t) => t.start >= clause.subject!.start && t.end <= clause.subject!.end);
    if (!FAILURE_NOUNS.test(subject)) continue;
    hits.push({ start: clause.subject.start, end: tokens[m.last].end });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits[0];
}

/** "My mistake was", "I made a mistake", "I broke the build": a failure the candidate owns. */
function ownedFailureIn(sentence: Sentence): Hit | undefined {
  const tokens = sentence.tokens;
  for (const m of OWNED_FAILURE.matches(tokens)) {
    if (tokens[m.first].lower === 'my') return span(tokens, m.first, m.last);
    const clause = sentence.clauses.find((c) => c.verb && c.tokens.includes(tokens[m.first]) && c.verbs.includes(tokens[m.first]));
    if (!clause || clause.subject?.actor !== 'self' || clause.negated || clause.reported || clause.modal) continue;
    return { start: clause.subjectImplied ? tokens[m.first].start : clause.subject.start, end: tokens[m.last].end };
  }
  return undefined;
}

function span(tokens: readonly Token[], first: number, last: number): Hit {
  return { start: tokens[first].start, end: tokens[last].end };
}
