import * as path from 'node:path';
import { commands, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BankMethods, Commands, CONFIG_SECTION, FIX_ALL_KIND, LANGUAGE_ID, SERVER_EXEC_ARGV, type CheckAllResult } from '../../server/src/protocol';
import { activateStoryBank } from './storyBank';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('STAR Stories', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: CONFIG_SECTION },
    outputChannel: output,
  };
  // The id makes `starStories.trace.server` control the protocol log.
  client = new LanguageClient('starStories', 'STAR Stories', serverOptions, clientOptions);

  context.subscriptions.push(
    output,
    commands.registerCommand(Commands.restartServer, async () => {
      output.info('Restarting the STAR Stories server…');
      await client?.restart();
    }),
    commands.registerCommand(Commands.showOutput, () => output.show(true)),
    commands.registerCommand(Commands.checkAllStories, async () => {
      const result = await client?.sendRequest<CheckAllResult>(BankMethods.checkAll);
      if (!result) return;
      await commands.executeCommand('workbench.actions.view.problems');
      void window.showInformationMessage(`Checked ${result.files} story ${result.files === 1 ? 'file' : 'files'}: ${result.problems} ${result.problems === 1 ? 'problem' : 'problems'}.`);
    }),
    commands.registerCommand(Commands.fixAll, () =>
      commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' }),
    ),
  );

  // Story bank: coverage tree, stories view, status bar and bank commands. Registered before the
  // server starts so the views exist at once; they fill when the server answers.
  activateStoryBank(context, client, output);

  // Not awaited: VS Code counts activation until this function settles, and nothing here needs
  // the server's answer (requests made meanwhile wait for the start).
  client.start().catch((err: unknown) => output.error(`The STAR Stories server did not start: ${(err as Error)?.message ?? err}`));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
