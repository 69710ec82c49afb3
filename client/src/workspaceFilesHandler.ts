/**
 * The client's side of the browser server's file access (protocol.ts): the server in a Web
 * Worker has no disk, so the workspace's files are read here, with `vscode.workspace.fs`.
 */
import { FileSystemError, FileType, RelativePattern, Uri, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListStoryFilesRequest, ReadFileRequest, StatRequest, type FileStatResult, type ReadFileResult } from '../../server/src/protocol';

export function answerFileRequests(client: BaseLanguageClient): void {
  client.onRequest(ListStoryFilesRequest, async ({ folderUri }) => {
    // The server applies files.exclude itself, as for the disk, so only what it never reads is left out
    // here: its ALWAYS_SKIPPED, spelled out, since importing workspaceFiles.ts would bundle its config reader.
    const found = await workspace.findFiles(new RelativePattern(Uri.parse(folderUri), '**/*.star.md'), '**/{node_modules,.git}/**');
    return found.map((uri) => uri.toString());
  });
  client.onRequest(StatRequest, async ({ uri }) => {
    try {
      return statResult(await workspace.fs.stat(Uri.parse(uri)));
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  });
  client.onRequest(ReadFileRequest, async ({ uri }): Promise<ReadFileResult> => {
    try {
      const target = Uri.parse(uri);
      const special = statResult(await workspace.fs.stat(target)).special;
      if (special) return { special };
      // TextDecoder drops a byte order mark, as the editor does.
      return { text: new TextDecoder().decode(await workspace.fs.readFile(target)) };
    } catch (err) {
      return { error: (err as Error)?.message ?? String(err), notFound: notFound(err) };
    }
  });
}

function statResult(stat: { type: FileType; size: number }): FileStatResult {
  // A symbolic link to a file reads as the file (its type has both bits), as Node's stat says.
  if (stat.type & FileType.File) return { size: stat.size };
  return { size: stat.size, special: stat.type & FileType.Directory ? 'a folder' : 'not a regular file' };
}

function notFound(err: unknown): boolean {
  return err instanceof FileSystemError && err.code === 'FileNotFound';
}
