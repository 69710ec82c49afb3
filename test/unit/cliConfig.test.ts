import { strict as assert } from 'node:assert';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './cliRun';
import { migrationStory } from '../migrationStory';

interface Report {
  filePath: string;
  messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
  errorCount: number;
}

function lintJson(...args: string[]): { code: number; reports: Report[] } {
  const { code, out } = run('lint', ...args, '--format', 'json');
  return { code, reports: JSON.parse(out) };
}

/** Only the rules these tests configure; coaching rules that also fire on the story are not the subject here. */
const CONFIGURED = new Set(['we-over-i', 'unknown-principle']);
const rulesOf = (report: Report | undefined) =>
  report?.messages.filter((m) => CONFIGURED.has(m.ruleId)).map((m) => `${m.ruleId}:${m.severity}`) ?? [];

/** Findings: we-over-i (warning) and, with "Acme First" under the Amazon set, unknown-principle (error). */
const story = migrationStory({
  action: 'I wrote the plan, I ran the dry run and I cut over at night.',
  result: 'Refund time fell from 9 days to 2 days within a month.',
  reflection: 'I now rehearse every cut-over.',
});

describe('star-stories lint with .star-stories.json', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-cli-config-'));
    mkdirSync(join(dir, 'bank'));
    writeFileSync(join(dir, 'bank', 'one.star.md'), story);
  });

  it('without a config file: default severities', () => {
    const { reports } = lintJson(dir);
    assert.deepEqual(rulesOf(reports[0]), ['we-over-i:warning']);
  });

  it('a rule set to error in the nearest config file fails the run; off silences it', () => {
    writeFileSync(join(dir, '.star-stories.json'), '{ "rules": { "we-over-i": "error" } }');
    const strict = lintJson(dir);
    assert.deepEqual(rulesOf(strict.reports[0]), ['we-over-i:error']);
    assert.equal(strict.code, 1);
    writeFileSync(join(dir, 'bank', '.star-stories.json'), '{ "rules": { "we-over-i": "off" } }');
    const quiet = lintJson(dir);
    assert.deepEqual(rulesOf(quiet.reports[0]), [], 'the config nearest the file wins, the outer one is not merged');
    assert.equal(quiet.code, 0);
  });

  it('front matter overrides the config file', () => {
    writeFileSync(join(dir, '.star-stories.json'), '{ "rules": { "we-over-i": "off" } }');
    writeFileSync(join(dir, 'bank', 'one.star.md'), '---\nrules:\n  we-over-i: info\n---\n' + story);
    assert.deepEqual(rulesOf(lintJson(dir).reports[0]), ['we-over-i:info']);
  });

  it('a principle set from the config file is the active set', () => {
    writeFileSync(join(dir, 'bank', 'one.star.md'), story.replace('Principles: Ownership', 'Principles: Acme First'));
    assert.ok(rulesOf(lintJson(dir).reports[0]).includes('unknown-principle:error'));
    writeFileSync(
      join(dir, '.star-stories.json'),
      JSON.stringify({ principleSets: [{ id: 'acme', principles: [{ name: 'Acme First' }] }], principleSet: 'acme' }),
    );
    assert.ok(!rulesOf(lintJson(dir).reports[0]).includes('unknown-principle:error'));
  });

  it('a malformed config file is an error of that file with line:col, and linting goes on with defaults', () => {
    writeFileSync(join(dir, '.star-stories.json'), '{\n  "rules": { "we-over-i": "off" }\n  "targetSeconds": 90\n}\n');
    const { code, reports } = lintJson(dir);
    assert.equal(code, 1);
    assert.equal(reports.length, 2);
    assert.match(reports[0].filePath, /\.star-stories\.json$/);
    assert.deepEqual(
      reports[0].messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
      [['config', 'error', 3, 3]],
    );
    assert.match(reports[0].messages[0].message, /Not valid JSON: a comma is expected here/);
    assert.deepEqual(rulesOf(reports[1]), ['we-over-i:warning'], 'the story gets the default diagnostics');

    const stylish = run('lint', dir);
    assert.match(stylish.out, /\.star-stories\.json\n {2}3:3 +error +Not valid JSON: a comma is expected here\. .* config\n/);
  });

  it('an unknown key is a warning on the config file, reported once for many stories', () => {
    writeFileSync(join(dir, 'bank', 'two.star.md'), story);
    writeFileSync(join(dir, '.star-stories.json'), '{ "targetSecond": 90 }');
    const { code, reports } = lintJson(dir);
    assert.equal(code, 0);
    assert.equal(reports.filter((r) => r.filePath.endsWith('.star-stories.json')).length, 1);
    assert.deepEqual(
      reports[0].messages.map((m) => [m.severity, m.line, m.column, m.message]),
      [['warning', 1, 3, 'Unknown setting "targetSecond" (did you mean "targetSeconds"?); it is ignored.']],
    );
    assert.equal(run('lint', dir, '--max-warnings', '1').code, 1, 'config warnings count like any other');
  });

  it('--fix uses the config: a rule turned off is not fixed', () => {
    const hedged = story.replace('I wrote the plan', 'I basically wrote the plan');
    writeFileSync(join(dir, 'bank', 'one.star.md'), hedged);
    writeFileSync(join(dir, '.star-stories.json'), '{ "rules": { "hedging": "off" } }');
    run('lint', dir, '--fix');
    assert.equal(readFileSync(join(dir, 'bank', 'one.star.md'), 'utf8'), hedged);
    writeFileSync(join(dir, '.star-stories.json'), '{}');
    run('lint', dir, '--fix');
    assert.equal(readFileSync(join(dir, 'bank', 'one.star.md'), 'utf8'), story);
  });

  it('--config uses one given file for every story', () => {
    writeFileSync(join(dir, 'strict.json'), '{ "rules": { "we-over-i": "error" } }');
    writeFileSync(join(dir, 'bank', '.star-stories.json'), '{ "rules": { "we-over-i": "off" } }');
    assert.deepEqual(rulesOf(lintJson(dir, '--config', join(dir, 'strict.json')).reports[0]), ['we-over-i:error']);
    const missing = run('lint', dir, '--config', join(dir, 'nope.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such config file/);
  });

  describe('where the lookup stops', () => {
    const quietOuter = () => writeFileSync(join(dir, '.star-stories.json'), '{ "rules": { "we-over-i": "off" } }');

    it('at the repository root: a config file above the folder holding .git is not read', () => {
      mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
      mkdirSync(join(dir, 'repo', 'bank'));
      writeFileSync(join(dir, 'repo', 'bank', 'one.star.md'), story);
      quietOuter();
      assert.deepEqual(rulesOf(lintJson(join(dir, 'repo')).reports[0]), ['we-over-i:warning']);
      writeFileSync(join(dir, 'repo', '.star-stories.json'), '{ "rules": { "we-over-i": "error" } }');
      assert.deepEqual(rulesOf(lintJson(join(dir, 'repo')).reports[0]), ['we-over-i:error'], "the root's own file is read");
    });

    it('at the home folder: a config file above it is not read', () => {
      mkdirSync(join(dir, 'home', 'bank'), { recursive: true });
      writeFileSync(join(dir, 'home', 'bank', 'one.star.md'), story);
      quietOuter();
      const home = process.env.HOME;
      process.env.HOME = join(dir, 'home');
      try {
        assert.deepEqual(rulesOf(lintJson(join(dir, 'home')).reports[0]), ['we-over-i:warning']);
      } finally {
        process.env.HOME = home;
      }
    });

    it("a config file that is not the user's, or in a folder that is not, is skipped with a notice (needs root to chown)", function () {
      if (process.getuid?.() !== 0) this.skip();
      quietOuter();
      chownSync(join(dir, '.star-stories.json'), 4321, 4321);
      const foreignFile = run('lint', dir, '--format', 'json');
      assert.deepEqual(rulesOf(JSON.parse(foreignFile.out)[0]), ['we-over-i:warning']);
      assert.match(foreignFile.err, /ignoring .*\.star-stories\.json: it belongs to user 4321, not to you \(user 0\)/);
      chownSync(join(dir, '.star-stories.json'), 0, 0);
      chownSync(dir, 4321, 4321);
      const foreignFolder = run('lint', dir, '--format', 'json');
      assert.deepEqual(rulesOf(JSON.parse(foreignFolder.out)[0]), ['we-over-i:warning']);
      assert.match(foreignFolder.err, /its folder belongs to user 4321/);
    });
  });
});
