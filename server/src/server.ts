/**
 * The language server as a Node process (the desktop extension, Neovim, the CLI's tests): it
 * reads the workspace from disk itself. browserServer.ts is the same server in a Web Worker.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { openBankCache } from './bankCache';
import { ruleDocUri } from './docs';
import { startServer } from './languageServer';
import { nodeFileUriKey, nodeFiles } from './nodeFiles';
import { useFileUriKeys } from './workspaceIndex';

useFileUriKeys(nodeFileUriKey);
startServer(createConnection(ProposedFeatures.all), { files: nodeFiles, ruleDocFile: ruleDocUri, openCache: openBankCache });
