import {
  commands,
  Position,
  ProgressLocation,
  QuickPickItemKind,
  Range,
  SnippetString,
  TextEditorRevealType,
  Uri,
  window,
  workspace,
  type Disposable,
  type QuickPickItem,
  type TreeView,
} from 'vscode';
import {
  CONFIG_SECTION,
  formatDuration,
  LANGUAGE_ID,
  type BankSnapshot,
  type PrincipleCoverage,
  type StorySummary,
} from '../../server/src/protocol';
import { BankCommands, BankContextKeys, LoopCommands } from './bankIds';
import {
  chooseUncoveredPrinciple,
  coverageCounts,
  coverageDescription,
  fallbackTemplate,
  folderChoices,
  plural,
  practicePrompt,
  practiceStoryChoice,
  practiceSummary,
  type PracticePrompt,
  selectionOrder,
  slugify,
  uniqueFileName,
} from './bankViewModel';
import type { BankStore } from './bankStore';
import type { CoverageReportDocument } from './coverageReport';
import type { CoverageNode, CoverageTreeProvider } from './coverageTree';
import type { PracticeTimer } from './statusBar';

export interface BankCommandDeps {
  bank: BankStore;
  coverage: CoverageTreeProvider;
  storiesView: TreeView<StorySummary>;
  timer: PracticeTimer;
  report: CoverageReportDocument;
  showOutput(): void;
}

export function registerBankCommands(deps: BankCommandDeps): Disposable[] {
  const { bank, coverage, storiesView } = deps;
  const setOnlyGaps = async (onlyGaps: boolean): Promise<void> => {
    coverage.setOnlyGaps(onlyGaps);
    await commands.executeCommand('setContext', BankContextKeys.onlyGaps, onlyGaps);
  };
  return [
    commands.registerCommand(BankCommands.openStory, (uri: string, line: number) => openStory(uri, line)),
    commands.registerCommand(BankCommands.newStory, () => newStory(deps, [])),
    commands.registerCommand(BankCommands.newStoryForPrinciple, (node?: CoverageNode) => newStory(deps, principlesToFill(node))),
    commands.registerCommand(BankCommands.showCoverageReport, async () => {
      const report = await bank.coverageReport();
      if (report === undefined) return reportUnavailable(deps, 'No coverage report');
      await deps.report.show(report);
    }),
    commands.registerCommand(BankCommands.practice, () => practice(deps)),
    commands.registerCommand(BankCommands.stopPractice, () => stopPractice(deps)),
    commands.registerCommand(BankCommands.showPracticeQuestion, () => showPracticeQuestion(deps)),
    commands.registerCommand(BankCommands.showOnlyGaps, () => setOnlyGaps(true)),
    commands.registerCommand(BankCommands.showAllPrinciples, () => setOnlyGaps(false)),
    commands.registerCommand(BankCommands.refreshBank, async () => {
      if (!(await bank.refresh())) await reportUnavailable(deps, 'Cannot refresh the story bank');
    }),
    commands.registerCommand(BankCommands.revealStory, async (id: string) => {
      const story = bank.snapshot?.stories.find((s) => s.id === id);
      if (story) await storiesView.reveal(story, { select: true, focus: false });
    }),
  ];
}

/** The principles a tree row's "New Story for …" preselects: the row's principle, or what a failed loop check needs. */
function principlesToFill(node: CoverageNode | undefined): string[] {
  if (node?.kind === 'principle') return [node.row.principle.id];
  return node?.kind === 'check' ? node.row.principles : [];
}

async function currentSnapshot(bank: BankStore): Promise<BankSnapshot | undefined> {
  return bank.snapshot ?? (await bank.refresh());
}

async function reportUnavailable(deps: BankCommandDeps, what: string): Promise<void> {
  const choice = await window.showWarningMessage(
    `${what}: the STAR Stories server has not sent the story bank. The output has the details.`,
    'Show Output',
  );
  if (choice) deps.showOutput();
}

/** New Story: principles, title, folder, then the server's template as a snippet in a new file. */
async function newStory(deps: BankCommandDeps, preselectedIds: string[]): Promise<void> {
  const snapshot = await currentSnapshot(deps.bank);
  // Without a snapshot there is no principle list; the story is still created, Principles left to fill.
  const principles = snapshot && snapshot.principles.length ? await pickPrinciples(snapshot, preselectedIds) : [];
  if (!principles) return;
  const title = await askTitle();
  if (!title) return;
  const folder = await pickFolder(snapshot);
  if (folder === undefined) return;
  const template = (await deps.bank.newStoryTemplate({ principles, title })) ?? fallbackTemplate(title, principles);
  const document = folder
    ? await workspace.openTextDocument(await createStoryFile(folder, title))
    : await workspace.openTextDocument({ language: LANGUAGE_ID });
  const editor = await window.showTextDocument(document);
  // A snippet, so the cursor lands on the first placeholder and Tab walks the sections.
  await editor.insertSnippet(new SnippetString(template), new Position(0, 0));
}

