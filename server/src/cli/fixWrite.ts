/**
 * Writing `--fix` results back. The file is rewritten in place, as editors save: through a
 * symbolic link to its target (the link stays a link), keeping its mode, owner, hard links and
 * any extended attributes, because the file itself is never replaced. Before writing, the open
 * file is read again and must hold exactly the bytes that were linted, so a save made meanwhile
 * (by an editor) is never overwritten. No temporary file is ever created.
 */
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';

export type FixOutcome = { written: true } | { written: false; message: string; /** the run exits 2 */ fatal: boolean };

export interface LintedFile {
  bytes: Buffer;
  stat: Stats;
}

export function writeFixed(path: string, linted: LintedFile, bytes: Buffer): FixOutcome {
  let fd: number | undefined;
  try {
    const readOnly = readOnlyReason(path);
    if (readOnly)
      return { written: false, fatal: true, message: `${path} is ${readOnly}; not fixed. Make it writable to apply the fixes.` };
    fd = openSync(path, constants.O_RDWR | (constants.O_NONBLOCK ?? 0));
    const now = fstatSync(fd);
    if (!now.isFile() || now.dev !== linted.stat.dev || now.ino !== linted.stat.ino || !readFileSync(fd).equals(linted.bytes)) {
      return { written: false, fatal: false, message: `${path} changed while it was being fixed; not fixed.` };
    }
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
    return { written: true };
  } catch (e) {
    return { written: false, fatal: true, message: `cannot write ${path}: ${(e as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Why the user may not write the file, if so. A file without any write permission (0444) is
 * read-only on purpose and is refused even for root, who could write it anyway.
 */
function readOnlyReason(path: string): string | undefined {
  const mode = statSync(path).mode;
  if ((mode & 0o222) === 0) return `read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')})`;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'read-only for you';
  }
  return undefined;
}

function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, done);
}
