import type { Rule } from '../../types';
import { type Clause, type Sentence } from '../../language';
import { PhraseList, sentencesToCheck } from '../shared/phrases';
import { sectionsOf } from '../shared/util';
import words from './words.json';

const EXPERTS = new PhraseList(words.experts);
const SOLVES = new PhraseList(words.solves);
const PASSIVE_SOLVES = new PhraseList(words.passiveSolves);
const HANDOFFS = new PhraseList(words.handoffs);
const CHOICES = new PhraseList(words.choices);
const THIN = new PhraseList(words.thinVerbs);

interface Hit {
  start: number;
  end: number;
}

// What interviewers grade (docs/interviews.md): when the hard part went to someone else (a senior
// engineer who found the leak, specialists who patched it), the interviewer cannot credit work the
// candidate handed on, and asks "what did you do?" until the answer is small.
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
      const sentences = sentencesToCheck(story, section);
      const hit = firstHandedOff(sentences);
      if (!hit) continue;
      // A clear part of the candidate's own next to the others' work is shared credit, not a hand-off.
      if (ownActions(sentences) >= 2) continue;
      const phrase = context.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
      context.report({ messageId: 'othersDidIt', data: { phrase }, start: hit.start, end: hit.end });
      return;
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
