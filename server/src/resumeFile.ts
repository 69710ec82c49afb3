/**
 * Reading the résumé or promotion packet named by the `resume` setting, for the CLI and the
 * server alike: the path resolved against the folder of the config that names it, the file read
 * only if it is a regular file of sane size, and every failure one line the user can act on.
 */
import { isAbsolute, resolve } from 'node:path';
import { decodeStory, NotRegularFileError, readRegularFile, readRegularFileSync } from './storyFile';

/** A résumé is a page or two; a larger file is not one, and is never loaded. */
export const MAX_RESUME_BYTES = 1_000_000;

export type ResumeRead = { path: string; text: string } | { path: string; error: string };

/** The résumé's path: as written when absolute, else against `folder` (the config file's folder, or the workspace folder). */
export function resumePath(setting: unknown, folder: string): string | undefined {
  if (typeof setting !== 'string' || setting.trim() === '') return undefined;
  return isAbsolute(setting) ? setting : resolve(folder, setting);
}

export function readResumeSync(path: string): ResumeRead {
  try {
    return checked(path, readRegularFileSync(path).bytes);
  } catch (err) {
    return { path, error: problem(path, err) };
  }
}

export async function readResume(path: string): Promise<ResumeRead> {
  try {
    return checked(path, await readRegularFile(path));
  } catch (err) {
    return { path, error: problem(path, err) };
  }
}

function checked(path: string, bytes: Buffer): ResumeRead {
  if (bytes.length > MAX_RESUME_BYTES)
    return {
      path,
      error: `the résumé ${path} (setting "resume") has ${bytes.length.toLocaleString('en-US')} bytes, more than a résumé can have; it is ignored.`,
    };
  return { path, text: decodeStory(bytes).text };
}

function problem(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    err instanceof NotRegularFileError ? err.message : code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : (err as Error).message;
  return `cannot read the résumé ${path} (setting "resume"): ${why}; inconsistent-facts compares stories with each other only.`;
}
