/**
 * What the editor suites (Playwright in code-server, and @vscode/test-electron) expect, taken
 * from the CLI and the snippet file rather than written by hand, plus the story bank they run
 * on. Node only: no Playwright and no `vscode` import, so both suites can use it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Message } from '../../server/src/cli/report';

/** The repository: found by walking up, so this also works when compiled into out/ (test:vscode). */
export const ROOT = (() => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'star-stories') return dir;
  }
  throw new Error(`no star-stories package.json above ${__dirname}`);
})();
const CLI = join(ROOT, 'dist', 'cli.js');

/** A finding as `star-stories lint --format json` prints it. */
export type CliMessage = Message;

/** A finding as the Problems panel shows it (1-based line and column). */
export interface Problem {
  severity: string;
  message: string;
  rule: string;
  line: number;
  column: number;
}

/** What `star-stories lint --format json` reports for a file. */
export function cliLint(file: string, bankFolder?: string, config?: string): CliMessage[] {
  let out: string;
  try {
    // Linted with its folder, a file also gets the findings the bank makes across files (as the editor does).
    const args = [CLI, 'lint', bankFolder ?? file, '--format', 'json', ...(config ? ['--config', config] : [])];
    out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e; // 1 = the file has errors; the JSON is still there
    out = err.stdout;
  }
  const results = JSON.parse(out) as Array<{ filePath: string; messages: CliMessage[] }>;
  if (!bankFolder) return results[0].messages;
  return results.find((r) => resolve(r.filePath) === resolve(file))?.messages ?? [];
}

/** What `star-stories lint --fix` writes for this text (run on a copy in `scratch`). */
export function cliFix(text: string, scratch: string): string {
  const file = join(scratch, 'fix-me.star.md');
  writeFileSync(file, text);
  try {
    execFileSync(process.execPath, [CLI, 'lint', file, '--fix'], { stdio: 'ignore' });
  } catch {
    // exit 1: findings remain after fixing (not every rule has a safe fix)
  }
  return readFileSync(file, 'utf8');
}

/** The CLI's messages as the Problems panel lists them: hints are shown in the editor only (dots, no squiggle), never in the panel. */
export const asProblems = (messages: CliMessage[]): Problem[] =>
  messages
    .filter((m) => m.severity !== 'hint')
    .map((m) => ({ severity: m.severity, message: m.message, rule: m.ruleId, line: m.line, column: m.column }))
    .sort((a, b) => a.line - b.line || a.column - b.column);

/** The contributed snippet with the prefix `star`. */
export function starSnippet(): { prefix: string; body: string[]; name: string } {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'star-markdown.json'), 'utf8')) as Record<
    string,
    { prefix: string; body: string[] }
  >;
  const [name, snippet] = Object.entries(snippets).find(([, s]) => s.prefix === 'star')!;
  return { ...snippet, name };
}

/**
 * The text a snippet inserts when every placeholder keeps its default (choices: the first
 * option), read as VS Code reads snippet syntax: `\\` escapes `$`, `}` and `\\`, placeholders nest.
 */
export function expandSnippet(body: string[]): string {
  const text = body.join('\n');
  let at = 0;
  // Reads up to an unescaped `}` (inside a placeholder) or the end.
  const read = (inside: boolean): string => {
    let out = '';
    while (at < text.length) {
      const c = text[at];
      if (c === '\\' && at + 1 < text.length && '$}\\'.includes(text[at + 1])) {
        out += text[at + 1];
        at += 2;
      } else if (inside && c === '}') {
        return out;
      } else if (c === '$' && /^\$\d+/.test(text.slice(at))) {
        at += /^\$\d+/.exec(text.slice(at))![0].length;
      } else if (c === '$' && /^\$\{\d+\}/.test(text.slice(at))) {
        at += /^\$\{\d+\}/.exec(text.slice(at))![0].length;
      } else if (c === '$' && /^\$\{\d+:/.test(text.slice(at))) {
        at += /^\$\{\d+:/.exec(text.slice(at))![0].length;
        out += read(true);
        at++; // the closing brace
      } else if (c === '$' && /^\$\{\d+\|/.test(text.slice(at))) {
        const choice = /^\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/.exec(text.slice(at))!;
        out += choice[1].replace(/\\(.)/g, '$1');
        at += choice[0].length;
      } else {
        out += c;
        at++;
      }
    }
    return out;
  };
  return read(false);
}

/** Every *.star.md under a folder, relative to it. */
export function storyFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const rel = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === '.vscode' ? [] : storyFiles(dir, rel);
    return entry.name.endsWith('.star.md') ? [rel] : [];
  });
}

/**
 * The bank the editor suites open: examples/, the test fixtures under fixtures/, an empty
 * drafts/new-story.star.md for the snippet, and fix on save for story files as the README
 * documents it. Tests that save without wanting fixes use "Save without Formatting", which
 * skips save participants.
 */
export function buildBank(dir: string): void {
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  mkdirSync(join(dir, 'fixtures'));
  for (const f of readdirSync(join(ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.star.md'))) {
    cpSync(join(ROOT, 'test', 'fixtures', f), join(dir, 'fixtures', f));
  }
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts', 'new-story.star.md'), '');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(
    join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ '[star-markdown]': { 'editor.codeActionsOnSave': { 'source.fixAll.starStories': 'explicit' } } }, null, 2),
  );
}

/** Puts every file of `workspace` back as in `pristine` (only those that changed, so file watchers stay quiet) and removes extra files. */
export function restoreBank(pristine: string, workspace: string): void {
  const walk = (root: string, under = ''): string[] =>
    readdirSync(join(root, under), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(root, join(under, e.name)) : [join(under, e.name)],
    );
  const wanted = new Set(walk(pristine));
  for (const rel of wanted) {
    const want = readFileSync(join(pristine, rel));
    let have: Buffer | undefined;
    try {
      have = readFileSync(join(workspace, rel));
    } catch {
      mkdirSync(join(workspace, rel, '..'), { recursive: true });
    }
    if (!have || !have.equals(want)) writeFileSync(join(workspace, rel), want);
  }
  for (const rel of walk(workspace)) if (!wanted.has(rel)) rmSync(join(workspace, rel));
}

/** Polls `probe` until it returns a value; fails after `timeout` ms. Waits on state, never for a fixed time. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeout = Number(process.env.E2E_TIMEOUT_MS || 60_000),
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}
