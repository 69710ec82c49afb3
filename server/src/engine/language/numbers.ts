/**
 * Numbers in a sentence and what they are: a result an interviewer can write down (a percent,
 * money, a quantity with its unit, a count, a multiplier) or something else that merely looks like
 * one (a date, a duration, "one" as a pronoun, "Python 3").
 */
import {
  APPROXIMATE_WORDS,
  FRACTIONS,
  MEASURE_UNITS,
  MONEY_UNITS,
  MONTHS,
  MULTIPLIER_WORDS,
  NUMBER_WORDS,
  ORDINALS,
  TIME_UNITS,
} from './lexicon';
import type { NumberKind, NumberMention, Token } from './types';

const CURRENCY = /^[$€£¥]$/;
const NUMBERISH = new Set([...Object.keys(MULTIPLIER_WORDS), ...Object.keys(ORDINALS), ...APPROXIMATE_WORDS, 'half']);
const RATE_BASIS = /^(?:a|an|per|each|every)$/;

/** Kinds of number that size an outcome; a date, a duration, an ordinal, a version or "one of" only places it. */
export const MEASURING_KINDS: ReadonlySet<NumberKind> = new Set<NumberKind>([
  'percent',
  'money',
  'quantity',
  'count',
  'multiplier',
  'approximate',
]);

export function numbersOf(tokens: Token[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Most words are not numbers: only digits, number words, "one", a few lexicon words and capitalized month names.
    if (t.pos !== 'num' && t.pos !== 'propn' && t.pos !== 'pron' && !NUMBERISH.has(t.lower)) continue;
    const found = mentionAt(tokens, i);
    if (!found) continue;
    const [kind, last, value, unit] = found;
    const from = CURRENCY.test(tokens[i - 1]?.text ?? '') && kind === 'money' ? i - 1 : i;
    const start = tokens[from].start;
    const end = tokens[last].end;
    out.push({ start, end, text: textOf(tokens, from, last), kind, value, unit });
    void t;
    i = last;
  }
  return out;
}

function textOf(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let k = from; k <= to; k++) s += (k > from && tokens[k].start > tokens[k - 1].end ? ' ' : '') + tokens[k].text;
  return s;
}

type Found = [kind: NumberKind, last: number, value: number | undefined, unit: string | undefined];

function digitsValue(text: string): number | undefined {
  const m = /^([\d,]*\d(?:\.\d+)?)([kmb]n?|bn)?/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1].replace(/,/g, ''));
  const scale = m[2] ? (({ k: 1e3, m: 1e6, b: 1e9, bn: 1e9, mn: 1e6 } as Record<string, number>)[m[2].toLowerCase()] ?? 1) : 1;
  return Number.isFinite(n) ? n * scale : undefined;
}

function wordsValue(lower: string): number | undefined {
  let total = 0;
  let current = 0;
  for (const part of lower.split(/[- ]/)) {
    const v = NUMBER_WORDS[part];
    if (v === undefined) return undefined;
    if (v >= 100 && part !== 'dozen') {
      current = (current || 1) * v;
      if (v >= 1000) {
        total += current;
        current = 0;
      }
    } else current += v;
  }
  return total + current;
}

const isNumberWord = (lower: string) => lower.split('-').every((p) => Object.prototype.hasOwnProperty.call(NUMBER_WORDS, p));

/** Names with digits: "Q3 2024" and "FY24" are dates, "3rd" an ordinal, "2GB" a quantity, "EC2", "v2", "P0", "L6", "p99" identifiers. */
function namedNumber(tokens: Token[], i: number): Found {
  const w = tokens[i].lower;
  const prev = tokens[i - 1];
  if (/^(?:q[1-4]|h[12]|fy\s?\d{2,4})$/.test(w)) {
    const year = tokens[i + 1] && /^(?:19|20)\d{2}$/.test(tokens[i + 1].text) ? i + 1 : i;
    return ['date', year, undefined, undefined];
  }
  if (/^\d+(?:st|nd|rd|th)$/.test(w)) return ['ordinal', i, parseInt(w, 10), undefined];
  const unit = /^(\d[\d,.]*)([a-z]+)$/.exec(w);
  if (unit) {
    if (MONEY_UNITS.has(unit[2]) && CURRENCY.test(prev?.text ?? '')) return ['money', i, digitsValue(w), prev!.text];
    if (TIME_UNITS.has(unit[2]) && unit[2] !== 'ms') return ['duration', i, digitsValue(w), unit[2]];
    return ['quantity', i, digitsValue(w), unit[2]];
  }
  return ['identifier', i, undefined, undefined];
}

/** A number written in digits: money, a percent, a multiplier, a year, a version, or what its unit says. */
function digitsMention(tokens: Token[], i: number): Found | undefined {
  const w = tokens[i].lower;
  const prev = tokens[i - 1];
  const value = digitsValue(w);
  if (CURRENCY.test(prev?.text ?? '')) return withScale(tokens, i, 'money', value, prev!.text);
  if (w.endsWith('%')) return ['percent', i, value, '%'];
  if (w.endsWith('x')) return ['multiplier', i, value, 'x'];
  const next = tokens[i + 1];
  const nl = next?.lower ?? '';
  if (nl === '%' || nl === 'percent' || (nl === 'per' && tokens[i + 2]?.lower === 'cent'))
    return ['percent', nl === 'per' ? i + 2 : i + 1, value, '%'];
  if (nl === 'x' || nl === 'times') return ['multiplier', i + 1, value, 'x'];
  if (/^(?:19|20)\d{2}$/.test(w) && !(next && (MEASURE_UNITS.has(nl) || TIME_UNITS.has(nl)))) return ['date', i, value, undefined];
  if (prev && MONTHS.has(prev.text)) return ['date', i, value, undefined];
  // "Python 3", "iOS 17": a version after a name, with no unit.
  if (
    prev &&
    prev.pos === 'propn' &&
    /^[A-Z]/.test(prev.text) &&
    !MONTHS.has(prev.text) &&
    !(next && (next.pos === 'noun' || MEASURE_UNITS.has(nl)))
  )
    return ['identifier', i, value, undefined];
  return classifyByUnit(tokens, i, value);
}

