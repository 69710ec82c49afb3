/**
 * The server started as the desktop client starts it (dist/start.js --code-cache=DIR): the first
 * start writes V8's code cache into the folder, a restart compiles from it, and both publish the
 * same diagnostics. A cache that is damaged, cut short, made for another build or not ours at all
 * is never run: the server starts as if there were none and writes a good one.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_CACHE_FILE, WRITE_AFTER_MS } from '../../server/src/codeCache';
import { finding, LspClient, testUri } from './lspClient';

const WEAK_STORY = `# The migration

Principles: Ownership

## Situation
Our team was involved in a database migration that was kind of late.

## Task
We needed to finish it.

## Action
We helped the other team and I would say we did a lot of testing.

## Result
It went well and everyone was happy.
`;

/** Longer than the cache's write delay, with room for a loaded machine. */
const WRITTEN_WITHIN_MS = WRITE_AFTER_MS + 8000;

describe('protocol: the server started through its code cache', function () {
  this.timeout(60_000);
  this.slow(15_000);
  const folders: string[] = [];
  const clients: LspClient[] = [];
  const uri = testUri('code-cache.star.md');

  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'star-code-cache-'));
    folders.push(made);
    return made;
  };

  /** Starts, lints the weak story, and (when asked) waits for the cache's line on stderr. */
  async function start(codeCache: string, waitFor?: string) {
    const client = await LspClient.start({ codeCache });
    clients.push(client);
    await client.open(uri, WEAK_STORY);
    const diagnostics = (await client.diagnosticsFor(uri, 10_000)).diagnostics.map(finding);
    if (waitFor) {
      const deadline = Date.now() + WRITTEN_WITHIN_MS;
      while (!client.stderr.includes(waitFor) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }
    return { client, diagnostics, stderr: client.stderr };
  }

  afterEach(() => {
    for (const client of clients.splice(0)) client.kill();
    for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
  });

  it('writes the cache after the first start; a restart compiles from it, rewrites nothing and publishes the same diagnostics', async () => {
    const dir = folder();
    const first = await start(dir, 'written');
    assert.match(first.stderr, /code cache not found: written \(\d+ KB\)/, first.client.report());
    assert.ok(first.diagnostics.length >= 3, `the weak story gets findings: ${JSON.stringify(first.diagnostics)}`);
    const file = join(dir, CODE_CACHE_FILE);
    const written = readFileSync(file);
    const writtenAt = statSync(file).mtimeMs;
    first.client.kill();

    const second = await start(dir, 'compiled from the code cache');
    assert.match(second.stderr, /server compiled from the code cache/, second.client.report());
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.ok(written.equals(readFileSync(file)) && statSync(file).mtimeMs === writtenAt, 'the cache was rewritten');
    assert.deepEqual(readdirSync(dir), [CODE_CACHE_FILE], 'only the cache file, no temporary left behind');
  });

  it('never runs a damaged, cut-short, foreign or other-build cache: same diagnostics, and a good cache replaces it', async () => {
    const source = folder();
    const reference = await start(source, 'written');
    reference.client.kill();
    const good = readFileSync(join(source, CODE_CACHE_FILE));
    const newline = good.indexOf(10);
    const flipped = Buffer.from(good);
    flipped[newline + 1 + Math.floor((good.length - newline) / 2)] ^= 0xff;
    const header = good.subarray(0, newline).toString('latin1').split(' | ');
    const variants: Array<[string, Buffer, RegExp]> = [
      ['one byte flipped in the code', flipped, /code cache damaged: written/],
      ['cut short', good.subarray(0, Math.floor(good.length / 2)), /code cache damaged: written/],
      [
        'made for another build',
        Buffer.concat([Buffer.from(`${header[0]} | ${'0'.repeat(64)} | ${header[2]}`), good.subarray(newline)]),
        /made for another build: written/,
      ],
      ['not a cache at all', Buffer.from('{"not": "a code cache"}\n'), /not recognized: written/],
    ];
    // Side by side: each waits out the write delay.
    const runs = await Promise.all(
      variants.map(async ([, bytes]) => {
        const dir = folder();
        writeFileSync(join(dir, CODE_CACHE_FILE), bytes);
        return { dir, ...(await start(dir, 'written')) };
      }),
    );
    for (const [i, [name, , said]] of variants.entries()) {
      const run = runs[i];
      assert.match(run.stderr, said, `${name}: ${run.client.report()}`);
      assert.deepEqual(run.diagnostics, reference.diagnostics, name);
      // The new file is for this build, and its code is what its header says.
      const rewritten = readFileSync(join(run.dir, CODE_CACHE_FILE));
      const [magic, bundle, payload] = rewritten.subarray(0, rewritten.indexOf(10)).toString('latin1').split(' | ');
      assert.deepEqual([magic, bundle], header.slice(0, 2), name);
      assert.equal(
        createHash('sha256')
          .update(rewritten.subarray(rewritten.indexOf(10) + 1))
          .digest('hex'),
        payload,
        name,
      );
    }
  });

  it('takes no relative cache folder, and writes nothing there', async () => {
    const run = await start('relative-cache-folder');
    assert.deepEqual(run.diagnostics.length > 0, true);
    assert.match(run.stderr, /not an absolute path/);
    assert.equal(existsSync(join(process.cwd(), 'relative-cache-folder')), false);
  });
});
