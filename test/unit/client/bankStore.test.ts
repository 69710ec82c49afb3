import { strict as assert } from 'node:assert';
import { BankStore, type BankConnection } from '../../../client/src/bankStore';
import type { NotificationType } from 'vscode-languageserver-protocol';
import {
  BankChangedNotification,
  BankSnapshotRequest,
  NewStoryTemplateRequest,
  type BankSnapshot,
  type NewStoryParams,
} from '../../../server/src/protocol';
import { bankSnapshot, storySummary } from './snapshot';

const oneStory = bankSnapshot(['Ownership'], [storySummary({ title: 'Pager fatigue', principles: ['Ownership'] })]);
const noStories = bankSnapshot(['Ownership'], []);

/** A server stand-in: each request is answered by `answer`, notifications are pushed by `push`. */
class FakeServer implements BankConnection {
  readonly requests: { method: string; params?: unknown }[] = [];
  private handlers = new Map<string, (params: unknown) => void>();
  answer: (method: string, params?: unknown) => Promise<unknown> = () => Promise.reject(new Error('Unhandled method'));

  sendRequest<R>(type: { method: string }, params?: unknown): Promise<R> {
    const method = type.method;
    this.requests.push(params === undefined ? { method } : { method, params });
    return this.answer(method, params) as Promise<R>;
  }

  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void) {
    this.handlers.set(type.method, handler as (params: unknown) => void);
    return { dispose: () => this.handlers.delete(type.method) };
  }

  /** Pushes any payload, well-formed or not, as the server would. */
  push(type: NotificationType<BankSnapshot>, params: unknown): void {
    this.handlers.get(type.method)?.(params);
  }
}

function setup(normalize?: (uri: string) => string) {
  const server = new FakeServer();
  const logs: string[] = [];
  const store = new BankStore(server, (m) => logs.push(m), normalize);
  let changes = 0;
  store.onDidChange(() => changes++);
  return { server, logs, store, changes: () => changes };
}

describe('bank store', () => {
  it('starts loading, then holds the snapshot the server answers', async () => {
    const { server, store, changes } = setup();
    assert.equal(store.state, 'loading');
    server.answer = async () => oneStory;
    const snapshot = await store.refresh();
    assert.deepEqual(server.requests, [{ method: BankSnapshotRequest.method }]);
    assert.equal(snapshot?.stories[0].title, 'Pager fatigue');
    assert.equal(store.state, 'ready');
    assert.equal(changes(), 1);
  });

  it('reports an empty bank so the welcome view can offer New Story', async () => {
    const { server, store } = setup();
    server.answer = async () => noStories;
    await store.refresh();
    assert.equal(store.state, 'empty');
  });

  it('without a server bank, becomes unavailable and logs each failing method once', async () => {
    const { store, logs, changes } = setup();
    assert.equal(await store.refresh(), undefined);
    await store.refresh();
    assert.equal(await store.coverageReport(), undefined);
    await store.coverageReport();
    assert.equal(store.state, 'unavailable');
    assert.equal(changes(), 1, 'one change: loading → unavailable');
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs[0], /starStories\/bank failed \(Unhandled method\)/);
    assert.match(logs[1], /starStories\/coverageReport failed/);
  });

  it('logs a method again when it fails after having worked', async () => {
    const { server, store, logs } = setup();
    await store.refresh();
    server.answer = async () => oneStory;
    await store.refresh();
    server.answer = () => Promise.reject(new Error('Connection got disposed'));
    assert.equal((await store.refresh())?.stories.length, 1, 'keeps the last good snapshot');
    assert.equal(store.state, 'ready');
    assert.equal(logs.length, 2);
    assert.match(logs[1], /Connection got disposed/);
  });

  it('follows the changed notification', () => {
    const { server, store, changes } = setup();
    server.push(BankChangedNotification, oneStory);
    assert.equal(store.state, 'ready');
    server.push(BankChangedNotification, noStories);
    assert.equal(store.state, 'empty');
    assert.equal(store.snapshot?.stories.length, 0);
    assert.equal(changes(), 2);
  });

  it('ignores a malformed notification and keeps the last snapshot', () => {
    const { server, store, logs } = setup();
    server.push(BankChangedNotification, oneStory);
    server.push(BankChangedNotification, { stories: 'nope' });
    server.push(BankChangedNotification, null);
    assert.equal(store.snapshot?.stories.length, 1);
    assert.equal(logs.length, 2);
  });

  it('does not let a slow answer overwrite a newer notification', async () => {
    const { server, store } = setup();
    let answer!: (s: BankSnapshot) => void;
    server.answer = () => new Promise((resolve) => (answer = resolve));
    const pending = store.refresh();
    server.push(BankChangedNotification, oneStory);
    answer(noStories);
    await pending;
    assert.equal(store.snapshot?.stories.length, 1);
    assert.equal(store.state, 'ready');
  });

  it("puts story and folder URIs in the editor's spelling", async () => {
    const { server, store } = setup((uri) => uri.replace('file:///C%3A/', 'file:///c%3A/'));
    server.answer = async () => ({
      ...bankSnapshot([], [storySummary({ title: 't', uri: 'file:///C%3A/bank/t.star.md' })]),
      folders: ['file:///C%3A/bank'],
    });
    await store.refresh();
    assert.equal(store.snapshot?.stories[0].uri, 'file:///c%3A/bank/t.star.md');
    assert.deepEqual(store.snapshot?.folders, ['file:///c%3A/bank']);
  });

  it('sends the picked principles and title for a new story template', async () => {
    const { server, store } = setup();
    server.answer = async () => '# ${1:Title}';
    const params: NewStoryParams = { principles: ['Dive Deep', 'Ownership'], title: 'Pager fatigue' };
    assert.equal(await store.newStoryTemplate(params), '# ${1:Title}');
    assert.deepEqual(server.requests, [{ method: NewStoryTemplateRequest.method, params }]);
  });

  it('stops listening once disposed', () => {
    const { server, store } = setup();
    store.dispose();
    server.push(BankChangedNotification, oneStory);
    assert.equal(store.snapshot, undefined);
  });
});
