import type { Fix, Rule, RuleContext, Story } from '../../types';
import { compoundParts, isAdverb, isKnownVerb, isParticiple, isRewritableVerb, pastFromParticiple, pastTense } from '../../verbs';
import { isPlainRun, matchesIn, sectionsOf } from '../common/util';
import { clauseIn, sentenceAt, tokenIndexAt } from '../../language';

const APOS = "['\u2019]";
const HYPOTHETICAL = new RegExp(
  [
    `\\bI\\s+(?:would|will)(?:n${APOS}t)?(?:${APOS}ve)?\\b`,
    `\\bI\\s+won${APOS}t\\b`,
    `\\bI${APOS}d\\b`,
    `\\bI${APOS}ll\\b`,
    `\\bwe\\s+would(?:n${APOS}t)?\\b`,
    `\\bif\\s+I\\s+were\\b`,
    `\\b(?:I|we)\\s+(?:usually|always|generally|typically|normally|tend\\s+to)\\b`,
  ].join('|'),
  'gi',
);
// "I told her I would own it" reports a past promise; that is a real event, not a hypothetical.
// "if"/"whether" anywhere before keep a past plan quiet ("If the canary failed, I would roll back").
const REPORTING =
  /\b(?:saw|noticed|could see|said|told|argued|pointed out|predicted|estimated|promised|committed|agreed|explained|knew|thought|realized|realised|assured|announced|wrote|emailed|warned|guaranteed|confirmed|proposed|decided|replied|answered|offered|figured|hoped|expected|whether|(?:asked|wondered|checked|see|saw|knew|know|decide|decided|tell|told \w+) if)\b/i;
// "that" only reports when it introduces the clause ("the risk was that I would slip"), not as
// a pronoun earlier in the sentence ("To fix that, I would first gather data").
const COMPLEMENTIZER = /\bthat\s*$/i;
// "Ideally I would have escalated sooner, but I waited": hindsight about what did not happen.
const COUNTERFACTUAL = /\b(?:but|ideally|hindsight|looking back|in retrospect|otherwise|instead|should)\b/i;
// "I'd do it again", "I will present it next quarter": turning these into the past would state something false.
const NO_PAST = /\b(?:again|next|tomorrow|soon|later|future|going forward|someday|eventually)\b/i;
// "so we would catch regressions", "so I would build it": the purpose of a past act, not a plan.
// A sentence that opens with "So I would…" is a plan, so "so" must follow something.
const PURPOSE = /[\w,]\s+so(?:\s+that)?\s*$/i;
// "At the current rate we would double-charge…", "…alone would lock it in: we would pay…": reasoning about a
// consequence the candidate then acted on, told inside a past story.
const PROJECTION =
  /\b(?:at (?:the|this) (?:current )?rate|otherwise|without (?:it|that|this|a fix)|would (?:lock|cost|mean|take|leave|break)|if (?:we|I|the|it|they) (?:had|did|kept|waited|shipped|left))\b|:\s*$/i;
// "I said to everyone: …, and I will fix it this week": speech reported after a colon, without quotes.
const SPOKEN = /\b(?:said|told [\w ]{1,30}?|wrote|announced|promised|admitted)\b[^.!?]*:/i;
// "If I were to do this again, I would build…": what the candidate would change, a reflection told in the wrong section.
const DO_AGAIN =
  /\bif I (?:were to |had to |could )?(?:do|did|run|ran|start|started)\b[^.!?]*\bagain\b|\bnext time\b|\bin hindsight\b|\blooking back\b/i;
// "I would call this my best project": an opinion about the story, not a plan; deleting it would break the sentence.
const OPINION_AFTER = /^\s+(?:call|describe|consider|rate|characteri[sz]e|count)\s+(?:this|that|it)\b/i;
// A hyphenated compound is one word: "re-run", "double-check", "under-promise".
const WORD_AFTER = /^(\s+)([A-Za-z]+(?:-[A-Za-z]+)*)/;

// "I argued that they would find it within a year, and then we would lose their trust": the whole argument is reported.
// "I set one rule: if the error rate crossed 1%, I would roll back", "…told them that if it slipped I would…": a plan stated, not an answer.
const STATED_CONDITION = /(?:[:;]|\bthat)\s*if\b[^.!?]*$/i;
const ARGUED_THAT = /\b(?:argued|warned|explained|pointed out|predicted|said|showed|told [\w ]{1,30}?) that\b[^.!?]*$/i;

