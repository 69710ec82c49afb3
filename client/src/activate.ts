/**
 * Everything the extension does, on the desktop (extension.ts: the server is a Node process) and
 * in the browser (browserExtension.ts: the server is a Web Worker). Nothing here may import a
 * Node module: the browser bundle includes it.
 */
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { CheckAllRequest, Commands, CONFIG_SECTION, FIX_ALL_KIND, type InitializationOptions } from '../../server/src/protocol';
import { activateBankViews } from './bankViews';

let client: BaseLanguageClient | undefined;

/** Starts the client `createClient` makes, for the documents `documentSelector` matches, and registers the commands and views. */
export async function activateClient(
  context: ExtensionContext,
  documentSelector: DocumentSelector,
  createClient: (options: LanguageClientOptions) => BaseLanguageClient,
): Promise<void> {
  const output = window.createOutputChannel('STAR Stories', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: CONFIG_SECTION },
    outputChannel: output,
    // Rule codes in the Problems panel and hovers link to a rendered page, not the raw file.
    // The bank cache lives in the extension's storage for this workspace, never in the workspace,
    // and only where the server has a disk (not in the browser).
    initializationOptions: {
      ruleDocCommand: Commands.openRuleDoc,
      storagePath: context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined,
      // The bank store applies deltas: a change in a large bank sends its files, not the whole bank.
      bankDeltas: true,
    } satisfies InitializationOptions,
  };
  client = createClient(clientOptions);

  context.subscriptions.push(
    output,
    commands.registerCommand(Commands.restartServer, async () => {
      output.info('Restarting the STAR Stories server…');
      const current = client;
      if (!current) return;
      // The Node client's restart also waits for a debugged server's port; the browser's has none.
      if ('restart' in current && typeof current.restart === 'function') await (current.restart as () => Promise<void>)();
      else await current.stop().then(() => current.start());
    }),
    commands.registerCommand(Commands.showOutput, () => output.show(true)),
    commands.registerCommand(Commands.checkAllStories, async () => {
      const result = await client?.sendRequest(CheckAllRequest);
      if (!result) return;
      await commands.executeCommand('workbench.actions.view.problems');
      void window.showInformationMessage(
        `Checked ${result.files} story ${result.files === 1 ? 'file' : 'files'}: ${result.problems} ${result.problems === 1 ? 'problem' : 'problems'}.`,
      );
    }),
    commands.registerCommand(Commands.openRuleDoc, (rule: unknown) => openRuleDoc(context, rule)),
    workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
      provideTextDocumentContent: async (uri) =>
        new TextDecoder().decode(await workspace.fs.readFile(ruleDocFile(context, uri.path.replace(/^\/|\.md$/g, '')))),
    }),
    commands.registerCommand(Commands.fixAll, () =>
      commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' }),
    ),
  );

  // Story bank: coverage tree, stories view, status bar and bank commands. Registered before the
  // server starts so the views exist at once; they fill when the server answers.
  activateBankViews(context, client, output);

  // Not awaited: VS Code counts activation until this function settles, and nothing here needs
  // the server's answer (requests made meanwhile wait for the start).
  client.start().catch((err: unknown) => output.error(`The STAR Stories server did not start: ${(err as Error)?.message ?? err}`));
}

/** Read-only copies of rule pages, for a workbench without the Markdown preview. */
const RULE_DOC_SCHEME = 'star-stories-rule';

function ruleDocFile(context: ExtensionContext, rule: string): Uri {
  return Uri.joinPath(context.extensionUri, 'dist', 'docs', 'rules', `${rule}.md`);
}

/** Shows a rule's page rendered; the file ships inside the extension, so it is never opened for editing. */
async function openRuleDoc(context: ExtensionContext, rule: unknown): Promise<void> {
  if (typeof rule !== 'string' || !/^[a-z][a-z-]*$/.test(rule)) return;
  try {
    await commands.executeCommand('markdown.showPreview', ruleDocFile(context, rule));
  } catch {
    await window.showTextDocument(await workspace.openTextDocument(Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${rule}.md` })), {
      preview: true,
    });
  }
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
