/**
 * End-to-end: preparing for the whole loop in a real workbench (code-server + Chromium), on the
 * same bank as the main suite: a role and level profile, Plan My Loop, the follow-up drill after
 * practice, facts that disagree between stories and with the résumé, readiness ratings and the
 * exported loop sheet. Expectations come from the CLI and the engine, never written by hand.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../../server/src/cli/coverage';
import { parseArgs } from '../../server/src/cli/options';
import type { BankSnapshot } from '../../server/src/engine/bank/types';
import { followUpsForStory } from '../../server/src/engine/loop';
import type { LoopPlan } from '../../server/src/engine/loop/types';
import { asProblems, cliLint, ROOT, storyFiles, waitFor } from './expected';
import { TIMEOUT, Workbench, workbenchSuite } from './workbench';

const CLI = join(ROOT, 'dist', 'cli.js');

/** What `star-stories <args>` prints (exit codes 0 and 1 both carry output). */
function cli(args: string[]): string {
  try {
    return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e;
    return err.stdout;
  }
}

/** The bank as the CLI loads it from `folder`: the same engine and settings the server uses. */
function engineBank(folder: string) {
  const parsed = parseArgs(['coverage', folder]);
  if (parsed.action !== 'run') throw new Error('bad arguments');
  const loaded = loadBank(parsed.options, { out: () => {}, err: () => {} });
  if (typeof loaded === 'number') throw new Error(`cannot load the bank in ${folder}`);
  return loaded.bank;
}

