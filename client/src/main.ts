/**
 * `dist/client.js`, the desktop extension's entry: it loads the extension itself
 * (`dist/extension.js`, which is mostly vscode-languageclient) through V8's code cache, kept in
 * the extension's global storage beside the server's. Without a cache every activation compiles
 * the bundle again, and editors that run extensions on a remote machine (Remote - SSH, WSL, dev
 * containers, code-server) keep none of their own. Checked before use and rewritten when damaged
 * or stale, as the server's is (server/src/codeCache.ts).
 */
import { join } from 'node:path';
import type { ExtensionContext } from 'vscode';
import { CLIENT_CODE_CACHE_FILE, loadBundle } from '../../server/src/codeCache';

type Extension = typeof import('./extension');

let extension: Extension | undefined;

export function activate(context: ExtensionContext): Promise<void> {
  const storage = context.globalStorageUri;
  extension = loadBundle(
    join(__dirname, 'extension.js'),
    storage.scheme === 'file' ? storage.fsPath : undefined,
    CLIENT_CODE_CACHE_FILE,
    // The extension host's log: the output channel does not exist yet.
    (line) => console.log(`STAR Stories: ${line}`),
  ) as Extension;
  return extension.activate(context);
}

export function deactivate(): Promise<void> | undefined {
  return extension?.deactivate();
}
