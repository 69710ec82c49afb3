/** The engine's public surface: shared by the language server, the CLI and the tests. */
export {
  Linter,
  FRONT_MATTER,
  FILE_TOO_LARGE,
  RULE_SKIPPED,
  MAX_DOCUMENT_LENGTH,
  MAX_STORIES,
  type LintResult,
  type LinterOptions,
} from './lint';
export { applyFixes, fixAll } from './fix';
export { rules, ruleNames, ruleDocPath } from './rules';
export { amazonPrinciples } from './principles/amazon';
export { resolvePrinciple } from './principles/match';
export type { Principle, PrincipleSet, Beat } from './principles/types';
export { countWords, storyWords, speakingSeconds, formatSeconds, rel, lineIndex } from './text';
export { findFrontMatter } from './parse';
export { eolOf } from './rules/common/util';
export { readConfig, mergeConfig, resolvePrincipleSet, DEFAULT_CONFIG, configKeys, CONFIG_LIMITS, type ConfigProblem } from './config';
export { parseConfigFile, CONFIG_FILE_NAME, type ConfigFileProblem, type ConfigFileResult } from './configFile';
export { lintWithActiveSet, LinterPool } from './activeSet';
export * from './types';
