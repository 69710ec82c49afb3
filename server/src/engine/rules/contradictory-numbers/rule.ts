import type { Rule, SectionKind, Story } from '../../types';
import { sentencesOf, type Clause, type NumberMention } from '../../language';
import { literalPhrases, SECTION_TITLES, sectionsOf } from '../common/util';
import words from './words.json';
import { isTellable, LONGEST_TOLD_SENTENCE, toldSentences } from '../common/told-sentences';

/**
 * What one story says about one measured thing, in a form two mentions can be compared in:
 * a change "from 40 to 95 a week", a static amount "about 100 tickets a week", an approximate
 * amount "hundreds of tickets a week", a team size "a team of 5", money saved "saved $2M".
 */
interface Mention {
  kind: 'change' | 'amount' | 'baseline' | 'approximate' | 'team' | 'saving' | 'arithmetic';
  section: SectionKind;
  /** Absolute offsets of the words that state it. */
  start: number;
  end: number;
  sentence: number;
  /** What it counts ("ticket", "day", "%"), singular and lower case; '' when unknown. */
  unit: string;
  /** "week" for "a week", "per week", "/week", "weekly"; '' when none. */
  rate: string;
  /** Change: [from, to]; others: [value] (approximate: the least it can mean). */
  values: number[];
  hedged: boolean;
  staged: boolean;
  /** Arithmetic: the percent the sentence states and the one its numbers give. */
  stated?: number;
  actual?: number;
}

const wordAlternatives = (phrases: readonly string[]) =>
  `(?:${literalPhrases([...phrases].sort((a, b) => b.length - a.length)).join('|')})`;
const whole = (phrases: readonly string[], flags = 'iu') =>
  new RegExp(`(?<![\\p{L}\\p{N}])${wordAlternatives(phrases)}(?![\\p{L}\\p{N}])`, flags);

