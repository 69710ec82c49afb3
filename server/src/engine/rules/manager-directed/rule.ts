import type { Rule } from '../../types';
import { matchesIn, sectionsOf } from '../common/util';

const ROLE = '(?:manager|boss|lead|supervisor|director|VP|head|CTO|CEO|CIO)';
const ROLE_ADJECTIVE = '(?:engineering|product|project|team|tech|line|direct|new|senior|skip-level|department|group)';
const AUTHORITY = `(?:(?:my|our)\\s+(?:${ROLE_ADJECTIVE}\\s+)?${ROLE}|the\\s+(?:VP|CTO|CEO|CIO|director)|(?:upper\\s+|senior\\s+)?(?:leadership|management))`;
const THEM = '(?:me|us|the\\s+team|my\\s+team|our\\s+team)';
const DIRECTS = [
  // "asked me to", "wanted us to": a request for something, not "told me that the launch slipped".
  `(?:asked|told|instructed|directed|ordered|wanted|needed|expected|got)\\s+${THEM}\\s+to`,
  `(?:assigned|tasked)\\s+${THEM}`,
  `(?:gave|handed)\\s+${THEM}\\s+(?:the|a|this|that)\\s+(?:task|project|job|assignment|work|ticket)`,
  `(?:had|made|put)\\s+${THEM}`,
  // "my boss decided": the call that matters in the story was someone else's.
  '(?:decided|chose|picked|mandated)',
].join('|');
const BY_AUTHORITY = new RegExp(
  `\\b${AUTHORITY}(?:['\u2019]s)?\\s+(?:(?:had|then|also|just|already|first|initially)\\s+)?(?:${DIRECTS})\\b`,
  'gi',
);

// The candidate (or the candidate's team) on the receiving end of an instruction.
const DIRECTED = new RegExp(
  "\\b(?:I|we|(?:the|my|our)\\s+team)(?:\\s+(?:was|were|got|had\\s+been|have\\s+been|has\\s+been)|['\u2019](?:d|ve)\\s+been)" +
    '\\s+(?:(?:also|then|first|initially|originally|just|later|soon)\\s+)?' +
    '(?:asked|told|instructed|directed|ordered|expected|assigned|tasked|given\\s+(?:the|a)\\s+(?:task|job|assignment|project)|pulled\\s+in|brought\\s+in)\\b',
  'gi',
);
/** "asked to", "asked by my manager to", "tasked with": the instruction itself. */
const INSTRUCTION_AFTER = /^(?:\s+by((?:\s+[\w'\u2019-]+){1,4}?))?\s+(?:to|with)\b/i;
const AUTHORITY_WORD = /\b(?:manager|boss|lead|supervisor|director|VP|head|CTO|CEO|CIO|leadership|management|executives?)\b/i;
/** Verbs that only direct when something follows ("I was told to", not "I was told that"). */
const NEEDS_INSTRUCTION = /(?:asked|told|instructed|directed|ordered|expected)$/i;
// Direction the candidate then challenged is the setup of a backbone story, not passive ownership.
/** The candidate went past the ask in the same breath: "asked me to size it, but I wanted to find the cause". */
const WENT_FURTHER =
  /^[^.!?\n]{0,120}?\b(?:but|so)\s+I\s+(?:also\s+)?(?:wanted|decided|chose|insisted|went|dug|looked|pushed|proposed|set out|took)\b/i;
/** "When I was assigned my first feature, I noticed…": where the work came from, told as the time of the story. */
const TIME_CLAUSE = /\b(?:when|after|once|while|as soon as)\s+$/i;
/** The candidate's own call in the Action: then an assignment in the Task is only where the work came from. */
const OWN_CALL = /\bI\s+(?:then\s+|also\s+)?(?:decided|chose|proposed|recommended|insisted|convinced|argued\s+for|made\s+the\s+call)\b/i;
const PUSHED_BACK =
  /\b(?:disagree\w*|pushed\s+back|push\s+back|objected|challenged|argued\s+(?:against|for)|overruled|questioned\s+(?:it|the|that|this|whether)|counter-?propos\w*|raised\s+(?:my\s+)?concerns?)\b/i;

// "My manager asked me to" leaves the interviewer unable to tell whether the candidate would have
// acted alone; they are hiring for the judgment to pick the work, not to receive it.
export const managerDirected: Rule = {
  name: 'manager-directed',
  description:
    'In Task and Action, the work was someone else\'s call: "my manager asked me to", "I was told to", "I was asked to", "my boss decided".',
  group: 'ownership',
  defaultSeverity: 'warning',
  messages: {
    directed: '"{phrase}" puts the decision with someone else; say what you saw, what you decided and why you took it on.',
  },
  check(story, context) {
    // The Situation may say where the work came from (that is context); the Task and Action are
    // where the interviewer listens for what the candidate chose to do.
    const action = sectionsOf(story, ['action'])[0];
    const ownCallInAction = action
      ? OWN_CALL.test(story.prose.slice(action.body.start - story.start, action.body.end - story.start))
      : false;
    for (const section of sectionsOf(story, ['task', 'action'])) {
      if (section.kind === 'task' && ownCallInAction) continue;
      const found: Array<{ start: number; end: number }> = [];
      for (const m of matchesIn(story, section.body, BY_AUTHORITY)) found.push({ start: m.start, end: m.end });
      for (const m of matchesIn(story, section.body, DIRECTED)) {
        const rest = story.prose.slice(m.end - story.start, m.end - story.start + 80);
        const instruction = INSTRUCTION_AFTER.exec(rest);
        if (!instruction && NEEDS_INSTRUCTION.test(m.text)) continue;
        // "I was asked by a customer to explain": a customer's request is not direction from above.
        if (instruction?.[1] && !AUTHORITY_WORD.test(instruction[1])) continue;
        found.push({ start: m.start, end: instruction ? m.end + instruction[0].length : m.end });
      }
      found.sort((a, b) => a.start - b.start);
      for (const { start, end } of found) {
        const before = sentenceBefore(story.prose, start - story.start);
        if (insideQuote(before)) continue;
        if (TIME_CLAUSE.test(before) || WENT_FURTHER.test(story.prose.slice(end - story.start, end - story.start + 160))) continue;
        if (PUSHED_BACK.test(before + story.prose.slice(start - story.start, nextSentenceEnd(story.prose, end - story.start)))) continue;
        const phrase = story.prose.slice(start - story.start, end - story.start).replace(/\s+/g, ' ');
        context.report({ messageId: 'directed', data: { phrase }, start, end });
      }
    }
  },
};

function sentenceBefore(prose: string, at: number): string {
  const text = prose.slice(Math.max(0, at - 200), at);
  const cut = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '), text.lastIndexOf('\n\n'));
  return cut >= 0 ? text.slice(cut + 2) : text;
}

/** The end of the sentence after the one holding `at`: "My lead chose Kafka. I disagreed" is a pushback. */
function nextSentenceEnd(prose: string, at: number): number {
  const stop = /[.!?](?=\s|$)|\n\s*\n/g;
  stop.lastIndex = at;
  let end = at;
  for (let i = 0; i < 2; i++) {
    const m = stop.exec(prose);
    if (!m || m.index - at > 400) return Math.min(prose.length, at + 400);
    end = m.index + m[0].length;
  }
  return end;
}

function insideQuote(text: string): boolean {
  return (text.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1;
}
