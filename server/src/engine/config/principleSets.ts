import { amazonPrinciples } from '../principles/amazon';
import type { Beat, Principle, PrincipleSet } from '../principles/types';
import type { EngineConfig } from '../types';
import { type ConfigPath, describe, didYouMean, type Dict, isDict, kebab, type Problems, quote } from './describe';
import { CONFIG_LIMITS } from './keys';
import { readName, readNumber, readPhrases } from './values';

/** The fields of a configured principle set, principle and beat (the schema is generated from these). */
export const PRINCIPLE_SET_FIELDS = {
  id: 'Stable id, selected with `principleSet`, e.g. `acme`. Required.',
  name: 'Name shown in hovers and the coverage tree. Default: the id.',
  principles: 'The principles of the set. Required.',
} as const;
export const PRINCIPLE_FIELDS = {
  id: 'Stable id, unique in the set. Default: the name in kebab-case.',
  name: 'Canonical name, exactly as written on the `Principles:` line. Required.',
  aliases: 'Other spellings and abbreviations that resolve to this principle (case-insensitive).',
  definition: 'The principle in a sentence or two, shown on hover.',
  questions: 'Typical "Tell me about a time…" questions for it.',
  rank: "Interview-frequency rank, 1 = asked most often; the coverage tree's order. Default: its position in the list.",
  beats: 'The evidence an interviewer listens for.',
} as const;
export const BEAT_FIELDS = {
  id: 'Stable id, unique in the principle. Default: the label in kebab-case.',
  label: 'Short description of the evidence, e.g. "the commit after the decision". Required.',
  cues: 'Phrases whose presence counts as evidence (matched literally, ignoring case; a trailing `*` matches any word ending).',
  advice: 'What to add when the beat is missing.',
} as const;

const SET_KEYS = Object.keys(PRINCIPLE_SET_FIELDS);
const PRINCIPLE_KEYS = Object.keys(PRINCIPLE_FIELDS);
const BEAT_KEYS = Object.keys(BEAT_FIELDS);

