/** The command line: one parser for both commands, so they agree on every shared option. */
import { LEVELS, ROLES } from '../engine/profiles';
import type { EngineConfig } from '../engine/types';

export const USAGE = `Usage: star-stories lint [paths or globs...] [options]
       star-stories coverage [paths or globs...] [--format text|json|markdown] [--role R] [--level L]
       star-stories plan [paths or globs...] [--format text|markdown|json] [--role R] [--level L]
       star-stories sheet [paths or globs...] [--format markdown|html]

Lints STAR interview stories (*.star.md). With no path, every *.star.md under the current
folder is linted (node_modules and dot-folders skipped; symbolic links followed).

Options:
  --format stylish|json|sarif
                          Output format (default: stylish); sarif is SARIF 2.1.0
                          for code-scanning services
  --fix                   Apply every safe fix and write the files back
  --max-warnings N        Exit 1 when there are more than N warnings
  --coaching focused|thorough
                          focused (default): advice is a hint, left out of stylish
                          output; thorough: advice is shown as info
  --role sde|em|pm|tpm|ml|other
                          The role you interview for: orders the coverage,
                          sets must-haves and turns on that role's checks
  --level L4|L5|L6|L7|L8  The level you interview for; from L6 each story
                          needs influence past your own team (scope)
  --config PATH           Use this config file for every file (default: the
                          .star-stories.json nearest above each file, up to the
                          repository root or your home folder)
  --                      Every argument after it is a path
  -h, --help              Show this help
  -v, --version           Show the version

coverage prints each principle of the story bank with its stories, its gaps, the stories over
the principle limit and what the loop needs from the bank for your role and level; --format json
gives the editor's bank snapshot. --role and --level override the configuration's.

plan gives every principle of every round of your loop (\`loop\` in .star-stories.json, else
your role's five-round loop) a story of its own, never one story twice, and lists what no story
covers. sheet prints the plan as a one-page loop sheet: each story's hook, key numbers, rating
and the follow-up questions to prepare.

Exit code: 0 clean, 1 errors found (or too many warnings), 2 bad usage or unreadable input.`;

export type Command = 'lint' | 'coverage' | 'plan' | 'sheet';

export interface Options {
  command: Command;
  format: string;
  fix: boolean;
  maxWarnings: number;
  config?: string;
  /** Overrides the configured coaching level for every file. */
  coaching?: 'focused' | 'thorough';
  /** Override the configured role and level (`engine/profiles`). */
  role?: EngineConfig['role'];
  level?: EngineConfig['level'];
  paths: string[];
}

export type Parsed =
  { action: 'run'; options: Options } | { action: 'help'; code: 0 | 2 } | { action: 'version' } | { action: 'error'; message: string };

export const FORMATS: Record<Command, readonly string[]> = {
  lint: ['stylish', 'json', 'sarif'],
  coverage: ['text', 'json', 'markdown'],
  plan: ['text', 'markdown', 'json'],
  sheet: ['markdown', 'html'],
};
const COMMANDS: readonly string[] = Object.keys(FORMATS);
const TAKES_VALUE = new Set(['--format', '-f', '--max-warnings', '--config', '-c', '--coaching', '--role', '--level']);
const LINT_ONLY = new Set(['--fix', '--max-warnings', '--config', '-c', '--coaching']);

export function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command) return { action: 'help', code: 2 };
  if (command === '-h' || command === '--help') return { action: 'help', code: 0 };
  if (command === '-v' || command === '--version') return { action: 'version' };
  if (!COMMANDS.includes(command)) return { action: 'error', message: `unknown command "${command}".` };
  return parseCommand(command as Command, rest);
}

function parseCommand(command: Command, args: readonly string[]): Parsed {
  const options: Options = { command, format: FORMATS[command][0], fix: false, maxWarnings: Infinity, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      // A loop, not push(...): a shell glob can pass more arguments than a call can spread.
      for (const path of args.slice(i + 1)) options.paths.push(path);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '-h' || flag === '--help') return { action: 'help', code: 0 };
    if (command !== 'lint' && LINT_ONLY.has(flag)) return { action: 'error', message: `${flag} is an option of lint, not of ${command}.` };
    if (!TAKES_VALUE.has(flag) && eq > 0) return { action: 'error', message: `${flag} takes no value.` };
    const value = TAKES_VALUE.has(flag) ? (eq > 0 ? arg.slice(eq + 1) : args[++i]) : undefined;
    const problem = apply(options, flag, value);
    if (problem) return { action: 'error', message: problem };
  }
  return { action: 'run', options };
}

function apply(options: Options, flag: string, value: string | undefined): string | undefined {
  switch (flag) {
    case '--format':
    case '-f': {
      const formats = FORMATS[options.command];
      if (value === undefined || !formats.includes(value))
        return `unknown format "${value ?? ''}" (use ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}).`;
      options.format = value;
      return undefined;
    }
    case '--fix':
      options.fix = true;
      return undefined;
    case '--max-warnings': {
      const n = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < 0)
        return '--max-warnings needs a whole number of 0 or more.';
      options.maxWarnings = n;
      return undefined;
    }
    case '--coaching':
      if (value !== 'focused' && value !== 'thorough') return '--coaching takes focused or thorough.';
      options.coaching = value;
      return undefined;
    case '--role':
      if (!(ROLES as readonly string[]).includes(value ?? ''))
        return `--role takes ${ROLES.slice(0, -1).join(', ')} or ${ROLES[ROLES.length - 1]}.`;
      options.role = value as EngineConfig['role'];
      return undefined;
    case '--level':
      if (!(LEVELS as readonly string[]).includes(value ?? ''))
        return `--level takes ${LEVELS.slice(0, -1).join(', ')} or ${LEVELS[LEVELS.length - 1]}.`;
      options.level = value as EngineConfig['level'];
      return undefined;
    case '--config':
    case '-c':
      if (!value) return '--config needs the path of a config file.';
      options.config = value;
      return undefined;
    default:
      return `unknown option "${flag}".`;
  }
}

/** The settings the command-line flags set, laid over every configuration layer below front matter. */
export function flagSettings(options: Options): Partial<EngineConfig> {
  return {
    ...(options.coaching ? { coaching: options.coaching } : {}),
    ...(options.role ? { role: options.role } : {}),
    ...(options.level ? { level: options.level } : {}),
  };
}
