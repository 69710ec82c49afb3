/**
 * Protocol tests for the loop: the bundled server plans the loop set in the workspace's
 * `.star-stories.json` over its story bank, answers a story's follow-ups, and renders the loop
 * sheet; the CLI plans the same folder the same way.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli';
import { BankSnapshotRequest, FollowUpsRequest, LoopPlanRequest, LoopSheetRequest, type LoopPlan } from '../../server/src/protocol';
import { EXAMPLES } from '../unit/bank/stories';
import { LspClient, withServer } from './lspClient';

const LOOP = [
  { name: 'Bar Raiser', principles: ['Earn Trust', 'have-backbone'] },
  { name: 'Hiring manager', principles: ['Customer Obsession', 'Frugality', 'Time Travel'] },
];

const HOSTILE = `# Logging <b>bill</b> & "costs" | cut
Principles: Frugality

## Situation
Our logging vendor bill had doubled in a year.

## Task
I owned the cost review for the platform team.

## Action
I sampled the debug logs and dropped the ones nobody read.

## Result
The bill fell from $40K to $22K a month within a quarter.

## Reflection
I now review every new log stream's cost before it ships.
`;

describe('protocol: loop plan, follow-ups and loop sheet', function () {
  this.timeout(15_000);
  this.slow(2_000);
  let dir: string;
  let client: LspClient;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-loop-'));
    for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.star.md'))) {
      writeFileSync(join(dir, name), readFileSync(join(EXAMPLES, name)));
    }
    writeFileSync(join(dir, 'hostile.star.md'), HOSTILE);
    writeFileSync(join(dir, '.star-stories.json'), JSON.stringify({ loop: LOOP }));
  });

  withServer(
    (started) => {
      client = started;
    },
    () => ({ workspaceFolder: dir }),
  );

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The plan once the bank has indexed every file (it indexes in the background after start). */
  async function indexedPlan(): Promise<LoopPlan> {
    for (let i = 0; i < 100; i++) {
      const snapshot = await client.request(BankSnapshotRequest, null);
      if (snapshot.stories.length === 9 && snapshot.stories.every((s) => s.readiness)) return client.request(LoopPlanRequest, null);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The bank never held the nine stories\n${client.report()}`);
  }

  it('plans the configured loop: a distinct story per principle, the unknown principle named as a problem', async () => {
    const plan = await indexedPlan();
    assert.equal(plan.source, 'config');
    assert.deepEqual(
      plan.rounds.map((r) => [r.name, r.slots.map((s) => [s.principle, s.story?.title, s.targeted])]),
      [
        [
          'Bar Raiser',
          [
            ['Earn Trust', 'The index migration that locked billing', true],
            ['Have Backbone; Disagree and Commit', 'Query fix before the queue migration', true],
          ],
        ],
        [
          'Hiring manager',
          [
            ['Customer Obsession', 'Checkout latency regression', true],
            // Two stories name Frugality; either may take it (checked below).
            ['Frugality', plan.rounds[1].slots[1].story?.title, true],
          ],
        ],
      ],
    );
    assert.ok(['The logging bill nobody owned', HOSTILE.split('\n')[0].slice(2)].includes(plan.rounds[1].slots[1].story!.title));
    assert.deepEqual(plan.uncovered, []);
    assert.equal(plan.problems?.length, 1);
    assert.match(plan.problems![0], /"Time Travel" is not a principle of Amazon Leadership Principles/);
  });

  it('star-stories plan --format json on the same folder gives the same plan', async () => {
    const server = await indexedPlan();
    let out = '';
    const code = main(
      ['plan', dir, '--format', 'json'],
      (s) => (out += s),
      () => undefined,
    );
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), server);
  });

  it("answers a story's follow-ups by its id, and none for an unknown id", async () => {
    await indexedPlan();
    const id = `${pathToFileURL(join(dir, 'inventory-queue-disagreement.star.md')).href}#0`;
    const followUps = await client.request(FollowUpsRequest, { storyId: id });
    const ids = followUps.map((f) => f.id);
    assert.ok(ids.includes('backbone'), ids.join(', '));
    assert.ok(ids.includes('decided-against'));
    assert.ok(ids.indexOf('decided-against') < ids.indexOf('backbone'));
    assert.deepEqual(await client.request(FollowUpsRequest, { storyId: 'file:///nowhere#0' }), []);
  });

  it('renders the loop sheet in HTML with the story text escaped, and in Markdown', async () => {
    await indexedPlan();
    const html = await client.request(LoopSheetRequest, { format: 'html' });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!html.includes('<b>bill</b>'), 'a tag from a title reached the HTML');
    const markdown = await client.request(LoopSheetRequest, { format: 'markdown' });
    assert.match(markdown, /^# Loop sheet\n\n\| Round \| Principle \| Story \|\n/);
    assert.match(markdown, /\n\| Bar Raiser \| Earn Trust \| The index migration that locked billing \|\n/);
  });
});
