import { amazonPrinciples } from '../principles/amazon';
import type { PrincipleSet } from '../principles/types';
import type { EngineConfig, Rule, SeveritySetting, ValueSpec } from '../types';
import { type ConfigPath, type ConfigProblem, describe, didYouMean, type Dict, isDict, Problems, quote } from './describe';
import { configKeys, SEVERITY_SETTINGS } from './keys';
import { readLoop } from './loop';
import { readPrincipleSetId, readPrincipleSets } from './principleSets';
import { readProfile } from './profile';
import { readOptionValue, readSetting } from './values';

export interface ReadConfigOptions {
  /** Principle sets defined in lower layers, which this layer may select with `principleSet`. */
  principleSets?: readonly PrincipleSet[];
  /** Keys accepted and ignored, e.g. `$schema` in a JSON file. */
  ignoredKeys?: readonly string[];
}

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);

/**
 * Validates user-supplied settings (front matter, editor settings, `.star-stories.json`). Bad
 * values are reported and dropped one by one, so one typo never disables the rest of the
 * configuration. The value is only data: strings are kept as literal phrases, never compiled,
 * and nothing is walked deeper than the configuration's own shape.
 *
 * `rules` are the registered rules (their options are checked against `Rule.options`, and their
 * top-level options are keys), or only their names.
 */
export function readConfig(
  value: unknown,
  source: string,
  rules: readonly Rule[] | ReadonlySet<string>,
  options: ReadConfigOptions = {},
): { config: Partial<EngineConfig>; problems: ConfigProblem[] } {
  const out = new Problems(source);
  const config: Dict = {};
  if (value === undefined || value === null) return { config, problems: [] };
  if (!isDict(value)) {
    out.add([], `must be ${source.startsWith('Front matter') ? 'a mapping' : 'an object'} of settings, not ${describe(value)}.`);
    return { config, problems: out.list() };
  }
  const keys = configKeys(rules);
  const ruleIndex = new Map<string, Rule | undefined>(
    rules instanceof Set ? [...rules].map((name) => [name, undefined]) : (rules as readonly Rule[]).map((r) => [r.name, r]),
  );
  const ignored = new Set(options.ignoredKeys ?? []);
  // In the order written, so problems read top to bottom.
  for (const key of Object.keys(value)) {
    const spec = keys.get(key);
    if (ignored.has(key)) continue;
    if (!spec) out.add([key], `unknown setting ${quote(key)}${didYouMean(key, [...keys.keys()])}; it is ignored.`, true);
    // principleSet and profile are read after the loop: they may name a set defined further down in this layer.
    if (!spec || spec.type === 'principleSet' || spec.type === 'profile') continue;
    const read =
      spec.type === 'rules'
        ? readRules(value[key], ruleIndex, out)
        : spec.type === 'principleSets'
          ? readPrincipleSets(value[key], out)
          : spec.type === 'loop'
            ? readLoop(value[key], out)
            : readSetting(value[key], spec as ValueSpec, [key], out);
    if (read !== undefined) config[key] = read;
  }
  const sets = [amazonPrinciples, ...(options.principleSets ?? []), ...((config.principleSets as PrincipleSet[] | undefined) ?? [])];
  if (Object.hasOwn(value, 'principleSet')) {
    const id = readPrincipleSetId(
      value.principleSet,
      sets.map((s) => s.id),
      out,
    );
    if (id !== undefined) config.principleSet = id;
  }
  if (Object.hasOwn(value, 'profile') && !ignored.has('profile')) {
    const ids = new Set(sets.flatMap((s) => s.principles.map((p) => p.id)));
    // A profile turns on opt-in rules; every other rule is on already (only names known: take any).
    const optIn = [...ruleIndex].filter(([, rule]) => !rule || rule.optIn).map(([name]) => name);
    const profile = readProfile(value.profile, ids, new Set(optIn), out);
    if (profile !== undefined) config.profile = profile;
  }
  return { config, problems: out.list() };
}

function readRules(raw: unknown, ruleIndex: ReadonlyMap<string, Rule | undefined>, out: Problems): EngineConfig['rules'] | undefined {
  if (!isDict(raw)) {
    out.add(['rules'], `"rules" must map rule names to off, hint, info, warning or error, not ${describe(raw)}.`);
    return undefined;
  }
  const rules: EngineConfig['rules'] = {};
  for (const name of Object.keys(raw)) {
    const setting = raw[name];
    const path = ['rules', name];
    if (!ruleIndex.has(name)) {
      out.add(path, `unknown rule ${quote(name)}${didYouMean(name, [...ruleIndex.keys()])}.`, true);
      continue;
    }
    const severity = Array.isArray(setting) ? setting[0] : setting;
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      const hint = typeof severity === 'string' ? didYouMean(severity, SEVERITY_SETTINGS) : '';
      out.add(
        Array.isArray(setting) ? [...path, 0] : path,
        `rule "${name}" must be off, hint, info, warning or error, not ${describe(severity)}${hint}; it is ignored.`,
      );
      continue;
    }
    if (!Array.isArray(setting) || setting.length === 1) {
      rules[name] = severity as SeveritySetting;
      continue;
    }
    if (setting.length > 2) out.add([...path, 2], `rule "${name}" takes [severity, { options }]; the extra entries are ignored.`);
    const options = readRuleOptions(name, setting[1], ruleIndex.get(name), [...path, 1], out);
    rules[name] = options && Object.keys(options).length > 0 ? [severity as SeveritySetting, options] : (severity as SeveritySetting);
  }
  return rules;
}

/** Options are checked against the rule's `options`: known keys, values that fit their schema. */
function readRuleOptions(name: string, raw: unknown, rule: Rule | undefined, path: ConfigPath, out: Problems): Dict | undefined {
  if (!isDict(raw)) {
    out.add(path, `the options of rule "${name}" must be an object, not ${describe(raw)}; they are ignored.`);
    return undefined;
  }
  // Only the rule's name is known (a caller without the registry): keep the mapping as given.
  if (!rule) return raw;
  const specs = rule.options ?? {};
  const known = Object.keys(specs);
  const options: Dict = {};
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(specs, key)) {
      const hint =
        known.length === 0
          ? ` (rule "${name}" has no options)`
          : `${didYouMean(key, known)}; its options are ${known.map(quote).join(', ')}`;
      out.add([...path, key], `unknown option ${quote(key)} of rule "${name}"${hint}.`, true);
      continue;
    }
    const value = readOptionValue(raw[key], specs[key], name, [...path, key], out);
    if (value !== undefined) options[key] = value;
  }
  return options;
}
