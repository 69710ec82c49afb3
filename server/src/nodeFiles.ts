/**
 * The workspace's files read from disk, for the Node server (see workspaceFiles.ts for the browser's way).
 */
import { promises as fs, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeStory, readRegularFile, readRegularFileSync, specialKind } from './storyFile';
import { ALWAYS_SKIPPED, STORY_FILE, type FileStat, type WorkspaceFiles } from './workspaceFiles';

export const nodeFiles: WorkspaceFiles = {
  reads: (uri) => uri.startsWith('file:'),

  async listStoryFiles(folderUri, skip) {
    let root: string;
    try {
      root = fileURLToPath(folderUri);
    } catch {
      return [];
    }
    const files: string[] = [];
    await walk(root, '', skip, files);
    return files.map((file) => pathToFileURL(file).href);
  },

  // Never a FIFO, socket or device: opening one would hold a thread of the file pool for good.
  readText: async (uri) => decodeStory(await readRegularFile(fileURLToPath(uri))).text,

  // The bank's scan reads here, synchronously: a thousand files through the promise API cost a
  // third of a warm start (1.2× to 1.5× slower, bench/run.ts `bank.warm`). It cannot hang on a
  // FIFO (stat first, then a non-blocking open), and the scan yields every slice for requests.
  async readTextWithStat(uri) {
    const { bytes, stat } = readRegularFileSync(fileURLToPath(uri));
    return { text: decodeStory(bytes).text, size: stat.size, mtimeMs: stat.mtimeMs };
  },

  // Synchronous for the same reason as readTextWithStat: the warm start checks every story file this way.
  async sizeAndTime(uri) {
    try {
      const stat = statSync(fileURLToPath(uri));
      return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  },

  async stat(uri): Promise<FileStat | undefined> {
    try {
      const stat = await fs.stat(fileURLToPath(uri));
      return { size: stat.size, special: specialKind(stat) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw err;
    }
  },
};

async function walk(dir: string, relative: string, skip: ((path: string) => boolean) | undefined, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (skip?.(rel)) continue;
    // Symbolic links are not followed: a link back up the tree would never end.
    if (entry.isDirectory()) await walk(join(dir, entry.name), rel, skip, into);
    else if (entry.isFile() && STORY_FILE.test(entry.name)) into.push(join(dir, entry.name));
  }
}

/**
 * One key per file, whatever spelled its URI: VS Code writes `file:///c%3A/…` where Node writes
 * `file:///C:/…`, and the bank must not count the same file twice. Only the Node server needs
 * it: it mixes the client's URIs with its own, where a browser server has the client's only.
 */
export function nodeFileUriKey(uri: string): string {
  try {
    const href = pathToFileURL(fileURLToPath(uri)).href;
    return process.platform === 'win32' ? href.replace(/^file:\/\/\/([A-Z]):/, (_, d: string) => `file:///${d.toLowerCase()}:`) : href;
  } catch {
    return uri;
  }
}
