/**
 * A file's bank record as plain JSON: what the bank keeps of a file once it is parsed, linted,
 * summarized and fingerprinted, so a caller can store it (the server's start cache) and give it
 * back with the same text instead of parsing and linting the file again.
 *
 * The record is checked on the way back in: a record is data from disk, and one that does not fit
 * the text it is given (a span past its end, a count that does not add up) is refused, never used.
 */
import type { StorySummary } from './types';
import type { Fingerprint } from './similarity';
import type { Facts, OwnershipClaim, Quantity } from './facts';
import type { Directive, Span } from '../types';
import { RATINGS, type Rating, type Readiness } from '../loop/types';

/** What the bank keeps of a story: enough to place and describe its findings. */
export interface BankStory {
  start: number;
  end: number;
  title: string;
  heading: Span;
  titleSpan: Span;
  /** The Principles line and the known principles it names (canonical names, each once, in line order). */
  principles: { line: Span; names: string[] } | undefined;
}

/** The settings a file's bank findings read: the bank rules' severities and options, and the per-story limit. */
export interface BankConfig {
  rules: Record<string, unknown>;
  maxPrinciplesPerStory: number;
}

export interface BankRecord {
  stories: BankStory[];
  directives: Directive[];
  config: BankConfig;
  /** One per story, with its lint problems counted; `id` and `uri` come back from the file's URI. */
  summaries: Array<Omit<StorySummary, 'id' | 'uri'>>;
  /** One per story: its 3-gram hashes (`encodeShingles`) and its numbers. */
  fingerprints: Array<{ shingles: string; numbers: string[] }>;
  /** One per story: what it states about its project (`inconsistent-facts`). */
  facts: FactsRecord[];
}

export interface FactsRecord {
  names: string[];
  titleStems: string[];
  wordStems: string[];
  quantities: Quantity[];
  ownership: OwnershipClaim[];
}

export class BadRecordError extends Error {}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE_OF[DIGITS.charCodeAt(i)] = i;

/**
 * A fingerprint's 3-gram hashes are 30 bits each: five base-64 digits apiece, no separator.
 * Fingerprints are most of a record, and this decodes with a table lookup per digit.
 */
export function encodeShingles(shingles: Uint32Array): string {
  let out = '';
  for (const h of shingles)
    out += DIGITS[(h >>> 24) & 63] + DIGITS[(h >>> 18) & 63] + DIGITS[(h >>> 12) & 63] + DIGITS[(h >>> 6) & 63] + DIGITS[h & 63];
  return out;
}

export function decodeShingles(text: string): Uint32Array {
  if (text.length % 5 !== 0) throw new BadRecordError('bad fingerprint');
  const out = new Uint32Array(text.length / 5);
  let previous = -1;
  for (let i = 0, at = 0; i < out.length; i++) {
    let value = 0;
    for (let d = 0; d < 5; d++, at++) {
      const code = text.charCodeAt(at);
      const digit = code < 128 ? VALUE_OF[code] : -1;
      if (digit < 0) throw new BadRecordError('bad fingerprint');
      value = (value << 6) | digit;
    }
    // Sorted and distinct, as `fingerprint` makes them: anything else is not a fingerprint.
    if (value <= previous) throw new BadRecordError('bad fingerprint');
    out[i] = previous = value;
  }
  return out;
}

export function factsRecord(facts: Facts): FactsRecord {
  return {
    names: [...facts.names],
    titleStems: [...facts.titleStems],
    wordStems: [...facts.wordStems],
    quantities: facts.quantities,
    ownership: facts.ownership,
  };
}

export function factsOfRecord(record: FactsRecord): Facts {
  check(isObject(record) && isStrings(record.names) && isStrings(record.titleStems) && isStrings(record.wordStems), 'facts');
  check(Array.isArray(record.quantities) && record.quantities.every(isQuantity), 'quantities');
  check(Array.isArray(record.ownership) && record.ownership.every(isClaim), 'ownership');
  return {
    names: new Set(record.names),
    titleStems: new Set(record.titleStems),
    wordStems: new Set(record.wordStems),
    quantities: record.quantities,
    ownership: record.ownership,
  };
}

