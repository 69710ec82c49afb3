import type { Fix, Rule, Story } from '../types';
import { ADVERBS, isParticiple, isRewritableVerb, pastFromParticiple, pastTense } from '../verbs';
import { matchesIn, sectionsOf } from './util';

const APOS = "['\u2019]";
const HYPOTHETICAL = new RegExp(
  [
    `\\bI\\s+would\\b`,
    `\\bI${APOS}d\\b`,
    `\\bI\\s+will\\b`,
    `\\bI${APOS}ll\\b`,
    `\\bwe\\s+would\\b`,
    `\\bif\\s+I\\s+were\\b`,
    `\\b(?:I|we)\\s+(?:usually|always|generally|typically|normally|tend\\s+to)\\b`,
  ].join('|'),
  'gi',
);
// "I told her I would own it" reports a past promise; that is a real event, not a hypothetical.
const REPORTING = /\b(?:said|told|promised|committed|agreed|explained|knew|thought|realized|realised|assured|announced|wrote|emailed|warned|guaranteed|confirmed|proposed|decided|replied|answered|offered|figured|hoped|expected|that|whether|if)\b/i;
const WORD_AFTER = /^(\s+)([A-Za-z]+)/;

// Interviewers ask what you did; "I would…" answers a different question and gets redirected.
export const hypothetical: Rule = {
  name: 'hypothetical',
  description: 'A hypothetical or habitual phrase ("I would", "I\'ll", "if I were", "I usually") instead of a past event.',
  group: 'evidence',
  defaultSeverity: 'warning',
  fixable: 'fix',
  messages: {
    hypothetical: '"{phrase}" is a hypothetical; tell what you did, in the past tense.',
    habitual: '"{phrase}" describes a habit; tell the one time it happened, in the past tense.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result'])) {
      for (const m of matchesIn(story, section.body, HYPOTHETICAL)) {
        const lower = m.text.toLowerCase().replace(/\s+/g, ' ');
        const relStart = m.start - story.start;
        const sentenceBefore = lastSentence(story.prose.slice(Math.max(0, relStart - 160), relStart));
        if (REPORTING.test(sentenceBefore) || insideQuote(sentenceBefore)) continue;
        const after = story.prose.slice(m.end - story.start, m.end - story.start + 40);
        // "I'd already shipped" is "I had", a past perfect.
        if (/d$/.test(lower) && /'d$|\u2019d$/.test(lower)) {
          const next = WORD_AFTER.exec(after);
          if (next && (isParticiple(next[2]) || /^(?:already|never|just|been|recently|previously)$/i.test(next[2]))) continue;
        }
        const habitual = /usually|always|generally|typically|normally|tend/.test(lower);
        context.report({
          messageId: habitual ? 'habitual' : 'hypothetical',
          data: { phrase: m.text },
          start: m.start,
          end: m.end,
          fix: habitual || lower.startsWith('if') ? undefined : pastFix(story, m.start, m.end, m.text),
        });
      }
    }
  },
};

function lastSentence(text: string): string {
  const cut = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '), text.lastIndexOf('\n\n'));
  return cut >= 0 ? text.slice(cut + 2) : text;
}

function insideQuote(text: string): boolean {
  return (text.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1;
}

/** "I would talk to" → "I talked to"; "I would first gather" → "I first gathered"; "I would not wait" → "I did not wait". */
function pastFix(story: Story, start: number, end: number, phrase: string): Fix | undefined {
  const subject = /^we/i.test(phrase) ? phrase.slice(0, 2) : phrase.slice(0, 1);
  let pos = end - story.start;
  const words: string[] = [];
  let next = WORD_AFTER.exec(story.prose.slice(pos, pos + 40));
  while (next && ADVERBS.has(next[2].toLowerCase()) && words.length < 2) {
    words.push(next[2]);
    pos += next[0].length;
    next = WORD_AFTER.exec(story.prose.slice(pos, pos + 40));
  }
  if (!next) return undefined;
  let verb = next[2];
  let replacement: string;
  const lower = verb.toLowerCase();
  if (lower === 'not' || lower === 'never') {
    const following = WORD_AFTER.exec(story.prose.slice(pos + next[0].length, pos + next[0].length + 40));
    if (!following || !isRewritableVerb(following[2])) return undefined;
    replacement = lower === 'not' ? `did not ${following[2]}` : `never ${pastTense(following[2])}`;
    pos += next[0].length + following[0].length;
  } else if (lower === 'be') {
    replacement = subject.toLowerCase() === 'we' ? 'were' : 'was';
    pos += next[0].length;
  } else if (lower === 'have') {
    const following = WORD_AFTER.exec(story.prose.slice(pos + next[0].length, pos + next[0].length + 40));
    if (!following || !isParticiple(following[2])) return undefined;
    const participle = following[2].toLowerCase();
    replacement = participle === 'been' ? (subject.toLowerCase() === 'we' ? 'were' : 'was') : pastFromParticiple(participle);
    pos += next[0].length + following[0].length;
  } else {
    if (!isRewritableVerb(verb)) return undefined;
    replacement = pastTense(verb);
    pos += next[0].length;
  }
  verb = [subject, ...words, replacement].join(' ');
  const absEnd = story.start + pos;
  const original = story.prose.slice(start - story.start, pos).replace(/\s+/g, ' ');
  return { title: `Rewrite "${original}" as "${verb}"`, edits: [{ start, end: absEnd, text: verb }] };
}
