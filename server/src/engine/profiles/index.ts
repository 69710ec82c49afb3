/**
 * Role and level profiles: what a loop for a role and level weighs (which principles come up
 * most, which a bank must cover, the default rounds) and which checks it turns on. Interviewers
 * grade a manager on people stories and an L6 on influence past the team (docs/interviews.md,
 * "By role and level"); one bank judged the same way for everyone misleads both.
 *
 * The profiles are data, one JSON file per role; a level adds its must-haves and checks on top.
 * A `profile` object in the configuration replaces the fields it sets.
 */
import type { ProfileSummary } from '../bank/types';
import type { PrincipleSet } from '../principles/types';
import type { EngineConfig, ProfileFields } from '../types';
import sde from './sde.json';
import em from './em.json';
import pm from './pm.json';
import tpm from './tpm.json';
import ml from './ml.json';
import other from './other.json';
import levels from './levels.json';

export const ROLES = ['sde', 'em', 'pm', 'tpm', 'ml', 'other'] as const;
export type Role = (typeof ROLES)[number];
export const LEVELS = ['L4', 'L5', 'L6', 'L7', 'L8'] as const;
export type Level = (typeof LEVELS)[number];

export const DEFAULT_ROLE: Role = 'sde';
export const DEFAULT_LEVEL: Level = 'L5';

/** A role's profile, as its JSON file and a configured `profile` object write it (`EngineConfig.profile`). */
export type RoleProfile = ProfileFields;

export interface ResolvedProfile extends RoleProfile {
  role: Role;
  level: Level;
  /** A `profile` object in the configuration changed the role's built-in fields. */
  custom: boolean;
  summary: ProfileSummary;
}

interface LevelProfile {
  name: string;
  mustHave: string[];
  rules: string[];
}

const BUILT_IN: Record<Role, RoleProfile> = { sde, em, pm, tpm, ml, other };
const LEVEL_PROFILES = levels as unknown as Record<Level, LevelProfile>;

/** The fields of a configured `profile` (the JSON schema and the validator both use these). */
export const PROFILE_FIELDS = {
  name: 'Name shown in the coverage report, e.g. "Data engineer".',
  principles: 'Principle ids, most probed first for your role; the coverage tree and report follow this order.',
  mustHave: 'Principle ids the bank must have a story for; the coverage report flags each one without a story.',
  mostProbed: 'The principle ids asked most (usually five); the report asks for two stories each.',
  rounds: 'The loop you expect: a list of `{ "name": "Round 1: Hiring manager", "principles": ["ownership", "deliver-results"] }`.',
  rules: 'Rules your role turns on that are off by default (`scope`, `people-story`, `model-metric-result`).',
} as const;

/** The profile's name for people: "Engineering manager, L6". */
function displayName(role: RoleProfile, level: Level): string {
  return `${role.name}, ${LEVEL_PROFILES[level].name}`;
}

/**
 * The profile the configuration selects: its role (default `sde`) and level (default `L5`), with
 * the fields of a configured `profile` replacing the role's, and the level's must-haves and
 * checks added.
 */
export function resolveProfile(config: Partial<Pick<EngineConfig, 'role' | 'level' | 'profile'>>): ResolvedProfile {
  const role: Role = (ROLES as readonly string[]).includes(config.role ?? '') ? (config.role as Role) : DEFAULT_ROLE;
  const level: Level = (LEVELS as readonly string[]).includes(config.level ?? '') ? (config.level as Level) : DEFAULT_LEVEL;
  const custom = config.profile ?? {};
  const base = { ...BUILT_IN[role], ...definedFields(custom) };
  const byLevel = LEVEL_PROFILES[level];
  const resolved: RoleProfile = {
    name: base.name,
    principles: [...base.principles],
    mustHave: unique([...base.mustHave, ...byLevel.mustHave]),
    mostProbed: [...base.mostProbed],
    rounds: base.rounds.map((r) => ({ name: r.name, principles: [...r.principles] })),
    rules: unique([...base.rules, ...byLevel.rules]),
  };
  const customised = Object.keys(definedFields(custom)).length > 0;
  return {
    ...resolved,
    role,
    level,
    custom: customised,
    summary: { role, level, name: displayName(resolved, level) },
  };
}

function definedFields(profile: Partial<RoleProfile>): Partial<RoleProfile> {
  return Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)) as Partial<RoleProfile>;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * Whether a rule runs: the user's severity wins (`off` silences a rule a profile turns on, any
 * other turns on a rule no profile does); otherwise an opt-in rule runs only when the profile
 * lists it, and any other rule always runs.
 */
export function ruleTurnedOn(config: EngineConfig, rule: { name: string; optIn?: boolean }, profile = resolveProfile(config)): boolean {
  const setting = config.rules[rule.name];
  const severity = Array.isArray(setting) ? setting[0] : setting;
  if (severity !== undefined) return severity !== 'off';
  return !rule.optIn || profile.rules.includes(rule.name);
}

/**
 * Each principle of the set with its rank for the profile: the profile's order first, then the
 * principles it does not list (a custom set's), in the set's own order.
 */
export function profileRanks(profile: Pick<RoleProfile, 'principles'>, set: PrincipleSet): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const id of profile.principles) if (set.principles.some((p) => p.id === id) && !ranks.has(id)) ranks.set(id, ranks.size + 1);
  for (const p of [...set.principles].sort((a, b) => a.rank - b.rank)) if (!ranks.has(p.id)) ranks.set(p.id, ranks.size + 1);
  return ranks;
}

/** The built-in profile of a role, for docs and tests. */
export function builtInProfile(role: Role): RoleProfile {
  return BUILT_IN[role];
}
