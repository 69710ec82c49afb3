#!/usr/bin/env node
// Smoke test of a running code-server workbench (see scripts/code-server.sh),
// driven by playwright-core from the e2e tools folder and Debian's chromium.
//
// Usage:
//   node scripts/e2e-smoke.mjs URL FILE [--expect TEXT] [--language NAME]
//                                       [--preview] [--status TEXT]... [--screenshot PNG]
//
//   URL          workbench URL, e.g. http://127.0.0.1:8765/?folder=/tmp/ws
//   FILE         file name to open with Quick Open (Ctrl+P), e.g. hello.md
//   --expect     text that must show in the editor (default: the file's first
//                non-empty line, read from the ?folder= of URL)
//   --language   language mode the status bar must show (default: from the
//                extension: .md -> Markdown; none for other files)
//   --preview    also run "Markdown: Open Preview to the Side" and wait for the
//                rendered text in the preview webview (proves the built-in
//                markdown-language-features extension host is alive)
//   --status     text that must appear in the status bar, e.g. one set by an
//                installed extension (repeatable)
//   --screenshot where to save the screenshot (default: $E2E_TOOLS/smoke.png)
//
// Only 127.0.0.1 / localhost may be contacted: every other request is aborted
// and reported. Exits non-zero on failure (a screenshot is still taken).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const toolsDir = process.env.E2E_TOOLS || path.join(here, '..', '.e2e-tools');

function usage(msg) {
  if (msg) console.error(`e2e-smoke: ${msg}`);
  console.error('usage: node scripts/e2e-smoke.mjs URL FILE [--expect TEXT] [--language NAME] [--preview] [--status TEXT]... [--screenshot PNG]');
  process.exit(2);
}

const positional = [];
const opts = { preview: false, status: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--preview') opts.preview = true;
  else if (a === '--status') {
    if (i + 1 >= argv.length) usage(`${a} needs a value`);
    opts.status.push(argv[++i]);
  }
  else if (a === '--expect' || a === '--language' || a === '--screenshot') {
    if (i + 1 >= argv.length) usage(`${a} needs a value`);
    opts[a.slice(2)] = argv[++i];
  } else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
if (positional.length !== 2) usage('need URL and FILE');
const [url, fileName] = positional;

const target = new URL(url);
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
if (!LOCAL_HOSTS.has(target.hostname)) usage(`refusing non-local URL ${url}`);

let expected = opts.expect;
if (expected === undefined) {
  const folder = target.searchParams.get('folder');
  const file = folder ? path.join(folder.replace(/^file:\/\//, ''), fileName) : null;
  if (file && existsSync(file)) {
    const line = readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
    // Monaco may not render a very long line whole in the viewport.
    expected = line.slice(0, 40);
  }
}
const language = opts.language ?? (/\.md$/i.test(fileName) ? 'Markdown' : undefined);
const screenshot = path.resolve(opts.screenshot ?? path.join(toolsDir, 'smoke.png'));

const requireFromTools = createRequire(path.join(toolsDir, 'package.json'));
let chromium;
try {
  ({ chromium } = requireFromTools('playwright-core'));
} catch (e) {
  console.error(`e2e-smoke: playwright-core not found in ${toolsDir}: run scripts/setup-e2e.sh first`);
  process.exit(2);
}

const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60000);
const log = (m) => console.log(`[e2e-smoke ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const t0 = Date.now();

// Wait for the server (it may have just been started).
for (let waited = 0; ; waited += 250) {
  try {
    const res = await fetch(new URL('/healthz', target), { signal: AbortSignal.timeout(2000) });
    if (res.ok) break;
  } catch {}
  if (waited >= TIMEOUT) {
    console.error(`e2e-smoke: no server answering at ${target.origin} (start scripts/code-server.sh first)`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
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
    // Belt and braces: no name but localhost resolves.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ],
});

let failed = false;
const blocked = new Set();
const pageErrors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (!/^(https?|wss?):$/.test(u.protocol) || LOCAL_HOSTS.has(u.hostname)) return route.continue();
    blocked.add(u.origin);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor();
  // The explorer shows the folder's files once the server connection is up.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  log('workbench loaded');

  // Quick Open: Ctrl+P, type the name, pick the match.
  await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }).catch(() => {});
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input.input');
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+P');
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      break;
    } catch (e) {
      if (attempt >= 5) throw e; // keybindings may not be ready right after load
    }
  }
  await input.fill(fileName);
  await quickInput
    .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: fileName }) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await quickInput.waitFor({ state: 'hidden' });

  const tab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  await tab.waitFor();
  const lines = page.locator('.editor-instance .monaco-editor .view-lines');
  if (expected) {
    await lines.filter({ hasText: expected }).first().waitFor();
    log(`editor shows ${fileName}: "${expected}"`);
  } else {
    await lines.locator('.view-line').first().waitFor();
    log(`editor shows ${fileName}`);
  }

  if (language) {
    // Language ids come from built-in extensions (markdown-basics for Markdown).
    const mode = page.locator('[id="status.editor.mode"]');
    await mode.filter({ hasText: language }).waitFor();
    log(`status bar language mode: ${(await mode.innerText()).trim()}`);
  }

  if (opts.preview) {
    // Runs in the extension host: markdown-language-features renders into a webview.
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Markdown: Open Preview to the Side');
    await quickInput
      .locator('.monaco-list-row', { hasText: 'Markdown: Open Preview to the Side' })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    const preview = page
      .frameLocator('iframe.webview.ready')
      .first()
      .frameLocator('#active-frame')
      .locator('.markdown-body');
    await (expected ? preview.filter({ hasText: expected.replace(/^#+\s*/, '') }) : preview)
      .first()
      .waitFor();
    log('markdown preview rendered by the markdown-language-features extension');
    // Back to the text editor, so the status bar shows its items again.
    await page.locator('.tabs-container .tab', { hasText: fileName }).filter({ hasNotText: 'Preview' }).first().click();
    await lines.first().click();
  }

  for (const text of opts.status) {
    await page.locator('.part.statusbar .statusbar-item', { hasText: text }).first().waitFor();
    log(`status bar shows "${text}"`);
  }
} catch (e) {
  failed = true;
  console.error(`e2e-smoke: FAILED: ${e.message.split('\n')[0]}`);
} finally {
  try {
    mkdirSync(path.dirname(screenshot), { recursive: true });
    const [page] = browser.contexts().flatMap((c) => c.pages());
    if (page) {
      await page.screenshot({ path: screenshot });
      log(`screenshot: ${screenshot}`);
    }
  } catch (e) {
    console.error(`e2e-smoke: screenshot failed: ${e.message}`);
  }
  await browser.close();
}

if (blocked.size) log(`blocked non-local requests to: ${[...blocked].join(', ')}`);
if (pageErrors.length) log(`page errors (not fatal):\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
if (failed) process.exit(1);
log('PASS');
