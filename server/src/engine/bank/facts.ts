/**
 * The facts a story states about its project, for `inconsistent-facts`: which project it is (the
 * names it uses and its title's words), the numbers it gives for measured things, and how it
 * claims the work ("I led" or "I helped"). Two stories, or a story and a résumé line, that name
 * the same project must agree on these.
 *
 * Precision first: two projects of one writer share a company name, a tool or a title word, so
 * a match needs several names in common, or a name and a title word; and a number is compared
 * only with the same measured thing, stated once in each text, neither a goal nor a bound.
 */
import { analyse, sentencesOf } from '../language';
import type { NumberMention, Sentence, Token } from '../language/types';
import type { Story } from '../types';
import words from '../rules/inconsistent-facts/words.json';

export type OwnershipLevel = 'led' | 'helped';

/** A number for one measured thing; offsets relative to the text it was read from (the story's start, the résumé line's file). */
export interface Quantity {
  /** What is measured, its unit and the number's role: "latency|ms|to", "engineer|engineer|amount". */
  key: string;
  /** The word that narrows the measured thing ("p99" of "p99 latency"); '' when none. */
  modifier: string;
  /** How the thing reads in a message: "p99 latency". */
  thing: string;
  role: 'from' | 'to' | 'by' | 'amount';
  value: number;
  hedged: boolean;
  text: string;
  start: number;
  end: number;
}

export interface OwnershipClaim {
  level: OwnershipLevel;
  text: string;
  start: number;
  end: number;
}

export interface Facts {
  /** Proper nouns, product and system names, lower case. */
  names: Set<string>;
  /** Stems of the words of the title that name the project (not "project", "team", "fixing"). */
  titleStems: Set<string>;
  /** Every content word's stem: a résumé line has no title, so its words are matched against story titles. */
  wordStems: Set<string>;
  /** Numbers whose measured thing the text states with one value only. */
  quantities: Quantity[];
  ownership: OwnershipClaim[];
}

const LED = new Set(words.ledVerbs);
const HELPED = new Set(words.helpedVerbs);
const STOP_TERMS = new Set(words.stopTerms);
const GENERIC_TITLE = new Set([...words.genericTitleWords, ...words.stopTerms]);
const HEDGES = new Set(words.hedges);
const BOUNDS = new Set(words.bounds);
const PLANS = new Set(words.plans);
const NAME_POS = new Set(['propn', 'noun', 'adj', 'other']);
const MEASURED = new Set(['percent', 'money', 'quantity', 'count']);
const PEOPLE = /^(?:engineer|developer|person|people|member|report|scientist|analyst|designer|contractor)$/;
const RATE_UNITS = /^(?:hour|day|night|week|month|quarter|year|sprint|release)s?$/;
/** Names only shared by more stories than this are the writer's employer or stack: not used to find candidates. */
export const MAX_NAME_POSTING = 40;

export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['\u2019]s$/, '');
  const m = /^(.{4,}?)(?:ations?|ions?|ings?|ers?|ed|es|s)$/.exec(w);
  return m ? m[1] : w;
}

/** The facts of a story; offsets relative to `story.start`. */
export function storyFacts(story: Story): Facts {
  const facts = emptyFacts();
  for (const word of story.title.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu) ?? []) {
    if (!GENERIC_TITLE.has(word.toLowerCase()) && word.length > 2) facts.titleStems.add(stem(word));
  }
  const sentences = story.sections.flatMap((section) => sentencesOf(story, section.body));
  readSentences(sentences, facts, story.start);
  for (const sentence of sentences) facts.ownership.push(...selfClaims(sentence, story.start));
  return facts;
}

export interface ResumeLine {
  /** Zero-based line in the résumé file. */
  line: number;
  /** Where the line's text starts after a bullet or heading mark. */
  character: number;
  text: string;
  /** Offset of the line in the file, which the facts' offsets are relative to. */
  start: number;
  facts: Facts;
}