export function fingerprintOfRecord(record: { shingles: string; numbers: string[] }): Fingerprint {
  check(isObject(record) && typeof record.shingles === 'string' && isStrings(record.numbers), 'fingerprint');
  return { shingles: decodeShingles(record.shingles), numbers: new Set(record.numbers) };
}

/**
 * Throws `BadRecordError` unless the record has the shape `Bank.record` writes and fits a text of
 * `length` characters. Cheap (no parse): it reads the record once.
 */
export function checkRecord(record: unknown, length: number): asserts record is BankRecord {
  check(isObject(record), 'record');
  const { stories, directives, config, summaries, fingerprints, facts } = record as Partial<BankRecord>;
  check(Array.isArray(stories) && Array.isArray(summaries) && Array.isArray(fingerprints) && Array.isArray(facts), 'lists');
  const n = stories.length;
  check(summaries.length === n && fingerprints.length === n && facts.length === n, 'one entry per story');
  let previousEnd = 0;
  for (const story of stories) {
    check(isObject(story) && typeof story.title === 'string', 'story');
    check(isSpan(story, length) && story.start >= previousEnd, 'story span');
    previousEnd = story.end;
    check(isSpan(story.heading, length) && isSpan(story.titleSpan, length), 'heading');
    const principles = story.principles;
    check(
      principles === undefined || (isObject(principles) && isSpan(principles.line, length) && isStrings(principles.names)),
      'principles',
    );
  }
  check(summaries.every(isSummary), 'summary');
  check(
    Array.isArray(directives) &&
      directives.every((d) => isObject(d) && isSpan(d, length) && typeof d.kind === 'string' && isStrings(d.rules)),
    'directives',
  );
  check(isObject(config) && isObject(config.rules) && Number.isFinite(config.maxPrinciplesPerStory), 'config');
}

/** A story as the bank lists it once its bank findings are counted (`Bank.listing`); `id` and `uri` come back from the file's URI. */
export type StoryListing = Omit<StorySummary, 'id' | 'uri'>;

/** Whether a stored listing has the shape `Bank.listing` gives: one summary per story (`stories`, when known). */
export function isListing(value: unknown, stories?: number): value is StoryListing[] {
  return Array.isArray(value) && (stories === undefined || value.length === stories) && value.every(isSummary);
}

function isSummary(summary: unknown): boolean {
  return (
    isObject(summary) &&
    typeof summary.title === 'string' &&
    isStrings(summary.principles) &&
    ['line', 'endLine', 'words', 'seconds', 'targetSeconds', 'problems', 'iCount', 'weCount', 'actionShare'].every((k) =>
      Number.isFinite((summary as unknown as Record<string, unknown>)[k]),
    ) &&
    (summary.readiness === undefined || isReadiness(summary.readiness))
  );
}

function isReadiness(value: unknown): value is Readiness {
  if (!isObject(value)) return false;
  const { rating, score, reasons } = value as Partial<Readiness>;
  return (
    RATINGS.includes(rating as Rating) &&
    Number.isFinite(score) &&
    Array.isArray(reasons) &&
    reasons.every((r) => isObject(r) && typeof r.rule === 'string' && typeof r.message === 'string' && Number.isFinite(r.weight))
  );
}

function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new BadRecordError(`bad ${what}`);
}

function isObject(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isSpan(value: unknown, length: number): value is Span {
  if (!isObject(value)) return false;
  const { start, end } = value as Partial<Span>;
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= start! && start! <= end! && end! <= length;
}

function isQuantity(q: unknown): boolean {
  if (!isObject(q)) return false;
  const v = q as Partial<Quantity>;
  return typeof v.key === 'string' && typeof v.thing === 'string' && typeof v.text === 'string' && Number.isFinite(v.value);
}

function isClaim(c: unknown): boolean {
  return isObject(c) && ((c as Partial<OwnershipClaim>).level === 'led' || (c as Partial<OwnershipClaim>).level === 'helped');
}
