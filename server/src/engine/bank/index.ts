/** The story bank: summaries, coverage, near-duplicates and reports across many story files. */
export { Bank, BANK_RULE, BANK_RULES, fileName, type BankFinding, type RelatedStory, type StoryDetail } from './bank';
export { positionOf, type ResumeFile } from './factFindings';
export { buildSnapshot, coverageStatus, compareStories } from './coverage';
export { renderCoverage, renderJson, renderMarkdown, renderText, gapLines, overLimit, location, type CoverageFormat } from './render';
export {
  DuplicateIndex,
  fingerprint,
  compare,
  isNearDuplicate,
  DEFAULT_THRESHOLD,
  MIN_SHINGLES,
  type Fingerprint,
  type Similarity,
} from './similarity';
export { summarizeStories, summarizeStory, principleNames, pronounCounts, UNTITLED } from './summary';
export { newStoryTemplate } from './template';