/** Resolves to the trimmed title, or undefined when the user dismissed the box. */
async function askTitle(): Promise<string | undefined> {
  const title = await window.showInputBox({
    title: 'New Story (2/3): title',
    prompt: 'A short headline you could say aloud',
    placeHolder: 'Checkout latency regression',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'The story needs a title.'),
  });
  return title?.trim();
}

/** Practice: a principle's question, the story the user picks to answer it, beside a timer. */
async function practice(deps: BankCommandDeps): Promise<void> {
  const snapshot = await currentSnapshot(deps.bank);
  if (!snapshot || snapshot.principles.length === 0) return reportUnavailable(deps, 'Cannot practice');
  const principle = await pickPracticePrinciple(snapshot);
  if (!principle) return;
  const prompt = practicePrompt(snapshot, principle, Math.random);
  const story = await pickPracticeStory(prompt);
  if (story === undefined) return;
  const detail = story
    ? `${principle.name}. Your story: “${story.title}”, about ${formatDuration(story.seconds)} at your pace. It opens beside the timer; tell it aloud without reading.`
    : `${principle.name}. The bank has no story for it yet: answer from memory, then write it down with New Story.`;
  const start = 'Start Timer';
  if ((await window.showInformationMessage(prompt.question, { modal: true, detail }, start)) !== start) return;
  if (story) await openStory(story.uri, story.line);
  const target = story?.targetSeconds ?? workspace.getConfiguration(CONFIG_SECTION).get<number>('targetSeconds', 180);
  deps.timer.start(target, prompt.question);
  practised.story = story ?? undefined;
  void showPracticeQuestion(deps);
}

/** The story being practised, for what follows the timer (the follow-up drill). */
const practised: { story?: StorySummary } = {};

/** The principle's story; with two or more, the user picks. Null: none to tell; undefined: the user dismissed the list. */
async function pickPracticeStory(prompt: PracticePrompt): Promise<StorySummary | null | undefined> {
  if (prompt.stories.length <= 1) return prompt.stories[0] ?? null;
  const choice = await window.showQuickPick(
    prompt.stories.map((story) => ({ ...practiceStoryChoice(story), story })),
    { title: `Practice: ${prompt.principle.name}`, placeHolder: `Which story answers “${prompt.question}”?`, matchOnDescription: true },
  );
  return choice?.story;
}

/** The question on screen while a notification about it is open, so the status bar item does not open a second. */
let questionShown: string | undefined;

/**
 * The question, non-modal, so it stays readable while the user speaks. A progress notification,
 * because it closes itself when the timer stops (a plain message would stay behind, its button
 * dead); its Cancel stops the timer.
 */
async function showPracticeQuestion(deps: BankCommandDeps): Promise<void> {
  const question = deps.timer.question;
  if (!question || questionShown === question) return;
  questionShown = question;
  try {
    await window.withProgress(
      { location: ProgressLocation.Notification, title: `Practising: ${question}`, cancellable: true },
      async (_progress, token) => {
        await Promise.race([deps.timer.whenStopped(), new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()))]);
        // Cancel stops only the run the notification was shown for.
        if (token.isCancellationRequested && deps.timer.question === question) await stopPractice(deps);
      },
    );
  } finally {
    if (questionShown === question) questionShown = undefined;
  }
}

async function stopPractice(deps: BankCommandDeps): Promise<void> {
  const result = deps.timer.stop();
  if (!result) return;
  const story = practised.story;
  practised.story = undefined;
  void afterPractice(result, story);
}

/**
 * What follows a run: the time against the target, then (when the user asks) the Bar Raiser's
 * follow-ups on the story just told, as an interviewer digs in right after the answer.
 */
async function afterPractice(
  result: { elapsed: number; target: number; question: string },
  story: StorySummary | undefined,
): Promise<void> {
  const told = story ? `“${story.title}”: ` : '';
  const drill = 'Drill Follow-ups';
  const choice = await window.showInformationMessage(`${told}${practiceSummary(result.elapsed, result.target)}`, ...(story ? [drill] : []));
  if (choice === drill && story) await commands.executeCommand(LoopCommands.drillFollowUps, story.id);
}