/** Each line of a résumé (Markdown or plain text) that states something: its facts, and its opening verb as its ownership claim. */
export function resumeLines(text: string): ResumeLine[] {
  const out: ResumeLine[] = [];
  let start = 0;
  text.split('\n').forEach((raw, line) => {
    const lineStart = start;
    start += raw.length + 1;
    const mark = /^\s*(?:[-*+•]|\d+[.)]|#{1,6})?\s*/.exec(raw)![0].length;
    const body = raw.slice(mark).replace(/\s+$/, '');
    if (!/[\p{L}]/u.test(body) || body.length > 1000) return;
    // Emphasis and code marks blanked, so offsets still line up.
    const prose = ' '.repeat(mark) + body.replace(/[*_`]/g, ' ');
    const sentence = analyse(prose, mark, mark + body.length, 0);
    const facts = emptyFacts();
    readSentences([sentence], facts, 0);
    for (const token of sentence.tokens) if (isContent(token)) facts.wordStems.add(stem(token.lower));
    const claim = openingClaim(sentence);
    if (claim) facts.ownership.push(claim);
    out.push({ line, character: mark, text: body, start: lineStart, facts });
  });
  return out;
}

function emptyFacts(): Facts {
  return { names: new Set(), titleStems: new Set(), wordStems: new Set(), quantities: [], ownership: [] };
}

function isContent(token: Token): boolean {
  return (token.pos === 'noun' || token.pos === 'propn' || token.pos === 'verb' || token.pos === 'adj') && !GENERIC_TITLE.has(token.lower);
}

/** Names and quantities of sentences; a measured thing stated with two values in the text is left out (which one would be compared?). */
function readSentences(sentences: readonly Sentence[], facts: Facts, base: number): void {
  const byKey = new Map<string, Quantity | null>();
  for (const sentence of sentences) {
    sentence.tokens.forEach((token, i) => {
      if (isName(token, i)) facts.names.add(token.lower);
    });
    for (const number of sentence.numbers) {
      const quantity = quantityOf(sentence, number, base);
      if (!quantity) continue;
      const seen = byKey.get(quantity.key);
      if (seen === undefined) byKey.set(quantity.key, quantity);
      else if (seen && seen.value !== quantity.value) byKey.set(quantity.key, null);
    }
  }
  for (const quantity of byKey.values()) if (quantity) facts.quantities.push(quantity);
}

/** A proper noun, product or system name: capitalized inside a sentence (the first word is capitalized anyway), or written like a name anywhere ("BillingAPI", "S3"). */
function isName(token: Token, index: number): boolean {
  if (!NAME_POS.has(token.pos) || !/^\p{Lu}/u.test(token.text) || token.lower.length < 2 || STOP_TERMS.has(token.lower)) return false;
  // "p99", "Q3", "L6": measures, quarters and levels, not projects.
  if (/^[a-z]{1,2}\d+$/i.test(token.text) || /^\d/.test(token.text)) return false;
  return index > 0 || /[A-Z].*[A-Z]|\d/.test(token.text);
}

/** The number as a fact about a measured thing, or undefined when it is a bound, a goal, or measures nothing this can name. */
function quantityOf(sentence: Sentence, number: NumberMention, base: number): Quantity | undefined {
  if (number.value === undefined) return undefined;
  const tokens = sentence.tokens;
  const first = tokens.findIndex((t) => t.end > number.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < number.end) last++;
  if (first < 0) return undefined;
  const before = tokens[first - 1]?.lower ?? '';
  if (BOUNDS.has(before) || tokens.slice(0, first).some((t) => PLANS.has(t.lower))) return undefined;
  const hedged = HEDGES.has(before) || HEDGES.has(tokens[first - 2]?.lower ?? '');
  const role = roleOf(tokens, first);
  // "from 4.2 seconds to 0.9 seconds" measures a wait; "within two weeks" only places the story in time.
  if (!MEASURED.has(number.kind) && !(number.kind === 'duration' && role !== 'amount')) return undefined;
  const unit = unitOf(number, tokens[last]);
  // "from 900 ms to 200 ms": both points measure what precedes "from".
  const from = role === 'to' ? tokens.map((t) => t.lower).lastIndexOf('from', first) : role === 'amount' ? first : first - 1;
  const counted = number.kind === 'count' && tokens[last].pos === 'noun';
  const measured = counted ? { head: unit, modifier: '' } : measuredBefore(tokens, from);
  if (!measured) return undefined;
  // A head count is compared only as a team's size: "I pulled in 2 engineers" is not the team.
  if (counted && PEOPLE.test(unit) && !isTeamSize(tokens, first, last)) return undefined;
  const rate = rateAfter(tokens, last);
  // "removed 90 steps" and "two steps" count different things: a count that stands alone is compared only as a rate or a team.
  if (counted && !PEOPLE.test(unit) && role === 'amount' && !rate) return undefined;
  const thing = measured.modifier ? `${measured.modifier} ${measured.head}` : measured.head;
  return {
    key: `${measured.head}|${unit}${rate}|${role}`,
    modifier: measured.modifier,
    thing,
    role,
    value: number.value,
    hedged,
    text: number.text,
    start: number.start - base,
    end: number.end - base,
  };
}

function roleOf(tokens: readonly Token[], at: number): Quantity['role'] {
  // "from roughly 60": the hedge sits between the preposition and the number.
  const first = HEDGES.has(tokens[at - 1]?.lower ?? '') ? at - 1 : at;
  const before = tokens[first - 1]?.lower;
  if (before === 'from') return 'from';
  if (before === 'by') return 'by';
  if (before === 'to' && tokens.slice(Math.max(0, first - 8), first - 1).some((t) => t.lower === 'from')) return 'to';
  return 'amount';
}

function unitOf(number: NumberMention, last: Token): string {
  if (number.kind === 'money') return '$';
  if (number.kind === 'percent') return '%';
  if (last.pos === 'noun') return last.lemma.toLowerCase();
  return (number.unit ?? number.kind).toLowerCase();
}

/** "a team of 12 engineers", "my 8 engineers", "12 engineers on the team", "a 6-person team". */
function isTeamSize(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens
    .slice(Math.max(0, first - 3), first)
    .map((t) => t.lower)
    .join(' ');
  const after = tokens
    .slice(last + 1, last + 4)
    .map((t) => t.lower)
    .join(' ');
  return /\b(?:team|group|squad|org|organization) of$|\b(?:my|our)$/.test(before) || /^(?:on|in) (?:the|my|our) team|^team\b/.test(after);
}

/** The measured thing before a number: the nearest noun, with the word before it when that narrows it ("p99 latency"). */
function measuredBefore(tokens: readonly Token[], first: number): { head: string; modifier: string } | undefined {
  let verb: Token | undefined;
  for (let j = first - 1; j >= Math.max(0, first - 8); j--) {
    const t = tokens[j];
    if (t.pos === 'punct' || t.pos === 'sconj' || t.pos === 'cconj') break;
    if (t.pos === 'noun' || t.pos === 'propn') {
      // "latency at checkout", "the number of tickets": the thing is the noun before the preposition.
      const head = tokens[j - 1]?.pos === 'adp' && isNoun(tokens[j - 2]) ? j - 2 : j;
      const previous = tokens[head - 1];
      const narrows = previous && (isNoun(previous) || previous.pos === 'adj');
      return { head: tokens[head].lemma.toLowerCase(), modifier: narrows ? previous.lower : '' };
    }
    if (t.pos === 'verb' && !verb) verb = t;
  }
  // "saved $2M": what the verb did is what the number measures.
  return verb ? { head: verb.lemma.toLowerCase(), modifier: '' } : undefined;
}

function isNoun(token: Token | undefined): boolean {
  return token !== undefined && (token.pos === 'noun' || token.pos === 'propn');
}

function rateAfter(tokens: readonly Token[], last: number): string {
  const [basis, unit] = [tokens[last + 1]?.lower, tokens[last + 2]?.lower];
  return basis && unit && /^(?:a|an|per|each|every)$/.test(basis) && RATE_UNITS.test(unit) ? `/${unit.replace(/s$/, '')}` : '';
}

/** What the candidate says they did: "I led", "I helped", as written by the candidate themself, not negated or planned. */
function selfClaims(sentence: Sentence, base: number): OwnershipClaim[] {
  const out: OwnershipClaim[] = [];
  for (const clause of sentence.clauses) {
    const verb = clause.verb;
    if (!verb || clause.subject?.actor !== 'self' || clause.negated || clause.modal || clause.reported || clause.passive) continue;
    const level = LED.has(verb.lemma) ? 'led' : HELPED.has(verb.lemma) ? 'helped' : undefined;
    if (level) out.push({ level, text: verb.text, start: verb.start - base, end: verb.end - base });
  }
  return out;
}

/** A résumé line's opening verb ("Led …", "Collaborated on …"): how the line claims the work. */
function openingClaim(sentence: Sentence): OwnershipClaim | undefined {
  const verb = sentence.tokens.find((t) => t.pos !== 'punct' && t.pos !== 'sym');
  if (!verb) return undefined;
  const lemma = verb.pos === 'verb' ? verb.lemma : verb.lower;
  const level = LED.has(lemma) ? 'led' : HELPED.has(lemma) ? 'helped' : undefined;
  if (!level) return undefined;
  const particle = sentence.tokens[sentence.tokens.indexOf(verb) + 1];
  const withParticle = particle && /^(?:on|to|in|with)$/.test(particle.lower) && level === 'helped';
  return {
    level,
    text: withParticle ? `${verb.text} ${particle.text}` : verb.text,
    start: verb.start,
    end: (withParticle ? particle : verb).end,
  };
}

/** Whether two stories tell the same project: several names in common, or names and title words. */
export function sameProject(a: Facts, b: Facts): boolean {
  const names = countShared(a.names, b.names);
  if (names === 0) return false;
  const title = countShared(a.titleStems, b.titleStems);
  if (title >= 2 || (title >= 1 && names >= 2)) return true;
  return names >= 3 && names >= 0.5 * Math.min(a.names.size, b.names.size);
}

/** Whether a résumé line is about the story's project. */
export function lineMatches(line: Facts, story: Facts): boolean {
  const names = countShared(line.names, story.names);
  const title = countShared(line.wordStems, story.titleStems);
  if (names >= 2 || (names >= 1 && title >= 1)) return true;
  return title >= 2 && title >= 0.6 * story.titleStems.size;
}

function countShared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Pairs of quantities about the same measured thing with different values. */
export function disagreeingNumbers(a: Facts, b: Facts): Array<[Quantity, Quantity]> {
  const out: Array<[Quantity, Quantity]> = [];
  for (const qa of a.quantities) {
    const qb = lastWithKey(b.quantities, qa.key);
    if (!qb || (qa.modifier && qb.modifier && qa.modifier !== qb.modifier)) continue;
    if (differ(qa, qb)) out.push([qa, qb]);
  }
  return out;
}

/**
 * The last quantity with this key, as a Map built from the list would hold. A story states a few
 * numbers, and the bank compares every story with each of its partners: a Map per pair was a
 * tenth of what a whole-bank refresh allocated.
 */
function lastWithKey(quantities: readonly Quantity[], key: string): Quantity | undefined {
  for (let i = quantities.length - 1; i >= 0; i--) if (quantities[i].key === key) return quantities[i];
  return undefined;
}

function differ(a: Quantity, b: Quantity): boolean {
  if (a.value === b.value) return false;
  const gap = Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value));
  // "about 12" and "11" can both be true; "about 12" and "8" cannot.
  return !(a.hedged || b.hedged) || gap > 0.25;
}

/** The story's claim that disagrees with the résumé line's, if the story claims only the other level. */
export function disagreeingClaim(story: Facts, line: Facts): { story: OwnershipClaim; line: OwnershipClaim } | undefined {
  const claim = line.ownership[0];
  if (!claim) return undefined;
  const other = story.ownership.find((c) => c.level !== claim.level);
  if (!other || story.ownership.some((c) => c.level === claim.level)) return undefined;
  return { story: other, line: claim };
}

/**
 * The bank's same-project pairs, kept current file by file through an index of names: replacing
 * a file's stories costs their names times the stories that share them, never a pass over the bank.
 */
export class FactIndex {
  private readonly facts = new Map<string, { uri: string; facts: Facts }>();
  private readonly keysByUri = new Map<string, string[]>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly pairs = new Map<string, Set<string>>();

  /** Replaces the stories of one file; returns the files whose pairs changed or whose partners' facts did. */
  setFile(uri: string, stories: ReadonlyArray<{ key: string; facts: Facts }>): Set<string> {
    const affected = this.removeFile(uri);
    if (stories.length === 0) return affected;
    this.keysByUri.set(
      uri,
      stories.map((s) => s.key),
    );
    for (const { key, facts } of stories) {
      this.facts.set(key, { uri, facts });
      for (const name of facts.names) {
        let posting = this.postings.get(name);
        if (!posting) this.postings.set(name, (posting = new Set()));
        posting.add(key);
      }
    }
    for (const { key, facts } of stories) {
      for (const other of this.candidates(key, facts)) {
        this.link(key, other);
        affected.add(uri).add(this.facts.get(other)!.uri);
      }
    }
    return affected;
  }

  removeFile(uri: string): Set<string> {
    const affected = new Set<string>();
    for (const key of this.keysByUri.get(uri) ?? []) {
      for (const name of this.facts.get(key)!.facts.names) {
        const posting = this.postings.get(name);
        posting?.delete(key);
        if (posting?.size === 0) this.postings.delete(name);
      }
      for (const other of this.pairs.get(key) ?? []) {
        affected.add(uri).add(this.facts.get(other)!.uri);
        this.pairs.get(other)?.delete(key);
      }
      this.pairs.delete(key);
      this.facts.delete(key);
    }
    this.keysByUri.delete(uri);
    return affected;
  }

  factsOf(key: string): Facts | undefined {
    return this.facts.get(key)?.facts;
  }

  /** Stories matched to this one as the same project by what they name. */
  partners(key: string): Iterable<string> {
    return this.pairs.get(key) ?? [];
  }

  private candidates(key: string, facts: Facts): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const name of facts.names) {
      const posting = this.postings.get(name)!;
      if (posting.size > MAX_NAME_POSTING) continue;
      for (const other of posting) {
        if (other === key || seen.has(other)) continue;
        seen.add(other);
        if (sameProject(facts, this.facts.get(other)!.facts)) out.push(other);
      }
    }
    return out;
  }

  private link(a: string, b: string): void {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ]) {
      let set = this.pairs.get(from);
      if (!set) this.pairs.set(from, (set = new Set()));
      set.add(to);
    }
  }
}
