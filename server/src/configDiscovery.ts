/**
 * Finding and reading `.star-stories.json` on disk, for the CLI (nearest file above each
 * linted file) and the server (one per workspace folder).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { configReadFailure, configStatProblem, type ReadResult } from './workspaceFiles';
import { CONFIG_FILE_NAME, parseConfigFile, type ConfigFileProblem, type ConfigFileResult } from './engine/configFile';
import { rules } from './engine/rules';
import type { Finding } from './engine/types';

export type { ReadResult } from './workspaceFiles';

export function readConfigFile(path: string): ReadResult {
  try {
    const stat = statSync(path);
    const problem = configStatProblem({ size: stat.size, special: stat.isFile() ? undefined : 'not a file' });
    return problem ? { error: problem } : { text: readFileSync(path, 'utf8') };
  } catch (err) {
    return configReadFailure(err);
  }
}

/** Reads and parses one config file; an unreadable file is one problem, and defaults. */
export function loadConfigFile(read: Exclude<ReadResult, undefined>): ConfigFileResult & { text: string } {
  if ('error' in read) {
    const problem: ConfigFileProblem = {
      message: `${read.error} STAR Stories uses its defaults.`,
      span: { start: 0, end: 0 },
      severity: 'error',
    };
    return { config: {}, problems: [problem], text: '' };
  }
  return { ...parseConfigFile(read.text, rules), text: read.text };
}

export interface FoundConfig extends ConfigFileResult {
  path: string;
  text: string;
}

/** Where the CLI's climb stops, and whose files it trusts. */
export interface LookupLimits {
  /** The user's home folder: its config file is read, none above it. */
  home?: string;
  /** The user's id: a config file, and its folder, must belong to this user (`undefined`: not checked, as on Windows). */
  uid?: number;
}

function defaultLimits(): LookupLimits {
  let home: string | undefined;
  try {
    home = homedir();
  } catch {
    home = undefined;
  }
  return { home: home ? resolve(home) : undefined, uid: process.getuid?.() };
}

/**
 * For the CLI: the `.star-stories.json` nearest above each file (the first found walking up
 * the folders), each file read and parsed once. The climb stops at the repository root (a
 * folder holding `.git`) or the home folder, and skips, with a notice, a config file that the
 * user or whose folder the user does not own: whoever can write `/tmp/.star-stories.json`
 * must not be able to switch rules off for someone else's stories.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, FoundConfig | undefined>();
  private readonly byPath = new Map<string, FoundConfig>();
  /** Config files skipped, and why, for the CLI to print. */
  readonly notices: string[] = [];

  constructor(
    private readonly readFile: (path: string) => ReadResult = readConfigFile,
    private readonly limits: LookupLimits = defaultLimits(),
  ) {}

  /** Uses one given file for every linted file (`--config`); a string is the reason it cannot (bad usage). */
  static fixed(path: string, readFile: (path: string) => ReadResult = readConfigFile): ConfigFinder | string {
    const full = resolve(path);
    if (isDirectory(full)) return `--config: ${path} is a folder, not a config file.`;
    const read = readFile(full);
    if (read === undefined) return `no such config file: ${path}`;
    if ('error' in read) return `--config: ${read.error}`;
    const finder = new ConfigFinder(readFile);
    const found = { ...loadConfigFile(read), path: full };
    finder.byPath.set(found.path, found);
    finder.forFile = () => found;
    return finder;
  }

  forFile(file: string): FoundConfig | undefined {
    return this.inFolder(dirname(resolve(file)));
  }

  /** Every config file used so far, in the order first used. */
  used(): FoundConfig[] {
    return [...this.byPath.values()];
  }

  private inFolder(folder: string): FoundConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const path = join(folder, CONFIG_FILE_NAME);
    const read = this.trusted(folder, path) ? this.readFile(path) : undefined;
    let found: FoundConfig | undefined;
    if (read !== undefined) {
      found = { ...loadConfigFile(read), path };
      this.byPath.set(path, found);
    } else {
      const parent = dirname(folder);
      found = parent === folder || this.isTop(folder) ? undefined : this.inFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  /** The repository root or the home folder: no config above it applies. */
  private isTop(folder: string): boolean {
    return folder === this.limits.home || existsSync(join(folder, '.git'));
  }

  /** Whether a config file there may be read: it and its folder belong to the user. An absent file is trusted (nothing to read). */
  private trusted(folder: string, path: string): boolean {
    if (this.limits.uid === undefined) return true;
    let owners: number[];
    try {
      owners = [statSync(path).uid, statSync(folder).uid];
    } catch {
      return true;
    }
    const stranger = owners.find((uid) => uid !== this.limits.uid);
    if (stranger === undefined) return true;
    const whose = owners[0] === stranger ? 'it belongs' : 'its folder belongs';
    this.notices.push(`ignoring ${path}: ${whose} to user ${stranger}, not to you (user ${this.limits.uid}).`);
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The problems of the config files used, as findings of each config file (rule `config`). */
export function configFindings(finder: ConfigFinder): Array<{ path: string; text: string; findings: Finding[] }> {
  return finder
    .used()
    .filter((c) => c.problems.length > 0)
    .map((c) => ({
      path: c.path,
      text: c.text,
      findings: c.problems.map((p) => ({
        rule: 'config',
        messageId: 'invalid',
        message: p.message,
        severity: p.severity,
        start: p.span.start,
        end: p.span.end,
      })),
    }));
}
