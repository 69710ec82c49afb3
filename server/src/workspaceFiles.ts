/**
 * The language server's only way to the workspace's files, so that it also runs where there is
 * no disk: the Node server reads them itself (nodeFiles.ts), the browser server asks the client
 * (clientFiles.ts). Nothing here may import a Node module: the browser bundle includes it.
 */
import { CONFIG_FILE_NAME, MAX_CONFIG_FILE_LENGTH } from './engine/configFile';
import { withThousands } from './engine/text';

/** A story file's name. */
export const STORY_FILE = /\.star\.md$/i;
/** Folders never read for stories, whatever `files.exclude` says. */
export const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface FileStat {
  size: number;
  /** What the entry is when it is not a regular file ("a folder", "a FIFO"…); `undefined` for a regular file. */
  special?: string;
}

export interface WorkspaceFiles {
  /** Whether URIs like this one can be read at all (the Node server reads `file:` URIs only). */
  reads(uri: string): boolean;
  /**
   * Every `*.star.md` file under a folder, sorted, skipping `node_modules` and `.git`. `skip`
   * (folder-relative paths, `files.exclude`) may prune what is listed; callers filter anyway.
   */
  listStoryFiles(folderUri: string, skip?: (relativePath: string) => boolean): Promise<string[]>;
  /** A regular file's text as an editor shows it (UTF-8, no byte order mark); rejects with NotRegularFileError for anything else. */
  readText(uri: string): Promise<string>;
  /**
   * The same, with the size and modification time it was read at (what a start cache needs to
   * trust a record). Only where files have a trustworthy time: the Node server.
   */
  readTextWithStat?(uri: string): Promise<{ text: string; size: number; mtimeMs: number }>;
  /** What is at the URI; `undefined` when nothing is. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** A file's size and modification time as `readTextWithStat` gives them, without reading it; where that exists. */
  sizeAndTime?(uri: string): Promise<{ size: number; mtimeMs: number } | undefined>;
}

export class NotRegularFileError extends Error {
  constructor(readonly kind: string) {
    super(`${kind}, not a regular file`);
  }
}

/** A URI as the user knows it, for messages: the path of a `file:` URI, any other URI as it is. */
export function shownPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    const path = decodeURIComponent(new URL(uri).pathname);
    return /^\/[A-Za-z]:\//.test(path) ? path.slice(1).replace(/\//g, '\\') : path;
  } catch {
    return uri;
  }
}

/**
 * A path from a setting (`resume`), as written when absolute, else against a folder: the URI
 * counterpart of `path.resolve(folder, setting)`, for any URI scheme.
 */
export function resolveInFolder(folderUri: string, setting: string): string | undefined {
  let path = setting.replace(/\\/g, '/');
  // A Windows path (`C:/…`) is absolute; as a URL it would read as the scheme `c:`.
  if (/^[A-Za-z]:\//.test(path)) path = `/${path}`;
  // Only the characters a URL reads as something else are escaped; the rest is escaped by URL itself.
  const escaped = path.replace(/[%#?]/g, (c) => encodeURIComponent(c));
  try {
    return new URL(escaped, folderUri.endsWith('/') ? folderUri : `${folderUri}/`).href;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The two single files the server reads besides stories, read through the interface. Their
// messages are shared with the CLI's synchronous readers (configDiscovery.ts, resumeFile.ts).
// ---------------------------------------------------------------------------------------------

/** A config file's text; `undefined` when there is no such file; `error` when it exists but cannot be read. */
export type ReadResult = { text: string } | { error: string } | undefined;

/** Why a config file of this size and kind is not read, if it is not. */
export function configStatProblem(stat: FileStat): string | undefined {
  if (stat.special) return `${CONFIG_FILE_NAME} is not a file.`;
  // A UTF-16 code unit takes at most 3 bytes of UTF-8: a larger file cannot be within the limit, and is never loaded.
  if (stat.size > MAX_CONFIG_FILE_LENGTH * 3)
    return `${CONFIG_FILE_NAME} has ${withThousands(stat.size)} bytes, far more than a configuration can have; it is ignored.`;
  return undefined;
}

/** A failed read: no file (`undefined`) or one that cannot be read. */
export function configReadFailure(err: unknown): ReadResult {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  return { error: `${CONFIG_FILE_NAME} cannot be read (${(err as Error).message}).` };
}

export async function readConfigAt(files: WorkspaceFiles, uri: string): Promise<ReadResult> {
  try {
    const stat = await files.stat(uri);
    if (!stat) return undefined;
    const problem = configStatProblem(stat);
    return problem ? { error: problem } : { text: await files.readText(uri) };
  } catch (err) {
    return configReadFailure(err);
  }
}

/** A résumé is a page or two; a larger file is not one, and is never loaded. */
export const MAX_RESUME_BYTES = 1_000_000;

export type ResumeRead = { path: string; text: string } | { path: string; error: string };

export function resumeTooLarge(path: string, bytes: number): ResumeRead {
  return {
    path,
    error: `the résumé ${path} (setting "resume") has ${withThousands(bytes)} bytes, more than a résumé can have; it is ignored.`,
  };
}

export function resumeProblem(path: string, err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const why =
    err instanceof NotRegularFileError ? err.message : code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : (err as Error).message;
  return `cannot read the résumé ${path} (setting "resume"): ${why}; inconsistent-facts compares stories with each other only.`;
}

/** The résumé at a URI; `path` is the URI as shown to the user. */
export async function readResumeAt(files: WorkspaceFiles, uri: string): Promise<ResumeRead> {
  const path = shownPath(uri);
  try {
    const stat = await files.stat(uri);
    if (!stat) return { path, error: resumeProblem(path, { code: 'ENOENT' }) };
    if (stat.special) throw new NotRegularFileError(stat.special);
    if (stat.size > MAX_RESUME_BYTES) return resumeTooLarge(path, stat.size);
    return { path, text: await files.readText(uri) };
  } catch (err) {
    return { path, error: resumeProblem(path, err) };
  }
}
