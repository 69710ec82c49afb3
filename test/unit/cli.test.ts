import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './cliRun';
import { migrationStory } from '../migrationStory';
import { story } from './ruleTester';

const weak = migrationStory({
  principles: 'Customer Obsesion',
  task: 'I owned the cut-over.',
  action: 'We were asked to help with the migration and I would say it went well.',
  result: 'Things improved a lot.',
});

describe('star-stories lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-cli-'));
  });

  it('reports the acceptance findings as JSON with positions, and exits 1 on errors', () => {
    const file = join(dir, 'weak.star.md');
    writeFileSync(file, weak);
    const { code, out } = run('lint', file, '--format', 'json');
    assert.equal(code, 1);
    const [report] = JSON.parse(out);
    const rules = new Set(report.messages.map((m: { ruleId: string }) => m.ruleId));
    for (const rule of ['we-over-i', 'weak-verb', 'hypothetical', 'vague-impact', 'result-no-metric', 'unknown-principle'])
      assert.ok(rules.has(rule), `missing ${rule}`);
    const unknown = report.messages.find((m: { ruleId: string }) => m.ruleId === 'unknown-principle');
    assert.deepEqual([unknown.line, unknown.column, unknown.endColumn], [2, 13, 30]);
    assert.equal(unknown.severity, 'error');
    assert.match(unknown.docs, /^file:.*docs\/rules\/unknown-principle\.md$/);
    assert.equal(report.errorCount, 1);
  });

  it('writes SARIF 2.1.0 that code scanning reads: rules with doc links, results with regions and levels', () => {
    const file = join(dir, 'weak.star.md');
    writeFileSync(file, weak);
    const { code, out } = run('lint', file, '--format', 'sarif');
    assert.equal(code, 1);
    const log = JSON.parse(out);
    assert.equal(log.version, '2.1.0');
    const [run0] = log.runs;
    assert.equal(run0.tool.driver.name, 'star-stories');
    const unknown = run0.results.find((r: { ruleId: string }) => r.ruleId === 'unknown-principle');
    assert.equal(unknown.level, 'error');
    assert.deepEqual(unknown.locations[0].physicalLocation.region, { startLine: 2, startColumn: 13, endLine: 2, endColumn: 30 });
    assert.match(unknown.locations[0].physicalLocation.artifactLocation.uri, /weak\.star\.md$/);
    const rule = run0.tool.driver.rules[unknown.ruleIndex];
    assert.equal(rule.id, 'unknown-principle');
    assert.match(rule.helpUri, /docs\/rules\/unknown-principle\.md$/);
    const infoResult = run0.results.find((r: { ruleId: string }) => r.ruleId === 'no-decision-point');
    assert.equal(infoResult?.level, 'note', 'info findings are SARIF notes');
  });

  it('prints stylish output with file, position, severity, message and rule', () => {
    writeFileSync(join(dir, 'weak.star.md'), weak);
    const { out } = run('lint', dir);
    assert.match(out, /weak\.star\.md/);
    assert.match(
      out,
      /\n {2}2:13 +error +"Customer Obsesion" is not one of the Amazon Leadership Principles\. Did you mean "Customer Obsession"\? +unknown-principle\n/,
    );
    assert.match(out, /✖ \d+ problems \(1 error, \d+ warnings, \d+ info(?:, \d+ hints?)?\)/);
  });

  it('finds *.star.md files in folders, skipping node_modules and other Markdown', () => {
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(dir, 'bank'));
    writeFileSync(join(dir, 'node_modules', 'pkg', 'x.star.md'), weak);
    writeFileSync(join(dir, 'notes.md'), weak);
    writeFileSync(join(dir, 'bank', 'one.star.md'), weak);
    const reports = JSON.parse(run('lint', dir, '--format=json').out);
    assert.deepEqual(
      reports.map((r: { filePath: string }) => r.filePath.split(/[\\/]/).slice(-2).join('/')),
      ['bank/one.star.md'],
    );
  });

  it('expands globs itself', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'deep.star.md'), weak);
    writeFileSync(join(dir, 'a', 'top.star.md'), weak);
    const reports = JSON.parse(run('lint', join(dir, 'a', '**', '*.star.md'), '--format', 'json').out);
    assert.equal(reports.length, 2);
  });

  it('--fix writes the safe fixes and reports what is left', () => {
    const file = join(dir, 'weak.star.md');
    writeFileSync(file, weak);
    const { out } = run('lint', file, '--fix', '--format', 'json');
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /Principles: Customer Obsession\n/);
    // "We were asked" becomes "I was asked" only if the author says so: a safe fix never changes who did what.
    assert.match(fixed, /We were asked to help with the migration/);
    const [report] = JSON.parse(out);
    assert.ok(report.fixed >= 1);
    assert.ok(!report.messages.some((m: { fixable: boolean }) => m.fixable));
  });

  it('keeps advice (hints) out of stylish output, as the Problems panel does, and --coaching thorough shows it as info', () => {
    const file = join(dir, 'advice.star.md');
    // A strong story with one passive sentence: passive-voice is advice.
    writeFileSync(
      file,
      story({
        result: 'Median settlement time fell from nine days to 1.5 days within six weeks. The old integration was retired in March.',
      }),
    );
    const focused = run('lint', file);
    assert.doesNotMatch(focused.out, /passive-voice/);
    assert.match(focused.out, /1 hint not shown \(advice; --coaching thorough shows it\)/);
    const json = JSON.parse(run('lint', file, '--format', 'json').out);
    assert.ok(
      json[0].messages.some((m: { ruleId: string; severity: string }) => m.ruleId === 'passive-voice' && m.severity === 'hint'),
      'JSON keeps every finding',
    );
    const thorough = run('lint', file, '--coaching', 'thorough');
    assert.match(thorough.out, /info +.*passive-voice/);
    assert.equal(run('lint', file, '--coaching', 'loud').code, 2);
  });

  it('exits 0 on a clean story and honours --max-warnings', () => {
    const file = join(dir, 'ok.star.md');
    writeFileSync(file, weak.replace('Customer Obsesion', 'Customer Obsession'));
    assert.equal(run('lint', file).code, 0, 'warnings alone do not fail');
    assert.equal(run('lint', file, '--max-warnings', '0').code, 1);
  });

  it('answers bad usage with a message and exit code 2', () => {
    const missing = run('lint', join(dir, 'nope.star.md'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file/);
    const format = run('lint', dir, '--format', 'xml');
    assert.equal(format.code, 2);
    assert.match(format.err, /unknown format "xml"/);
    assert.equal(run('frobnicate').code, 2);
  });
});

describe('star-stories --version', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

  it('prints the version of package.json', () => {
    assert.deepEqual(run('--version'), { code: 0, out: pkg.version + '\n', err: '' });
  });

  it('is written in no source file: the CLI and the server take it from package.json at build time', () => {
    const sources = [
      'server/src/server.ts',
      ...readdirSync(join(__dirname, '..', '..', 'server', 'src', 'cli')).map((f) => `server/src/cli/${f}`),
    ];
    for (const source of sources.filter((s) => s.endsWith('.ts'))) {
      const text = readFileSync(join(__dirname, '..', '..', source), 'utf8');
      assert.ok(!text.includes(`'${pkg.version}'`), `${source} hard-codes the version`);
    }
  });
});
