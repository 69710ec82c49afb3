/**
 * The desktop extension: the server is a Node process (dist/server.js) that reads the workspace
 * from disk, started through dist/start.js, which keeps its compiled code in the extension's
 * global storage so a restart does not compile it again.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { activateClient, deactivateClient } from './activate';

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const storage = context.globalStorageUri;
  const serverOptions: ServerOptions = {
    run: {
      module: context.asAbsolutePath(path.join('dist', 'start.js')),
      args: storage.scheme === 'file' ? [`--code-cache=${storage.fsPath}`] : [],
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...SERVER_ENV } },
    },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  await activateClient(
    context,
    [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The id makes `starStories.trace.server` control the protocol log.
    (options) => new LanguageClient('starStories', 'STAR Stories', serverOptions, options),
  );
}

export const deactivate = deactivateClient;
