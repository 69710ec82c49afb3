import type { ValueSpec } from '../types';
import { article, type ConfigPath, describe, describePath, didYouMean, type Problems, quote } from './describe';
import { CONFIG_LIMITS } from './keys';

type NumberSpec = Extract<ValueSpec, { type: 'number' }>;

function numberFits(raw: unknown, spec: NumberSpec): raw is number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return false;
  if (spec.minimum !== undefined && raw < spec.minimum) return false;
  if (spec.maximum !== undefined && raw > spec.maximum) return false;
  return !spec.integer || Number.isInteger(raw);
}

export function readNumber(raw: unknown, spec: NumberSpec, path: ConfigPath, out: Problems): number | undefined {
  if (numberFits(raw, spec)) return raw;
  const name = String(path[path.length - 1]);
  const range =
    spec.maximum !== undefined
      ? `from ${spec.minimum ?? 0} to ${spec.maximum}`
      : spec.minimum !== undefined
        ? `of at least ${spec.minimum}`
        : '';
  out.add(
    path,
    `"${name}" must be ${spec.integer ? 'a whole number' : 'a number'}${range ? ' ' + range : ''}, not ${describe(raw)}; using the default.`,
  );
  return undefined;
}

/**
 * A list of literal phrases. Entries that are not short non-empty strings are reported and
 * dropped one by one; a list longer than the limit keeps its first entries.
 */
export function readPhrases(
  raw: unknown,
  path: ConfigPath,
  out: Problems,
  maxLength: number = CONFIG_LIMITS.phraseLength,
): string[] | undefined {
  const name = describePath(path);
  if (!Array.isArray(raw)) {
    out.add(path, `${name} must be a list of phrases, not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  const phrases: string[] = [];
  const seen = new Set<string>();
  const limit = Math.min(raw.length, CONFIG_LIMITS.listEntries);
  for (let i = 0; i < limit; i++) {
    const entry = raw[i];
    if (typeof entry !== 'string' || entry.trim() === '') {
      out.add([...path, i], `entry ${i + 1} of ${name} must be a non-empty string, not ${describe(entry)}; it is ignored.`);
    } else if (entry.length > maxLength) {
      out.add([...path, i], `entry ${i + 1} of ${name} is longer than ${maxLength} characters; it is ignored.`);
    } else {
      const phrase = entry.trim();
      if (!seen.has(phrase)) phrases.push(phrase);
      seen.add(phrase);
    }
  }
  if (raw.length > limit) out.add(path, `${name} has ${raw.length} entries; only the first ${limit} are used.`);
  return phrases;
}

/** A required (or optional) non-empty string of bounded length. */
export function readName(
  raw: unknown,
  path: ConfigPath,
  what: string,
  out: Problems,
  required = false,
  maxLength: number = CONFIG_LIMITS.phraseLength,
): string | undefined {
  if (typeof raw === 'string' && raw.trim() !== '' && raw.length <= maxLength) return raw.trim();
  const problem =
    raw === undefined
      ? `${what} is missing`
      : typeof raw === 'string' && raw.length > maxLength
        ? `${what} is longer than ${maxLength} characters`
        : `${what} must be a non-empty string, not ${describe(raw)}`;
  out.add(raw === undefined ? path.slice(0, -1) : path, `${problem}; ${required ? 'the entry is ignored' : 'using the default'}.`);
  return undefined;
}

/** One of a fixed set of words. */
export function readChoice(raw: unknown, values: readonly string[], path: ConfigPath, out: Problems): string | undefined {
  if (typeof raw === 'string' && values.includes(raw)) return raw;
  const name = String(path[path.length - 1]);
  out.add(
    path,
    `"${name}" must be one of ${values.map(quote).join(', ')}, not ${describe(raw)}${typeof raw === 'string' ? didYouMean(raw, values) : ''}; using the default.`,
  );
  return undefined;
}

/** A top-level setting of a plain type (numbers, phrases, choices, true or false, text). */
export function readSetting(raw: unknown, spec: ValueSpec, path: ConfigPath, out: Problems): unknown {
  switch (spec.type) {
    case 'number':
      return readNumber(raw, spec, path, out);
    case 'phrases':
      return readPhrases(raw, path, out);
    case 'choice':
      return readChoice(raw, spec.values, path, out);
    case 'boolean':
    case 'string':
      if (plainFits(raw, spec)) return raw;
      out.add(path, `"${String(path[path.length - 1])}" must be ${article(spec.type)}, not ${describe(raw)}; using the default.`);
      return undefined;
  }
}

function plainFits(raw: unknown, spec: ValueSpec): boolean {
  if (spec.type === 'number') return numberFits(raw, spec);
  if (spec.type === 'choice') return typeof raw === 'string' && spec.values.includes(raw);
  if (spec.type === 'string') return typeof raw === 'string' && raw.length <= CONFIG_LIMITS.phraseLength;
  return typeof raw === spec.type;
}

/** One option of a rule, checked against its schema; the message names the rule and shows the default. */
export function readOptionValue(
  raw: unknown,
  spec: ValueSpec & { default: unknown },
  rule: string,
  path: ConfigPath,
  out: Problems,
): unknown {
  if (spec.type === 'phrases') return readPhrases(raw, path, out);
  if (plainFits(raw, spec)) return raw;
  const key = String(path[path.length - 1]);
  const what = spec.type === 'choice' ? `one of ${spec.values.map(quote).join(', ')}` : article(spec.type);
  out.add(
    path,
    `option "${key}" of rule "${rule}" must be ${what} (like ${describe(spec.default)}), not ${describe(raw)}; using the default.`,
  );
  return undefined;
}
