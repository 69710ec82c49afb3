import { commands, Uri, window, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import type { StorySummary } from '../../server/src/protocol';
import { BankContextKeys, BankViews } from './bankIds';
import { BankStore } from './bankStore';
import { registerBankCommands } from './commands';
import { CoverageReportDocument } from './coverageReport';
import { CoverageTreeProvider, type CoverageNode } from './coverageTree';
import { registerLoopCommands } from './loopCommands';
import { PreviewDocuments } from './previewDocument';
import { PracticeTimer, StoryStatusBar } from './statusBar';
import { StoriesViewProvider } from './storiesView';

/** Wires the story-bank views, status bar and commands to the language client. */
export function activateBankViews(context: ExtensionContext, client: BaseLanguageClient, output: LogOutputChannel): BankStore {
  const bank = new BankStore(
    client,
    (message) => output.warn(message),
    // The server may spell a URI differently (drive-letter case, escapes); the editor's form is the key.
    (uri) => Uri.parse(uri).toString(),
  );
  const coverage = new CoverageTreeProvider(bank);
  const coverageView = window.createTreeView<CoverageNode>(BankViews.coverage, { treeDataProvider: coverage, showCollapseAll: true });
  coverage.view = coverageView;
  const storiesProvider = new StoriesViewProvider(bank);
  const storiesView = window.createTreeView<StorySummary>(BankViews.stories, { treeDataProvider: storiesProvider });
  const statusBar = new StoryStatusBar(bank);
  const timer = new PracticeTimer((running) => {
    // The stopwatch takes the length item's place: two m:ss items at once read alike.
    statusBar.setPractising(running);
    void commands.executeCommand('setContext', BankContextKeys.practicing, running);
  });
  const report = new CoverageReportDocument();
  const previews = new PreviewDocuments();
  const showOutput = () => output.show(true);
  const setStateKey = () => void commands.executeCommand('setContext', BankContextKeys.state, bank.state);
  setStateKey();

  context.subscriptions.push(
    bank,
    bank.onDidChange(setStateKey),
    coverageView,
    storiesView,
    window.registerFileDecorationProvider(storiesProvider),
    statusBar,
    timer,
    report,
    previews,
    ...registerBankCommands({ bank, coverage, storiesView, timer, report, showOutput }),
    ...registerLoopCommands({
      bank,
      previews,
      answers: context.workspaceState,
      reportUnavailable: async (what) => {
        const choice = await window.showWarningMessage(
          `${what}: the STAR Stories server has not answered. The output has the details.`,
          'Show Output',
        );
        if (choice) showOutput();
      },
    }),
    // Also after a restart: the new server process has its own index.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void bank.refresh();
    }),
  );
  return bank;
}
