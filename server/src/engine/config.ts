import { load as loadYaml } from 'js-yaml';
import type { EngineConfig, SeveritySetting, Span } from './types';

export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  targetSeconds: 180,
  wordsPerMinute: 150,
  maxPrinciplesPerStory: 3,
  acronyms: [],
  weakVerbs: [],
  hedges: [],
  buzzwords: [],
  principleSets: [],
  principleSet: 'amazon',
};

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export interface ConfigProblem {
  message: string;
  /** Where in the source the problem is, when known. */
  span?: Span;
}

/**
 * Validates user-supplied settings (front matter, editor settings). Bad values are reported
 * and dropped one by one, so one typo never disables the rest of the configuration.
 */
export function readConfig(value: unknown, source: string, knownRules: ReadonlySet<string>): { config: Partial<EngineConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Partial<EngineConfig> = {};
  if (value === undefined || value === null) return { config, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ message: `${source} must be a mapping of settings, not ${describe(value)}.` });
    return { config, problems };
  }
  const record = value as Record<string, unknown>;
  for (const key of ['targetSeconds', 'wordsPerMinute'] as const) {
    if (!(key in record)) continue;
    const n = record[key];
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) config[key] = n;
    else problems.push({ message: `${source}: "${key}" must be a positive number, not ${describe(n)}; using the default.` });
  }
  if ('rules' in record) {
    const rules = record.rules;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      problems.push({ message: `${source}: "rules" must map rule names to off, info, warning or error.` });
    } else {
      config.rules = {};
      for (const [name, setting] of Object.entries(rules as Record<string, unknown>)) {
        if (!knownRules.has(name)) {
          problems.push({ message: `${source}: unknown rule "${name}".` });
          continue;
        }
        const severity = Array.isArray(setting) ? setting[0] : setting;
        const options = Array.isArray(setting) ? setting[1] : undefined;
        if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
          problems.push({ message: `${source}: rule "${name}" must be off, info, warning or error, not ${describe(severity)}.` });
          continue;
        }
        if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
          problems.push({ message: `${source}: the options of rule "${name}" must be a mapping.` });
          continue;
        }
        if (options !== undefined && exceedsValues(options, MAX_OPTION_VALUES)) {
          problems.push({ message: `${source}: the options of rule "${name}" hold more than ${MAX_OPTION_VALUES} values; they are ignored.` });
          continue;
        }
        config.rules[name] = options ? [severity as SeveritySetting, options as Record<string, unknown>] : (severity as SeveritySetting);
      }
    }
  }
  return { config, problems };
}

/**
 * Rule options are a few settings. YAML anchors let a few lines of front matter stand for
 * billions of values (shared references: cheap to parse, endless to walk or serialize), so
 * options are counted, stopping as soon as the limit is passed.
 */
const MAX_OPTION_VALUES = 1000;

function exceedsValues(value: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (++count > limit) return true;
    if (next === null || typeof next !== 'object') continue;
    for (const child of Object.values(next as object)) {
      if (count + stack.push(child) > limit) return true;
    }
  }
  return false;
}

export function mergeConfig(...layers: Array<Partial<EngineConfig> | undefined>): EngineConfig {
  const merged: EngineConfig = { ...DEFAULT_CONFIG, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.targetSeconds !== undefined) merged.targetSeconds = layer.targetSeconds;
    if (layer.wordsPerMinute !== undefined) merged.wordsPerMinute = layer.wordsPerMinute;
    if (layer.maxPrinciplesPerStory !== undefined) merged.maxPrinciplesPerStory = layer.maxPrinciplesPerStory;
    if (layer.principleSet !== undefined) merged.principleSet = layer.principleSet;
    if (layer.rules) Object.assign(merged.rules, layer.rules);
    // Lists accumulate across layers: a file adds acronyms to the workspace's, never hides them.
    for (const key of ['acronyms', 'weakVerbs', 'hedges', 'buzzwords'] as const) {
      if (layer[key]) merged[key] = [...new Set([...merged[key], ...layer[key]!])];
    }
    if (layer.principleSets) merged.principleSets = [...merged.principleSets, ...layer.principleSets];
  }
  return merged;
}

export function parseFrontMatterYaml(yaml: string): { value?: unknown; error?: { message: string; offset?: number } } {
  try {
    return { value: loadYaml(yaml) };
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { position?: number } };
    return { error: { message: e.reason ?? e.message ?? String(err), offset: e.mark?.position } };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value === 'object' ? 'a mapping' : String(value);
}
