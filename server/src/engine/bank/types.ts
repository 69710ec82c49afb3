/**
 * What the story bank produces: a summary per story and the coverage of the active principle
 * set. The engine owns these shapes; server/src/protocol.ts re-exports them as the payloads the
 * client reads.
 */
import type { Rating, Readiness } from '../loop/types';

/** A story as the bank sees it (one entry per `# Title` in every indexed `*.star.md`). */
export interface StorySummary {
  /** Stable within one snapshot: `${uri}#${line}`. */
  id: string;
  uri: string;
  title: string;
  /** Zero-based lines of the heading and of the story's last line. */
  line: number;
  endLine: number;
  /** Zero-based UTF-16 column where the title's text starts on its line (after `# `). */
  titleCharacter?: number;
  /** Canonical names of the active set's principles the story names, in its Principles-line order. */
  principles: string[];
  words: number;
  /** Estimated speaking time at the configured words per minute, and the target. */
  seconds: number;
  targetSeconds: number;
  /** Findings of all rules inside the story (bank rules included). */
  problems: number;
  /** First-person singular vs plural counts in Task and Action. */
  iCount: number;
  weCount: number;
  /** Action words ÷ story words, 0..1. */
  actionShare: number;
  /**
   * Only when `targetSeconds` is not what the VS Code setting says: which layer set it, and the
   * setting's value (its default when unset), so the editor can say why its setting has no effect.
   */
  targetOverride?: TargetOverride;
  /** The interviewer's vote this story would get today, and what lowers it. */
  readiness?: Readiness;
  /**
   * Set while the story is still being checked (a large bank's first pass): its problem count,
   * rating and "I"/"we" counts are not in yet.
   */
  pending?: true;
  /** Set when the story is a real failure story: framed for Learn and Be Curious or Earn Trust, with the failure owned. */
  failure?: true;
  /** Set when the story is a real disagreement: framed for Have Backbone, backed by evidence, with something measured at stake. */
  disagreement?: true;
}

export interface TargetOverride {
  from: '.star-stories.json' | 'front matter';
  settingSeconds: number;
}

export type CoverageStatus = 'covered' | 'thin' | 'missing';

export interface PrincipleCoverage {
  id: string;
  name: string;
  /** Interview-frequency rank, 1 = most probed; the tree's order. */
  rank: number;
  definition: string;
  questions: string[];
  /** Ids of the stories that name this principle. */
  stories: string[];
  /** covered: 2+ stories, thin: 1, missing: 0. */
  status: CoverageStatus;
  /** The role's profile needs a story for it (e.g. Hire and Develop the Best for managers). */
  mustHave?: boolean;
}

/** The role and level the bank is prepared for, as the profile resolved them. */
export interface ProfileSummary {
  role: string;
  level: string;
  /** "Engineering manager, L6", for the tree and the report. */
  name: string;
}

/** One thing a loop needs from the bank as a whole (8 to 10 stories, a failure story...). */
export interface CompositionCheck {
  id: string;
  label: string;
  ok: boolean;
  /** What is missing, or what satisfies it, in a sentence. */
  detail: string;
  /** Principle ids a new story would fill (the "New Story for …" action), when there are some. */
  principles?: string[];
}

export interface BankSnapshot {
  principleSet: { id: string; name: string };
  /** Every principle of the active set, in rank order. */
  principles: PrincipleCoverage[];
  stories: StorySummary[];
  maxPrinciplesPerStory: number;
  /** Folders that were indexed (workspace folders), as URIs. */
  folders: string[];
  profile?: ProfileSummary;
  composition?: CompositionCheck[];
  /** The bank against the profile's must-haves: how many have a story rated inclined or better. */
  readiness?: { rating: Rating; mustHavesReady: number; mustHaves: number };
  /**
   * The number of the last snapshot or delta the server sent when this one was made (a language
   * server's, to a client that applies deltas); a delta with this number as its base applies to it.
   */
  seq?: number;
}
