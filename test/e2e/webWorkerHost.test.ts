/**
 * End-to-end: the web extension (package.json `browser`) in a real workbench. code-server runs
 * extensions in its Node extension host, but its browser also has the web worker extension host
 * of VS Code for the Web; the `remote.extensionKind` setting moves STAR Stories there, where it
 * runs dist/web/client.js and starts dist/web/server.js in a Web Worker, as on vscode.dev.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from '../../server/src/engine';
import { asProblems, cliLint, ROOT, storyFiles } from './expected';
import { Workbench } from './workbench';

describe('end-to-end: the web extension in the web worker extension host', function () {
  const scratch = mkdtempSync(join(tmpdir(), 'star-e2e-web-'));
  const workspace = join(scratch, 'workspace');
  let workbench: Workbench;

  before(async function () {
    mkdirSync(workspace);
    for (const file of ['onboarding-revamp.star.md', 'checkout-latency.star.md'])
      cpSync(join(ROOT, 'examples', file), join(workspace, file));
    workbench = await Workbench.start(workspace, join(scratch, 'data'), {
      'remote.extensionKind': { 'star-stories.star-stories': ['web'] },
    });
  });

  after(async function () {
    await workbench?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot('FAILED-web-worker-host').catch(() => {});
  });

  it('a weak story shows squiggles and the Problems panel lists what `star-stories lint` reports, with no Node server', async function () {
    const file = 'onboarding-revamp.star.md';
    // With its folder: the bank's findings come from the other story, which the server read through the client.
    const expected = asProblems(cliLint(join(workspace, file), workspace));
    assert.ok(expected.length > 10, 'the weak example story should have many findings');

    await workbench.openFile(file);
    await workbench.waitForSquiggles('error');
    const problems = await workbench.problems(file, expected.length);
    assert.deepEqual(problems, expected);
    // The findings came from the Web Worker: code-server started no Node server for the extension.
    assert.deepEqual(workbench.serverPids(), []);
  });

  it('the Stories view lists every story of the folder, the unopened file read through the client', async function () {
    const titles = storyFiles(workspace).flatMap((rel) =>
      new Linter().lint(readFileSync(join(workspace, rel), 'utf8')).stories.map((s) => s.title),
    );
    assert.ok(titles.includes('Checkout latency regression'), titles.join(', '));
    await workbench.page.locator('.activitybar .action-item a[aria-label^="STAR Stories"]').first().click();
    const pane = workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: /^stories$/i }) }).first();
    for (const title of titles) await pane.locator('.monaco-list-row', { hasText: title }).first().waitFor();
    await workbench.screenshot('web-worker-host');
  });
});
