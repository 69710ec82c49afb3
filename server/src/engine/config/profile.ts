import { LEVELS, PROFILE_FIELDS, ROLES } from '../profiles';
import type { LoopRound } from '../loop/types';
import type { ProfileFields } from '../types';
import { type ConfigPath, describe, didYouMean, type Dict, isDict, type Problems, quote } from './describe';
import { CONFIG_LIMITS } from './keys';
import { readName } from './values';

export { LEVELS, ROLES };

const FIELDS = Object.keys(PROFILE_FIELDS);
/** A loop has five or six rounds; more than a dozen is not a loop but a typo or a generated file. */
const MAX_ROUNDS = 12;

/**
 * A configured `profile`: each field checked on its own, so one bad id drops only that id.
 * `principleIds` are the ids of every principle set this layer can select; `ruleNames` the
 * registered rules.
 */
export function readProfile(
  raw: unknown,
  principleIds: ReadonlySet<string>,
  ruleNames: ReadonlySet<string>,
  out: Problems,
): Partial<ProfileFields> | undefined {
  if (!isDict(raw)) {
    out.add(['profile'], `"profile" must be an object with ${FIELDS.map(quote).join(', ')}, not ${describe(raw)}; it is ignored.`);
    return undefined;
  }
  const profile: Partial<ProfileFields> = {};
  for (const key of Object.keys(raw)) {
    const path = ['profile', key];
    if (!FIELDS.includes(key)) {
      out.add(path, `unknown field ${quote(key)} of "profile"${didYouMean(key, FIELDS)}; its fields are ${FIELDS.join(', ')}.`, true);
      continue;
    }
    const value = readField(key as keyof ProfileFields, raw[key], principleIds, ruleNames, path, out);
    if (value !== undefined) (profile as Dict)[key] = value;
  }
  return profile;
}

function readField(
  key: keyof ProfileFields,
  raw: unknown,
  principleIds: ReadonlySet<string>,
  ruleNames: ReadonlySet<string>,
  path: ConfigPath,
  out: Problems,
): unknown {
  switch (key) {
    case 'name':
      return readName(raw, path, '"profile.name"', out);
    case 'rules':
      return readIds(raw, ruleNames, 'opt-in rule', path, out);
    case 'rounds':
      return readRounds(raw, principleIds, path, out);
    default:
      return readIds(raw, principleIds, 'principle id', path, out);
  }
}

/** A list of known ids; an unknown one is reported with the nearest known id and dropped. */
function readIds(raw: unknown, known: ReadonlySet<string>, what: string, path: ConfigPath, out: Problems): string[] | undefined {
  const name = `"profile.${String(path[path.length - 1])}"`;
  if (!Array.isArray(raw)) {
    out.add(path, `${name} must be a list of ${what}s, not ${describe(raw)}; the role's is used.`);
    return undefined;
  }
  const ids: string[] = [];
  for (let i = 0; i < Math.min(raw.length, CONFIG_LIMITS.listEntries); i++) {
    const id = raw[i];
    if (typeof id !== 'string' || !known.has(id)) {
      const hint = typeof id === 'string' ? didYouMean(id, [...known]) || listKnown(what, known) : '';
      out.add([...path, i], `entry ${i + 1} of ${name} is not a known ${what}: ${describe(id)}${hint}; it is ignored.`);
    } else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Every other rule runs already, so a name outside the short opt-in list is best answered with the list. */
function listKnown(what: string, known: ReadonlySet<string>): string {
  return what === 'opt-in rule' ? ` (a profile turns on only ${[...known].join(', ')}; every other rule is on already)` : '';
}

function readRounds(raw: unknown, principleIds: ReadonlySet<string>, path: ConfigPath, out: Problems): LoopRound[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    out.add(path, `"profile.rounds" must be a non-empty list of { "name", "principles" }, not ${describe(raw)}; the role's is used.`);
    return undefined;
  }
  const rounds: LoopRound[] = [];
  for (let i = 0; i < Math.min(raw.length, MAX_ROUNDS); i++) {
    const round = raw[i];
    if (!isDict(round)) {
      out.add(
        [...path, i],
        `round ${i + 1} of "profile.rounds" must be an object with "name" and "principles", not ${describe(round)}; it is ignored.`,
      );
      continue;
    }
    const name = readName(round.name, [...path, i, 'name'], `the name of round ${i + 1}`, out, true);
    const principles = readIds(round.principles, principleIds, 'principle id', [...path, i, 'principles'], out);
    if (name !== undefined && principles !== undefined) rounds.push({ name, principles });
  }
  if (raw.length > MAX_ROUNDS) out.add(path, `"profile.rounds" has ${raw.length} rounds; only the first ${MAX_ROUNDS} are used.`);
  return rounds.length > 0 ? rounds : undefined;
}
