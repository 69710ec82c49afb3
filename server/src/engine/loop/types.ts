/**
 * The loop as a whole: who asks what (rounds and their principles), which story answers each
 * principle, how ready each story is, and what the Bar Raiser will ask next. The engine owns
 * these shapes; server/src/protocol.ts re-exports them as the payloads the client reads.
 */

/** One interview of the loop and the principles its interviewer is assigned (ids of the active set). */
export interface LoopRound {
  name: string;
  principles: string[];
}

/** An interviewer's vote, the words a write-up ends with. Best first. */
export const RATINGS = ['strong inclined', 'inclined', 'not inclined', 'strong not inclined'] as const;
export type Rating = (typeof RATINGS)[number];

/** What lowers a story's rating: one finding's rule and message, and what it weighs. */
export interface ReadinessReason {
  rule: string;
  message: string;
  weight: number;
}

export interface Readiness {
  rating: Rating;
  /** Sum of the reasons' weights: 0 is a story with nothing an interviewer would mark. */
  score: number;
  /** Heaviest first. */
  reasons: ReadinessReason[];
  /** Reasons left out of `reasons`: the Stories view is sent only the heaviest (`LISTED_REASONS`). */
  omitted?: number;
}

/** One principle of one round, and the story planned to answer it (none when the bank cannot). */
export interface PlannedSlot {
  round: string;
  principleId: string;
  principle: string;
  story?: { id: string; title: string; uri: string; line: number };
  /** The story names this principle on its Principles line (else it was reframed for it). */
  targeted: boolean;
}

export interface LoopPlan {
  /** Where the rounds came from: the role's default loop, or `loop` in the configuration. */
  source: 'profile' | 'config';
  /** The profile whose loop it is (e.g. "Engineering manager, L6"), when the rounds are a profile's. */
  profile?: string;
  rounds: { name: string; slots: PlannedSlot[] }[];
  /** Slots no story could take without telling a story twice. */
  uncovered: PlannedSlot[];
  /** What in the configured loop could not be planned (a principle the active set does not know). */
  problems?: string[];
}

/** A Bar Raiser's follow-up question for one story, built from the story and its gaps. */
export interface FollowUp {
  /** Stable for the story's text, so "answered" marks survive edits elsewhere: e.g. `number:31%`. */
  id: string;
  question: string;
  /** Why an interviewer asks it, in a sentence. */
  why: string;
}
