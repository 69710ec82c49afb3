/**
 * What the other-editor tests share (test/neovim, test/emacs, test/unit/editorsDoc.test.ts): the
 * setup blocks docs/editors.md gives, the server on PATH as an install puts it there, and a
 * headless editor run to its end.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** The ````language` blocks under docs/editors.md's "## `section`" heading, in order; none when there is no such section. */
export function documentedBlocks(section: string, language: string): string[] {
  const text = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8')
    .split(/^## /m)
    .find((s) => s.startsWith(section));
  return text ? [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]) : [];
}

/**
 * `star-stories-language-server` in `scratch/bin`, a link to the package's bin as `npm link` or
 * `npm install -g` makes it; returns a PATH that finds it first.
 */
export function serverOnPath(scratch: string): string {
  mkdirSync(join(scratch, 'bin'));
  symlinkSync(join(ROOT, 'bin', 'star-stories-language-server.mjs'), join(scratch, 'bin', 'star-stories-language-server'));
  return `${join(scratch, 'bin')}${delimiter}${process.env.PATH}`;
}

/** Runs a headless editor until it exits; fails with what it wrote to standard error unless it exits 0, and returns that. */
export async function runHeadless(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  const editor = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  editor.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((res) => editor.on('exit', res));
  assert.equal(code, 0, `${command} exited with ${code}: ${stderr}`);
  return stderr;
}
