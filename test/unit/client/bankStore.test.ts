import { strict as assert } from 'node:assert';
import { BankStore, type BankConnection } from '../../../client/src/bankStore';
import type { NotificationType } from 'vscode-languageserver-protocol';
import {
  BankChangedNotification,
  BankDeltaNotification,
  BankSnapshotRequest,
  NewStoryTemplateRequest,
  type BankDelta,
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
  push(type: NotificationType<BankSnapshot> | NotificationType<BankDelta>, params: unknown): void {
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

  describe('deltas', () => {
    const a = (title: string, line = 0) => storySummary({ title, uri: 'file:///bank/a.star.md', line, principles: ['Ownership'] });
    const b = (title: string) => storySummary({ title, uri: 'file:///bank/b.star.md', principles: ['Frugality'] });
    const c = (title: string) => storySummary({ title, uri: 'file:///bank/c.star.md', principles: ['Ownership'] });
    const principles = ['Ownership', 'Frugality'];
    /** What the server sends when the bank went from `before` to `after`: `files` replaced, totals whole. */
    function delta(seq: number, after: BankSnapshot, files: BankDelta['files']): BankDelta {
      const { stories, ...rest } = after;
      return { ...rest, seq, base: seq - 1, files };
    }

    it('applies a delta to the snapshot it was built on: changed files replaced, removed ones dropped, order kept', () => {
      const { server, store, changes } = setup();
      server.push(BankChangedNotification, { ...bankSnapshot(principles, [a('A1'), a('A2', 20), b('B'), c('C')]), seq: 1 });
      const after = bankSnapshot(principles, [a('A1 renamed'), a('A2', 20), c('C')]);
      server.push(
        BankDeltaNotification,
        delta(2, after, [
          { uri: 'file:///bank/a.star.md', stories: [a('A1 renamed'), a('A2', 20)] },
          { uri: 'file:///bank/b.star.md', stories: [] },
        ]),
      );
      assert.deepEqual(store.snapshot, after);
      assert.equal(changes(), 2);
      // A file that comes back is put back in its place.
      const again = bankSnapshot(principles, [a('A1 renamed'), a('A2', 20), b('B again'), c('C')]);
      server.push(BankDeltaNotification, delta(3, again, [{ uri: 'file:///bank/b.star.md', stories: [b('B again')] }]));
      assert.deepEqual(store.snapshot, again);
      assert.deepEqual(server.requests, [], 'no snapshot asked for while the deltas follow on');
    });

    it('asks for the whole bank when a delta was built on another snapshot, and takes the answer', async () => {
      const { server, store } = setup();
      server.push(BankChangedNotification, { ...bankSnapshot(principles, [a('A'), b('B')]), seq: 1 });
      const now = { ...bankSnapshot(principles, [a('A'), b('B'), c('C')]), seq: 3 };
      server.answer = async () => now;
      // Number 2 never arrived: applying 3 would leave out what 2 changed.
      server.push(BankDeltaNotification, delta(3, now, [{ uri: 'file:///bank/c.star.md', stories: [c('C')] }]));
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(server.requests, [{ method: BankSnapshotRequest.method }]);
      assert.deepEqual(
        store.snapshot?.stories.map((s) => s.title),
        ['A', 'B', 'C'],
      );
      // The answer carries its number: the next delta applies on top of it.
      const next = bankSnapshot(principles, [a('A'), c('C')]);
      server.push(BankDeltaNotification, delta(4, next, [{ uri: 'file:///bank/b.star.md', stories: [] }]));
      assert.deepEqual(
        store.snapshot?.stories.map((s) => s.title),
        ['A', 'C'],
      );
      assert.equal(server.requests.length, 1);
    });

    it('a delta that comes during that refresh asks for one more, so none is lost', async () => {
      const { server, store } = setup();
      const answers: Array<(s: BankSnapshot) => void> = [];
      server.answer = () => new Promise((resolve) => answers.push(resolve as (s: BankSnapshot) => void));
      const now = bankSnapshot(principles, [a('A'), b('B')]);
      server.push(BankDeltaNotification, delta(5, now, []));
      server.push(BankDeltaNotification, delta(6, now, []));
      server.push(BankDeltaNotification, delta(7, now, []));
      assert.equal(answers.length, 1, 'one refresh at a time');
      answers[0]({ ...now, seq: 5 });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(answers.length, 2, 'one more for the deltas that came meanwhile');
      answers[1]({ ...bankSnapshot(principles, [a('A'), b('B'), c('C')]), seq: 7 });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(answers.length, 2);
      assert.deepEqual(
        store.snapshot?.stories.map((s) => s.title),
        ['A', 'B', 'C'],
      );
    });

    it('ignores a malformed delta and keeps the last snapshot', () => {
      const { server, store, logs } = setup();
      server.push(BankChangedNotification, { ...oneStory, seq: 1 });
      server.push(BankDeltaNotification, { seq: 2, base: 1, files: 'nope' });
      server.push(BankDeltaNotification, { seq: 2, base: 1, principles: [], principleSet: {}, files: [{ uri: 3 }] });
      assert.equal(store.snapshot?.stories[0].title, 'Pager fatigue');
      assert.equal(logs.length, 2, logs.join('\n'));
      assert.deepEqual(server.requests, []);
    });

    it("puts a delta's story URIs in the editor's spelling", () => {
      const { server, store } = setup((uri) => uri.replace('file:///C%3A/', 'file:///c%3A/'));
      const story = storySummary({ title: 't', uri: 'file:///C%3A/bank/t.star.md' });
      server.push(BankChangedNotification, { ...bankSnapshot([], []), seq: 1 });
      server.push(BankDeltaNotification, delta(2, bankSnapshot([], [story]), [{ uri: story.uri, stories: [story] }]));
      assert.equal(store.snapshot?.stories[0].uri, 'file:///c%3A/bank/t.star.md');
    });
  });
});
