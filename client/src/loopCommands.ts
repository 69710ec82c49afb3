import { commands, Uri, window, workspace, type Disposable, type Memento } from 'vscode';
import type { StorySummary } from '../../server/src/protocol';
import { LoopCommands } from './bankIds';
import type { BankStore } from './bankStore';
import { drillOrder, drillSummary, planMarkdown } from './loopViewModel';
import type { PreviewDocuments } from './previewDocument';

const PLAN = 'Loop Plan.md';
const SHEET = 'Loop Sheet.md';

export interface LoopCommandDeps {
  bank: BankStore;
  previews: PreviewDocuments;
  /** Where the drill keeps which follow-ups were answered, per story (workspace state). */
  answers: Memento;
  reportUnavailable(what: string): Promise<void>;
}

export function registerLoopCommands(deps: LoopCommandDeps): Disposable[] {
  return [
    commands.registerCommand(LoopCommands.planMyLoop, () => planMyLoop(deps)),
    commands.registerCommand(LoopCommands.exportLoopSheet, () => exportLoopSheet(deps)),
    commands.registerCommand(LoopCommands.drillFollowUps, (story?: StorySummary | string) => drillFollowUps(deps, story)),
    // The plan follows the bank: an open plan is re-planned on every change.
    deps.bank.onDidChange(() => void refreshPlan(deps)),
  ];
}

async function planMyLoop(deps: LoopCommandDeps): Promise<void> {
  const plan = await deps.bank.loopPlan();
  if (!plan) return deps.reportUnavailable('Cannot plan the loop');
  await deps.previews.show(PLAN, planMarkdown(plan));
}

async function refreshPlan(deps: LoopCommandDeps): Promise<void> {
  if (!deps.previews.isShowing(PLAN)) return;
  const plan = await deps.bank.loopPlan();
  if (plan) deps.previews.update(PLAN, planMarkdown(plan));
}

/** The sheet opens in the preview (print it from there); the HTML is saved only where the user says. */
async function exportLoopSheet(deps: LoopCommandDeps): Promise<void> {
  const markdown = await deps.bank.loopSheet('markdown');
  if (markdown === undefined) return deps.reportUnavailable('Cannot export the loop sheet');
  await deps.previews.show(SHEET, markdown);
  const saveHtml = 'Save as HTML…';
  if ((await window.showInformationMessage('The loop sheet is open in the preview.', saveHtml)) !== saveHtml) return;
  const html = await deps.bank.loopSheet('html');
  if (html === undefined) return deps.reportUnavailable('Cannot export the loop sheet');
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const target = await window.showSaveDialog({
    defaultUri: folder ? Uri.joinPath(folder, 'loop-sheet.html') : undefined,
    filters: { HTML: ['html'] },
    saveLabel: 'Save Loop Sheet',
  });
  if (target) await workspace.fs.writeFile(target, new TextEncoder().encode(html));
}

async function pickStory(deps: LoopCommandDeps): Promise<StorySummary | undefined> {
  const stories = deps.bank.snapshot?.stories ?? [];
  const choice = await window.showQuickPick(
    stories.map((story) => ({ label: story.title, description: story.principles.join(', '), story })),
    { title: 'Drill Follow-ups', placeHolder: 'Which story should the Bar Raiser dig into?' },
  );
  return choice?.story;
}

function answersKey(story: StorySummary): string {
  // By file and title, not by line: the marks survive edits above the story.
  return `followUps:${story.uri}#${story.title}`;
}

/** One follow-up at a time, as a notification the user answers aloud, then marks. */
export async function drillFollowUps(deps: LoopCommandDeps, target?: StorySummary | string): Promise<void> {
  const id = typeof target === 'string' ? target : target?.id;
  const story = id ? deps.bank.snapshot?.stories.find((s) => s.id === id) : await pickStory(deps);
  if (!story) return;
  const followUps = await deps.bank.followUps(story.id);
  if (followUps === undefined) return deps.reportUnavailable('Cannot drill follow-ups');
  if (followUps.length === 0) {
    void window.showInformationMessage(`“${story.title}”: no follow-ups to drill.`);
    return;
  }
  const answered = new Set(deps.answers.get<string[]>(answersKey(story), []));
  if (followUps.every((f) => answered.has(f.id))) answered.clear();
  const order = drillOrder(followUps, answered);
  for (const [index, followUp] of order.entries()) {
    const choice = await window.showInformationMessage(
      `Follow-up ${index + 1} of ${order.length}: ${followUp.question} (${followUp.why})`,
      'Answered',
      'Skip',
      'Stop Drill',
    );
    if (choice === 'Answered') {
      answered.add(followUp.id);
      await deps.answers.update(answersKey(story), [...answered]);
    }
    if (choice === undefined || choice === 'Stop Drill') break;
  }
  void window.showInformationMessage(drillSummary(story.title, followUps, answered));
}
