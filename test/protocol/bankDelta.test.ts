/**
 * The bank as VS Code's client follows it: the bundled server, told the client applies deltas
 * (`bankDeltas`), and the client's own BankStore on the connection. After the first snapshot a
 * change sends only the files it touched, and what the store holds stays what the server would
 * answer if asked for the whole bank.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection, NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { BankStore, type BankConnection } from '../../client/src/bankStore';
import {
  BankChangedNotification,
  BankDeltaNotification,
  BankSnapshotRequest,
  type BankDelta,
  type BankSnapshot,
} from '../../server/src/protocol';
import { CHECKOUT, EXAMPLES, SEARCH_ACCENTS } from '../unit/bank/stories';
import { LspClient, withServer } from './lspClient';

const FILE_CREATED = 1;
const FILE_CHANGED = 2;
const FILE_DELETED = 3;

describe('protocol: story bank deltas, followed by the client’s bank store', function () {
  this.timeout(10_000);
  this.slow(1_000);
  const dir = mkdtempSync(join(tmpdir(), 'star-bank-delta-'));
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  let client: LspClient;
  let store: BankStore;
  const deltas: BankDelta[] = [];
  const titles = () => store.snapshot?.stories.map((s) => s.title) ?? [];

  function until(what: string, done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`The bank store never showed ${what}; it shows ${titles().join(', ') || 'nothing'}\n${client.report()}`));
      }, 4000);
      const listener = store.onDidChange(() => {
        if (!done()) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
  }

  /** What the store holds equals the whole bank, asked for now (which is numbered; the store's copy is not). */
  async function assertInStep(): Promise<void> {
    const { seq, ...whole } = await client.request(BankSnapshotRequest, null);
    assert.equal(typeof seq, 'number', 'the answer is numbered for a client that applies deltas');
    assert.deepEqual(store.snapshot, whole);
  }

  async function watched(name: string, type: number): Promise<void> {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type }] });
  }

  writeFileSync(join(dir, 'payments.star.md'), CHECKOUT);
  writeFileSync(join(dir, 'search.star.md'), SEARCH_ACCENTS);
  writeFileSync(join(dir, 'rota.star.md'), example('platform-team', 'Pager rota'));

  withServer(
    (started) => {
      client = started;
      // The store's handlers, with each delta kept on the way to it.
      store = new BankStore(new Recording(started.connection, deltas), (message) => assert.fail(message));
    },
    () => ({ workspaceFolder: dir, initializationOptions: { bankDeltas: true } }),
  );

  after(() => {
    store?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the folder from the first, whole snapshot', async () => {
    // Rated: the first snapshot may list the files before the rules have run on them.
    await until('four stories rated', () => titles().length === 4 && store.snapshot!.stories.every((s) => s.readiness));
    assert.deepEqual(titles(), [
      'Checkout latency regression',
      'Pager rota',
      'Coaching a new engineer through code review',
      'Search that could not find accented names',
    ]);
    await assertInStep();
  });

  it('a changed file is sent alone, and the store shows the bank the server has', async () => {
    const before = deltas.length;
    writeFileSync(join(dir, 'rota.star.md'), example('index-migration-outage', 'Pager rota, rewritten'));
    await watched('rota.star.md', FILE_CHANGED);
    await until('the renamed story', () => titles().includes('Pager rota, rewritten'));
    const sent = deltas.slice(before);
    assert.ok(sent.length >= 1, 'the change came as a delta');
    assert.deepEqual(
      sent.flatMap((d) => d.files.map((f) => f.uri)),
      sent.map(() => uriOf('rota.star.md')),
      'each delta carries the changed file only',
    );
    assert.deepEqual(
      store.snapshot!.principles.find((p) => p.name === 'Earn Trust')!.stories,
      [`${uriOf('rota.star.md')}#0`],
      "the coverage comes with it: the file's new principle lists it",
    );
    await assertInStep();
  });

  it('a created file is added in its place and a deleted one dropped', async () => {
    writeFileSync(join(dir, 'billing.star.md'), example('inventory-queue-disagreement', 'Billing export'));
    await watched('billing.star.md', FILE_CREATED);
    await until('the new story', () => titles().includes('Billing export'));
    assert.equal(titles()[0], 'Billing export', 'billing.star.md sorts first, as in a whole snapshot');
    unlinkSync(join(dir, 'search.star.md'));
    await watched('search.star.md', FILE_DELETED);
    await until('the deleted story gone', () => !titles().includes('Search that could not find accented names'));
    assert.deepEqual(deltas[deltas.length - 1].files, [{ uri: uriOf('search.star.md'), stories: [] }]);
    await assertInStep();
  });

  it('an unsaved edit in an open file is sent as a delta of that file', async () => {
    const uri = uriOf('payments.star.md');
    const before = deltas.length;
    await client.open(uri, CHECKOUT.replace(/^# .*/, '# Checkout, as I am typing it'));
    await until('the edited title', () => titles().includes('Checkout, as I am typing it'));
    assert.deepEqual(
      deltas.slice(before).flatMap((d) => d.files.map((f) => f.uri)),
      deltas.slice(before).map(() => uri),
    );
    await assertInStep();
    await client.close(uri);
    await until('the title from disk again', () => titles().includes('Checkout latency regression'));
    await assertInStep();
  });

  it('without bankDeltas in initialize the server keeps sending whole snapshots (other clients)', async () => {
    const other = await LspClient.start({ workspaceFolder: dir });
    try {
      const received: BankDelta[] = [];
      other.connection.onNotification(BankDeltaNotification, (d) => {
        received.push(d);
      });
      const wholes: BankSnapshot[] = [];
      let wake = () => {};
      other.connection.onNotification(BankChangedNotification, (snapshot: BankSnapshot) => {
        wholes.push(snapshot);
        wake();
      });
      const whole = (done: (s: BankSnapshot) => boolean) =>
        new Promise<BankSnapshot>((resolve) => {
          const check = () => {
            const found = wholes.find(done);
            if (found) resolve(found);
          };
          wake = check;
          check();
        });
      const stories = titles().length;
      await whole((s) => s.stories.length === stories && s.stories.every((story) => story.readiness));
      const answer = await other.request(BankSnapshotRequest, null);
      assert.equal(answer.seq, undefined, 'not numbered: there is no delta to apply to it');
      writeFileSync(join(dir, 'billing.star.md'), example('inventory-queue-disagreement', 'Billing export, again'));
      await other.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uriOf('billing.star.md'), type: FILE_CHANGED }],
      });
      const renamed = await whole((s) => s.stories.some((story) => story.title === 'Billing export, again'));
      assert.equal(renamed.stories.length, stories, 'the whole bank, every file in it');
      assert.deepEqual(received, []);
    } finally {
      await other.stop();
    }
  });
});

/** The connection as the bank store sees it, keeping each delta on its way to the store. */
class Recording implements BankConnection {
  constructor(
    private readonly inner: MessageConnection,
    private readonly deltas: BankDelta[],
  ) {}

  sendRequest<R>(type: RequestType0<R, void>): Promise<R>;
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  sendRequest(type: RequestType0<unknown, void> | RequestType<unknown, unknown, void>, params?: unknown): Promise<unknown> {
    return params === undefined
      ? this.inner.sendRequest(type as RequestType0<unknown, void>)
      : this.inner.sendRequest(type as RequestType<unknown, unknown, void>, params);
  }

  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): { dispose(): void } {
    return this.inner.onNotification(type, (params: P) => {
      if (type.method === BankDeltaNotification.method) this.deltas.push(params as BankDelta);
      handler(params);
    });
  }
}

/** An example story under another title: each file of the folder a story of its own, sharing nothing with the others. */
function example(name: string, title: string): string {
  return readFileSync(join(EXAMPLES, `${name}.star.md`), 'utf8').replace(/^# .*/, `# ${title}`);
}
