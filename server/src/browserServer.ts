/**
 * The language server in a Web Worker, for VS Code in the browser (vscode.dev, github.dev):
 * the same server as server.ts, but with no disk, so it asks the client for every file
 * (clientFiles.ts). Bundled by scripts/build.mjs as dist/web/server.js, with no Node module.
 */
import './browserShims';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { clientFiles } from './clientFiles';
import { startServer } from './languageServer';

// The worker's global scope, the port the client talks to (no DOM types in this project).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { files: clientFiles(connection) });
