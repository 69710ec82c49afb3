/**
 * The extension in VS Code for the Web (vscode.dev, github.dev; package.json `browser`): the
 * server runs in a Web Worker (dist/web/server.js) and reads the workspace through this client.
 */
import { Uri, workspace, type ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { activateClient, deactivateClient } from './activate';
import { answerFileRequests } from './workspaceFilesHandler';

// The web extension host's globals (this project compiles without the DOM types).
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

export async function activate(context: ExtensionContext): Promise<void> {
  const serverUri = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  let worker: ServerWorker | undefined;
  await activateClient(
    context,
    // Any scheme: a browser workspace is vscode-vfs:, vscode-remote:, a local folder…
    [{ language: LANGUAGE_ID }],
    (options) => {
      // A new worker for each start, so Restart Server gets a fresh server; the old one is ended.
      const client = new LanguageClient(
        'starStories',
        'STAR Stories',
        // Transports rather than the worker: the library tells a worker by `instanceof Worker`,
        // which fails for the web extension host's wrapped Worker constructor.
        async () => {
          worker?.terminate();
          const started = (worker = await startWorker(serverUri)) as never;
          return { reader: new BrowserMessageReader(started), writer: new BrowserMessageWriter(started) };
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

/**
 * A worker running the server bundle. An extension installed on a server (code-server, a remote)
 * has a `vscode-remote:` URI, from which the web extension host refuses to start a worker
 * ("Creating workers from remote extensions is currently not supported"): the bundle is read
 * through the file system instead and started from a blob.
 */
async function startWorker(serverUri: Uri): Promise<ServerWorker> {
  if (serverUri.scheme !== 'vscode-remote') return new Worker(serverUri.toString(true));
  const source = await workspace.fs.readFile(serverUri);
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}
