import type { EngineConfig, Rule } from '../types';
import { type Dict, isDict } from './describe';
import { DEFAULT_CONFIG } from './keys';

/** Lists that mean one thing as a whole: a file's loop is the user's loop, not rounds added to the workspace's. */
const REPLACED_LISTS: ReadonlySet<string> = new Set(['loop']);

/**
 * Layers configuration, lowest first, by the shape of each value rather than its name: a value
 * replaces the one below; a mapping (`rules`) is merged key by key; a list accumulates, so a
 * file adds acronyms to the workspace's and never hides them (a phrase is kept once). The one
 * exception is REPLACED_LISTS: `loop` replaces the loop below it.
 */
export function mergeConfig(...layers: Array<Partial<EngineConfig> | undefined>): EngineConfig {
  const merged: Dict = { ...DEFAULT_CONFIG, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const below = merged[key];
      if (REPLACED_LISTS.has(key)) merged[key] = value;
      else if (Array.isArray(value)) merged[key] = Array.isArray(below) ? accumulate(below, value) : accumulate([], value);
      else if (isDict(value) && isDict(below)) merged[key] = { ...below, ...value };
      else merged[key] = value;
    }
  }
  return merged as EngineConfig;
}

/** `below` then `added`; a word or number already there is not added again (objects always are). */
function accumulate(below: readonly unknown[], added: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const value of [...below, ...added]) {
    const primitive = typeof value !== 'object' || value === null;
    if (primitive && seen.has(value)) continue;
    if (primitive) seen.add(value);
    out.push(value);
  }
  return out;
}

/**
 * A rule's options for one lint: each option's default, replaced by `rules.<name>[1]`; an option
 * that is also a top-level setting (`RuleOption.topLevel`, e.g. `hedges`) has that setting's
 * list first.
 */
export function ruleOptions(rule: Rule, config: EngineConfig): Dict {
  const setting = config.rules[rule.name];
  const options: Dict = { ...(Array.isArray(setting) ? setting[1] : undefined) };
  for (const [name, spec] of Object.entries(rule.options ?? {})) {
    const value = Object.hasOwn(options, name) ? options[name] : spec.default;
    const top = spec.topLevel ? config[name] : undefined;
    options[name] = Array.isArray(top) && top.length > 0 ? accumulate(top, Array.isArray(value) ? value : []) : value;
  }
  return options;
}