describe('e2e: preparing for the loop in a real VS Code workbench', function () {
  this.timeout(4 * TIMEOUT);

  let workbench: Workbench;
  const { workspace } = workbenchSuite('loop-', (started) => (workbench = started));

  const previewFrame = () => workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const previewTab = (name: string) => workbench.page.locator('.tabs-container .tab.active', { hasText: `Preview ${name}` });
  const notification = (text: string | RegExp) => workbench.page.locator('.notification-toast', { hasText: text }).first();

  it('Plan My Loop shows every round with a distinct story per principle, as `star-stories plan` does', async function () {
    const expected = JSON.parse(cli(['plan', workspace, '--format', 'json'])) as LoopPlan;
    const planned = expected.rounds.flatMap((r) => r.slots.filter((s) => s.story).map((s) => s.story!.title));
    assert.ok(planned.length >= 5, `the CLI plans at least five slots on the sample bank (got ${planned.length})`);
    assert.equal(new Set(planned).size, planned.length, 'the CLI tells no story twice');

    await workbench.runCommand('STAR Stories: Plan My Loop');
    await previewTab('Loop Plan.md').waitFor();
    const frame = previewFrame();
    await frame.locator('table').first().waitFor();
    const rows = frame.locator('table').first().locator('tbody tr');
    // The plan follows the bank: the table fills in once the workspace is read.
    const cells = await waitFor('every story the CLI plans in the table', async () => {
      const texts = await rows.allInnerTexts();
      return planned.every((title) => texts.some((row) => row.includes(title))) ? texts : undefined;
    });
    for (const title of new Set(planned)) {
      assert.equal(cells.filter((row) => row.includes(title)).length, 1, `“${title}” is planned once`);
    }
    if (expected.uncovered.length > 0) await frame.locator('text=/cannot cover|uncovered|no story/i').first().waitFor();
    await workbench.screenshot('loop-plan');
  });

  it('inconsistent-facts flags one project told with two numbers in two files, and a story that disagrees with the résumé', async function () {
    const story = (title: string, latency: string, verb: string) =>
      [
        `# ${title}`,
        'Principles: Deliver Results',
        '',
        '## Situation',
        'Our Payments Ledger migration moved 40 services off the legacy ledger at Acme in 2023.',
        '',
        '## Task',
        'I owned the cutover plan and the rollback path for the ledger migration.',
        '',
        '## Action',
        `I ${verb} the Payments Ledger migration, wrote the dual-write checker and ran the cutover in three waves.`,
        '',
        '## Result',
        `Ledger write latency fell from 900 ms to ${latency}, and we retired the legacy ledger two weeks early.`,
        '',
      ].join('\n');
    writeFileSync(join(workspace, 'drafts', 'ledger-a.star.md'), story('Payments Ledger migration', '120 ms', 'led'));
    writeFileSync(join(workspace, 'drafts', 'ledger-b.star.md'), story('Payments Ledger cutover', '300 ms', 'led'));
    writeFileSync(
      join(workspace, 'resume.md'),
      '## Acme\n- Collaborated on the Payments Ledger migration: write latency from 900 ms to 120 ms.\n',
    );
    writeFileSync(join(workspace, '.star-stories.json'), JSON.stringify({ resume: 'resume.md' }));

    const facts = (rel: string) => cliLint(join(workspace, rel), workspace).filter((m) => m.ruleId === 'inconsistent-facts');
    const inA = facts('drafts/ledger-a.star.md');
    const inB = facts('drafts/ledger-b.star.md');
    assert.ok(
      inB.some((m) => /300 ms/.test(m.message) && /120 ms/.test(m.message)),
      'the CLI reports the two latencies',
    );
    assert.ok(
      inA.some((m) => /résumé|resume/i.test(m.message)),
      'the CLI reports the résumé’s “Collaborated on”',
    );

    for (const [rel, expected] of [
      ['drafts/ledger-a.star.md', inA],
      ['drafts/ledger-b.star.md', inB],
    ] as const) {
      await workbench.openFile(rel);
      const all = asProblems(cliLint(join(workspace, rel), workspace));
      const problems = await workbench.problems(rel.split('/').pop()!, all.length);
      const shown = problems.filter((p) => p.rule === 'inconsistent-facts');
      assert.deepEqual(
        shown.map((p) => p.message),
        expected.map((m) => m.message),
      );
    }
    await workbench.screenshot('inconsistent-facts');
  });

  it('Export Loop Sheet opens one printable page in the preview', async function () {
    const sheet = cli(['sheet', workspace, '--format', 'markdown']);
    const heading = /^# (.+)$/m.exec(sheet)?.[1];
    assert.ok(heading, 'the CLI sheet starts with a heading');

    await workbench.runCommand('STAR Stories: Export Loop Sheet');
    await previewTab('Loop Sheet.md').waitFor();
    await previewFrame().locator('h1', { hasText: heading }).first().waitFor();
    await notification('loop sheet is open').waitFor();
    await workbench.screenshot('loop-sheet');
    assert.match(readFileSync(join(workspace, 'checkout-latency.star.md'), 'utf8'), /^# /m, 'exporting changed no story file');
  });
  const coveragePane = () =>
    workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: /coverage/i }) }).first();
  const storiesPane = () =>
    workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: /^\s*Stories/i }) }).first();
  /** The principle rows of the coverage tree, top to bottom, as far as the tree shows them. */
  const principleOrder = async (names: readonly string[]): Promise<string[]> => {
    const rows = await coveragePane().locator('.monaco-list-row').allInnerTexts();
    return rows.map((row) => names.find((n) => row.replace(/\s+/g, ' ').startsWith(n))).filter((n): n is string => n !== undefined);
  };

  it('a role and level in .star-stories.json reorder the coverage tree and turn on the scope check, as the CLI does', async function () {
    const before = JSON.parse(cli(['coverage', workspace, '--format', 'json'])) as BankSnapshot;
    writeFileSync(join(workspace, '.star-stories.json'), JSON.stringify({ role: 'em', level: 'L6' }));
    const after = JSON.parse(cli(['coverage', workspace, '--format', 'json'])) as BankSnapshot;
    const order = (s: BankSnapshot) => [...s.principles].sort((a, b) => a.rank - b.rank).map((p) => p.name);
    const names = order(after);
    assert.notDeepEqual(order(before).slice(0, 3), names.slice(0, 3), 'the CLI orders the principles differently for an L6 manager');
    assert.equal(after.profile?.name, 'Engineering manager, L6');

    await workbench.runCommand('View: Show STAR Stories');
    await coveragePane()
      .locator('.monaco-list-row', { hasText: /Loop readiness/ })
      .first()
      .waitFor();
    await waitFor('the tree in the manager order', async () => {
      const shown = await principleOrder(names);
      return shown.length >= 3 && shown.slice(0, 3).join('|') === names.slice(0, 3).join('|') ? true : undefined;
    });
    const top = coveragePane()
      .locator('.monaco-list-row', { hasText: /Loop readiness/ })
      .first();
    assert.match((await top.innerText()).replace(/\s+/g, ' '), /Engineering manager, L6/);
    await workbench.screenshot('profile-em-l6-tree');

    // The scope check runs for L6: the first story file the CLI flags shows the same findings.
    const flagged = storyFiles(workspace)
      .map((rel) => ({ rel, messages: cliLint(join(workspace, rel), workspace) }))
      .find(({ messages }) => messages.some((m) => m.ruleId === 'scope'));
    assert.ok(flagged, 'the CLI reports scope somewhere in the bank at L6');
    await workbench.openFile(flagged.rel);
    const expected = asProblems(flagged.messages);
    const problems = await workbench.problems(flagged.rel.split('/').pop()!, expected.length);
    assert.deepEqual(
      problems.filter((p) => p.rule === 'scope').map((p) => [p.line, p.message]),
      expected.filter((p) => p.rule === 'scope').map((p) => [p.line, p.message]),
    );
    await workbench.screenshot('profile-scope-problems');
  });

  it('after the practice timer, the follow-up drill asks the story’s follow-ups one at a time and keeps what was answered', async function () {
    const bank = engineBank(workspace);
    const snapshot = bank.snapshot([]);
    const details = bank.details();
    // A principle with one story, so the practice goes straight to its question.
    const candidate = snapshot.principles
      .filter((p) => p.stories.length === 1)
      .map((p) => ({ principle: p.name, storyId: p.stories[0] }))
      .map((c) => ({ ...c, followUps: followUpsForStory(details, c.storyId) ?? [] }))
      .find((c) => c.followUps.length >= 2);
    assert.ok(candidate, 'the sample bank has a principle told by one story with follow-ups');
    const title = snapshot.stories.find((s) => s.id === candidate.storyId)!.title;

    // Once the Stories view lists the story, the bank the practice picks from is loaded.
    await workbench.runCommand('View: Show STAR Stories');
    await storiesPane().locator('.monaco-list-row', { hasText: title }).first().waitFor();
    const principleInput = await workbench.pickInCommand('STAR Stories: Practice a Question', 'Which principle', candidate.principle);
    await principleInput.press('Enter');
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.locator('.monaco-button', { hasText: 'Start Timer' }).click();
    await workbench.page
      .locator('.statusbar-item', { hasText: /Practising \d+:\d\d/ })
      .first()
      .waitFor();
    await workbench.runCommand('STAR Stories: Stop Practice Timer');
    await workbench.page
      .locator('.statusbar-item', { hasText: /Practising \d+:\d\d/ })
      .first()
      .waitFor({ state: 'hidden' });
    // Toasts come and go (a newer one can hide an older one): the notification center lists them all.
    await workbench.runCommand('Notifications: Show Notifications');
    const notice = (text: string) =>
      workbench.page.locator('.notifications-center .notification-list-item, .notification-toast', { hasText: text }).first();

    const told = notice(`“${title}”`);
    await told.locator('.monaco-button', { hasText: 'Drill Follow-ups' }).click();
    const total = candidate.followUps.length;
    const first = notice(`Follow-up 1 of ${total}: ${candidate.followUps[0].question}`);
    await first.waitFor();
    await workbench.screenshot('follow-up-drill');
    await first.locator('.monaco-button', { hasText: 'Answered' }).click();
    const second = notice(`Follow-up 2 of ${total}: ${candidate.followUps[1].question}`);
    await second.locator('.monaco-button', { hasText: 'Stop Drill' }).click();
    await notice(`“${title}”: 1 of ${total} follow-ups answered`).waitFor();

    // The next drill starts with what is still open: the answered one is kept for this story.
    await workbench.runCommand('STAR Stories: Drill Follow-up Questions');
    // Typed into the list's own input: focus may still sit where the last notification was.
    const storyInput = workbench.quickInput.locator('input[placeholder^="Which story"]');
    await storyInput.fill(title);
    await workbench.quickInput.locator('.monaco-list-row.focused', { hasText: title }).waitFor();
    await storyInput.press('Enter');
    const next = notice(`Follow-up 1 of ${total - 1}: ${candidate.followUps[1].question}`);
    await next.locator('.monaco-button', { hasText: 'Stop Drill' }).click();
  });

  it('the Stories view shows each story’s rating, the one the engine computes', async function () {
    const snapshot = JSON.parse(cli(['coverage', workspace, '--format', 'json'])) as BankSnapshot;
    const rated = snapshot.stories.filter((s) => s.readiness);
    // Drafts under 25 words are not rated; every told story is.
    assert.ok(rated.length >= 5, `the CLI rates the told stories (${rated.length} of ${snapshot.stories.length})`);
    const unique = (title: string) => snapshot.stories.filter((o) => o.title === title).length === 1;
    await workbench.runCommand('View: Show STAR Stories');
    const rows = storiesPane().locator('.monaco-list-row');
    await rows.first().waitFor();
    // The view renders the rows that fit; each of those must carry the engine's rating.
    const checked = await waitFor('the shown rows to carry the engine’s ratings', async () => {
      const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const shown = texts.flatMap((text) => {
        const story = rated.find((s) => unique(s.title) && text.startsWith(s.title));
        return story ? [{ text, rating: story.readiness!.rating }] : [];
      });
      return shown.length >= 3 && shown.every((r) => r.text.includes(`· ${r.rating} ·`)) ? shown : undefined;
    });
    assert.ok(checked.length >= 3);
    await workbench.screenshot('stories-ratings');
  });
});
