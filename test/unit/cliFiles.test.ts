/**
 * What `star-stories lint` does with the files it is given: which it reads, how it writes fixes
 * back, and what it prints about them. Each test is a case a user hit (issue 13).
 */
import { strict as assert } from 'node:assert';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli as run } from './cliRun';
import { writeFixed } from '../../server/src/cli/fixWrite';
import { stylish, toSarif } from '../../server/src/cli/format';
import type { FileReport, Message as ReportMessage } from '../../server/src/cli/report';
import type { Severity } from '../../server/src/engine';
import { billingMigration } from '../migrationStory';

interface Message {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}
interface Report {
  filePath: string;
  messages: Message[];
}

const json = (...args: string[]): Report[] => JSON.parse(run('lint', ...args, '--format', 'json').out);

/** Fixable: "We owned" becomes "I owned" (we-over-i), "Customer Obsesion" is corrected. */
const story = billingMigration({
  principles: 'Customer Obsesion',
  task: 'I would own the move before the contract ended.',
  action: 'I wrote the plan, I ran the dry run and I cut over at night.',
  result: 'The migration finished two weeks early and costs fell 30% in a quarter.',
});
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('star-stories lint: files and output', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-cli-files-'));
  });

  describe('--fix writes the story file itself', () => {
    it('refuses a read-only file with a clear message and exit 2, leaving it and its folder as they were', () => {
      const file = join(dir, 'locked.star.md');
      writeFileSync(file, story);
      chmodSync(file, 0o444);
      const { code, err } = run('lint', file, '--fix');
      assert.equal(code, 2);
      assert.match(err, /locked\.star\.md is read-only \(mode 0444\); not fixed/);
      assert.equal(readFileSync(file, 'utf8'), story);
      assert.equal(statSync(file).mode & 0o777, 0o444);
      assert.deepEqual(readdirSync(dir), ['locked.star.md'], 'no temporary file left behind');
    });

    it('writes through a symbolic link to its target; the link stays a link', () => {
      writeFileSync(join(dir, 'real.star.md'), story);
      mkdirSync(join(dir, 'bank'));
      symlinkSync(join(dir, 'real.star.md'), join(dir, 'bank', 'link.star.md'));
      run('lint', join(dir, 'bank', 'link.star.md'), '--fix');
      assert.ok(lstatSync(join(dir, 'bank', 'link.star.md')).isSymbolicLink());
      assert.match(readFileSync(join(dir, 'real.star.md'), 'utf8'), /I owned the move/);
    });

    it('keeps the mode and every hard link of the file', () => {
      const file = join(dir, 'shared.star.md');
      writeFileSync(file, story);
      chmodSync(file, 0o664);
      linkSync(file, join(dir, 'other-name.star.md'));
      run('lint', file, '--fix');
      assert.equal(statSync(file).mode & 0o777, 0o664);
      assert.equal(statSync(file).nlink, 2);
      assert.match(readFileSync(join(dir, 'other-name.star.md'), 'utf8'), /I owned the move/, 'the other name sees the fix');
      assert.deepEqual(readdirSync(dir).sort(), ['other-name.star.md', 'shared.star.md']);
    });

    it('leaves a file alone when it no longer holds the bytes that were linted (an editor saved it meanwhile)', () => {
      const file = join(dir, 'edited.star.md');
      writeFileSync(file, 'what was linted');
      const linted = { bytes: readFileSync(file), stat: statSync(file) };
      writeFileSync(file, 'what the editor saved since');
      const outcome = writeFixed(file, linted, Buffer.from('the fixed text'));
      assert.deepEqual(outcome, { written: false, fatal: false, message: `${file} changed while it was being fixed; not fixed.` });
      assert.equal(readFileSync(file, 'utf8'), 'what the editor saved since');
      assert.deepEqual(readdirSync(dir), ['edited.star.md']);
    });

    it('keeps the owner of a file it may write (as root)', function () {
      if (process.getuid?.() !== 0) this.skip();
      const file = join(dir, 'theirs.star.md');
      writeFileSync(file, story);
      chownSync(file, 4321, 4321);
      run('lint', file, '--fix');
      assert.match(readFileSync(file, 'utf8'), /I owned the move/);
      assert.deepEqual([statSync(file).uid, statSync(file).gid], [4321, 4321]);
    });
  });

  describe('a UTF-8 byte order mark', () => {
    it("is read as the editor reads it: the first title counts and positions are the editor's", () => {
      writeFileSync(join(dir, 'plain.star.md'), story);
      writeFileSync(join(dir, 'bom.star.md'), Buffer.concat([BOM, Buffer.from(story)]));
      const [bom, plain] = json(join(dir, 'bom.star.md'), join(dir, 'plain.star.md'));
      assert.ok(!bom.messages.some((m) => m.ruleId === 'missing-principles'), JSON.stringify(bom.messages));
      const at = (r: Report) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`);
      assert.deepEqual(at(bom), at(plain));
    });

    it('is written back by --fix', () => {
      const file = join(dir, 'bom.star.md');
      writeFileSync(file, Buffer.concat([BOM, Buffer.from(story)]));
      run('lint', file, '--fix');
      const bytes = readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [...BOM]);
      assert.match(bytes.toString('utf8', 3), /^# Billing migration\nPrinciples: Customer Obsession\n/);
    });
  });

  describe('which files are linted', () => {
    it('a file named twice (f and ./f) is linted once', () => {
      writeFileSync(join(dir, 'one.star.md'), story);
      const reports = json(join(dir, 'one.star.md'), `${dir}/./one.star.md`, `${dir}//one.star.md`);
      assert.equal(reports.length, 1);
    });

    it('a folder walk follows a symbolic link to a story, as a glob does, and lints its target once', () => {
      mkdirSync(join(dir, 'bank'));
      mkdirSync(join(dir, 'elsewhere'));
      writeFileSync(join(dir, 'elsewhere', 'kept.star.md'), story);
      symlinkSync(join(dir, 'elsewhere', 'kept.star.md'), join(dir, 'bank', 'linked.star.md'));
      assert.equal(json(join(dir, 'bank')).length, 1, 'the folder walk');
      assert.equal(json(join(dir, 'bank', '*.star.md')).length, 1, 'the glob');
      assert.equal(json(dir).length, 1, 'the target and the link are one file');
    });

    it('a folder walk follows linked folders and stops at a cycle', () => {
      mkdirSync(join(dir, 'bank', 'deep'), { recursive: true });
      writeFileSync(join(dir, 'bank', 'deep', 'one.star.md'), story);
      symlinkSync(join(dir, 'bank'), join(dir, 'bank', 'deep', 'loop'));
      mkdirSync(join(dir, 'outside'));
      writeFileSync(join(dir, 'outside', 'two.star.md'), story);
      symlinkSync(join(dir, 'outside'), join(dir, 'bank', 'linked'));
      assert.deepEqual(
        json(join(dir, 'bank'))
          .map((r) => r.filePath.split('/').pop())
          .sort(),
        ['one.star.md', 'two.star.md'],
      );
      assert.deepEqual(
        json(join(dir, 'bank', '**', '*.star.md'))
          .map((r) => r.filePath.split('/').pop())
          .sort(),
        ['one.star.md', 'two.star.md'],
      );
    });

    it('--config naming a folder is bad usage: exit 2', () => {
      writeFileSync(join(dir, 'one.star.md'), story);
      const { code, err } = run('lint', dir, '--config', dir);
      assert.equal(code, 2);
      assert.match(err, /is a folder, not a config file/);
    });
  });

  describe('output', () => {
    it('a file with hundreds of thousands of findings is reported, not a stack overflow', function () {
      this.timeout(60_000);
      // Every "I would" in an Action is a hypothetical finding.
      writeFileSync(join(dir, 'huge.star.md'), '# Huge\nPrinciples: Ownership\n\n## Action\n' + 'I would go. '.repeat(160_000) + '\n');
      const { code, out, err } = run('lint', dir);
      assert.equal(err, '');
      assert.equal(code, 1, 'the story lacks sections, which are errors');
      assert.match(out, /\n✖ 1\d{5} problems \(\d+ errors?, 16\d{4} warnings/);
    });

    it('a file name with a newline cannot start a line of its own (no "::error" command for CI)', () => {
      const name = 'x\n::error file=a::owned.star.md';
      writeFileSync(join(dir, name), story);
      const { out } = run('lint', dir);
      assert.ok(!out.split('\n').some((line) => line.startsWith('::')), out);
      assert.match(out, /x\\n::error file=a::owned\.star\.md/);
    });

    it('control characters from a story reach no output raw: stylish, json and sarif', () => {
      writeFileSync(join(dir, 'esc.star.md'), story.replace('Customer Obsesion', 'Customer \u001b[2J\u009b31mObsesion\u202e'));
      for (const format of ['stylish', 'json', 'sarif']) {
        const { out } = run('lint', dir, '--format', format);
        assert.ok(
          // eslint-disable-next-line no-control-regex -- no raw control character may reach the output
          !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out),
          `${format}: ${JSON.stringify(out.slice(0, 400))}`,
        );
        assert.match(out, /Customer \\u001b\[2J|Customer \\x1b\[2J/, format);
      }
      const [report] = json(dir);
      assert.ok(
        report.messages.some((m) => m.message.includes('Customer \u001b[2J\u009b31mObsesion\u202e')),
        'JSON still carries the exact text once parsed',
      );
    });

    it('coverage escapes story titles too, in text, markdown and json', () => {
      writeFileSync(join(dir, 'esc.star.md'), story.replace('# Billing migration', '# Billing \u001b]0;owned\u0007 migration'));
      for (const format of ['text', 'markdown', 'json']) {
        const { out } = run('coverage', dir, '--format', format);
        // eslint-disable-next-line no-control-regex -- no raw control character may reach the output
        assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(out), `${format}: ${JSON.stringify(out.slice(0, 300))}`);
        assert.match(out, /Billing \\u001b\]0;owned\\u0007 migration/, format);
      }
    });

    it('stylish lists errors and warnings before info within a file', () => {
      // too-long style info findings come late in the file; the unknown principle (error) is on line 2.
      writeFileSync(
        join(dir, 'weak.star.md'),
        '# T\nPrinciples: Customer Obsesion\n\n## Situation\nIt was slow.\n\n## Task\nWe had to fix it.\n\n## Action\nThe fix was deployed by me. We helped.\n\n## Result\nThings improved a lot.\n',
      );
      const { out } = run('lint', dir);
      const severities = out
        .split('\n')
        .map((l) => /^\s+\d+:\d+\s+(error|warning|info|hint)\s/.exec(l)?.[1])
        .filter(Boolean) as string[];
      const rank = { error: 0, warning: 1, info: 2, hint: 3 } as Record<string, number>;
      assert.ok(severities.includes('info') && severities.includes('error'), out);
      assert.deepEqual(
        severities,
        [...severities].sort((a, b) => rank[a] - rank[b]),
        out,
      );
    });

    it('a severity the CLI does not know sorts last and prints as itself; a hint is left out of stylish and counted; both are SARIF notes', () => {
      const message = (severity: string, line: number): ReportMessage => ({
        ruleId: 'r',
        severity: severity as Severity,
        message: severity,
        line,
        column: 1,
        endLine: line,
        endColumn: 2,
        fixable: false,
      });
      const report: FileReport = {
        filePath: join(dir, 'a.star.md'),
        messages: [message('brand-new', 1), message('hint', 2), message('info', 3), message('error', 4)],
        errorCount: 1,
        warningCount: 0,
        infoCount: 1,
      };
      const out = stylish([report], false, dir);
      assert.deepEqual(
        out
          .split('\n')
          .filter((l) => l.startsWith('  '))
          .map((l) => l.trim().split(/\s+/)[1]),
        ['error', 'info', 'brand-new'],
      );
      assert.match(out, /✖ 3 problems \(1 error, 0 warnings, 1 info, 1 brand-new\)/);
      assert.match(out, /1 hint not shown/);
      const levels = JSON.parse(toSarif([report], '0.0.0', dir)).runs[0].results.map((r: { level: string }) => r.level);
      assert.deepEqual(levels, ['note', 'note', 'note', 'error']);
    });

    it('JSON filePath is absolute, wherever the file is', () => {
      writeFileSync(join(dir, 'one.star.md'), story);
      writeFileSync(join(dir, '.star-stories.json'), '{ "targetSecond": 90 }');
      const reports = json(join(dir, 'one.star.md'));
      assert.deepEqual(
        reports.map((r) => r.filePath),
        [resolve(dir, '.star-stories.json'), resolve(dir, 'one.star.md')],
      );
    });

    it('an empty front matter is no finding', () => {
      writeFileSync(join(dir, 'a.star.md'), '---\n---\n' + story.replace('Obsesion', 'Obsession'));
      writeFileSync(join(dir, 'b.star.md'), '---\n# only a comment\n\n---\n' + story.replace('Obsesion', 'Obsession'));
      for (const r of json(dir)) assert.ok(!r.messages.some((m) => m.ruleId === 'front-matter'), JSON.stringify(r.messages));
    });
  });
});
