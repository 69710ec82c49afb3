/**
 * Which files the CLI reads: the files, folders and globs named on the command line. Folder
 * walks and globs agree: both follow symbolic links (to files and to folders, never around a
 * cycle), skip `node_modules` and dot-folders, and never open what is not a regular file. A
 * file reached twice (`f` and `./f`, a link and its target) is linted once.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { specialKind } from '../storyFile';

const STORY_FILE = /\.star\.md$/i;

export interface Discovery {
  /** Files to lint, as first reached, sorted. */
  files: string[];
  /** Arguments that name nothing: bad usage. */
  missing: string[];
  /** Files skipped, and why (FIFOs, sockets, devices, links to nothing). */
  notices: string[];
  /** Folders or files that exist but could not be read. */
  unreadable: string[];
}

export function discover(args: readonly string[]): Discovery {
  const discoverer = new Discoverer();
  for (const arg of args) discoverer.add(arg);
  return discoverer.result();
}

interface Segment {
  globstar: boolean;
  /** A segment without glob characters, which may name a folder that is otherwise skipped (`node_modules`, `.drafts`). */
  literal: boolean;
  test(name: string): boolean;
}

class Discoverer {
  /** Real path → the path it was first reached by. */
  private readonly files = new Map<string, string>();
  /** Real paths of the folders walked: a cycle of links, or a folder named twice, is walked once. */
  private readonly walked = new Set<string>();
  private readonly out: Omit<Discovery, 'files'> = { missing: [], notices: [], unreadable: [] };

  add(arg: string): void {
    if (picomatch.scan(arg).isGlob) {
      if (!this.glob(arg)) this.out.missing.push(arg);
      return;
    }
    let stat: Stats;
    try {
      stat = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') this.out.missing.push(arg);
      else this.out.unreadable.push(`cannot read ${arg}: ${(e as Error).message}`);
      return;
    }
    if (stat.isDirectory()) this.walk(arg);
    else this.file(arg, stat);
  }

  result(): Discovery {
    return { files: [...this.files.values()].sort(), ...this.out };
  }

  private file(path: string, stat: Stats): void {
    const kind = specialKind(stat);
    if (kind) {
      this.out.notices.push(`skipping ${path}: it is ${kind}, not a regular file.`);
      return;
    }
    const real = realPath(path);
    if (!this.files.has(real)) this.files.set(real, path);
  }

  private walk(dir: string): void {
    const real = realPath(dir);
    if (this.walked.has(real)) return;
    this.walked.add(real);
    for (const entry of this.list(dir) ?? []) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const isStory = STORY_FILE.test(entry.name);
      if (!entry.isDirectory() && !entry.isSymbolicLink() && !isStory) continue;
      const stat = this.stat(full, isStory);
      if (stat?.isDirectory()) this.walk(full);
      else if (stat && isStory) this.file(full, stat);
    }
  }

  /** Expands a glob; whether it matched anything. */
  private glob(pattern: string): boolean {
    const { base, glob } = picomatch.scan(sep === '\\' ? pattern.split(sep).join('/') : pattern);
    const parts = (picomatch.scan(glob, { parts: true }).parts ?? [glob]).filter((p) => p !== '');
    const segments = parts.map(segment);
    let matched = false;
    const seen = new Set<string>();
    const visit = (dir: string, i: number): void => {
      // The same folder at the same point of the pattern: a cycle of links, or two ways down a `**`.
      const key = `${i}\u0000${realPath(dir)}`;
      if (seen.has(key)) return;
      seen.add(key);
      const seg = segments[i];
      const last = i === segments.length - 1;
      if (seg.globstar && !last) visit(dir, i + 1);
      for (const entry of this.list(dir) ?? []) {
        if (!seg.literal && (entry.name === 'node_modules' || (seg.globstar && entry.name.startsWith('.')))) continue;
        if (!seg.globstar && !seg.test(entry.name)) continue;
        const full = join(dir, entry.name);
        const stat = this.stat(full, true);
        if (stat?.isDirectory()) {
          if (seg.globstar) visit(full, i);
          else if (!last) visit(full, i + 1);
        } else if (stat && last) {
          matched = true;
          this.file(full, stat);
        }
      }
    };
    if (segments.length > 0) visit(base || '.', 0);
    return matched;
  }

  private list(dir: string): Dirent[] | undefined {
    try {
      return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      // A glob's base folder that does not exist is a glob that matches nothing, reported as such.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.out.unreadable.push(`cannot read folder ${dir}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** The entry's stat through any link; a link to nothing is skipped, with a notice when it looks like a story. */
  private stat(path: string, notice: boolean): Stats | undefined {
    try {
      return statSync(path);
    } catch (e) {
      if (notice)
        this.out.notices.push(
          `skipping ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'a link to nothing' : (e as Error).message}.`,
        );
      return undefined;
    }
  }
}

function segment(pattern: string): Segment {
  if (pattern === '**') return { globstar: true, literal: false, test: () => true };
  const literal = !picomatch.scan(pattern).isGlob;
  let matches: (name: string) => boolean;
  try {
    matches = picomatch(pattern, { dot: literal });
  } catch {
    // A pattern picomatch cannot read matches nothing, and is reported like any empty glob.
    return { globstar: false, literal, test: () => false };
  }
  // picomatch compiles `*` to a backtracking regular expression: `*a*a*a*a*a*a*a*a*a*b` against a
  // long name takes minutes. For a segment of only `*`, `?` and plain characters, a linear match
  // decides first, and picomatch only confirms a name that matches (which it does without backtracking).
  if (/^[^[\]{}()!+@\\]*$/.test(pattern)) return { globstar: false, literal, test: (name) => wildcard(pattern, name) && matches(name) };
  return { globstar: false, literal, test: matches };
}

/**
 * `*` (any run) and `?` (any one character) against one name, in O(pattern × name): on a
 * mismatch only the last `*` takes one more character, which is enough because an earlier `*`
 * could never do better.
 */
export function wildcard(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
