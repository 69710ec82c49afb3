import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli as run } from './cliRun';
import { CHECKOUT, CHECKOUT_COPY, SEARCH_ACCENTS } from './bank/stories';

describe('star-stories coverage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-coverage-'));
    mkdirSync(join(dir, 'bank'));
    writeFileSync(join(dir, 'bank', 'payments.star.md'), CHECKOUT);
    writeFileSync(join(dir, 'bank', 'search.star.md'), SEARCH_ACCENTS);
  });

  it('prints each principle with its stories as text and exits 0', () => {
    const { code, out } = run('coverage', join(dir, 'bank'));
    assert.equal(code, 0);
    assert.match(out, /^Amazon Leadership Principles: 2 stories in 2 files; 2 principles covered, 0 thin, 14 missing\n/);
    assert.match(out, /\n1\. Customer Obsession \* +covered \(2\) +S1, S2\n/);
    assert.match(out, /\n {2}S2 {2}Search that could not find accented names \(search\.star\.md:1\)/);
  });

  it('--format json gives the bank snapshot, with the folder and file URIs', () => {
    const { code, out } = run('coverage', join(dir, 'bank'), '--format', 'json');
    assert.equal(code, 0);
    const snapshot = JSON.parse(out);
    assert.deepEqual(snapshot.folders, [pathToFileURL(join(dir, 'bank')).href]);
    assert.deepEqual(
      snapshot.stories.map((s: { uri: string; line: number }) => [s.uri, s.line]),
      [
        [pathToFileURL(join(dir, 'bank', 'payments.star.md')).href, 0],
        [pathToFileURL(join(dir, 'bank', 'search.star.md')).href, 0],
      ],
    );
    assert.equal(snapshot.principles.length, 16);
    assert.deepEqual(
      snapshot.principles[0].stories,
      snapshot.stories.map((s: { id: string }) => s.id),
    );
  });

  it('--format=markdown gives the report the editor shows', () => {
    const { code, out } = run('coverage', join(dir, 'bank', '*.star.md'), '--format=markdown');
    assert.equal(code, 0);
    assert.match(out, /^# Story bank coverage\n/);
    assert.match(
      out,
      /\n\| 1 \| Customer Obsession \*must\* \| covered \(2\) \| S1 Checkout latency regression<br>S2 Search that could not find… \|\n/,
    );
  });

  it('counts a near-duplicate as a problem of both stories', () => {
    writeFileSync(join(dir, 'bank', 'copy.star.md'), CHECKOUT_COPY);
    const snapshot = JSON.parse(run('coverage', join(dir, 'bank'), '--format', 'json').out);
    const problems = Object.fromEntries(snapshot.stories.map((s: { title: string; problems: number }) => [s.title, s.problems]));
    assert.equal(problems['Payment page slowdown'], problems['Checkout latency regression']);
    assert.ok(problems['Payment page slowdown'] >= 1);
  });

  it('--role and --level order the matrix for the loop and add what the loop needs from the bank', () => {
    const { code, out } = run('coverage', join(dir, 'bank'), '--role', 'em', '--level', 'L6');
    assert.equal(code, 0);
    assert.match(out, /\nProfile: Engineering manager, L6 \(\* must-have\)\n/);
    assert.match(out, /\n1\. Hire and Develop the Best \* +missing \(0\)/);
    assert.match(
      out,
      /\nLoop composition\n {2}- \[ \] 8 to 10 stories: 2 stories; a loop needs 8 to 10, so that no story is told twice\. New story for: Hire and Develop the Best,/,
    );
    assert.match(out, /\n {2}- \[ \] A real failure story: .* New story for: Learn and Be Curious, Earn Trust\.\n/);
    const markdown = run('coverage', join(dir, 'bank'), '--role=pm', '--format', 'markdown').out;
    assert.match(markdown, /\nProfile: \*\*Product manager, L5\*\*\./);
    assert.match(markdown, /\n## Loop composition\n\n- \[ \] 8 to 10 stories/);
  });

  it('the flags win over the role and level of .star-stories.json', () => {
    writeFileSync(join(dir, '.star-stories.json'), JSON.stringify({ role: 'pm', level: 'L7' }));
    const configured = JSON.parse(run('coverage', dir, '--format', 'json').out);
    assert.deepEqual(configured.profile, { role: 'pm', level: 'L7', name: 'Product manager, L7' });
    const flagged = JSON.parse(run('coverage', dir, '--format', 'json', '--role', 'ml', '--level', 'L4').out);
    assert.deepEqual(flagged.profile, { role: 'ml', level: 'L4', name: 'Machine learning engineer or scientist, L4' });
    assert.equal(flagged.principles.find((p: { id: string }) => p.id === 'think-big').mustHave, false);
  });

  it('--level L6 on lint turns on the scope check for every file', () => {
    const rulesOf = (...flags: string[]) =>
      (
        JSON.parse(run('lint', join(dir, 'bank'), '--format', 'json', ...flags).out) as Array<{ messages: Array<{ ruleId: string }> }>
      ).flatMap((f) => f.messages.map((m) => m.ruleId));
    assert.ok(!rulesOf().includes('scope'));
    assert.ok(rulesOf('--level', 'L6').includes('scope'));
  });

  it('answers bad usage with a message and exit code 2', () => {
    const format = run('coverage', dir, '--format', 'xml');
    assert.equal(format.code, 2);
    assert.match(format.err, /unknown format "xml" \(use text, json or markdown\)/);
    const missing = run('coverage', join(dir, 'nope'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file/);
    assert.equal(run('coverage', '--frobnicate').code, 2);
    const role = run('coverage', dir, '--role', 'manager');
    assert.equal(role.code, 2);
    assert.match(role.err, /--role takes sde, em, pm, tpm, ml or other\./);
    assert.match(run('coverage', dir, '--level', 'L9').err, /--level takes L4, L5, L6, L7 or L8\./);
  });
});

describe('star-stories lint across files', () => {
  it('reports duplicate-story on both files, each naming the other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-dup-'));
    writeFileSync(join(dir, 'payments.star.md'), CHECKOUT);
    writeFileSync(join(dir, 'copy.star.md'), CHECKOUT_COPY);
    const reports = JSON.parse(run('lint', dir, '--format', 'json').out) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; message: string; line: number }>;
    }>;
    const duplicates = Object.fromEntries(
      reports.map((r) => [
        r.filePath.split(/[\\/]/).pop(),
        r.messages.filter((m) => m.ruleId === 'duplicate-story').map((m) => `${m.line}: ${m.message.replace(/ \(.*/, '')}`),
      ]),
    );
    assert.deepEqual(duplicates, {
      'copy.star.md': ["1: Near-duplicate of 'Checkout latency regression' in payments.star.md"],
      'payments.star.md': ["1: Near-duplicate of 'Payment page slowdown' in copy.star.md"],
    });
  });
});
