import type { Rule } from '../../types';
import { type Sentence } from '../../language';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { sectionsOf } from '../common/util';
import words from './words.json';

const DISAGREEMENT = new PhraseList(words.disagreement);
const TOPICS = new PhraseList(words.topics);
/** Product names that are also English words ("React", "Spring Boot") match only as written. */
const NAMES = new PhraseList(words.names, true);
const STAKES = new PhraseList(words.stakes);
/** A measured argument (a price, a share, a size, a time) is evidence, not taste. */
const MEASURED = new Set(['percent', 'money', 'quantity', 'duration', 'multiplier']);

// What interviewers grade (docs/interviews.md): Have Backbone needs a disagreement about something
// that mattered, argued with evidence; a tabs-versus-spaces argument passed off as backbone tells the
// interviewer the candidate has no real one to tell.
export const trivialDisagreement: Rule = {
  name: 'trivial-disagreement',
  description:
    'A story framed for Have Backbone; Disagree and Commit whose disagreement is about a tool, library, naming or style preference, with no customer or business stakes.',
  group: 'judgment',
  defaultSeverity: 'warning',
  messages: {
    trivial:
      '"{topic}": this disagreement is about a tool or style preference, and an interviewer will ask what was at stake for customers or the business. Tell one with stakes (cost, risk, a deadline, data), or say what was at stake here.',
  },
  check(story, context) {
    if (!story.principles?.entries.some((e) => e.principle?.id === 'have-backbone')) return;
    for (const section of sectionsOf(story, ['situation', 'task', 'action'])) {
      const sentences = sentencesToCheck(story, section);
      for (let i = 0; i < sentences.length; i++) {
        if (!DISAGREEMENT.test(sentences[i].tokens)) continue;
        // The disagreement and the argument for it: the sentence before, and the two after.
        const window = sentences.slice(Math.max(0, i - 1), i + 3);
        if (window.some(hasStakes)) continue;
        // The topic is usually in the disagreement itself, or in the proposal just before it.
        const topic = firstTopic([i, i - 1, i + 1, i + 2].filter((k) => k >= 0 && k < sentences.length).map((k) => sentences[k]));
        if (!topic) continue;
        const text = context.text.slice(topic.start, topic.end).replace(/\s+/g, ' ');
        context.report({ messageId: 'trivial', data: { topic: text }, start: topic.start, end: topic.end });
        return;
      }
    }
  },
};

function hasStakes(sentence: Sentence): boolean {
  if (STAKES.test(sentence.tokens)) return true;
  // "pushed back twice" counts the arguing, not the stakes.
  return sentence.numbers.some(
    (n) => (MEASURED.has(n.kind) && !/^(?:once|twice|thrice)$/i.test(n.text)) || (n.kind === 'count' && /\d/.test(n.text)),
  );
}

/** The first tool or style words in the sentences, taken in the order given. */
function firstTopic(sentences: readonly Sentence[]): { start: number; end: number } | undefined {
  for (const sentence of sentences) {
    const found = [TOPICS.first(sentence.tokens), NAMES.first(sentence.tokens)]
      .filter((m) => m !== undefined)
      .sort((a, b) => a.first - b.first)[0];
    if (found) return { start: sentence.tokens[found.first].start, end: sentence.tokens[found.last].end };
  }
  return undefined;
}