export function readPrincipleSets(raw: unknown, out: Problems): PrincipleSet[] | undefined {
  if (!Array.isArray(raw)) {
    out.add(['principleSets'], `"principleSets" must be a list of principle sets, not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  const sets: PrincipleSet[] = [];
  const limit = Math.min(raw.length, CONFIG_LIMITS.principleSets);
  for (let i = 0; i < limit; i++) {
    const set = readPrincipleSet(raw[i], ['principleSets', i], out);
    if (!set) continue;
    if (sets.some((s) => s.id === set.id)) {
      out.add(['principleSets', i, 'id'], `principle set ${quote(set.id)} is defined twice; the second is ignored.`);
      continue;
    }
    sets.push(set);
  }
  if (raw.length > limit) out.add(['principleSets'], `"principleSets" has ${raw.length} entries; only the first ${limit} are used.`);
  return sets;
}

/** `principleSet`: the id of the built-in set, of a set from a lower layer, or of one defined in this layer. */
export function readPrincipleSetId(raw: unknown, known: readonly string[], out: Problems): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    out.add(
      ['principleSet'],
      `"principleSet" must be the id of a principle set (${known.map(quote).join(', ')}), not ${describe(raw)}; it is ignored.`,
    );
  } else if (!known.includes(raw)) {
    out.add(
      ['principleSet'],
      `unknown principle set ${quote(raw)}${didYouMean(raw, known)}; known sets: ${known.map(quote).join(', ')}. It is ignored.`,
    );
  } else {
    return raw;
  }
  return undefined;
}

function readPrincipleSet(raw: unknown, path: ConfigPath, out: Problems): PrincipleSet | undefined {
  const where = `principle set ${Number(path[1]) + 1}`;
  if (!isDict(raw)) {
    out.add(path, `${where} must be an object with "id", "name" and "principles", not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  reportUnknownKeys(raw, SET_KEYS, path, where, out);
  const id = readName(raw.id, [...path, 'id'], `"id" of ${where}`, out, true);
  if (id === undefined) return undefined;
  const label = `principle set ${quote(id)}`;
  const name = Object.hasOwn(raw, 'name') ? (readName(raw.name, [...path, 'name'], `"name" of ${label}`, out) ?? id) : id;
  if (!Array.isArray(raw.principles)) {
    out.add(
      Object.hasOwn(raw, 'principles') ? [...path, 'principles'] : path,
      `${label} needs "principles", a list of principles, not ${describe(raw.principles)}; it is ignored.`,
    );
    return undefined;
  }
  const principles = readDistinct(raw.principles, [...path, 'principles'], label, 'principles', out, (item, at, i) =>
    readPrinciple(item, at, label, i, out),
  );
  if (principles.length === 0) {
    out.add([...path, 'principles'], `${label} has no valid principle; it is ignored.`);
    return undefined;
  }
  return { id, name, principles };
}

/** Reads a capped list of items with ids, reporting and dropping bad entries and repeated ids one by one. */
function readDistinct<T extends { id: string }>(
  list: unknown[],
  path: ConfigPath,
  owner: string,
  noun: 'principles' | 'beats',
  out: Problems,
  readItem: (item: unknown, at: ConfigPath, index: number) => T | undefined,
): T[] {
  const items: T[] = [];
  const limit = Math.min(list.length, CONFIG_LIMITS.listEntries);
  for (let i = 0; i < limit; i++) {
    const item = readItem(list[i], [...path, i], i);
    if (!item) continue;
    if (items.some((x) => x.id === item.id)) {
      out.add([...path, i], `${owner} has two ${noun} with the id ${quote(item.id)}; the second is ignored.`);
      continue;
    }
    items.push(item);
  }
  if (list.length > limit) out.add(path, `${owner} has ${list.length} ${noun}; only the first ${limit} are used.`);
  return items;
}

interface Named {
  raw: Dict;
  name: string;
  id: string;
  /** Optional fields: their value when valid, else the default. */
  text(key: string, label: string): string;
  list(key: string, max?: number): string[];
}

/**
 * What a principle and a beat share: an object, only known fields, a required name field
 * (`name`, `label`) and an `id` that defaults to that name in kebab-case.
 */
function readNamed(
  raw: unknown,
  path: ConfigPath,
  where: string,
  known: readonly string[],
  nameKey: string,
  out: Problems,
  idOwner: (name: string) => string,
): Named | undefined {
  if (!isDict(raw)) {
    out.add(path, `${where} must be an object with at least a "${nameKey}", not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  reportUnknownKeys(raw, known, path, where, out);
  const name = readName(raw[nameKey], [...path, nameKey], `"${nameKey}" of ${where}`, out, true);
  if (name === undefined) return undefined;
  const id = Object.hasOwn(raw, 'id') ? (readName(raw.id, [...path, 'id'], `"id" of ${idOwner(name)}`, out) ?? kebab(name)) : kebab(name);
  return {
    raw,
    name,
    id,
    text: (key, label) =>
      Object.hasOwn(raw, key)
        ? (readName(raw[key], [...path, key], `"${key}" of ${label}`, out, false, CONFIG_LIMITS.textLength) ?? '')
        : '',
    list: (key, max = CONFIG_LIMITS.phraseLength) =>
      Object.hasOwn(raw, key) ? (readPhrases(raw[key], [...path, key], out, max) ?? []) : [],
  };
}

function readPrinciple(raw: unknown, path: ConfigPath, setLabel: string, index: number, out: Problems): Principle | undefined {
  const named = readNamed(
    raw,
    path,
    `principle ${index + 1} of ${setLabel}`,
    PRINCIPLE_KEYS,
    'name',
    out,
    (name) => `principle ${quote(name)}`,
  );
  if (!named) return undefined;
  const label = `principle ${quote(named.name)}`;
  let rank = index + 1;
  if (Object.hasOwn(named.raw, 'rank'))
    rank = readNumber(named.raw.rank, { type: 'number', integer: true, minimum: 1 }, [...path, 'rank'], out) ?? rank;
  const beats: Beat[] = [];
  if (Object.hasOwn(named.raw, 'beats')) {
    if (!Array.isArray(named.raw.beats)) {
      out.add([...path, 'beats'], `"beats" of ${label} must be a list, not ${describe(named.raw.beats)}; it is ignored.`);
    } else {
      beats.push(
        ...readDistinct(named.raw.beats, [...path, 'beats'], label, 'beats', out, (item, at, i) => readBeat(item, at, label, i, out)),
      );
    }
  }
  return {
    id: named.id,
    name: named.name,
    aliases: named.list('aliases'),
    definition: named.text('definition', label),
    questions: named.list('questions', CONFIG_LIMITS.textLength),
    rank,
    beats,
  };
}

function readBeat(raw: unknown, path: ConfigPath, principleLabel: string, index: number, out: Problems): Beat | undefined {
  const where = `beat ${index + 1} of ${principleLabel}`;
  const named = readNamed(raw, path, where, BEAT_KEYS, 'label', out, () => where);
  if (!named) return undefined;
  return { id: named.id, label: named.name, cues: named.list('cues'), advice: named.text('advice', where) };
}

function reportUnknownKeys(raw: Dict, known: readonly string[], path: ConfigPath, where: string, out: Problems): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key))
      out.add([...path, key], `unknown field ${quote(key)} in ${where}${didYouMean(key, known)}; it is ignored.`, true);
  }
}

/**
 * The principle set a merged configuration selects: the last set defined with that id (a
 * higher layer's definition wins, and a configured `amazon` replaces the built-in one), else
 * the built-in Amazon set. `unknown` names an id that matched nothing.
 */
export function resolvePrincipleSet(config: Pick<EngineConfig, 'principleSet' | 'principleSets'>): { set: PrincipleSet; unknown?: string } {
  const id = config.principleSet ?? 'amazon';
  for (let i = config.principleSets.length - 1; i >= 0; i--) {
    if (config.principleSets[i].id === id) return { set: config.principleSets[i] };
  }
  return id === 'amazon' ? { set: amazonPrinciples } : { set: amazonPrinciples, unknown: id };
}