function mentionAt(tokens: Token[], i: number): Found | undefined {
  const t = tokens[i];
  const w = t.lower;
  const prev = tokens[i - 1];
  if (/\d/.test(w) && t.pos === 'propn') return namedNumber(tokens, i);
  if (t.pos === 'num' && /^\d/.test(w)) return digitsMention(tokens, i);
  if (t.pos === 'pron' && w === 'one') return ['pronoun', i, 1, undefined];
  if (APPROXIMATE_WORDS.has(w) && tokens[i + 1]?.lower === 'of') return ['approximate', i + 1, undefined, tokens[i + 2]?.lower];
  if (Object.prototype.hasOwnProperty.call(MULTIPLIER_WORDS, w) && t.pos !== 'noun')
    return ['multiplier', i, MULTIPLIER_WORDS[w], undefined];
  if (w === 'half' && (prev?.lower === 'in' || prev?.lower === 'by')) return ['multiplier', i, 0.5, undefined];
  if (t.pos === 'num' && isNumberWord(w)) {
    if (w === 'one' && prev && /^(?:no|any|some|every|each|which|that|the|this)$/.test(prev.lower)) return ['pronoun', i, 1, undefined];
    let last = i;
    while (tokens[last + 1] && isNumberWord(tokens[last + 1].lower)) last++;
    const phrase = tokens
      .slice(i, last + 1)
      .map((x) => x.lower)
      .join(' ');
    // "a couple of", "a dozen": counts said in words.
    const value = wordsValue(phrase.replace(/^a /, ''));
    return classifyByUnit(tokens, last, value, i);
  }
  if (Object.prototype.hasOwnProperty.call(ORDINALS, w) && ORDINALS[w] > 0) {
    // "a third", "two thirds": a fraction; "30 seconds" is a duration, not the ordinal "second".
    if (w === 'second' && (prev?.pos === 'num' || prev?.lower === 'a')) return undefined;
    if (Object.prototype.hasOwnProperty.call(FRACTIONS, w) && (prev?.lower === 'a' || prev?.pos === 'num'))
      return ['quantity', i, FRACTIONS[w], undefined];
    return ['ordinal', i, ORDINALS[w], undefined];
  }
  if (MONTHS.has(t.text)) {
    // "May" and "March" are words too ("we may", "march on"): a date only after a preposition or before a day.
    const next = tokens[i + 1];
    const day = next && /^\d{1,4}$/.test(next.text);
    if ((t.text === 'May' || t.text === 'March') && !(prev?.pos === 'adp') && !day) return undefined;
    return ['date', day ? i + 1 : i, undefined, undefined];
  }
  return undefined;
}

/** "$61K", "$2 million": a scale word after money joins it. */
function withScale(tokens: Token[], i: number, kind: NumberKind, value: number | undefined, unit: string): Found {
  const next = tokens[i + 1]?.lower;
  if (next === 'million' || next === 'billion' || next === 'thousand') {
    const scale = next === 'million' ? 1e6 : next === 'billion' ? 1e9 : 1e3;
    return [kind, i + 1, value !== undefined ? value * scale : undefined, unit];
  }
  return [kind, i, value, unit];
}

/** A number by what follows it: a time unit (duration), a measure or a rate (quantity), money, or a plain count. */
function classifyByUnit(tokens: Token[], last: number, value: number | undefined, first = last): Found {
  let u = last + 1;
  // "two more engineers", "40 new users": skip a few modifiers to the unit.
  while (tokens[u] && (tokens[u].pos === 'adj' || /^(?:more|fewer|less|extra|additional|new|other)$/.test(tokens[u].lower)) && u < last + 3)
    u++;
  const unitTok = tokens[u];
  const unit = unitTok?.lower ?? '';
  if (unitTok && MONEY_UNITS.has(unit) && /^(?:dollars?|usd|eur|euros?|gbp|pounds|yen|inr|rupees)$/.test(unit))
    return ['money', u, value, unit];
  if (unit === 'percent') return ['percent', u, value, '%'];
  if (unit === 'times') return ['multiplier', u, value, 'x'];
  if (unitTok && TIME_UNITS.has(unit)) {
    // "450 orders a day" is a quantity; "20 minutes" is a duration.
    return ['duration', u, value, unit];
  }
  if (unit === 'of' && tokens[first].pos === 'num' && /^(?:hundreds|thousands|millions|dozens)$/.test(tokens[first].lower))
    return ['approximate', u, value, tokens[u + 1]?.lower];
  const rate = tokens[u + 1] && RATE_BASIS.test(tokens[u + 1].lower) && tokens[u + 2] && TIME_UNITS.has(tokens[u + 2].lower);
  if (
    unitTok &&
    (MEASURE_UNITS.has(unit) || rate) &&
    (unitTok.pos === 'noun' || unitTok.pos === 'propn' || MEASURE_UNITS.has(unit) || unitTok.pos === 'verb')
  ) {
    return ['quantity', rate ? u + 2 : u, value, unit];
  }
  if (unitTok && (unitTok.pos === 'noun' || unitTok.pos === 'propn' || (unitTok.pos === 'verb' && unitTok.form === 'third')))
    return ['count', u, value, unit];
  return ['count', last, value, undefined];
}
