/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: they need the DOM types.
/**
 * A real VS Code workbench for end-to-end tests: code-server (installed offline by
 * scripts/setup-e2e.sh) with the packaged star-stories.vsix, driven in Debian's headless
 * Chromium by playwright-core.
 *
 * Every wait is on visible state with a timeout; nothing sleeps for a fixed time.
 * Lessons baked in: Playwright's element hover is intercepted by Monaco's overlays, so hovers
 * move the mouse to a DOM Range over the editor's text; menus in the action widget are driven
 * with the keyboard (clicks hit `context-view-pointerBlock`); the Problems list is virtualized,
 * so it is read while scrolling.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildBank, restoreBank, ROOT, waitFor, type Problem } from './expected';

export const VSIX = join(ROOT, 'star-stories.vsix');
export const SCREENSHOTS = join(ROOT, 'test-output', 'e2e');
/** Long enough for a cold workbench on a 2-core machine; a wait only takes this long when it fails. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60_000);

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Settings for every run: quiet, offline, and no hot exit (dirty buffers must not outlive a test). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  // Every test opens its file at the top: a scroll left by an earlier test must not carry over.
  'workbench.editor.restoreViewState': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  'files.autoSave': 'off',
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
};

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly codeServer: ChildProcess,
    readonly workspace: string,
    readonly extensionsDir: string,
    private readonly log: string[],
  ) {}

  /** Starts code-server on `workspace` with the packaged .vsix installed into `dataDir`, and opens it in Chromium. */
  static async start(workspace: string, dataDir: string, settings: Record<string, unknown> = {}): Promise<Workbench> {
    if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first (npm run test:e2e does)`);
    mkdirSync(join(dataDir, 'user-data', 'User'), { recursive: true });
    writeFileSync(join(dataDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
    const port = await freePort();
    const log: string[] = [];
    const codeServer = spawn(
      'bash',
      [join(ROOT, 'scripts', 'code-server.sh'), '--vsix', VSIX, '--data-dir', dataDir, '--port', String(port), workspace],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const keep = (chunk: Buffer) => log.push(chunk.toString());
    codeServer.stdout!.on('data', keep);
    codeServer.stderr!.on('data', keep);
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitFor(
        `code-server at ${origin} (log:\n${log.join('')})`,
        async () => {
          if (codeServer.exitCode !== null) throw new Error(`code-server exited with ${codeServer.exitCode}:\n${log.join('')}`);
          try {
            const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
            return res.ok ? true : undefined;
          } catch {
            return undefined;
          }
        },
        3 * TIMEOUT,
      );
    } catch (e) {
      codeServer.kill('SIGTERM');
      throw e;
    }

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    // Offline: nothing but the local workbench may be contacted.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (!/^(https?|wss?):$/.test(url.protocol) || LOCAL_HOSTS.has(url.hostname)) return route.continue();
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('dialog', (dialog) => void dialog.accept());
    const workbench = new Workbench(page, browser, codeServer, workspace, join(dataDir, 'extensions'), log);
    await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the folder once the connection to the server is up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return workbench;
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => {});
    if (this.codeServer.exitCode === null) {
      const exited = new Promise((r) => this.codeServer.once('exit', r));
      this.codeServer.kill('SIGTERM'); // code-server.sh stops its whole process group
      await exited;
    }
  }

  /** The manifest of the installed extension, as packaged in the .vsix. */
  installedManifest(): {
    contributes?: {
      views?: Record<string, Array<{ id: string; name: string }>>;
      viewsContainers?: Record<string, Array<{ id: string; title: string }>>;
    };
  } {
    const dir = readdirSync(this.extensionsDir).find((d) => d.startsWith('star-stories.star-stories-'));
    if (!dir) throw new Error(`star-stories is not installed in ${this.extensionsDir}`);
    return JSON.parse(readFileSync(join(this.extensionsDir, dir, 'package.json'), 'utf8'));
  }

  /** PIDs of the language servers started from the installed extension (only ours: the path holds our data dir). */
  serverPids(): number[] {
    return this.servers().map((s) => s.pid);
  }

  /** Each of our language server processes with its command line (dist/start.js, which loads dist/server.js). */
  servers(): Array<{ pid: number; args: string[] }> {
    const found: Array<{ pid: number; args: string[] }> = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let args: string[];
      try {
        args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      } catch {
        continue; // exited meanwhile
      }
      const cmdline = args.join(' ');
      if (cmdline.includes(`${this.extensionsDir}/star-stories.`) && /dist\/(?:start|server)\.js/.test(cmdline))
        found.push({ pid: Number(entry), args });
    }
    return found;
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Opens the command palette (or Quick Open) and waits for its input; keybindings may lag right after load. */
  private async openQuickInput(keys: string): Promise<Locator> {
    const input = this.quickInput.locator('input.input');
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press(keys);
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        return input;
      } catch (e) {
        if (attempt >= 5) throw e;
      }
    }
  }

  /** Runs a command by its palette title, e.g. `View: Close All Editors`. */
  async runCommand(title: string): Promise<void> {
    const input = await this.openQuickInput('Control+Shift+P');
    await input.fill(`>${title}`);
    const row = this.quickInput.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: title }) }).first();
    await row.waitFor();
    await waitFor(`"${title}" to be the first match`, async () =>
      ((await this.quickInput.locator('.monaco-list-row.focused .label-name').first().textContent()) ?? '').trim() === title
        ? true
        : undefined,
    );
    await this.page.keyboard.press('Enter');
    // The palette closes, or the command's own quick pick takes its place at once (the same widget).
    await waitFor(`"${title}" to run`, async () =>
      !(await this.quickInput.isVisible()) || (await input.inputValue().catch(() => '')) !== `>${title}` ? true : undefined,
    );
    if (title.startsWith('View: Show ')) {
      // The view takes focus a moment after it shows; a quick pick opened before that would close.
      const inView = () =>
        this.page.evaluate(() => Boolean(document.activeElement?.closest('.part.sidebar, .part.auxiliarybar, .part.panel')));
      await waitFor(`"${title}" to focus its view`, async () => ((await inView()) ? true : undefined), 5_000).catch(() => undefined);
    }
  }

  /**
   * Runs a command that asks with a quick pick, types `value` into it and waits for the matching
   * row to be focused, ready for Enter. A view shown just before takes focus a moment later, and a
   * quick pick loses to it and closes, as it would for a user who clicked away: the command is then
   * run again.
   */
  async pickInCommand(title: string, placeholder: string, value: string): Promise<Locator> {
    const input = this.quickInput.locator(`input[placeholder^="${placeholder}"]`);
    const row = this.quickInput.locator('.monaco-list-row.focused', { hasText: value });
    await waitFor(
      `"${title}" to offer "${value}"`,
      async () => {
        if (!(await input.isVisible())) {
          await this.runCommand(title).catch(() => undefined);
          await input.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
        }
        await input.fill(value, { timeout: 2_000 }).catch(() => undefined);
        await row.waitFor({ timeout: 2_000 }).catch(() => undefined);
        return (await input.isVisible()) && (await row.isVisible()) ? true : undefined;
      },
      // Room for a run of the command that fails and one more that succeeds.
      150_000,
    );
    return input;
  }

  /** Opens a workspace file by its path relative to the workspace, and waits for its editor. */
  async openFile(relPath: string): Promise<void> {
    const input = await this.openQuickInput('Control+P');
    const [name] = relPath.split('/').slice(-1);
    const dir = relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '';
    await input.fill(relPath);
    // Rows show the file name and, for files in subfolders, the folder as the description.
    const rows = this.quickInput.locator('.monaco-list-row');
    const index = await waitFor(`${relPath} in Quick Open`, async () => {
      const found = await rows.evaluateAll((els) =>
        els.map((el) => ({
          index: Number(el.getAttribute('data-index')),
          name: el.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
        })),
      );
      const hit = found.find(
        (r) => r.name === name && (dir ? r.description === dir || r.description.endsWith(`/${dir}`) : r.description === ''),
      );
      return hit?.index;
    });
    // Move the selection with the keyboard: the list re-renders while results stream in, and a
    // clicked row can be replaced under the mouse. Separator rows are skipped by the arrows.
    const isHit = (row: { name: string; description: string }) =>
      row.name === name && (dir ? row.description === dir || row.description.endsWith(`/${dir}`) : row.description === '');
    for (let i = 0; ; i++) {
      const focused = await this.quickInput
        .locator('.monaco-list-row.focused')
        .first()
        .evaluate((el) => ({
          name: el.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
        }))
        .catch(() => ({ name: '', description: '' }));
      if (isHit(focused)) break;
      assert.ok(i < 30, `could not select ${relPath} in Quick Open (row ${index})`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor();
    await this.editor.locator('.view-line').first().waitFor();
    // Focus the text on its first line (the code lens above it takes clicks), cursor at the start.
    await this.editor
      .locator('.view-line')
      .first()
      .click({ position: { x: 2, y: 2 } });
    await this.page.keyboard.press('Control+Home');
  }

  /** The active text editor. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Moves the cursor with Go to Line (1-based line and column). */
  async goTo(line: number, column: number): Promise<void> {
    const input = await this.openQuickInput('Control+G');
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await this.page
      .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
      .first()
      .waitFor();
  }

  /** Waits until the editor shows squiggles of this severity (`error`, `warning`, `info`). */
  async waitForSquiggles(severity: 'error' | 'warning' | 'info'): Promise<number> {
    const squiggles = this.editor.locator(`.squiggly-${severity}`);
    await squiggles.first().waitFor();
    return squiggles.count();
  }

  /** Waits for a code lens whose text matches and returns that text. */
  async codeLens(pattern: RegExp): Promise<string> {
    const lenses = this.editor.locator('.contentWidgets .codelens-decoration');
    return waitFor(`a code lens matching ${pattern}`, async () => {
      const texts = (await lenses.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ').trim());
      return texts.find((t) => pattern.test(t));
    });
  }

  /** The bounding box of the first occurrence of `text` in the rendered lines. */
  async textBox(text: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const handle = await this.editor.locator('.view-lines').elementHandle();
    return waitFor(`"${text}" to be rendered in the editor`, () =>
      this.page.evaluate(
        ({ root, text }) => {
          for (const line of Array.from(root!.querySelectorAll('.view-line'))) {
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            let content = '';
            const nodes: Array<{ node: Text; start: number }> = [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              nodes.push({ node: n as Text, start: content.length });
              content += n.textContent;
            }
            // Monaco renders spaces as non-breaking spaces.
            const at = content.replace(/\u00a0/g, ' ').indexOf(text);
            if (at < 0) continue;
            // No named helper here: the bundler would wrap it in a `__name` call the page lacks.
            const last = at + text.length - 1;
            const from = nodes.filter((x) => x.start <= at).pop()!;
            const to = nodes.filter((x) => x.start <= last).pop()!;
            const range = document.createRange();
            range.setStart(from.node, at - from.start);
            range.setEnd(to.node, last - to.start + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
          return undefined;
        },
        { root: handle, text },
      ),
    );
  }

  /** Hovers `text` with the mouse and returns the hover widget once it is fully shown. */
  async hover(text: string): Promise<Locator> {
    const box = await this.textBox(text);
    const widget = this.page.locator('.monaco-hover:not(.hidden)').first();
    // A hover asked for before the server answers stays empty until the mouse moves again.
    for (let attempt = 0; ; attempt++) {
      await this.page.mouse.move(box.x - 40, box.y + box.height * 3);
      // A hover still open elsewhere (a status bar tooltip the last step asked for) is not this one.
      await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      try {
        await widget.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt >= Math.ceil(TIMEOUT / 5000)) throw e;
      }
    }
    // It fades in: wait for full opacity so screenshots show it.
    await waitFor('the hover to be opaque', async () =>
      (await widget.evaluate((el) => getComputedStyle(el.closest('.monaco-hover') ?? el).opacity)) === '1' ? true : undefined,
    );
    return widget;
  }

  /**
   * Picks an item by its label from the open action widget (light bulb menu) with the keyboard.
   * Returns the labels that were offered.
   */
  async pickAction(label: string): Promise<string[]> {
    const widget = this.page.locator('.action-widget');
    const rows = widget.locator('.monaco-list-row.action');
    await rows.first().waitFor();
    const labels = (await rows.allInnerTexts()).map((t) => t.trim());
    if (!labels.some((l) => l.startsWith(label))) throw new Error(`"${label}" is not in the light bulb menu: ${JSON.stringify(labels)}`);
    for (let i = 0; i <= labels.length; i++) {
      const focused = (
        (await widget
          .locator('.monaco-list-row.action.focused')
          .first()
          .textContent()
          .catch(() => '')) ?? ''
      ).trim();
      if (focused.startsWith(label)) {
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden' });
        return labels;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus "${label}" in the light bulb menu`);
  }

  /**
   * The Problems panel's rows for one file, once its count badge shows `expectedCount`.
   * The list is virtualized: rows are read while scrolling and put in order by their index.
   */
  async problems(fileName: string, expectedCount: number): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    const fileRow = panel.locator(`.monaco-list-row[aria-label^="${expectedCount} problem"][aria-label*=" in file ${fileName} "]`);
    await fileRow.first().waitFor();
    const list = panel.locator('.monaco-list').first();
    const rows = new Map<number, { aria: string; text: string }>();
    let ours: number;
    await list.hover();
    for (let stale = 0; stale < 3;) {
      const before = rows.size;
      const visible = await panel.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((el) => ({
          index: Number(el.getAttribute('data-index')),
          aria: el.getAttribute('aria-label') ?? '',
          text: (el as HTMLElement).innerText,
        })),
      );
      for (const row of visible) rows.set(row.index, row);
      ours = problemsOf([...rows.entries()], fileName).length;
      if (ours >= expectedCount) break;
      stale = rows.size === before ? stale + 1 : 0;
      await this.page.mouse.wheel(0, 200);
      await panel.locator('.monaco-list-row').first().waitFor();
    }
    // Back to the top, mouse out of the way: the panel reads from the first problem in screenshots.
    await list.hover();
    await waitFor('the Problems list back at the top', async () => {
      const atTop = await list.evaluate((el) => {
        const first = el.querySelector('.monaco-list-row[data-index="1"]');
        return !!first && first.getBoundingClientRect().top >= el.getBoundingClientRect().top;
      });
      if (!atTop) await this.page.mouse.wheel(0, -1000);
      return atTop || undefined;
    });
    await this.page.mouse.move(1, 1);
    return problemsOf([...rows.entries()], fileName).sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** Saves the active editor and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active:not(.dirty)').waitFor();
  }

  /** Closes every editor, discarding unsaved changes, and any open menu or panel focus. */
  async reset(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
    for (let i = 0; i < 20 && (await this.page.locator('.tabs-container .tab').count()) > 0; i++) {
      await this.runCommand('View: Revert and Close Editor');
    }
  }

  /** code-server's output so far, for failure messages. */
  serverLog(): string {
    return this.log.join('');
  }
}

