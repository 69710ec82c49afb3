/**
 * `loop`: the rounds of the user's interview loop, each with its interviewer's principles (ids or
 * names). Only the shape is checked here: which principles exist depends on the active set,
 * which another layer may choose, so names are resolved when the loop is planned.
 */
import type { LoopRound } from '../loop/types';
import { describe, isDict, type Problems, quote } from './describe';
import { readName } from './values';

/** The fields of a round (the schema is generated from these). */
export const LOOP_ROUND_FIELDS = {
  name: 'What you call the round, e.g. "Bar Raiser". Default: "Round 1", "Round 2"…',
  principles: "The principles this round's interviewer was assigned: ids or names of the active set, usually two or three. Required.",
} as const;

/** A real loop has four to six rounds of two or three principles; these bounds only stop a runaway file. */
export const LOOP_LIMITS = { rounds: 12, principlesPerRound: 8 } as const;

export function readLoop(raw: unknown, out: Problems): LoopRound[] | undefined {
  if (!Array.isArray(raw)) {
    out.add(
      ['loop'],
      `"loop" must be a list of rounds like { "name": "Bar Raiser", "principles": ["Earn Trust"] }, not ${describe(raw)}; it is ignored.`,
    );
    return undefined;
  }
  const rounds: LoopRound[] = [];
  raw.slice(0, LOOP_LIMITS.rounds).forEach((entry, i) => {
    const round = readRound(entry, i, out);
    if (round) rounds.push(round);
  });
  if (raw.length > LOOP_LIMITS.rounds) out.add(['loop'], `"loop" has ${raw.length} rounds; only the first ${LOOP_LIMITS.rounds} are used.`);
  return rounds;
}

function readRound(entry: unknown, i: number, out: Problems): LoopRound | undefined {
  const path = ['loop', i];
  if (!isDict(entry)) {
    out.add(path, `round ${i + 1} must be an object with "name" and "principles", not ${describe(entry)}; it is ignored.`);
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!Object.hasOwn(LOOP_ROUND_FIELDS, key))
      out.add([...path, key], `round ${i + 1} has an unknown field ${quote(key)}; it is ignored.`, true);
  }
  const name =
    entry.name === undefined
      ? `Round ${i + 1}`
      : (readName(entry.name, [...path, 'name'], `the name of round ${i + 1}`, out) ?? `Round ${i + 1}`);
  const raw = entry.principles;
  if (!Array.isArray(raw) || raw.length === 0) {
    out.add(
      [...path, 'principles'],
      `round ${i + 1} (${quote(name)}) needs "principles", a list of principle ids or names, not ${describe(raw)}; the round is ignored.`,
    );
    return undefined;
  }
  const principles: string[] = [];
  raw.slice(0, LOOP_LIMITS.principlesPerRound).forEach((p, k) => {
    const ref = readName(p, [...path, 'principles', k], `principle ${k + 1} of round ${i + 1}`, out, true);
    if (ref) principles.push(ref);
  });
  if (raw.length > LOOP_LIMITS.principlesPerRound)
    out.add(
      [...path, 'principles'],
      `round ${i + 1} has ${raw.length} principles; only the first ${LOOP_LIMITS.principlesPerRound} are used.`,
    );
  return principles.length > 0 ? { name, principles } : undefined;
}
