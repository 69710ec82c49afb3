import type { EngineConfig, Rule, SeveritySetting, ValueSpec } from '../types';

/** The engine-wide settings' defaults. A rule's options default in the rule (`Rule.options`). */
export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  targetSeconds: 180,
  wordsPerMinute: 150,
  maxPrinciplesPerStory: 3,
  principleSets: [],
  principleSet: 'amazon',
  coaching: 'focused',
  loop: [],
  role: 'sde',
  level: 'L5',
};

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/**
 * Bounds on what configuration may hold. A workspace's config is untrusted input: these keep a
 * hostile or generated file from costing more than a few milliseconds or flooding the editor.
 */
export const CONFIG_LIMITS = {
  /** Entries kept per list (phrases, cues, aliases, principles...). */
  listEntries: 1_000,
  /** Characters per phrase, name, alias, cue or id. */
  phraseLength: 200,
  /** Characters per definition, question or advice. */
  textLength: 2_000,
  /** Principle sets per configuration layer. */
  principleSets: 20,
  /** Problems reported per configuration layer; the rest are summed up in one line. */
  problems: 100,
} as const;

/** A top-level configuration key: a plain value, or one of the five with a shape of their own. */
export type ConfigKeySpec = (ValueSpec | { type: 'rules' | 'principleSets' | 'principleSet' | 'loop' | 'profile' }) & {
  markdownDescription: string;
  /** The rule whose option this key also sets (`RuleOption.topLevel`). */
  rule?: string;
  default?: unknown;
};

/** The engine-wide settings, in the order the settings UI and the schema list them. */
export const ENGINE_KEYS: ReadonlyMap<string, ConfigKeySpec> = new Map<string, ConfigKeySpec>([
  [
    'rules',
    {
      type: 'rules',
      markdownDescription:
        'Severity per rule: `off`, `hint`, `info`, `warning` or `error`; in `.star-stories.json` and front matter also `[severity, { options }]`. A severity set here always wins over `coaching`.',
    },
  ],
  [
    'targetSeconds',
    {
      type: 'number',
      minimum: 30,
      markdownDescription:
        'Longest a story should take to tell, in seconds. `too-long` fires above it. Coaches agree on 90 seconds to 3 minutes.',
    },
  ],
  [
    'wordsPerMinute',
    {
      type: 'number',
      minimum: 60,
      maximum: 300,
      markdownDescription: 'Your speaking pace, used to turn words into speaking time (most people speak about 150 words a minute).',
    },
  ],
  [
    'maxPrinciplesPerStory',
    {
      type: 'number',
      integer: true,
      minimum: 1,
      markdownDescription:
        'Most principles one story should claim on its `Principles:` line; `too-many-principles` fires above it. Interviewers trust two or three.',
    },
  ],
  [
    'principleSets',
    {
      type: 'principleSets',
      markdownDescription:
        "Principle sets of your own (another company's values), with the same fields as the built-in Amazon set: `id`, `name`, and `principles` with `name`, `aliases`, `definition`, `questions`, `rank` and `beats` (`label`, `cues`, `advice`). Select one with `principleSet`.",
    },
  ],
  [
    'principleSet',
    {
      type: 'principleSet',
      markdownDescription:
        'Id of the active principle set: `amazon` (the built-in Leadership Principles) or the `id` of one of your `principleSets`.',
    },
  ],
  [
    'coaching',
    {
      type: 'choice',
      values: ['focused', 'thorough'],
      markdownDescriptions: [
        'The things an interviewer would mark: advice that is not a defect (passive voice, a missing beat, jargon, polish) is a hint, shown without a squiggle.',
        'Everything: the same advice is shown as info, with a squiggle.',
      ],
      markdownDescription:
        'How much coaching to show. `focused` (default) underlines what a Bar Raiser would mark and keeps polish advice as hints (no squiggle; in the Problems panel only when you ask); `thorough` shows that advice as info too.',
    },
  ],
  [
    'resume',
    {
      type: 'string',
      markdownDescription:
        'Path of your résumé or promotion packet (Markdown or plain text), relative to the `.star-stories.json` that names it (in VS Code settings, to the workspace folder). `inconsistent-facts` checks that your stories tell its projects with the same numbers and the same ownership ("led" vs "collaborated on"). Read on your machine only.',
    },
  ],
  [
    'loop',
    {
      type: 'loop',
      markdownDescription:
        'Your interview loop, for `star-stories plan` and Plan My Loop: a list of rounds, each `{ "name": "Bar Raiser", "principles": ["Earn Trust", "have-backbone"] }` with the principles its interviewer was assigned (ids or names). Empty (default): a five-round loop over the ten principles asked about most. A layer that sets it replaces the loop below it.',
    },
  ],
  [
    'role',
    {
      type: 'choice',
      values: ['sde', 'em', 'pm', 'tpm', 'ml', 'other'],
      markdownDescriptions: [
        'Software engineer: Customer Obsession, Ownership, Deliver Results and Dive Deep lead.',
        'Engineering manager: Hire and Develop the Best leads, and people stories are checked (`people-story`).',
        'Product manager: Customer Obsession, Deliver Results and Think Big lead.',
        'Technical program manager: Deliver Results, Ownership and Earn Trust lead.',
        'Machine learning: model metrics must reach the product (`model-metric-result`).',
        'Any other role: the principles in the order they are asked across all loops.',
      ],
      markdownDescription:
        'The role you are interviewing for. It orders the coverage tree, sets the must-have principles and the default loop, and turns on the checks that role is graded on. See [profiles](docs/profiles.md).',
    },
  ],
  [
    'level',
    {
      type: 'choice',
      values: ['L4', 'L5', 'L6', 'L7', 'L8'],
      markdownDescriptions: [
        'Entry level.',
        'Mid level (the default).',
        'Senior: each story needs an escalation marker (`scope`); Think Big and Have Backbone become must-haves.',
        'Principal: as L6.',
        'Senior principal and above: as L6.',
      ],
      markdownDescription:
        'The level you are interviewing for. From `L6` each story must show influence past your own team (`scope`). See [profiles](docs/profiles.md).',
    },
  ],
  [
    'profile',
    {
      type: 'profile',
      markdownDescription:
        "Your own profile, replacing the fields it sets of the role's: `name`, `principles` (ids, most probed first), `mustHave`, `mostProbed`, `rounds` (`{ name, principles }`) and `rules` (opt-in rules to turn on). See [profiles](docs/profiles.md).",
    },
  ],
]);

const keysFor = new WeakMap<object, ReadonlyMap<string, ConfigKeySpec>>();

/**
 * Every top-level key a configuration may hold: the engine-wide settings, then each rule option
 * marked `topLevel` (e.g. `hedges`, kept where users have always written it). The validator, the
 * JSON schema of `.star-stories.json` and the VS Code settings all come from this (`npm run gen`).
 * Given only rule names, the engine-wide settings.
 */
export function configKeys(rules: readonly Rule[] | ReadonlySet<string>): ReadonlyMap<string, ConfigKeySpec> {
  if (rules instanceof Set) return ENGINE_KEYS;
  let keys = keysFor.get(rules);
  if (!keys) {
    const all = new Map(ENGINE_KEYS);
    for (const rule of rules as readonly Rule[]) {
      for (const [name, option] of Object.entries(rule.options ?? {})) {
        if (!option.topLevel) continue;
        if (all.has(name)) throw new Error(`rule ${rule.name}: the top-level option "${name}" is already a setting`);
        all.set(name, { ...option, rule: rule.name });
      }
    }
    keysFor.set(rules, (keys = all));
  }
  return keys;
}