// Interviewers ask what you did; "I would…" answers a different question and gets redirected.
export const hypothetical: Rule = {
  name: 'hypothetical',
  description: 'A hypothetical or habitual phrase ("I would", "I\'ll", "if I were", "I usually") instead of a past event.',
  group: 'evidence',
  defaultSeverity: 'warning',
  fixable: 'fix',
  messages: {
    hypothetical: '"{phrase}" is a hypothetical; tell what you did, in the past tense.',
    filler: '"{phrase}" is a filler; just say it.',
    habitual: '"{phrase}" describes a habit; tell the one time it happened, in the past tense.',
    redoInAction:
      '"{phrase}" is what you would do another time, told in your Action; the interviewer grades what you did. Tell what you did here, and move what you would change to the Reflection.',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result'])) {
      let redoReported = false;
      // "If I were the owner I would escalate" is one hypothetical, not two: the main clause of a
      // reported "if I…" goes with it.
      let openConditionalEnd = -1;
      for (const m of matchesIn(story, section.body, HYPOTHETICAL)) {
        const lower = m.text
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .replace(/\u2019/g, "'");
        const habitual = /usually|always|generally|typically|normally|tend/.test(lower);
        // Habits are background in the Situation ("we usually released monthly").
        if (habitual && section.kind === 'situation') continue;
        const relStart = m.start - story.start;
        const sentenceBefore = lastSentence(story.prose.slice(Math.max(0, relStart - 160), relStart));
        const after = story.prose.slice(m.end - story.start, m.end - story.start + 40);
        if (notAnAnswer(sentenceBefore, after, habitual)) continue;
        if (
          !habitual &&
          DO_AGAIN.test(sentenceBefore + m.text + firstSentence(story.prose.slice(m.end - story.start, m.end - story.start + 160)))
        ) {
          // Elsewhere it is a reflection in the wrong place; in the Action it stands where a deed should.
          if (section.kind === 'action' && !redoReported) {
            redoReported = true;
            context.report({
              messageId: 'redoInAction',
              data: { phrase: m.text.replace(/\s+/g, ' ') },
              severity: 'info',
              start: m.start,
              end: m.end,
            });
          }
          continue;
        }
        if (reportFiller(story, context, m.start, m.end, lower)) continue;
        // "I'd already shipped", "I'd personally reviewed" are "I had", a past perfect.
        if (lower.endsWith("'d") && isPastPerfect(after)) continue;
        const sentenceAfter = firstSentence(story.prose.slice(m.end - story.start, m.end - story.start + 160));
        const wouldHave = /'ve$/.test(lower) || /^\s+have\s/i.test(after);
        if (wouldHave && (COUNTERFACTUAL.test(sentenceBefore) || COUNTERFACTUAL.test(sentenceAfter))) continue;
        const fixable = !habitual && pastIsFaithful(lower, after, sentenceBefore, sentenceAfter);
        if (openConditionalEnd >= 0 && !/[.!?\n]/.test(story.prose.slice(openConditionalEnd - story.start, relStart))) {
          // Known to hold no sentence end up to here: the next match looks on from this one, not from the "if".
          openConditionalEnd = m.start;
          continue;
        }
        openConditionalEnd = lower.startsWith('if') ? m.end : -1;
        context.report({
          messageId: habitual ? 'habitual' : 'hypothetical',
          data: { phrase: m.text },
          start: m.start,
          end: m.end,
          fix: fixable ? pastFix(story, context.text, m.start, m.end, m.text) : undefined,
        });
      }
    }
  },
};

/** "I would say it went well": an opinion marker, not a plan; deleting it says the same thing plainly. */
function reportFiller(story: Story, context: RuleContext, start: number, end: number, lower: string): boolean {
  const filler = fillerAt(story, start, end, lower);
  if (!filler) return false;
  context.report({
    messageId: 'filler',
    data: { phrase: filler.phrase },
    start,
    end: filler.end,
    fix: filler.aside ? undefined : fillerFix(story, context.text, start, filler.end),
  });
  return true;
}

/** Someone's words reported, a purpose, a projection, a stated plan or an opinion marker: not the candidate answering in the conditional. */
function notAnAnswer(sentenceBefore: string, after: string, habitual: boolean): boolean {
  // "I told the VP I would own the date, and I will always remember it": the report ends at ", and".
  const clauseBefore = lastClause(sentenceBefore);
  if (REPORTING.test(clauseBefore) || COMPLEMENTIZER.test(clauseBefore) || insideQuote(sentenceBefore)) return true;
  if (habitual) return false;
  return (
    STATED_CONDITION.test(sentenceBefore) ||
    ARGUED_THAT.test(sentenceBefore) ||
    PURPOSE.test(sentenceBefore) ||
    PROJECTION.test(sentenceBefore) ||
    SPOKEN.test(sentenceBefore) ||
    OPINION_AFTER.test(after)
  );
}

