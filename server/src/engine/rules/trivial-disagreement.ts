import type { Rule, Span, Story } from '../types';
import { proseSentences, rel } from '../text';
import { cueRegex } from './principle-beats';
import { sectionsOf } from './util';
import words from './trivial-disagreement.words.json';

const DISAGREEMENT = cueRegex(words.disagreement)!;
const TOPIC = new RegExp(cueRegex(words.topics)!.source, 'giu');
/** Product names that are also English words ("React", "Spring Boot") match only as written. */
const NAME = new RegExp(cueRegex(words.names)!.source, 'gu');
const STAKES = cueRegex(words.stakes)!;
/** A measured argument (a count, a percentage, a price) is evidence, not taste. */
const MEASURE = /\d|[$€£¥%]/;

// Domain: Have Backbone needs an evidence-based disagreement about something that mattered; "a
// trivial disagreement (tool preference) does not count", and a tabs-versus-spaces argument passed
// off as backbone tells the interviewer the candidate has no real one to tell.
export const trivialDisagreement: Rule = {
  name: 'trivial-disagreement',
  description: 'A story framed for Have Backbone; Disagree and Commit whose disagreement is about a tool, library, naming or style preference, with no customer or business stakes.',
  group: 'judgment',
  defaultSeverity: 'warning',
  messages: {
    trivial:
      '"{topic}": this disagreement is about a tool or style preference, which interviewers do not count as backbone. Tell one with stakes (customers, cost, risk, a deadline, data), or say what was at stake here.',
  },
  check(story, context) {
    if (!story.principles?.entries.some((e) => e.principle?.id === 'have-backbone')) return;
    for (const section of sectionsOf(story, ['situation', 'task', 'action'])) {
      const spans = proseSentences(story, rel(story, section.body));
      for (let i = 0; i < spans.length; i++) {
        if (!DISAGREEMENT.test(sentenceText(story, spans[i]))) continue;
        // The disagreement and the argument for it: the sentence before, and the two after.
        const window = spans.slice(Math.max(0, i - 1), i + 3).map((s) => sentenceText(story, s)).join(' ');
        if (STAKES.test(window) || MEASURE.test(window)) continue;
        const topic = firstTopic(story, spans.slice(i, i + 2));
        if (!topic) continue;
        context.report({ messageId: 'trivial', data: { topic: topic.text }, start: topic.start + story.start, end: topic.end + story.start });
        return;
      }
    }
  },
};

function sentenceText(story: Story, span: Span): string {
  return story.prose.slice(span.start, span.end);
}

/** The first tool or style word in the sentences, story-relative. */
function firstTopic(story: Story, spans: readonly Span[]): { start: number; end: number; text: string } | undefined {
  for (const span of spans) {
    const text = sentenceText(story, span);
    const found = [...text.matchAll(TOPIC), ...text.matchAll(NAME)].sort((a, b) => a.index! - b.index!)[0];
    if (found) return { start: span.start + found.index!, end: span.start + found.index! + found[0].length, text: found[0].replace(/\s+/g, ' ') };
  }
  return undefined;
}