const NUMBER_WORDS = words.numberWords as Record<string, number>;
const NUMBER_WORD = wordAlternatives(Object.keys(NUMBER_WORDS));
/** "$2M", "1,200", "0.3%", "nine", "a dozen"; not the "99" of "p99", a time "2:30", nor an ordinal "1st". */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}.,:/-])([$€£¥]\\s?)?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s?(k|m|bn|b|million|thousand|billion)(?![\\p{L}]))?(\\s?(?:%|percent(?![\\p{L}])))?(?![\\p{L}\\p{N}:])` +
    `|(?<![\\p{L}\\p{N}-])(${NUMBER_WORD})(?![\\p{L}\\p{N}-])(\\s?(?:%|percent(?![\\p{L}])))?`,
  'giu',
);
/** What comes right before a number that is a point of a change: "fell to", "cut by", "down from", "reached", "rose 40". */
const CHANGE_BEFORE = new RegExp(
  `\\b(?:to|from|by|reached|reaching|hit|hitting|topped|crossed|exceeded|at|${wordAlternatives(words.changeVerbs)})\\s+(?:${wordAlternatives(words.hedges)}\\s+)?$`,
  'iu',
);
const MULTIPLIER: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };
const HEDGE_BEFORE = new RegExp(`(?<![\\p{L}])${wordAlternatives(words.hedges)}\\s+$`, 'iu');
const BOUND_BEFORE = new RegExp(`(?<![\\p{L}])${wordAlternatives(words.bounds)}\\s+$`, 'iu');
const PLAN = whole(words.plans);
const STAGE = whole(words.stages);
const TEAM_CHANGE = whole(words.teamChange);
/** Money right after a verb of saving: "saved $2M", "saving the company about $200K", "cut costs by $40K". */
const SAVED_BEFORE = new RegExp(
  `(?<![\\p{L}])${wordAlternatives(words.savings)}\\s+(?:(?:us|the company|the business|the team|our team|them|roughly|about|around|nearly|almost|over|by|another|an extra)\\s+){0,2}$`,
  'iu',
);
const DIMENSIONS = new Set(words.dimensions);
/** Words before a measured noun that do not narrow it ("the tickets", "those orders"). */
const STOP_MODIFIER = new Set([
  'the',
  'these',
  'those',
  'our',
  'my',
  'their',
  'its',
  'his',
  'her',
  'all',
  'some',
  'many',
  'more',
  'fewer',
  'less',
  'of',
  'about',
  'and',
  'that',
  'which',
  'weekly',
  'daily',
  'monthly',
]);
const MEASURE = new RegExp(`(?<![\\p{L}\\p{N}])${wordAlternatives(words.measures)}(?![\\p{L}\\p{N}])`, 'giu');
const TEAM_MEMBER = wordAlternatives(words.teamMembers);
const APPROXIMATE = new RegExp(
  `(?<![\\p{L}])(${Object.keys(words.approximate).join('|')})\\s+of\\s+(?:the\\s+)?([\\p{L}][\\p{L}-]*)`,
  'giu',
);
const RATE_UNIT = '(hour|day|night|week|month|quarter|year|sprint|release|shift)';
const RATE_AFTER = new RegExp(`^\\s*(?:(?:a|an|per|each|every)\\s+${RATE_UNIT}\\b|/\\s?${RATE_UNIT}\\b)`, 'iu');
const RATE_ADJECTIVE: Record<string, string> = {
  hourly: 'hour',
  daily: 'day',
  nightly: 'night',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
};
/** Words after a number that do not say what it counts. */
const NOT_A_UNIT = new Set([
  'a',
  'an',
  'the',
  'to',
  'from',
  'in',
  'within',
  'by',
  'over',
  'after',
  'for',
  'of',
  'on',
  'at',
  'per',
  'each',
  'every',
  'and',
  'or',
  'but',
  'with',
  'which',
  'while',
  'than',
  'as',
  'so',
  'when',
  'because',
  'during',
  'across',
  'until',
  'before',
  'this',
  'that',
  'its',
  'their',
  'our',
  'my',
  'more',
  'fewer',
  'less',
  'times',
  'out',
  'percent',
  'later',
  'earlier',
  'ago',
  'were',
  'was',
  'are',
  'is',
  'had',
  'have',
]);
const TEAM_SIZE = [
  new RegExp(`\\b(?:my|our)\\s+team\\s+of\\s+(?:about\\s+|around\\s+)?(N)(?!\\s*(?:teams|squads))`, 'giu'),
  new RegExp(
    `\\bI\\s+(?:[\\p{L}]+\\s+)?(?:led|managed|ran|had|built|inherited|lead|manage|run|have)\\s+a\\s+team\\s+of\\s+(?:about\\s+|around\\s+)?(N)(?!\\s*(?:teams|squads))`,
    'giu',
  ),
  new RegExp(`\\b(?:my|our)\\s+(N)[- ](?:person|people|engineer|member|developer)\\s+team\\b`, 'giu'),
  new RegExp(`\\bmy\\s+(N)\\s+${TEAM_MEMBER}\\b`, 'giu'),
  new RegExp(`\\bI\\s+(?:[\\p{L}]+\\s+)?(?:managed|led|ran|had)\\s+(N)\\s+${TEAM_MEMBER}\\b`, 'giu'),
].map((re) => new RegExp(re.source.replace('(N)', `(\\d+|${NUMBER_WORD})`), re.flags));
/** What every TEAM_SIZE match contains: "team" or a member noun, and a number. */
const TEAM_WORD = new RegExp(`team|${TEAM_MEMBER}`, 'iu');
const TEAM_NUMBER = new RegExp(`\\d|${NUMBER_WORD}`, 'iu');

interface Quantity {
  start: number;
  end: number;
  value: number;
  currency: boolean;
  percent: boolean;
  hedged: boolean;
  bound: boolean;
  /** What it counts, written after it ("refund complaint", "order"), singular; '' when none. */
  thing: string;
  /** How it is measured when that is all that follows ("ms", "day", "%"); '' when none. */
  dim: string;
  rate: string;
}

function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 2) return w.slice(0, -1);
  return w;
}

/** The quantities of a sentence, offsets relative to it. */
function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const word = m[5];
    let value: number;
    if (word) value = NUMBER_WORDS[word.toLowerCase().replace(/\s+/g, ' ')];
    else {
      value = Number(m[2].replace(/,/g, ''));
      if (m[3]) value *= MULTIPLIER[m[3].toLowerCase()];
      // A year is a date, not an amount.
      if (!m[1] && !m[3] && !m[4] && /^(?:19|20)\d\d$/.test(m[2])) continue;
    }
    if (!Number.isFinite(value)) continue;
    // "one" is as often a pronoun as a number: only count it before a noun that it counts.
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    let end = m.index + m[0].length;
    const percent = Boolean(m[4] || m[6]);
    let thing = '';
    let dim = percent ? '%' : '';
    let rest = text.slice(end);
    const next = /^\s+(?:of\s+)?([\p{L}][\p{L}-]*)(?:\s+([\p{L}][\p{L}-]*))?/du.exec(rest);
    if (next && !NOT_A_UNIT.has(next[1].toLowerCase()) && (!percent || /^\s+of\s/iu.test(rest))) {
      if (!percent && DIMENSIONS.has(next[1].toLowerCase())) {
        dim = singular(next[1]);
        end += next.indices![1]![1];
      } else {
        // "refund complaints" is one thing; "tickets about" ends at the plural.
        const compound = next[2] && !/s$/i.test(next[1]) && /s$/.test(next[2]) && !NOT_A_UNIT.has(next[2].toLowerCase());
        thing = compound ? `${next[1].toLowerCase()} ${singular(next[2])}` : singular(next[1]);
        end += next.indices![compound ? 2 : 1]![1];
      }
      rest = text.slice(end);
    } else if (word === 'one' || (word && !percent)) {
      continue;
    }
    let rate = '';
    const r = RATE_AFTER.exec(rest);
    if (r) {
      rate = (r[1] ?? r[2]).toLowerCase();
      end += r[0].length;
    } else {
      const adjective = /([\p{L}]+)\s+$/u.exec(text.slice(0, m.index));
      if (adjective && RATE_ADJECTIVE[adjective[1].toLowerCase()]) rate = RATE_ADJECTIVE[adjective[1].toLowerCase()];
    }
    found.push({
      start: m.index,
      end,
      value,
      currency: Boolean(m[1]),
      percent,
      hedged: HEDGE_BEFORE.test(before),
      bound: BOUND_BEFORE.test(before),
      thing,
      dim,
      rate,
    });
  }
  return found;
}

/**
 * The nearest measured thing before `at` in the sentence, with the word before it when that word
 * narrows it: "Support tickets about it rose from 40 to 95" measures "support ticket", "p99 latency
 * dropped from 800 ms" measures "p99 latency". '' when the sentence names none.
 */
function measureBefore(text: string, at: number): string {
  let found: RegExpMatchArray | undefined;
  for (const m of text.slice(0, at).matchAll(MEASURE)) found = m;
  if (!found) return '';
  const modifier = /([\p{L}\p{N}][\p{L}\p{N}-]*)\s+$/u.exec(text.slice(0, found.index));
  const narrowing = modifier && !NOT_A_UNIT.has(modifier[1].toLowerCase()) && !STOP_MODIFIER.has(modifier[1].toLowerCase());
  return (narrowing ? `${modifier[1].toLowerCase()} ` : '') + singular(found[0]);
}

export function mentionsOf(story: Story, documentText: string): Mention[] {
  const mentions: Mention[] = [];
  let index = 0;
  for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result']).filter((s) => isTellable(s.body))) {
    for (const sentence of toldSentences(story, documentText, sentencesOf(story, section.body))) {
      const i = index++;
      const text = sentence.text;
      if (text.length > LONGEST_TOLD_SENTENCE) continue;
      const at = (s: number, e: number) => ({ start: sentence.start + s, end: sentence.start + e });
      // Whether the sentence tells a stage is read only when it states something (most sentences state nothing).
      const base = { section: section.kind!, sentence: i, staged: false };
      const firstMention = mentions.length;
      const clauses: Clause[] = [];
      const layerNumbers: NumberMention[] = [];
      for (const part of sentence.parts) {
        for (const clause of part.clauses) clauses.push(clause);
        for (const number of part.numbers) layerNumbers.push(number);
      }
      // Goals, plans and estimates may differ from what happened; that is not a contradiction.
      // A plan word before a number is also one in the whole sentence (every plan phrase ends in a letter, and
      // a number never follows one), so a sentence without any is not searched again before each number.
      const mayPlan = PLAN.test(text);
      const planAt = (offset: number) =>
        (mayPlan && PLAN.test(text.slice(0, offset))) || isPlan(clauseAt(clauses, sentence.start + offset));
      // A quantity counts only where the language layer read an amount, so a sentence with none is not searched.
      const qs = layerNumbers.some(isAmount)
        ? quantities(text).filter((q) => !planAt(q.start) && amountByLayer(layerNumbers, sentence.start + q.start))
        : [];
      const inChange = changeMentions(text, qs, base, at, mentions);
      amountMentions(text, qs, inChange, base, at, mentions);
      approximateMentions(text, planAt, base, at, mentions);
      teamMentions(text, mayPlan, base, at, mentions);
      if (mentions.length > firstMention && STAGE.test(text))
        for (let k = firstMention; k < mentions.length; k++) mentions[k].staged = true;
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * One mention, always built in the same shape: spreading the sentence's shared fields and a span
 * into each was a twentieth of this rule's time.
 */
function mention(
  base: MentionBase,
  kind: Mention['kind'],
  span: { start: number; end: number },
  unit: string,
  rate: string,
  values: number[],
  hedged: boolean,
): Mention {
  const { section, sentence, staged } = base;
  return { kind, section, start: span.start, end: span.end, sentence, unit, rate, values, hedged, staged };
}

/** What every mention of one sentence shares, and how an offset in the sentence becomes a span. */
type MentionBase = Pick<Mention, 'section' | 'sentence' | 'staged'>;
type SpanAt = (start: number, end: number) => { start: number; end: number };

/** "from 300 to 40 a week" (and a percentage stated with it that does not add up); returns the quantities used. */
function changeMentions(text: string, qs: readonly Quantity[], base: MentionBase, at: SpanAt, mentions: Mention[]): Set<Quantity> {
  const inChange = new Set<Quantity>();
  for (let k = 0; k + 1 < qs.length; k++) {
    const [a, b] = [qs[k], qs[k + 1]];
    const from = /\bfrom\s+(?:[\p{L}]+\s+)?$/iu.exec(text.slice(Math.max(0, a.start - 25), a.start));
    const between = text.slice(a.end, b.start);
    if (!from || !/^\s*(?:[\p{L}%-]+\s+){0,2}?to\s+(?:[\p{L}]+\s+)?$/iu.test(between) || a.bound || b.bound) continue;
    if (a.currency !== b.currency || a.percent !== b.percent) continue;
    inChange.add(a).add(b);
    const start = a.start - from[0].length;
    const thing = b.thing || a.thing || measureBefore(text, start);
    const unit = thing && `${thing}|${b.dim || a.dim}${b.currency ? '$' : ''}`;
    mentions.push(mention(base, 'change', at(start, b.end), unit, b.rate || a.rate, [a.value, b.value], a.hedged || b.hedged));
    // "from about 300 a week to 40 a week, an 80% reduction": the sum is 87%.
    const after = PERCENT_AFTER.exec(text.slice(b.end));
    const before = PERCENT_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
    const statedText = after ? (after.groups!.p1 ?? after.groups!.p2) : before?.[2];
    const statedHedge = after ? (after.groups!.h1 ?? after.groups!.h2) : before?.[1];
    if (statedText !== undefined && a.value > 0 && a.value !== b.value) {
      const p = Number(statedText);
      const actual = (Math.abs(b.value - a.value) / a.value) * 100;
      const points = a.percent && Math.abs(Math.abs(b.value - a.value) - p) < 0.5;
      const hedged = Boolean(statedHedge) || a.hedged || b.hedged;
      const slack = hedged ? Math.max(6, 0.1 * p) : Math.max(4, 0.05 * p);
      if (!points && Math.abs(actual - p) > slack) {
        const span = after ? at(start, b.end + after[0].length) : at(start - before![0].length, b.end);
        const arithmetic = mention(base, 'arithmetic', span, '', '', [a.value, b.value], hedged);
        arithmetic.stated = p;
        arithmetic.actual = actual;
        mentions.push(arithmetic);
      }
    }
  }
  return inChange;
}

/** Amounts that stand on their own ("40,000 lines"), savings, and an "original" amount told earlier. */
function amountMentions(
  text: string,
  qs: readonly Quantity[],
  inChange: ReadonlySet<Quantity>,
  base: MentionBase,
  at: SpanAt,
  mentions: Mention[],
): void {
  for (const q of qs) {
    if (inChange.has(q) || q.bound) continue;
    // "fell to 30 a week", "cut by 40%", "reached 2M users": a point of a change, not an amount that stands.
    const changing =
      CHANGE_BEFORE.test(text.slice(Math.max(0, q.start - 40), q.start)) ||
      /^\s+(?:more|fewer|less|extra|additional)\b/i.test(text.slice(q.end));
    if (q.currency && SAVED_BEFORE.test(text.slice(Math.max(0, q.start - 40), q.start))) {
      mentions.push(mention(base, 'saving', at(q.start, q.end), '$', q.rate, [q.value], q.hedged));
    } else if (!changing && !q.currency) {
      const thing = q.thing || (q.dim ? measureBefore(text, q.start) : '');
      if (thing) mentions.push(mention(base, 'amount', at(q.start, q.end), `${thing}|${q.dim}`, q.rate, [q.value], q.hedged));
      else {
        // "about 6,000 lines, a tenth of the original 40,000": the original is the amount told earlier.
        const original = ORIGINAL_BEFORE.exec(text.slice(Math.max(0, q.start - 30), q.start));
        const earlier = original && qs.filter((o) => o.end <= q.start && o.thing).pop();
        if (earlier)
          mentions.push(
            mention(
              base,
              'baseline',
              at(q.start - original![0].length, q.end),
              `${earlier.thing}|${earlier.dim}`,
              q.rate || earlier.rate,
              [q.value],
              q.hedged,
            ),
          );
      }
    }
  }
}

/** "a dozen customers", "hundreds of tickets": a lower bound, always hedged. */
function approximateMentions(text: string, planAt: (offset: number) => boolean, base: MentionBase, at: SpanAt, mentions: Mention[]): void {
  for (const m of text.matchAll(APPROXIMATE)) {
    if (planAt(m.index)) continue;
    let end = m.index + m[0].length;
    const r = RATE_AFTER.exec(text.slice(end));
    if (r) end += r[0].length;
    const least = (words.approximate as Record<string, number>)[m[1].toLowerCase()];
    mentions.push(
      mention(base, 'approximate', at(m.index, end), `${singular(m[2])}|`, r ? (r[1] ?? r[2]).toLowerCase() : '', [least], true),
    );
  }
}

/** "a team of five", "my 6 engineers": team sizes, unless the team changed in the sentence. */
function teamMentions(text: string, hasPlan: boolean, base: MentionBase, at: SpanAt, mentions: Mention[]): void {
  // Every team-size pattern holds "team" or a member noun and a number: most sentences are passed over with one or two searches, not seven.
  if (TEAM_WORD.test(text) && TEAM_NUMBER.test(text) && !TEAM_CHANGE.test(text) && !hasPlan) {
    for (const re of TEAM_SIZE) {
      for (const m of text.matchAll(re)) {
        const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
        if (n !== undefined) mentions.push(mention(base, 'team', at(m.index, m.index + m[0].length), 'team', '', [n], false));
      }
    }
  }
}

function clauseAt(clauses: readonly Clause[], offset: number): Clause | undefined {
  return clauses.find((c) => c.start <= offset && offset < c.end);
}

/** "we would save $2M", "it will take 9 days": a plan or a forecast, not what happened. */
function isPlan(clause: Clause | undefined): boolean {
  return clause !== undefined && (clause.modal !== undefined || clause.tense === 'future');
}

/** Dates, ordinals, identifiers ("p99", "EC2") and "one" as a pronoun are not amounts; the language layer tells them apart. */
const NOT_AMOUNTS: ReadonlySet<NumberMention['kind']> = new Set(['date', 'ordinal', 'identifier', 'pronoun', 'multiplier']);
function amountByLayer(numbers: readonly NumberMention[], offset: number): boolean {
  const n = numbers.find((m) => m.start <= offset && offset < m.end);
  return n !== undefined && isAmount(n);
}

function isAmount(number: NumberMention): boolean {
  return !NOT_AMOUNTS.has(number.kind);
}

const MAX_MENTIONS = 300;
const HEDGE_WORDS = '(?:about|around|roughly|nearly|almost|over|just over|more than|approximately)';
const CHANGE_NOUNS =
  '(?:reduction|decrease|drop|cut|fewer|less|lower|improvement|increase|rise|more|higher|gain|growth|jump|faster|cheaper)';
/** ", an 80% reduction", " (a 40% drop)", " (87%)", " — 65% fewer" right after a change; ", 40% of them" is something else. */
const PERCENT_AFTER = new RegExp(
  `^\\s*(?:\\(\\s*(?:(?:or|an?)\\s+)?(?<h1>${HEDGE_WORDS}\\s+)?(?<p1>\\d+(?:\\.\\d+)?)\\s?(?:%|percent)\\s*(?:${CHANGE_NOUNS})?\\s*\\)` +
    `|(?:,|—|–|-)\\s*(?:(?:or|an?)\\s+)?(?<h2>${HEDGE_WORDS}\\s+)?(?<p2>\\d+(?:\\.\\d+)?)\\s?(?:%|percent)\\s+(?:${CHANGE_NOUNS})\\b)`,
  'iu',
);
/** "by 80%, from 300 to 40". */
const PERCENT_BEFORE =
  /\bby\s+((?:about|around|roughly|nearly|almost|over|more than|approximately)\s+)?(\d+(?:\.\d+)?)\s?(?:%|percent\b)\s*,?\s*$/iu;
/** "the original 40,000", "the old 12". */
const ORIGINAL_BEFORE =
  /\b(?:the\s+|its\s+|our\s+)?(?:original|old|previous|former|initial|legacy)\s+(?:(?:about|around|roughly|nearly)\s+)?$/iu;

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));

/** Whether a later mention states a different value for what an earlier one measured. */
function contradicts(first: Mention, second: Mention): boolean {
  if (first.kind === 'arithmetic' || second.kind === 'arithmetic') return false;
  if (first.sentence === second.sentence) return false;
  const tolerance = first.hedged || second.hedged ? 0.25 : 0.001;
  const sameRate = first.rate === second.rate;
  const sameUnit = first.unit !== '' && first.unit === second.unit;
  const pair = (kind1: Mention['kind'], kind2: Mention['kind']) =>
    (first.kind === kind1 && second.kind === kind2) || (first.kind === kind2 && second.kind === kind1);
  if (first.kind === 'team' && second.kind === 'team') return first.values[0] !== second.values[0];
  if (first.kind === 'saving' && second.kind === 'saving')
    return sameRate && !first.staged && !second.staged && !close(first.values[0], second.values[0], 0.1);
  if (!sameUnit) return false;
  if (first.kind === 'change' && second.kind === 'change') {
    if (first.staged || second.staged) return false;
    if (first.rate && second.rate && !sameRate) return false;
    const [f1, t1] = first.values;
    const [f2, t2] = second.values;
    // Both must move the same way: "from 40 to 95" then "from 95 to 30" is one story told in order.
    if (Math.sign(t1 - f1) !== Math.sign(t2 - f2)) return false;
    return (close(t1, t2, 0.001) && !close(f1, f2, tolerance)) || (close(f1, f2, 0.001) && !close(t1, t2, tolerance));
  }
  if (pair('approximate', 'amount') || pair('approximate', 'change')) {
    const approximate = first.kind === 'approximate' ? first : second;
    const exact = first.kind === 'approximate' ? second : first;
    // "hundreds of customers" and "I called 100 customers" may be a part and the whole: only the
    // same period ("a week") on both pins them to one measure.
    if (!approximate.rate || !sameRate || exact.staged) return false;
    // The baseline of a change is the amount before it; where it ended may well be under "hundreds".
    const value = exact.values[0];
    return value < approximate.values[0] * (exact.hedged ? 0.75 : 1);
  }
  if (second.kind === 'baseline' && (first.kind === 'amount' || first.kind === 'baseline')) {
    return sameRate && !close(first.values[0], second.values[0], tolerance);
  }
  if (pair('amount', 'change')) {
    const amount = first.kind === 'amount' ? first : second;
    const change = first.kind === 'amount' ? second : first;
    // A Situation's amount is the state before the change; elsewhere an amount may be any point in time.
    if (amount.section !== 'situation' || change.section === 'situation' || !amount.rate || !sameRate || change.staged) return false;
    return !close(amount.values[0], change.values[0], tolerance);
  }
  return false;
}

// What interviewers grade (docs/interviews.md): the Bar Raiser "looks for contradictions"; numbers that contradict each other inside
// one story make the interviewer doubt every number in it.
export const contradictoryNumbers: Rule = {
  name: 'contradictory-numbers',
  description:
    'The story gives two different numbers for the same thing ("hundreds of tickets a week", then "about 100 tickets a week"; "a team of 5", then "my 8 engineers").',
  group: 'evidence',
  defaultSeverity: 'warning',
  messages: {
    arithmetic:
      '"{change}": those numbers make a {actual}% {direction}, not {stated}%. An interviewer who does the sum will doubt the rest; correct whichever number is wrong.',
    contradiction:
      '"{second}" does not match "{first}" {where}: the interviewer will ask which number is true, and doubt both. Use the same number for the same thing everywhere, or say why they differ.',
  },
  check(story, context) {
    // A story tells a few dozen numbers; past that, the text is not a story (a pasted table), and comparing every pair would cost more than it finds.
    const mentions = mentionsOf(story, context.text).slice(0, MAX_MENTIONS);
    const reported = new Set<number>();
    const quote = (m: Mention) => story.prose.slice(m.start - story.start, m.end - story.start).replace(/\s+/g, ' ');
    for (const m of mentions) {
      if (m.kind !== 'arithmetic' || reported.has(m.sentence)) continue;
      reported.add(m.sentence);
      const direction = m.values[1] < m.values[0] ? 'cut' : 'rise';
      context.report({
        messageId: 'arithmetic',
        data: { change: quote(m), actual: Math.round(m.actual!), stated: m.stated!, direction },
        start: m.start,
        end: m.end,
      });
    }
    for (let j = 1; j < mentions.length; j++) {
      const second = mentions[j];
      const first = mentions.slice(0, j).find((m) => contradicts(m, second));
      if (!first || reported.has(second.sentence)) continue;
      reported.add(second.sentence);
      const where =
        first.section === second.section ? `earlier in the ${SECTION_TITLES[first.section]}` : `in the ${SECTION_TITLES[first.section]}`;
      context.report({
        messageId: 'contradiction',
        data: { second: quote(second), first: quote(first), where, firstStart: first.start, firstEnd: first.end },
        start: second.start,
        end: second.end,
      });
    }
  },
};
