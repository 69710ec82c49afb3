/**
 * Reading story files from disk, for the CLI and the server alike. Two rules hold everywhere:
 * only regular files are ever opened (opening a FIFO blocks until a writer comes, and a device
 * can stream forever), and the text is what an editor shows (a UTF-8 byte order mark removed).
 */
import { closeSync, constants, fstatSync, openSync, promises as fsp, readFileSync, statSync, type Stats } from 'node:fs';

import { NotRegularFileError } from './workspaceFiles';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** O_NONBLOCK: if a FIFO replaced the file between the stat and the open, opening it must not wait for a writer. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface StoryText {
  /** The text an editor shows: the bytes decoded as UTF-8, without a byte order mark. */
  text: string;
  /** Whether the file starts with a UTF-8 byte order mark (written back by `--fix`). */
  bom: boolean;
}

export function decodeStory(bytes: Buffer): StoryText {
  const bom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  return { text: bytes.toString('utf8', bom ? 3 : 0), bom };
}

export function encodeStory(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}

/** What a non-regular file is, for the notice that skips it; `undefined` for a regular file. */
export function specialKind(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

export { NotRegularFileError } from './workspaceFiles';

/** The bytes of a regular file and its stat; throws `NotRegularFileError` for anything else, without opening it. */
export function readRegularFileSync(path: string): { bytes: Buffer; stat: Stats } {
  const kind = specialKind(statSync(path));
  if (kind) throw new NotRegularFileError(kind);
  const fd = openSync(path, READ_FLAGS);
  try {
    const stat = fstatSync(fd);
    const raced = specialKind(stat);
    if (raced) throw new NotRegularFileError(raced);
    return { bytes: readFileSync(fd), stat };
  } finally {
    closeSync(fd);
  }
}

/**
 * The same for the server, which reads on Node's small file thread pool: one read blocked on a
 * FIFO holds a thread for good, and four of them stop every file read of the process.
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  const kind = specialKind(await fsp.stat(path));
  if (kind) throw new NotRegularFileError(kind);
  const handle = await fsp.open(path, READ_FLAGS);
  try {
    const raced = specialKind(await handle.stat());
    if (raced) throw new NotRegularFileError(raced);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
