/**
 * Command, view and context-key names of the story-bank UI. package.json must use the same
 * strings; a unit test checks that every one is contributed.
 */
export const BankCommands = {
  newStory: 'starStories.newStory',
  newStoryForPrinciple: 'starStories.newStoryForPrinciple',
  showCoverageReport: 'starStories.showCoverageReport',
  practice: 'starStories.practice',
  stopPractice: 'starStories.stopPractice',
  /** The full question of the running practice, from its status bar item. */
  showPracticeQuestion: 'starStories.showPracticeQuestion',
  showOnlyGaps: 'starStories.showOnlyGaps',
  showAllPrinciples: 'starStories.showAllPrinciples',
  refreshBank: 'starStories.refreshBank',
  /** Internal: opens a story at its heading (tree and list rows). */
  openStory: 'starStories.openStory',
  /** Internal: the speaking-time status bar item selects its story in the Stories view. */
  revealStory: 'starStories.revealStory',
} as const;

export const LoopCommands = {
  planMyLoop: 'starStories.planMyLoop',
  exportLoopSheet: 'starStories.exportLoopSheet',
  /** Optional argument: a story (Stories view row) or its id; without one, the user picks. */
  drillFollowUps: 'starStories.drillFollowUps',
} as const;

export const BankViews = {
  container: 'starStories',
  coverage: 'starStories.coverage',
  stories: 'starStories.stories',
} as const;

export const BankContextKeys = {
  /** `loading`, `unavailable`, `empty` or `ready` (BankState): picks the welcome content. */
  state: 'starStories.bankState',
  onlyGaps: 'starStories.onlyGaps',
  practicing: 'starStories.practicing',
} as const;

/** The command a story row runs: open the file with the heading at the top. */
export function openStoryCommand(story: { uri: string; line: number; title: string }): {
  command: string;
  title: string;
  arguments: [string, number];
} {
  return { command: BankCommands.openStory, title: `Open ${story.title}`, arguments: [story.uri, story.line] };
}
