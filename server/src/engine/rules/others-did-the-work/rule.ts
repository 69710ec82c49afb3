import type { Rule } from '../../types';
import { type Clause, type Sentence } from '../../language';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { sectionsOf } from '../common/util';
import words from './words.json';

const EXPERTS = new PhraseList(words.experts);
const SOLVES = new PhraseList(words.solves);
const PASSIVE_SOLVES = new PhraseList(words.passiveSolves);
const HANDOFFS = new PhraseList(words.handoffs);
const CHOICES = new PhraseList(words.choices);
const THIN = new PhraseList(words.thinVerbs);
const RAISES = new PhraseList(words.raises);
const TEAM_FIXES = new PhraseList(words.teamFixes);

interface Hit {
  start: number;
  end: number;
}

// What interviewers grade (docs/interviews.md): when the hard part went to someone else (a senior
// engineer who found the leak, specialists who patched it), the interviewer cannot credit work the
// candidate handed on, and asks "what did you do?" until the answer is small.
export const othersDidTheWork: Rule = {
  name: 'others-did-the-work',
  description:
    'In the Action, the hard part was done by someone else: escalated to a senior engineer who solved it, "the SMEs patched it", "my manager resolved it", with little the candidate did.',
  group: 'ownership',
  defaultSeverity: 'warning',
  messages: {
    raisedThenFixed:
      '"{phrase}": you passed the problem on and they found or built the fix. An interviewer credits the part that was yours; say what you found, decided or built yourself, and credit them for theirs.',
    othersDidIt:
      '"{phrase}": the hard part was done by someone else. An interviewer will ask what you did yourself; say what you decided, built or found, and credit the others next to it.',
  },
  check(story, context) {
    // A Hire and Develop the Best story is about someone else doing the work after your coaching.
    if (story.principles?.entries.some((e) => e.principle?.id === 'hire-and-develop-the-best')) return;
    for (const section of sectionsOf(story, ['action'])) {
      const sentences = sentencesToCheck(story, section);
      const hit = firstHandedOff(sentences);
      // A clear part of the candidate's own next to the others' work is shared credit, not a hand-off.
      if (hit && ownActions(sentences) < 2) {
        const phrase = context.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
        context.report({ messageId: 'othersDidIt', data: { phrase }, start: hit.start, end: hit.end });
        return;
      }
      // "I raised it with data engineering, and they traced it and rebuilt the pipeline": even beside
      // work of the candidate's own, the fix the story turns on was someone else's; worth a question, not a warning.
      const raised = raisedThenFixedByOthers(sentences);
      if (raised) {
        const phrase = context.text.slice(raised.start, raised.end).replace(/\s+/g, ' ');
        context.report({ messageId: 'raisedThenFixed', data: { phrase }, severity: 'info', start: raised.start, end: raised.end });
        return;
      }
    }
  },
};

function firstHandedOff(sentences: readonly Sentence[]): Hit | undefined {
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    const tokens = sentence.tokens;
    const hits: Hit[] = [];
    sentence.clauses.forEach((clause, c) => {
      if (clause.reported || clause.negated || !clause.verb) return;
      const head = tokens.indexOf(clause.verb);
      const from = tokens.indexOf(clause.verbs[0]);
      const clauseEnd = tokens.indexOf(clause.tokens[clause.tokens.length - 1]);
      // "escalated it to the principal engineer, who found the leak": handed on, then solved by them.
      // "…, then handed it off": a verb the layer leaves without a subject continues the clause before it.
      const self = isSelf(clause) || (!clause.subject && c > 0 && isSelf(sentence.clauses[c - 1]));
      if (self && HANDOFFS.longestAt(tokens, head)) {
        const expert = EXPERTS.first(tokens, head + 1, clauseEnd + 1);
        if (expert) {
          const next = sentences[s + 1];
          const later: Array<[Clause, Sentence]> = [
            ...sentence.clauses.slice(c + 1).map((l): [Clause, Sentence] => [l, sentence]),
            ...(next?.clauses ?? []).map((l): [Clause, Sentence] => [l, next]),
          ];
          if (later.some(([l, where]) => solvedByOthers(l, where))) {
            hits.push({ start: clause.verbs[0].start, end: tokens[expert.last].end });
          }
        }
      }
      // "the SMEs patched it", "my manager resolved it".
      if (clause.subject && !clause.subjectImplied && clause.subject.actor === 'other' && !clause.passive && solves(tokens, from, head)) {
        if (EXPERTS.test(subjectTokens(sentence, clause))) hits.push({ start: clause.subject.start, end: clause.verb.end });
      }
      // "the root cause was found by the staff engineer".
      if (clause.passive && clause.agent?.actor === 'other' && PASSIVE_SOLVES.longestAt(tokens, head)) {
        const agentTokens = tokens.filter((t) => t.start >= clause.agent!.start && t.end <= clause.agent!.end);
        if (EXPERTS.test(agentTokens)) hits.push({ start: clause.verbs[0].start, end: clause.agent.end });
      }
    });
    if (hits.length > 0) return hits.sort((a, b) => a.start - b.start)[0];
  }
  return undefined;
}

