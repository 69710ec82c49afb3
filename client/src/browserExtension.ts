/**
 * The extension in VS Code for the Web (vscode.dev, github.dev; package.json `browser`): the
 * server runs in a Web Worker (dist/web/server.js) and reads the workspace through this client.
 */
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { activateClient, deactivateClient } from './activate';
import { answerFileRequests } from './workspaceFilesHandler';

/** The web extension host's Worker (this project compiles without the DOM types). */
declare const Worker: new (url: string) => { terminate(): void };

export async function activate(context: ExtensionContext): Promise<void> {
  const serverUrl = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  let worker: { terminate(): void } | undefined;
  await activateClient(
    context,
    // Any scheme: a browser workspace is vscode-vfs:, vscode-remote:, a local folder…
    [{ language: LANGUAGE_ID }],
    (options) => {
      // A new worker for each start, so Restart Server gets a fresh server; the old one is ended.
      const client = new LanguageClient(
        'starStories',
        'STAR Stories',
        async () => {
          worker?.terminate();
          worker = new Worker(serverUrl);
          return worker as never;
        },
        options,
      );
      answerFileRequests(client);
      return client;
    },
  );
}

export async function deactivate(): Promise<void> {
  await deactivateClient();
}
