/**
 * The workspace's files for the browser server: it has no disk, so it asks the client
 * (`protocol.ts`, answered by client/src/workspaceFilesHandler.ts from `vscode.workspace.fs`).
 */
import type { Connection } from 'vscode-languageserver';
import { ListStoryFilesRequest, ReadFileRequest, StatRequest } from './protocol';
import { NotRegularFileError, type WorkspaceFiles } from './workspaceFiles';

export function clientFiles(connection: Connection): WorkspaceFiles {
  return {
    // Whatever the workspace is (vscode-vfs:, vscode-remote:, file:), the client can read it.
    reads: () => true,
    listStoryFiles: async (folderUri) => (await connection.sendRequest(ListStoryFilesRequest, { folderUri })).sort(),
    async readText(uri) {
      const result = await connection.sendRequest(ReadFileRequest, { uri });
      if ('text' in result) return result.text;
      if ('special' in result) throw new NotRegularFileError(result.special);
      // The code the readers of config files and the résumé tell "no such file" by, as from Node.
      throw Object.assign(new Error(result.error), result.notFound ? { code: 'ENOENT' } : {});
    },
    stat: async (uri) => (await connection.sendRequest(StatRequest, { uri })) ?? undefined,
  };
}