/** The candidate (or a subject-less note) passes the problem on, and in that sentence or the next another person or team fixes it. */
function raisedThenFixedByOthers(sentences: readonly Sentence[]): Hit | undefined {
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    const raise = sentence.clauses.find((clause, c) => {
      if (!clause.verb || clause.negated || clause.reported || clause.modal) return false;
      const mine =
        isSelf(clause) || (!clause.subject && (c === 0 ? sentence.fragment || sentence.listItem : isSelf(sentence.clauses[c - 1])));
      const tokens = sentence.tokens;
      const raises =
        RAISES.longestAt(tokens, tokens.indexOf(clause.verb)) !== undefined ||
        RAISES.longestAt(tokens, tokens.indexOf(clause.verbs[0])) !== undefined;
      // Passed to someone: "raised it with data engineering", "took it to the planning team".
      return mine && raises && clause.tokens.some((t) => t.lower === 'with' || t.lower === 'to');
    });
    if (!raise) continue;
    // "I pulled the logs, built a repro and sent it to the vendor, who fixed it": the diagnosis was the candidate's.
    if (ownActions([{ ...sentence, clauses: sentence.clauses.slice(0, sentence.clauses.indexOf(raise)) }]) > 0) continue;
    const after = sentence.clauses.slice(sentence.clauses.indexOf(raise) + 1).map((l): [Clause, Sentence] => [l, sentence]);
    const next = sentences[s + 1];
    for (const [clause, where] of [...after, ...(next?.clauses ?? []).map((l): [Clause, Sentence] => [l, next])]) {
      if (!clause.verb || clause.reported || clause.negated || clause.passive || clause.modal) continue;
      if (clause.subject?.actor !== 'other' || clause.progressive || clause.tense !== 'past') continue;
      const tokens = where.tokens;
      // "kept changing the template", "started rebuilding": an ongoing habit, not the fix.
      if (clause.verbs.some((v) => v.lemma === 'keep' || v.lemma === 'start' || v.lemma === 'continue')) continue;
      for (const verb of [clause.verbs[0], clause.verb]) {
        const fix = TEAM_FIXES.longestAt(tokens, tokens.indexOf(verb));
        if (fix) return { start: clause.subject.start, end: tokens[fix.last].end };
      }
    }
  }
  return undefined;
}

function solves(tokens: Sentence['tokens'], from: number, head: number): boolean {
  return SOLVES.longestAt(tokens, head) !== undefined || SOLVES.longestAt(tokens, from) !== undefined;
}

/** A clause in which someone other than the candidate solves the problem. */
function solvedByOthers(clause: Clause, sentence: Sentence): boolean {
  if (!clause.verb || clause.reported || clause.negated || clause.passive) return false;
  if (!clause.subject || clause.subject.actor !== 'other') return false;
  const tokens = sentence.tokens;
  return solves(tokens, tokens.indexOf(clause.verbs[0]), tokens.indexOf(clause.verb));
}

function isSelf(clause: Clause): boolean {
  return clause.subject?.actor === 'self';
}

function subjectTokens(sentence: Sentence, clause: Clause) {
  return sentence.tokens.filter((t) => t.start >= clause.subject!.start && t.end <= clause.subject!.end);
}

/**
 * Things the candidate did that are more than passing the problem on (escalating, informing,
 * waiting): "I profiled the service and found the lock" counts two; "I decided to email them"
 * counts as the emailing.
 */
function ownActions(sentences: readonly Sentence[]): number {
  let count = 0;
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (const clause of sentence.clauses) {
      if (!clause.verb || clause.subject?.actor !== 'self' || clause.negated || clause.reported || clause.passive || clause.modal) continue;
      const head = tokens.indexOf(clause.verb);
      const from = tokens.indexOf(clause.verbs[0]);
      // The choice is counted through the verb it governs ("decided to ship" is the shipping).
      if (CHOICES.longestAt(tokens, head)) continue;
      if (solves(tokens, from, head)) {
        count++;
        continue;
      }
      if (THIN.longestAt(tokens, head) || THIN.longestAt(tokens, from)) continue;
      count++;
    }
  }
  return count;
}
