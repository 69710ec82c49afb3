import type { Rule } from '../../types';
import { type Clause, type Sentence, type Token } from '../../language';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { sectionsOf } from '../common/util';
import words from './words.json';

const PEOPLE = new PhraseList(words.people);
const INSULTS = new PhraseList(words.insults);
const PREDICATES = new PhraseList(words.predicates);
const NEGATED_PREDICATES = new PhraseList(words.negatedPredicates);
const FAULTS = new PhraseList(words.faults);
const FAULT_NOUNS = new PhraseList(words.faultNouns);
const WORK_NOUNS = new PhraseList(words.workNouns);
const JUDGMENTS = new PhraseList(words.judgments);
const NOT_BLAMED = new PhraseList(words.notBlamed);
const SELF_AWARE = new PhraseList(words.selfAware);
const MOTIVES = new PhraseList(words.motives);
const DEFECTS = new PhraseList(words.defects);
const DEFECT_AMOUNTS = new PhraseList(words.defectAmounts);
const GUESSES = new PhraseList(words.guesses);
const OTHERS_POSSESSIVE = new Set(['his', 'her', 'their', "'s"]);
const COPULA = new Set(['be', 'seem', 'become', 'get']);

interface Hit {
  start: number;
  end: number;
  messageId?: 'motive';
}

// What interviewers grade (docs/interviews.md): blaming a teammate or another team is one of the weak patterns interviewers listen
// for: it tells them how the candidate will talk about their future colleagues, and it leaves no
// room for what the candidate could have done.
export const blame: Rule = {
  name: 'blame',
  description:
    'The story blames a teammate or another team for the problem: "he wasn\'t receptive to feedback", "the other team dropped the ball", "because QA was careless".',
  group: 'ownership',
  defaultSeverity: 'warning',
  messages: {
    motive:
      '"{phrase}": a guess at why a colleague disagreed; an interviewer hears how you talk about colleagues, not the argument. Give their reasons as they would put them, and what you did about them.',
    blame:
      '"{phrase}" blames someone else for the problem; an interviewer will hear it and ask what your own part was. State what happened as a plain fact and spend the words on what you did about it.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection'])) {
      for (const sentence of sentencesToCheck(story, section)) {
        // One finding per sentence, on the first blame in it.
        const hit = blameIn(sentence);
        if (!hit) continue;
        const phrase = context.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
        context.report({ messageId: hit.messageId ?? 'blame', data: { phrase }, start: hit.start, end: hit.end });
      }
    }
  },
};

function blameIn(sentence: Sentence): Hit | undefined {
  // "At first I assumed the other team was careless": a blame the candidate takes back.
  const retracted = (i: number) =>
    sentence.clauses.some(
      (c) => c.end <= sentence.tokens[i].start && c.verb && SELF_AWARE.test(c.verbs) && (c.subject?.actor === 'self' || !c.subject),
    );
  const hits = [
    ...insultHits(sentence, retracted),
    ...clauseHits(sentence, retracted),
    ...workVerdictHits(sentence, retracted),
    ...faultHits(sentence, retracted),
  ];
  const motive = guessedMotive(sentence);
  if (motive) hits.push(motive);
  hits.sort((a, b) => a.start - b.start);
  return hits[0];
}

/** Whether a blame at token i was taken back earlier in the sentence. */
type Retracted = (i: number) => boolean;

function insultHits(sentence: Sentence, retracted: Retracted): Hit[] {
  const tokens = sentence.tokens;
  const hits: Hit[] = [];
  const clauseOf = (i: number) => sentence.clauses.find((c) => c.tokens.includes(tokens[i]));
  // "my lazy coworker", "the careless QA team": a person named by an insult.
  for (const m of INSULTS.matches(tokens)) {
    const person = [m.last + 1, m.last + 2].find((k) => k < tokens.length && PEOPLE.longestAt(tokens, k));
    if (person === undefined) continue;
    const clause = clauseOf(m.first);
    // "I was the careless engineer who…" is about the candidate.
    if (clause?.subject?.actor === 'self' || clause?.subject?.actor === 'team') continue;
    if (retracted(m.first)) continue;
    const det = m.first > 0 && (tokens[m.first - 1].pos === 'det' || tokens[m.first - 1].pos === 'pron') ? m.first - 1 : m.first;
    const last = PEOPLE.longestAt(tokens, person)!.last;
    hits.push({ start: tokens[det].start, end: tokens[last].end });
  }
  return hits;
}

