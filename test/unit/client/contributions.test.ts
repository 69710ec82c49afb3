import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankCommands, BankContextKeys, BankViews, LoopCommands } from '../../../client/src/bankIds';
import { principleRows } from '../../../client/src/bankViewModel';
import { bankSnapshot, storySummary } from './snapshot';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

/** The commands a Markdown text links to (`command:id` or `command:id?args`). */
function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
}

describe('story bank contributions in package.json', () => {
  const contributed = new Map<string, { title: string; category?: string }>(
    contributes.commands.map((c: { command: string }) => [c.command, c]),
  );

  it('contributes every bank command with the STAR Stories category', () => {
    for (const id of [...Object.values(BankCommands), ...Object.values(LoopCommands)]) {
      assert.ok(contributed.has(id), `${id} not contributed`);
      assert.equal(contributed.get(id)?.category, 'STAR Stories', id);
    }
  });

  it('hides the commands that need a tree row or a story from the palette', () => {
    const palette: MenuItem[] = contributes.menus.commandPalette;
    for (const id of [BankCommands.openStory, BankCommands.revealStory, BankCommands.newStoryForPrinciple]) {
      assert.equal(palette.find((m) => m.command === id)?.when, 'false', id);
    }
    assert.equal(palette.find((m) => m.command === BankCommands.stopPractice)?.when, BankContextKeys.practicing);
  });

  it('puts both views in their own activity-bar container', () => {
    const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === BankViews.container);
    assert.equal(container?.title, 'STAR Stories');
    assert.ok(existsSync(join(root, container.icon)), container.icon);
    assert.deepEqual(
      contributes.views[BankViews.container].map((v: { id: string }) => v.id),
      [BankViews.coverage, BankViews.stories],
    );
  });

  it('offers "New story for this principle" inline on every principle row the tree makes', () => {
    const inline: MenuItem = contributes.menus['view/item/context'].find((m: MenuItem) => m.group === 'inline');
    assert.equal(inline.command, BankCommands.newStoryForPrinciple);
    const pattern = /viewItem =~ \/(.+?)\//.exec(inline.when ?? '')?.[1];
    assert.ok(pattern, inline.when);
    const bank = bankSnapshot(
      ['Customer Obsession', 'Ownership', 'Dive Deep'],
      [
        storySummary({ title: 'a', principles: ['Customer Obsession', 'Dive Deep'] }),
        storySummary({ title: 'b', line: 20, principles: ['Customer Obsession'] }),
      ],
    );
    const contextValues = principleRows(bank, false).map((r) => r.contextValue);
    assert.deepEqual(contextValues, ['principle-covered', 'principle-missing', 'principle-thin']);
    for (const value of contextValues) assert.match(value, new RegExp(pattern));
    // A failed loop check offers a new story for what it lacks; a passed one offers nothing.
    assert.match('composition-failed', new RegExp(pattern));
    assert.doesNotMatch('composition-ok', new RegExp(pattern));
  });

  it('swaps the gaps toggle in the tree title by context key, so its icon shows the state', () => {
    const title: MenuItem[] = contributes.menus['view/title'];
    const onlyGaps = title.find((m) => m.command === BankCommands.showOnlyGaps);
    const all = title.find((m) => m.command === BankCommands.showAllPrinciples);
    assert.equal(onlyGaps?.when, `view == ${BankViews.coverage} && !${BankContextKeys.onlyGaps}`);
    assert.equal(all?.when, `view == ${BankViews.coverage} && ${BankContextKeys.onlyGaps}`);
    assert.notDeepEqual(
      (contributed.get(BankCommands.showOnlyGaps) as { icon?: string }).icon,
      (contributed.get(BankCommands.showAllPrinciples) as { icon?: string }).icon,
    );
  });

  it('welcomes an empty bank with a New Story button, and explains an unavailable one', () => {
    const welcome: { view: string; when: string; contents: string }[] = contributes.viewsWelcome;
    const forState = (view: string, state: string) =>
      welcome.find((w) => w.view === view && w.when === `${BankContextKeys.state} == ${state}`);
    for (const view of [BankViews.coverage, BankViews.stories]) {
      assert.ok(commandLinks(forState(view, 'empty')?.contents ?? '').includes(BankCommands.newStory), view);
      assert.ok(commandLinks(forState(view, 'unavailable')?.contents ?? '').includes(BankCommands.refreshBank), view);
    }
  });

  it('activates when the workspace holds a story, without opening one', () => {
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.star.md'));
  });

  it('walks through creating, warnings, fixes and the tree, with a Markdown page per step', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s: { title: string }) => s.title),
      ['Create a story', 'Read a warning', 'Apply a fix', 'Read the coverage tree'],
    );
    const ownCommands = walkthrough.steps
      .flatMap((s: { description: string }) => commandLinks(s.description))
      .filter((id: string) => id.startsWith('starStories.'));
    assert.ok(ownCommands.includes(BankCommands.newStory));
    for (const id of ownCommands) assert.ok(contributed.has(id) || id === `${BankViews.coverage}.focus`, id);
    for (const step of walkthrough.steps) assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
  });
});