/** The problems listed under a file's row (rows in list order: a file row, then its markers). */
function problemsOf(rows: Array<[number, { aria: string; text: string }]>, fileName: string): Problem[] {
  const problems: Problem[] = [];
  let inFile = false;
  for (const [, row] of rows.sort((a, b) => a[0] - b[0])) {
    const file = / problems? in file (.+) of folder /.exec(row.aria);
    if (file) {
      inFile = file[1] === fileName;
      continue;
    }
    const problem = inFile ? parseProblemRow(row.aria, row.text) : undefined;
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * A Problems row: the aria-label gives severity, message, line and column; the rule code is the
 * `.marker-code` text rendered after the source ("star-stories" then the rule).
 */
function parseProblemRow(aria: string, text: string): Problem | undefined {
  // A finding with related spans adds "This problem has references to N locations." before the source.
  const m = /^(Error|Warning|Info): ([\s\S]*) at line (\d+) and character (\d+)\.(?: [^.]*\.)? generated by star-stories/.exec(aria);
  if (!m) return undefined;
  const parts = text.split('\n').map((s) => s.trim());
  const source = parts.indexOf('star-stories');
  return { severity: m[1].toLowerCase(), message: m[2], rule: parts[source + 1] ?? '', line: Number(m[3]), column: Number(m[4]) };
}

/**
 * One workbench for a mocha suite, on a copy of the e2e bank (`buildBank`): started once, every
 * editor closed and every file restored before each test, so one failure does not leak into the
 * next, and a failing test leaves its screenshot (`FAILED-<prefix><test>.png`) for the CI log.
 * `started` receives the workbench once it runs; `scratch` is a folder outside the workspace.
 */
export function workbenchSuite(
  prefix: string,
  started: (workbench: Workbench) => void,
): { scratch: string; pristine: string; workspace: string } {
  const scratch = mkdtempSync(join(tmpdir(), `star-e2e-${prefix}`));
  const pristine = join(scratch, 'pristine');
  const workspace = join(scratch, 'workspace');
  let workbench: Workbench | undefined;

  before(async function () {
    buildBank(pristine);
    cpSync(pristine, workspace, { recursive: true });
    workbench = await Workbench.start(workspace, join(scratch, 'data'));
    started(workbench);
  });

  after(async function () {
    await workbench?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  beforeEach(async function () {
    await workbench!.reset();
    restoreBank(pristine, workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await workbench?.screenshot(`FAILED-${prefix}${name}`).catch(() => {});
    }
  });

  return { scratch, pristine, workspace };
}
