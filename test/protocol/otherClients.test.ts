/**
 * How the server meets clients other than VS Code (docs/editors.md): Eglot, Helix and Neovim
 * answer `workspace/configuration` but cannot all take every registration, and open files
 * before they have answered. A raw JSON-RPC client here, so the order of messages is the test's.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams, RegistrationParams } from 'vscode-languageserver-protocol';
import { ROOT, SERVER_PATH } from './lspClient';

const STORY = readFileSync(join(ROOT, 'examples', 'onboarding-revamp.star.md'), 'utf8');
const URI = pathToFileURL(join(ROOT, 'examples', 'onboarding-revamp.star.md')).href;

interface Session {
  child: ChildProcess;
  connection: MessageConnection;
  registered: string[];
  /** Resolves the server's pending `workspace/configuration` request with these settings. */
  answerSettings: (settings: Record<string, unknown>) => void;
  configurationAsked: Promise<void>;
  firstDiagnostics: Promise<PublishDiagnosticsParams>;
}

async function start(workspace: ClientCapabilities['workspace']): Promise<Session> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const registered: string[] = [];
  let answer!: (settings: Record<string, unknown>) => void;
  let asked!: () => void;
  const configurationAsked = new Promise<void>((res) => (asked = res));
  const settings = new Promise<Record<string, unknown>>((res) => (answer = res));
  connection.onRequest('workspace/configuration', async (params: { items: Array<{ section?: string }> }) => {
    if (!params.items.some((i) => i.section === 'starStories')) return params.items.map(() => null);
    asked();
    const value = await settings;
    return params.items.map((i) => (i.section === 'starStories' ? value : null));
  });
  connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
    registered.push(...params.registrations.map((r) => r.method));
    return null;
  });
  const firstDiagnostics = new Promise<PublishDiagnosticsParams>((res) =>
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === URI) res(p);
    }),
  );
  connection.listen();
  const folder = pathToFileURL(join(ROOT, 'examples')).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, capabilities: { workspace } });
  await connection.sendNotification('initialized', {});
  return { child, connection, registered, answerSettings: answer, configurationAsked, firstDiagnostics };
}

async function stop(session: Session): Promise<void> {
  const exited = new Promise((res) => session.child.on('exit', res));
  await session.connection.sendRequest('shutdown');
  await session.connection.sendNotification('exit');
  await exited;
  session.connection.dispose();
}

describe('other LSP clients', function () {
  this.timeout(20_000);

  it('a client that answers its settings after opening a story gets first diagnostics that already follow them', async () => {
    const session = await start({ configuration: true });
    try {
      await session.configurationAsked;
      // Eglot and Neovim open the file while the server's request for settings is still unanswered.
      await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'star-markdown', version: 1, text: STORY },
      });
      session.answerSettings({ rules: { 'weak-verb': 'off' } });
      const first = await session.firstDiagnostics;
      assert.ok(first.diagnostics.length > 5, 'the weak story still has findings');
      assert.deepEqual(
        first.diagnostics.filter((d) => d.code === 'weak-verb'),
        [],
      );
    } finally {
      await stop(session);
    }
  });

  it('registers for configuration changes only with a client that can take the registration', async () => {
    for (const [dynamicRegistration, expected] of [
      [false, false],
      [true, true],
    ] as const) {
      const session = await start({ configuration: true, didChangeConfiguration: { dynamicRegistration } });
      try {
        await session.configurationAsked;
        session.answerSettings({});
        await session.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: URI, languageId: 'star-markdown', version: 1, text: STORY },
        });
        // Registration is sent in `initialized`, before the diagnostics the settings let through.
        await session.firstDiagnostics;
        assert.equal(
          session.registered.includes('workspace/didChangeConfiguration'),
          expected,
          `dynamicRegistration: ${dynamicRegistration}`,
        );
      } finally {
        await stop(session);
      }
    }
  });
});
