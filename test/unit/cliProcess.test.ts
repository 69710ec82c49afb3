/**
 * The built CLI (`dist/cli.js`, after `npm run build`) as a real process, for what only a
 * process shows: a read that never returns, a glob that never ends, and permissions (the
 * permission cases run as user `nobody` when the tests run as root, who may read anything).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STORY } from '../fuzz/badInputs';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
/** Kills a CLI that hangs (the bug these tests are about), so the suite reports it instead of hanging too. */
const KILL_AFTER_MS = 30_000;
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

function cli(cwd: string, args: string[], extra: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: KILL_AFTER_MS, ...extra });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('star-stories lint as a process', function () {
  this.timeout(4 * KILL_AFTER_MS);
  let dir: string;
  before(() => assert.ok(existsSync(CLI), 'run `npm run build` first'));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-cli-process-'));
  });

  it('never opens a FIFO, named or found in a folder or by a glob: it is skipped with a notice', () => {
    writeFileSync(join(dir, 'story.star.md'), STORY);
    execFileSync('mkfifo', [join(dir, 'pipe.star.md')]);
    for (const args of [['pipe.star.md', 'story.star.md'], ['.'], ['*.star.md']]) {
      const { status, stdout, stderr } = cli(dir, ['lint', ...args, '--format', 'json']);
      assert.notEqual(status, null, `lint ${args.join(' ')} did not finish`);
      assert.match(stderr, /skipping (\.\/)?pipe\.star\.md: it is a FIFO, not a regular file/, args.join(' '));
      assert.deepEqual(
        JSON.parse(stdout).map((r: { filePath: string }) => r.filePath),
        [join(dir, 'story.star.md')],
        args.join(' '),
      );
    }
  });

  it('a glob with many stars against a long file name finishes (picomatch alone backtracks for minutes)', () => {
    const long = 'a'.repeat(240) + '.star.md';
    writeFileSync(join(dir, long), STORY);
    const miss = cli(dir, ['lint', '*a*a*a*a*a*a*a*a*a*b']);
    assert.notEqual(miss.status, null, 'the glob did not finish');
    assert.equal(miss.status, 2);
    assert.match(miss.stderr, /no such file, folder or match: \*a\*a/);
    const hit = cli(dir, ['lint', '*a*a*a*a*a*a*a*a*a*.md', '--format', 'json']);
    assert.deepEqual(
      JSON.parse(hit.stdout).map((r: { filePath: string }) => r.filePath),
      [join(dir, long)],
    );
  });

  describe('permissions', () => {
    /** Runs the CLI as a user who is not root, in a folder that user owns. */
    function asUser(args: string[]): { status: number | null; stdout: string; stderr: string } {
      return cli(dir, args, isRoot ? { uid: NOBODY, gid: NOBODY } : {});
    }
    beforeEach(() => {
      if (isRoot) chownSync(dir, NOBODY, NOBODY);
    });

    it('an unreadable folder named on the command line is a message and exit 2, not "no problems"', () => {
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked', 'story.star.md'), STORY);
      chmodSync(join(dir, 'locked'), 0o000);
      const { status, stdout, stderr } = asUser(['lint', 'locked']);
      chmodSync(join(dir, 'locked'), 0o755);
      assert.equal(status, 2, stdout);
      assert.match(stderr, /cannot read folder locked: EACCES/);
    });

    it('--fix refuses a story its user cannot write: exit 2, the file and the folder unchanged', () => {
      const file = join(dir, 'story.star.md');
      const fixable = STORY.replace('I owned the move', 'I would own the move');
      writeFileSync(file, fixable);
      // Writable by its owner (root), not by the user running the CLI; the folder is the user's.
      chmodSync(file, 0o644);
      if (!isRoot) chmodSync(file, 0o444);
      const { status, stderr } = asUser(['lint', 'story.star.md', '--fix']);
      assert.equal(status, 2);
      assert.match(stderr, /story\.star\.md is read-only (for you|\(mode 0444\)); not fixed/);
      assert.equal(readFileSync(file, 'utf8'), fixable);
      assert.deepEqual(readdirSync(dir), ['story.star.md'], 'no temporary file left behind');
    });
  });
});
