/**
 * Reading the résumé or promotion packet named by the `resume` setting, for the CLI (the server
 * reads it through its file access, `readResumeAt` in workspaceFiles.ts): the path resolved
 * against the folder of the config that names it, the file read only if it is a regular file of
 * sane size, and every failure one line the user can act on.
 */
import { isAbsolute, resolve } from 'node:path';
import { decodeStory, readRegularFileSync } from './storyFile';
import { MAX_RESUME_BYTES, resumeProblem, resumeTooLarge, type ResumeRead } from './workspaceFiles';

export { MAX_RESUME_BYTES, type ResumeRead } from './workspaceFiles';

/** The résumé's path: as written when absolute, else against `folder` (the config file's folder, or the workspace folder). */
export function resumePath(setting: unknown, folder: string): string | undefined {
  if (typeof setting !== 'string' || setting.trim() === '') return undefined;
  return isAbsolute(setting) ? setting : resolve(folder, setting);
}

export function readResumeSync(path: string): ResumeRead {
  try {
    return checked(path, readRegularFileSync(path).bytes);
  } catch (err) {
    return { path, error: resumeProblem(path, err) };
  }
}

function checked(path: string, bytes: Buffer): ResumeRead {
  if (bytes.length > MAX_RESUME_BYTES) return resumeTooLarge(path, bytes.length);
  return { path, text: decodeStory(bytes).text };
}
