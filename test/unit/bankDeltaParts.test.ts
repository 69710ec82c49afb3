/**
 * A change to many files at once (the first rules pass touches every file of the bank) is sent as
 * several deltas, numbered in turn, each at most a bounded number of stories and never splitting a
 * file. The client's own store, given them in order, holds exactly the bank the server has.
 */
import { strict as assert } from 'node:assert';
import type { NotificationType } from 'vscode-languageserver-protocol';
import { BankStore, type BankConnection } from '../../client/src/bankStore';
import { SentBank } from '../../server/src/bankDelta';
import {
  BankChangedNotification,
  BankDeltaNotification,
  type BankDelta,
  type BankSnapshot,
  type StorySummary,
} from '../../server/src/protocol';
import { bankSnapshot, storySummary } from './client/snapshot';

/** Delivers what the server sends to the store's handlers; answers a refresh with `whole`. */
class Wire implements BankConnection {
  private readonly handlers = new Map<string, (params: unknown) => void>();
  refreshes = 0;
  whole: BankSnapshot | undefined;

  sendRequest<R>(): Promise<R> {
    this.refreshes++;
    return Promise.resolve(this.whole as R);
  }

  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void) {
    this.handlers.set(type.method, handler as (params: unknown) => void);
    return { dispose: () => this.handlers.delete(type.method) };
  }

  deliver(method: string, params: unknown): void {
    this.handlers.get(method)?.(JSON.parse(JSON.stringify(params)));
  }
}

/** `files` files of `perFile` stories each, the stories' problem counts set to `problems`. */
function bank(files: number, perFile: (file: number) => number, problems: number): BankSnapshot {
  const stories: StorySummary[] = [];
  for (let f = 0; f < files; f++) {
    const uri = `file:///bank/story-${String(f).padStart(3, '0')}.star.md`;
    for (let s = 0; s < perFile(f); s++)
      stories.push(storySummary({ uri, line: s * 20, title: `Story ${f}.${s}`, principles: ['Ownership'], problems }));
  }
  return bankSnapshot(['Ownership', 'Bias for Action'], stories);
}

const same = (story: StorySummary) => story;
const noOverride = () => '';

describe('bank deltas in parts', () => {
  it('sends a change to every file as deltas of at most the bound, numbered in turn, that rebuild the bank in the store', () => {
    const wire = new Wire();
    const store = new BankStore(wire, () => undefined);
    const sent = new SentBank(5);
    const perFile = (f: number) => (f === 7 ? 8 : 1 + (f % 3));
    const first = sent.next(bank(20, perFile, 0), same, noOverride);
    assert.ok('full' in first);
    wire.deliver(BankChangedNotification.method, first.full);

    const linted = bank(20, perFile, 4);
    const next = sent.next(linted, same, noOverride);
    assert.ok('deltas' in next);
    const { deltas } = next;
    assert.ok(deltas.length > 1, 'one change to every file is more than one delta');
    deltas.forEach((delta, i) => {
      assert.equal(delta.base, first.full.seq! + i);
      assert.equal(delta.seq, delta.base + 1);
      const stories = delta.files.reduce((n, f) => n + f.stories.length, 0);
      // A file larger than the bound travels alone, whole.
      assert.ok(stories <= 5 || delta.files.length === 1, `part ${i} has ${stories} stories in ${delta.files.length} files`);
    });
    const sentFiles = deltas.flatMap((d) => d.files.map((f) => f.uri));
    assert.equal(new Set(sentFiles).size, 20, 'every file is sent once');

    for (const delta of deltas) wire.deliver(BankDeltaNotification.method, delta);
    assert.equal(wire.refreshes, 0, 'the parts apply in order, no resynchronization');
    assert.deepEqual(store.snapshot, linted);
  });

  it('a change to one file is one delta, and a change to nothing still sends the totals once', () => {
    const sent = new SentBank(5);
    const before = bank(20, () => 2, 0);
    sent.next(before, same, noOverride);
    // The bank hands out the same summary objects for a file until it changes.
    const oneChanged = { ...before, stories: before.stories.map((s, i) => (i === 6 ? { ...s, problems: 3 } : s)) };
    const one = sent.next(oneChanged, same, noOverride) as { deltas: BankDelta[] };
    assert.equal(one.deltas.length, 1);
    assert.deepEqual(
      one.deltas[0].files.map((f) => f.uri),
      ['file:///bank/story-003.star.md'],
    );
    const none = sent.next(oneChanged, same, noOverride) as { deltas: BankDelta[] };
    assert.equal(none.deltas.length, 1);
    assert.deepEqual(none.deltas[0].files, []);
    assert.equal(none.deltas[0].base, one.deltas[0].seq);
  });

  it('stories made again with the same content are not sent again; a change deep inside one is', () => {
    const sent = new SentBank(5);
    const before = bank(20, () => 2, 0);
    before.stories[9] = {
      ...before.stories[9],
      readiness: { rating: 'inclined', score: 60, reasons: [{ rule: 'we-over-i', message: 'Say I.', weight: 2 }] },
    };
    sent.next(before, same, noOverride);
    // As after a restart: the cache's listing first, then the same stories computed again.
    const remade: BankSnapshot = JSON.parse(JSON.stringify(before));
    const unchanged = sent.next(remade, same, noOverride) as { deltas: BankDelta[] };
    assert.deepEqual(unchanged.deltas[0].files, []);
    const deeper: BankSnapshot = JSON.parse(JSON.stringify(remade));
    deeper.stories[9].readiness!.reasons[0].weight = 3;
    const changed = sent.next(deeper, same, noOverride) as { deltas: BankDelta[] };
    assert.deepEqual(
      changed.deltas[0].files.map((f) => f.uri),
      ['file:///bank/story-004.star.md'],
    );
  });
});
