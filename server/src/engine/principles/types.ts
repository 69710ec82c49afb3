/**
 * A principle set is data, never code, so a workspace config can add or replace one
 * (another company's values) without running anything from the workspace.
 */

/** Evidence an interviewer looks for before writing "inclined" on a principle. */
export interface Beat {
  /** Stable kebab-case id, unique within its principle, e.g. `commit`. */
  id: string;
  /** Short label shown in hovers and findings, e.g. "the commit after the decision". */
  label: string;
  /**
   * Phrases whose presence in the story counts as evidence of the beat.
   * Matched case-insensitively on word boundaries; a trailing `*` matches any word ending
   * (`measur*` matches "measured", "measurement").
   */
  cues: string[];
  /** One or two sentences telling the candidate what to add when the beat is missing. */
  advice: string;
}

export interface Principle {
  /** Stable kebab-case id, e.g. `customer-obsession`. */
  id: string;
  /** Canonical name exactly as users should write it, e.g. "Have Backbone; Disagree and Commit". */
  name: string;
  /** Other spellings and abbreviations users type (CO, "Backbone", "Bias to action"); matched case-insensitively. */
  aliases: string[];
  /** The principle in the project's own words (never Amazon's text). */
  definition: string;
  /** Typical "Tell me about a time…" questions interviewers ask for it. */
  questions: string[];
  /** 1 = probed most often in engineering loops. */
  rank: number;
  beats: Beat[];
}

export interface PrincipleSet {
  id: string;
  name: string;
  principles: Principle[];
}