/** Opens a story file with its heading at the top of the editor. */
async function openStory(uri: string, line: number): Promise<void> {
  const document = await workspace.openTextDocument(Uri.parse(uri));
  // The snapshot can trail the text by an edit; never point past the end.
  const position = new Position(Math.max(0, Math.min(line, document.lineCount - 1)), 0);
  const editor = await window.showTextDocument(document, { selection: new Range(position, position) });
  editor.revealRange(new Range(position, position), TextEditorRevealType.AtTop);
}

interface PrincipleItem extends QuickPickItem {
  principle?: PrincipleCoverage;
}

function principleItem(p: PrincipleCoverage): PrincipleItem {
  return { label: p.name, description: coverageDescription(p), detail: p.definition, principle: p };
}

function byRank(snapshot: BankSnapshot): PrincipleCoverage[] {
  return [...snapshot.principles].sort((a, b) => a.rank - b.rank);
}

async function pickPracticePrinciple(snapshot: BankSnapshot): Promise<PrincipleCoverage | undefined> {
  const counts = coverageCounts(snapshot);
  const random: PrincipleItem = {
    label: '$(question) An uncovered principle, at random',
    description: `${counts.missing} missing, ${counts.thin} thin`,
  };
  const items: PrincipleItem[] = [
    random,
    { label: 'Principles', kind: QuickPickItemKind.Separator },
    ...byRank(snapshot).map(principleItem),
  ];
  const choice = await window.showQuickPick(items, {
    title: 'Practice',
    placeHolder: 'Which principle should the interviewer probe?',
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  return choice.principle ?? chooseUncoveredPrinciple(snapshot, Math.random);
}

/** Resolves to the principles in the order ticked, or undefined when the user dismissed the list. */
function pickPrinciples(snapshot: BankSnapshot, preselectedIds: string[]): Promise<string[] | undefined> {
  const quickPick = window.createQuickPick<PrincipleItem>();
  quickPick.title = 'New Story (1/3): principles';
  quickPick.placeholder = `The principles this story shows, up to ${snapshot.maxPrinciplesPerStory} (Enter to go on)`;
  quickPick.canSelectMany = true;
  quickPick.matchOnDetail = true;
  quickPick.ignoreFocusOut = true;
  quickPick.items = byRank(snapshot).map(principleItem);
  quickPick.selectedItems = quickPick.items.filter((i) => i.principle && preselectedIds.includes(i.principle.id));
  // Scrolls to the principle the tree row started from; the list itself stays in rank order.
  if (quickPick.selectedItems.length) quickPick.activeItems = [quickPick.selectedItems[0]];
  let order = quickPick.selectedItems.map((i) => i.label);
  return new Promise((resolve) => {
    let accepted = false;
    quickPick.onDidChangeSelection(
      (selected) =>
        (order = selectionOrder(
          order,
          selected.map((i) => i.label),
        )),
    );
    quickPick.onDidAccept(() => {
      accepted = true;
      resolve(order);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (!accepted) resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** The folder for a new story; null when no folder is open (the story starts untitled). */
async function pickFolder(snapshot: BankSnapshot | undefined): Promise<Uri | null | undefined> {
  const roots = workspace.workspaceFolders ?? [];
  if (roots.length === 0) return null;
  const choices = folderChoices(
    snapshot,
    roots.map((f) => ({ uri: f.uri.toString(), name: f.name })),
  );
  if (choices.length === 1) return Uri.parse(choices[0].uri);
  const choice = await window.showQuickPick(
    choices.map((c) => ({ label: c.label, description: plural(c.stories, 'story', 'stories'), uri: c.uri })),
    { title: 'New Story (3/3): folder', placeHolder: 'Where the story file goes', ignoreFocusOut: true },
  );
  return choice ? Uri.parse(choice.uri) : undefined;
}

/** Creates an empty `<slug>.star.md` in `folder`, adding `-2`, `-3`… rather than touching an existing file. */
async function createStoryFile(folder: Uri, title: string): Promise<Uri> {
  const exists = (name: string) =>
    Promise.resolve(workspace.fs.stat(Uri.joinPath(folder, name))).then(
      () => true,
      () => false,
    );
  const uri = Uri.joinPath(folder, await uniqueFileName(slugify(title), exists));
  await workspace.fs.writeFile(uri, new Uint8Array());
  return uri;
}
