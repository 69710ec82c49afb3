import type { Span } from '../types';

export type Pos =
  | 'noun'
  | 'propn'
  | 'verb'
  | 'aux'
  | 'modal'
  | 'adj'
  | 'adv'
  | 'pron'
  | 'det'
  | 'adp'
  | 'cconj'
  | 'sconj'
  | 'num'
  | 'part'
  | 'punct'
  | 'sym'
  | 'other';
export type VerbForm = 'base' | 'past' | 'participle' | 'gerund' | 'third';

export interface Token {
  /** Absolute document offsets. */
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  pos: Pos;
  /** For verbs and auxiliaries. */
  form?: VerbForm;
}

/**
 * Who performs a clause's action, as an interviewer hears it.
 * self: I / me / myself; team: we / us / our team / the team; other: a person or group that is not
 * the candidate (he, they, my manager, Ana, the SMEs, QA, legal, the vendor); thing: a non-agent
 * ("the audit's thoroughness", "it", "the fix", "latency"); none: no subject (imperative, a note
 * fragment, "Analyzed logs.").
 */
export type Actor = 'self' | 'team' | 'other' | 'thing' | 'none';

export interface Phrase extends Span {
  text: string;
  actor: Actor;
}

export interface Clause extends Span {
  tokens: Token[];
  /** Who does the verb. Missing when the clause has none (a fragment, an imperative). */
  subject?: Phrase;
  /**
   * True when the subject is not written in the clause but carried over: a coordinated verb ("I pulled
   * logs and found…"), an infinitive ("I offered to help"), a causative ("I had Ana run the tests").
   */
  subjectImplied: boolean;
  /** Auxiliaries + main verb (+ particle), in order; `verb` is the lexical head. */
  verbs: Token[];
  verb?: Token;
  passive: boolean;
  /** "be" + a participle that names a state, not an act: "I was interested", "the office was located". */
  stative: boolean;
  /** "by X" of a passive. */
  agent?: Phrase;
  negated: boolean;
  tense: 'past' | 'present' | 'future' | 'none';
  /** would, could, should, will, might, can, may, must, 'd, 'll */
  modal?: string;
  perfect: boolean;
  progressive: boolean;
  /** The clause sits inside quotes or reported speech ("she said we would…"). */
  reported: boolean;
  /** The verb is an infinitive ("to help") or a bare -ing/-ed form with no finite verb of its own. */
  nonFinite: boolean;
}

export type NumberKind =
  'percent' | 'money' | 'quantity' | 'count' | 'duration' | 'date' | 'ordinal' | 'multiplier' | 'pronoun' | 'approximate' | 'identifier';

export interface NumberMention extends Span {
  text: string;
  kind: NumberKind;
  value?: number;
  /** The measured thing or unit: "ms", "orders", "minutes", "$". */
  unit?: string;
}

export interface Sentence extends Span {
  text: string;
  tokens: Token[];
  clauses: Clause[];
  numbers: NumberMention[];
  /** A subject-less note fragment that cannot be said aloud as written ("Analyzed logs.", "- Found root cause"). */
  fragment: boolean;
  /** The sentence is a bullet or numbered list item. */
  listItem: boolean;
}
