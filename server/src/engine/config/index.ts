/**
 * Configuration, split by job: `keys` (the engine-wide settings, their defaults and limits, and
 * the keys rules add), `read` (validation of one layer), `values` (plain values), `principleSets`
 * (user principle sets and which one is active), `loop` (the user's interview rounds), `merge` (layering, and a rule's options for a
 * lint), `describe` (problems and their wording), `yaml` (front matter).
 */
export { CONFIG_LIMITS, DEFAULT_CONFIG, ENGINE_KEYS, SEVERITY_SETTINGS, configKeys, type ConfigKeySpec } from './keys';
export type { ConfigPath, ConfigProblem } from './describe';
export { didYouMean } from './describe';
export { readConfig, type ReadConfigOptions } from './read';
export { BEAT_FIELDS, PRINCIPLE_FIELDS, PRINCIPLE_SET_FIELDS, resolvePrincipleSet } from './principleSets';
export { mergeConfig, ruleOptions } from './merge';
export { LOOP_LIMITS, LOOP_ROUND_FIELDS } from './loop';
export { parseFrontMatterYaml } from './yaml';