function clauseHits(sentence: Sentence, retracted: Retracted): Hit[] {
  const tokens = sentence.tokens;
  const hits: Hit[] = [];
  // "the other team dropped the ball", "QA was careless", "he wasn't receptive to feedback".
  for (const clause of sentence.clauses) {
    if (!blamable(clause) || !clause.verb) continue;
    const from = tokens.indexOf(clause.verbs[0]);
    const head = tokens.indexOf(clause.verb);
    if (from < 0 || head < 0) continue;
    // "He wasn't receptive": a "not" right after a lone auxiliary negates the clause too.
    const negated = clause.negated || tokens[head + 1]?.lemma === 'not';
    let end: number | undefined;
    const predicate = PREDICATES.longestAt(tokens, from) ?? PREDICATES.longestAt(tokens, head);
    if (predicate && !negated) end = predicate.last;
    if (end === undefined && negated) {
      const negated = NEGATED_PREDICATES.longestAt(tokens, head) ?? NEGATED_PREDICATES.longestAt(tokens, from);
      if (negated) end = negated.last;
    }
    if (end === undefined && COPULA.has(clause.verb.lemma) && !negated) {
      // "was careless", "were so sloppy": the first words after the verb.
      for (let k = head + 1; k < tokens.length && k <= head + 3; k++) {
        if (INSULTS.longestAt(tokens, k)) {
          end = k;
          break;
        }
        if (!(tokens[k].pos === 'adv')) break;
      }
    }
    if (end === undefined || retracted(from)) continue;
    const subject = clause.subject!;
    const short = !clause.subjectImplied && subject.text.split(/\s+/).length <= 6;
    hits.push({ start: short ? subject.start : tokens[from].start, end: tokens[end].end });
  }
  return hits;
}

function workVerdictHits(sentence: Sentence, retracted: Retracted): Hit[] {
  const tokens = sentence.tokens;
  const hits: Hit[] = [];
  // "their testing was weak", "the ledger team's code was sloppy": a verdict on someone's work.
  for (const clause of sentence.clauses) {
    if (!clause.subject || clause.subjectImplied || clause.reported || clause.subject.actor !== 'thing' || !clause.verb) continue;
    if (!COPULA.has(clause.verb.lemma) && clause.verb.lemma !== 'have') continue;
    const subject = tokens.filter((t) => t.start >= clause.subject!.start && t.end <= clause.subject!.end);
    const owner = subject.findIndex((t) => OTHERS_POSSESSIVE.has(t.lower));
    if (owner < 0 || !WORK_NOUNS.test(subject, owner + 1)) continue;
    const head = tokens.indexOf(clause.verb);
    if (tokens[head + 1]?.lemma === 'not' || clause.negated) continue;
    let end = -1;
    for (let k = head + 1; COPULA.has(clause.verb.lemma) && k < tokens.length && k <= head + 3; k++) {
      const m = JUDGMENTS.longestAt(tokens, k);
      if (m) {
        end = m.last;
        break;
      }
      if (tokens[k].pos !== 'adv') break;
    }
    // "their API had many bugs": the verdict as a count of someone else's faults.
    if (end < 0 && (clause.verb.lemma === 'have' || clause.verb.lemma === 'be')) {
      const amount = DEFECT_AMOUNTS.longestAt(tokens, head + 1);
      const defect = amount && DEFECTS.longestAt(tokens, amount.last + 1);
      if (defect) end = defect.last;
    }
    if (end < 0 || retracted(head)) continue;
    hits.push({ start: clause.subject.start, end: tokens[end].end });
  }
  return hits;
}