/** Whether the past tense says what the sentence meant, so the rewrite is a safe fix. */
function pastIsFaithful(lower: string, after: string, sentenceBefore: string, sentenceAfter: string): boolean {
  // "I will always remember it" is a resolution; "I always remembered it" would be a different claim.
  const resolution = /\b(?:will|'ll|won't)$/.test(lower) && /^\s+(?:always|never|forever)\b/i.test(after);
  // "If sales came to me, I would ask" → "…, I asked" would invent a habit: a conditional gets no fix.
  return !resolution && !lower.startsWith('if') && !/\bif\b/i.test(sentenceBefore) && !NO_PAST.test(sentenceAfter);
}

/**
 * "I would say" / "I'd say" followed by what is said ("I would say it went well", "I'd say that the
 * fix held", "It held, I would say."), read from the language layer: the next clause has a subject
 * of its own, so "say" reports an opinion rather than an act ("I would say no to the VP" is a hypothetical).
 */
function fillerAt(story: Story, start: number, end: number, lower: string): { end: number; phrase: string; aside?: boolean } | undefined {
  if (!/^i(?: would|'d)$/.test(lower)) return undefined;
  const sentence = sentenceAt(story, start);
  if (!sentence) return undefined;
  const i = tokenIndexAt(sentence, end);
  const say = sentence.tokens[i];
  if (!say || say.lower !== 'say') return undefined;
  const phrase = story.prose.slice(start - story.start, say.end - story.start).replace(/\s+/g, ' ');
  const next = sentence.tokens[i + 1];
  // "a bit of, I would say, scepticism": set off by commas, an aside. Told as a filler, with no fix:
  // which comma goes depends on the sentence.
  if (next?.text === ',' && sentence.tokens[tokenIndexAt(sentence, start) - 1]?.text === ',') return { end: say.end, phrase, aside: true };
  // "It held, I would say.": the filler closes the sentence.
  if (!next || (next.pos === 'punct' && /^[.!?]$/.test(next.text)))
    return sentence.tokens[tokenIndexAt(sentence, start) - 1]?.text === ',' ? { end: say.end, phrase } : undefined;
  const here = clauseIn(sentence, say.start);
  const clause = here && sentence.clauses[sentence.clauses.indexOf(here) + 1];
  if (!clause || !clause.subject || clause.subjectImplied || clause.subject.start < say.end) return undefined;
  // Only "that" or a comma may stand between "say" and what is said.
  const between = sentence.tokens.slice(i + 1, tokenIndexAt(sentence, clause.subject.start));
  if (!between.every((t) => t.lower === 'that' || t.text === ',')) return undefined;
  return { end: say.end, phrase };
}

/**
 * Deletes the filler and what ties it to the sentence: "I would say that it held" → "It held";
 * "…, and I would say it held" → "…, and it held"; "It held, I would say." → "It held.". The
 * first word left takes the capital when the filler opened the sentence.
 */
function fillerFix(story: Story, source: string, start: number, end: number): Fix | undefined {
  const prose = story.prose;
  const at = (offset: number) => offset - story.start;
  const before = prose.slice(Math.max(0, at(start) - 40), at(start));
  const after = prose.slice(at(end), at(end) + 40);
  const closing = /^\s*[.!?]/.test(after) ? /,\s*$/.exec(before) : null;
  if (closing) {
    const from = start - closing[0].length;
    if (!isPlainRun(story, source, from, end)) return undefined;
    return { title: `Delete "${prose.slice(at(from), at(end))}"`, edits: [{ start: from, end, text: '' }] };
  }
  const tie = /^\s*(?:,\s*)?(?:that\s+)?(?:,\s*)?/.exec(after)![0];
  const to = end + tie.length;
  if (!isPlainRun(story, source, start, to + 1)) return undefined;
  const opens = /(?:^|[.!?]["'\u201d\u2019)]?\s+|\n\s*)$/.test(before) || before.trim() === '';
  const first = source[to];
  const edits = [{ start, end: to, text: '' }];
  const title = `Delete "${prose.slice(at(start), at(to)).trimEnd()}"`;
  if (opens && first && first !== first.toUpperCase()) return { title, edits: [{ start, end: to + 1, text: first.toUpperCase() }] };
  return { title, edits };
}

function isPastPerfect(after: string): boolean {
  let rest = after;
  for (let i = 0; i < 4; i++) {
    const next = WORD_AFTER.exec(rest);
    if (!next) return false;
    if (isParticiple(compoundParts(next[2]).verb)) return true;
    // "I'd never shipped" is a past perfect; "I'd never ship" is not, so look past the adverb.
    if (!isAdverb(next[2]) && next[2].toLowerCase() !== 'never') return false;
    rest = rest.slice(next[0].length);
  }
  return false;
}

function lastSentence(text: string): string {
  const cut = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '), text.lastIndexOf('\n\n'));
  return cut >= 0 ? text.slice(cut + 2) : text;
}

function lastClause(sentence: string): string {
  const boundary = /(?:,\s*(?:and|but|so|then)|;)\s+/g;
  let cut = 0;
  for (let m = boundary.exec(sentence); m; m = boundary.exec(sentence)) cut = m.index + m[0].length;
  return sentence.slice(cut);
}

function firstSentence(text: string): string {
  const end = /[.!?](?:\s|$)|\n\s*\n/.exec(text);
  return end ? text.slice(0, end.index) : text;
}

function insideQuote(text: string): boolean {
  return (text.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1;
}

/**
 * "I would talk to" → "I talked to"; "I would first gather" → "I first gathered";
 * "I would not wait" → "I did not wait"; "I wouldn't wait" → "I didn't wait"; "I would have escalated" → "I escalated".
 */
function pastFix(story: Story, source: string, start: number, end: number, phrase: string): Fix | undefined {
  const subject = /^we/i.test(phrase) ? phrase.slice(0, 2) : phrase.slice(0, 1);
  const plural = subject.toLowerCase() === 'we';
  const apostrophe = /\u2019/.test(phrase) ? '\u2019' : "'";
  const lowerPhrase = phrase.toLowerCase();
  const contractedNot = /n['\u2019]t/.test(lowerPhrase);
  let contractedHave = /['\u2019]ve$/.test(lowerPhrase);
  let pos = end - story.start;
  const take = () => WORD_AFTER.exec(story.prose.slice(pos, pos + 40));
  const words: string[] = [];
  let next = take();
  while (next && isAdverb(next[2]) && words.length < 2) {
    words.push(next[2]);
    pos += next[0].length;
    next = take();
  }
  if (!next) return undefined;
  let lower = next[2].toLowerCase();
  let negation = contractedNot ? `didn${apostrophe}t` : undefined;
  if (!negation && (lower === 'not' || lower === 'never')) {
    negation = lower === 'not' ? 'did not' : 'never';
    pos += next[0].length;
    next = take();
    if (!next) return undefined;
    lower = next[2].toLowerCase();
  }
  if (!contractedHave && lower === 'have') {
    contractedHave = true;
    pos += next[0].length;
    next = take();
    if (!next) return undefined;
  }
  const replacement = pastReplacement(next[2], { contractedHave, negation, plural, apostrophe });
  if (replacement === undefined) return undefined;
  pos += next[0].length;
  // "I would\n\nsearch…" or "I would <!-- note --> run": the rewrite would join paragraphs or drop the comment.
  if (!isPlainRun(story, source, start, story.start + pos)) return undefined;
  const text = [subject, ...words, replacement].join(' ');
  const original = story.prose.slice(start - story.start, pos).replace(/\s+/g, ' ');
  // "did not write the doc and send it" keeps "send"; so does "would have".
  const coordinated = negation || contractedHave ? [] : coordinatedVerbs(story.prose, pos);
  const renames = [`"${original}" as "${text}"`, ...coordinated.map((c) => `"${c.word}" as "${c.past}"`)];
  return {
    title: `Rewrite ${renames.join(' and ')}`,
    edits: [
      { start, end: story.start + pos, text },
      ...coordinated.map((c) => ({ start: story.start + c.start, end: story.start + c.start + c.word.length, text: c.past })),
    ],
  };
}

/**
 * The past form that replaces "would [not] [have] <word>": "talked", "did not wait", "was never",
 * "escalated" (from "would have escalated"); undefined when there is no safe one.
 */
function pastReplacement(
  word: string,
  form: { contractedHave: boolean; negation: string | undefined; plural: boolean; apostrophe: string },
): string | undefined {
  const { contractedHave, negation, plural, apostrophe } = form;
  const lower = word.toLowerCase();
  const { head, verb } = compoundParts(lower);
  if (contractedHave) {
    // "would not have escalated" says nothing happened; there is no safe past to offer.
    if (negation || !isParticiple(verb)) return undefined;
    return lower === 'been' ? (plural ? 'were' : 'was') : head + pastFromParticiple(verb);
  }
  if (lower === 'be') {
    const be = plural ? 'were' : 'was';
    if (!negation) return be;
    if (negation === 'never') return `${be} never`;
    if (negation === 'did not') return `${be} not`;
    return `${be}n${apostrophe}t`;
  }
  if (!isRewritableVerb(verb)) return undefined;
  if (negation === 'never') return `never ${head}${pastTense(verb)}`;
  if (negation) return `${negation} ${word}`;
  return head + pastTense(verb);
}

/** Words that end the clause the rewritten verb governs. */
const CLAUSE_STOP = new Set([
  'because',
  'so',
  'if',
  'when',
  'whenever',
  'while',
  'until',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'but',
  'although',
  'though',
  'since',
  'unless',
  'before',
  'after',
  'once',
  'as',
  'or',
  'nor',
  'would',
  'will',
  'could',
  'should',
  'might',
  'must',
  'can',
  'may',
  'did',
  'does',
  'do',
  'was',
  'were',
  'is',
  'are',
  'had',
  'has',
]);
/** After "and", a new subject starts a new clause ("and I told", "and the team shipped"). */
const NEW_SUBJECT = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'the', 'my', 'our', 'their', 'his', 'her', 'everyone', 'nobody']);
/** What may follow a coordinated verb for it to read as one: its object or particle ("send it", "roll back", "talk to"). */
const OBJECT_START = new Set([
  'the',
  'a',
  'an',
  'it',
  'them',
  'him',
  'her',
  'me',
  'us',
  'my',
  'our',
  'their',
  'his',
  'its',
  'this',
  'that',
  'these',
  'those',
  'every',
  'each',
  'all',
  'some',
  'both',
  'no',
  'up',
  'out',
  'down',
  'back',
  'off',
  'over',
  'to',
]);
const DETERMINER = /^(?:the|a|an|my|our|their|his|her|its|this|that|these|those|every|each|all|some|both|no|it|them|him|me|us)$/;

/**
 * Verbs coordinated with the rewritten one in the same clause, which take the past too:
 * "I would write the doc and send it" → "…and sent it"; "gather data and then talk to" →
 * "…and then talked to"; "write the doc, test it and ship it". Only a word known to be a verb,
 * in lower case, right after "and", "then" or a comma and followed by its object or particle
 * (or the clause's end), so "the doc and test plan" keeps its noun.
 */
function coordinatedVerbs(prose: string, from: number): Array<{ start: number; word: string; past: string }> {
  const end = firstSentence(prose.slice(from, from + 200)).search(/[;:()"\u201c\u201d\u2014\u2013]|\n\s*\n/);
  const clause = firstSentence(prose.slice(from, from + 200)).slice(0, end < 0 ? undefined : end);
  const tokens = [...clause.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*(?:['\u2019][a-z]+)?|,/g)].map((m) => ({
    text: m[0],
    start: from + m.index,
  }));
  const found: Array<{ start: number; word: string; past: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text.toLowerCase();
    if (CLAUSE_STOP.has(word)) break;
    // "ask Ana to review and approve it": what follows belongs to the infinitive.
    if (word === 'to' && tokens[i + 1] && !DETERMINER.test(tokens[i + 1].text.toLowerCase())) break;
    if (word !== 'and' && word !== 'then' && word !== ',') continue;
    let j = i + 1;
    while (j < tokens.length && /^(?:and|then)$/i.test(tokens[j].text)) j++;
    while (j < tokens.length && isAdverb(tokens[j].text) && tokens[j].text === tokens[j].text.toLowerCase()) j++;
    const candidate = tokens[j];
    if (!candidate) break;
    if (NEW_SUBJECT.has(candidate.text.toLowerCase())) break;
    const after = tokens[j + 1];
    const followed = !after || after.text === ',' || OBJECT_START.has(after.text.toLowerCase());
    const { head, verb } = compoundParts(candidate.text);
    if (candidate.text === candidate.text.toLowerCase() && isKnownVerb(verb) && followed) {
      found.push({ start: candidate.start, word: candidate.text, past: head + pastTense(verb) });
    }
    i = j;
  }
  return found;
}
