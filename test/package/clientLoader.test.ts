/**
 * The desktop client's entry (dist/client.js, package.json `main`) as VS Code runs it: activate()
 * loads dist/extension.js through a V8 code cache in the extension's global storage. Each run is
 * a fresh Node process (scripts/activate-client.mjs, which the benchmark times too) with a
 * stand-in for the `vscode` module whose `window` throws, which ends the extension's activate()
 * right after the load. Run `npm run build` first.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_CODE_CACHE_FILE, WRITE_AFTER_MS } from '../../server/src/codeCache';

const CLIENT = join(__dirname, '..', '..', 'dist', 'client.js');
const ACTIVATE_CLIENT = join(__dirname, '..', '..', 'scripts', 'activate-client.mjs');

/** Activates in a fresh process and waits `waitMs` (the cache is written WRITE_AFTER_MS after the load); its output. */
function activate(storage: string, waitMs = 0): string {
  return execFileSync(process.execPath, [ACTIVATE_CLIENT, CLIENT, storage, String(waitMs)], { encoding: 'utf8' });
}

describe('the desktop client loader', function () {
  this.timeout(4 * WRITE_AFTER_MS);
  this.slow(3 * WRITE_AFTER_MS);
  const storage = mkdtempSync(join(tmpdir(), 'star-client-storage-'));
  after(() => rmSync(storage, { recursive: true, force: true }));

  it("runs the extension's activate(), and with no storage folder writes nothing", () => {
    const out = activate('');
    assert.match(out, /activate stopped at: vscode\.window is a stand-in/, out);
    assert.deepEqual(readdirSync(storage), []);
  });

  it('writes the code cache into the global storage, and the next activation compiles from it', () => {
    const first = activate(storage, WRITE_AFTER_MS + 1000);
    assert.match(first, /code cache not found: written \(\d+ KB\)/, first);
    assert.match(first, /activate stopped at: vscode\.window/, 'the extension ran from the loaded bundle');
    assert.deepEqual(readdirSync(storage), [CLIENT_CODE_CACHE_FILE], 'only the cache, no temporary file left behind');
    const second = activate(storage, WRITE_AFTER_MS + 1000);
    assert.match(second, /client compiled from the code cache/, second);
    assert.match(second, /activate stopped at: vscode\.window/);
  });

  it('a damaged cache is not used: the extension still activates and the cache is written again', () => {
    writeFileSync(join(storage, CLIENT_CODE_CACHE_FILE), 'not a cache');
    const out = activate(storage, WRITE_AFTER_MS + 1000);
    assert.match(out, /code cache not recognized: written/, out);
    assert.match(out, /activate stopped at: vscode\.window/);
  });
});