function faultHits(sentence: Sentence, retracted: Retracted): Hit[] {
  const tokens = sentence.tokens;
  const hits: Hit[] = [];
  // "it was their fault", "not my fault", "the contractor's negligence".
  for (const m of FAULTS.matches(tokens)) {
    const before = tokens.slice(Math.max(0, m.first - 2), m.first);
    const mine = m.phrase.words.some((w) => w.lower === 'my' || w.lower === 'me');
    // "it wasn't her fault" defends someone; "the blame lay with me" owns it.
    if (!mine && before.some((t) => t.lemma === 'not')) continue;
    const next = tokens[m.last + 1];
    if (next && (next.lower === 'me' || next.lower === 'us' || next.lower === 'my' || next.lower === 'myself')) continue;
    if (retracted(m.first)) continue;
    // "it was nobody's fault" blames no one.
    if (m.phrase.words[0].lower === "'s" && /^(?:nobody|anybody|anyone|one|everybody|everyone)$/i.test(tokens[m.first - 1]?.lower ?? ''))
      continue;
    // "the data team's fault": the owner is part of the blame.
    const start = m.phrase.words[0].lower === "'s" ? ownerStart(tokens, m.first) : m.first;
    hits.push({ start: tokens[start].start, end: tokens[m.last].end });
  }
  for (const m of FAULT_NOUNS.matches(tokens)) {
    const owner = tokens[m.first - 1];
    if (!owner || !OTHERS_POSSESSIVE.has(owner.lower)) continue;
    if (retracted(m.first)) continue;
    const start = owner.lower === "'s" ? ownerStart(tokens, m.first - 1) : m.first - 1;
    hits.push({ start: tokens[start].start, end: tokens[m.last].end });
  }
  return hits;
}

/**
 * "honestly I think because he didn't want to redo his slides": a guess at a colleague's motive for
 * disagreeing. The interviewer hears the candidate's view of a colleague, not the argument.
 */
function guessedMotive(sentence: Sentence): Hit | undefined {
  const tokens = sentence.tokens;
  for (const clause of sentence.clauses) {
    if (!blamable(clause) || !clause.verb || !(clause.negated || tokens[tokens.indexOf(clause.verb) + 1]?.lemma === 'not')) continue;
    const head = tokens.indexOf(clause.verb);
    if (!MOTIVES.longestAt(tokens, head)) continue;
    const subjectAt = tokens.findIndex((t) => t.start === clause.subject!.start);
    if (tokens[subjectAt - 1]?.lower !== 'because') continue;
    const guess = GUESSES.first(tokens, Math.max(0, subjectAt - 6), subjectAt - 1);
    if (!guess) continue;
    return { start: tokens[guess.first].start, end: clause.verb.end, messageId: 'motive' };
  }
  return undefined;
}

/** Someone other than the candidate, their team or a customer, speaking in their own voice. */
function blamable(clause: Clause): boolean {
  const subject = clause.subject;
  if (!subject || subject.actor !== 'other' || clause.reported) return false;
  // "Customers didn't read the guide" is a product insight, not blame.
  const words = subject.text.split(/\s+/);
  return !words.some((w) => NOT_BLAMED.phrases.some((p) => p.words.length === 1 && w.toLowerCase().startsWith(p.words[0].lower)));
}

/** The start of the noun phrase that owns a possessive "'s" at `apostrophe`: "the data team's". */
function ownerStart(tokens: readonly Token[], apostrophe: number): number {
  let k = apostrophe - 1;
  while (
    k > 0 &&
    (tokens[k - 1].pos === 'noun' || tokens[k - 1].pos === 'propn' || tokens[k - 1].pos === 'adj' || tokens[k - 1].pos === 'det')
  ) {
    k--;
    if (tokens[k].pos === 'det') break;
  }
  return Math.max(0, k);
}
