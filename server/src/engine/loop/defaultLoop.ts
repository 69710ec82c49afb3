/**
 * The loop planned when the configuration sets no `loop`: five rounds of two principles each,
 * between them the ten principles asked about most (docs/interviews.md). Each round pairs a
 * principle from the top five with one from the next five, so no round carries only the most
 * probed ones, and the Bar Raiser takes Earn Trust and Have Backbone, which cut across the rest.
 * Role profiles carry their own loops; this one serves when a profile's rounds do not fit the set.
 */
import type { PrincipleSet } from '../principles/types';
import type { LoopRound } from './types';

const AMAZON_ROUNDS: readonly LoopRound[] = [
  { name: 'Hiring manager', principles: ['customer-obsession', 'learn-and-be-curious'] },
  { name: 'Peer engineer', principles: ['ownership', 'invent-and-simplify'] },
  { name: 'Cross-functional partner', principles: ['deliver-results', 'insist-on-the-highest-standards'] },
  { name: 'Senior engineer', principles: ['dive-deep', 'bias-for-action'] },
  { name: 'Bar Raiser', principles: ['earn-trust', 'have-backbone'] },
];

/** Rounds in a default loop, and principles per round. */
const ROUNDS = 5;
const PER_ROUND = 2;

/**
 * The default loop for a principle set: the one above for the Amazon set, otherwise the set's
 * ten top-ranked principles paired the same way (rank 1 with 10, 2 with 9...), in fewer rounds
 * when the set is smaller.
 */
export function defaultRounds(set?: PrincipleSet): LoopRound[] {
  const ids = new Set(set?.principles.map((p) => p.id) ?? []);
  if (!set || AMAZON_ROUNDS.every((r) => r.principles.every((id) => ids.has(id)))) {
    return AMAZON_ROUNDS.map((r) => ({ name: r.name, principles: [...r.principles] }));
  }
  const top = [...set.principles].sort((a, b) => a.rank - b.rank).slice(0, ROUNDS * PER_ROUND);
  const rounds: LoopRound[] = [];
  for (let i = 0; i < Math.ceil(top.length / PER_ROUND); i++) {
    const pair = [top[i], top[top.length - 1 - i]].filter((p, k, all) => p && all.indexOf(p) === k);
    rounds.push({ name: `Round ${i + 1}`, principles: pair.map((p) => p.id) });
  }
  return rounds;
}
