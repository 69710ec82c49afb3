import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './cliRun';
import {
  BILLING,
  CUTOVER_CONSISTENT,
  CUTOVER_DIFFERENT,
  RESUME_DIFFERENT,
} from '../../server/src/engine/rules/inconsistent-facts/fixtures';

interface Report {
  filePath: string;
  messages: Array<{ ruleId: string; message: string; line: number }>;
}

/** inconsistent-facts findings per file name, as "line: message up to its first full stop". */
function factsByFile(reports: Report[]): Record<string, string[]> {
  return Object.fromEntries(
    reports.map((r) => [
      r.filePath.split(/[\\/]/).pop(),
      r.messages.filter((m) => m.ruleId === 'inconsistent-facts').map((m) => `${m.line}: ${m.message.replace(/\. .*$/, '.')}`),
    ]),
  );
}

describe('star-stories lint: inconsistent-facts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-cli-facts-'));
    writeFileSync(join(dir, 'billing.star.md'), BILLING);
  });

  it('two files telling one project with different numbers: reported on both', () => {
    writeFileSync(join(dir, 'cutover.star.md'), CUTOVER_DIFFERENT);
    const { out } = run('lint', dir, '--format', 'json');
    assert.deepEqual(factsByFile(JSON.parse(out)), {
      'billing.star.md': [
        '8: 12 engineers here, 8 engineers in “Pushing back on the Stripe cutover date” in cutover.star.md (line 5).',
        '14: p99 latency to 200 ms here, to 350 ms in “Pushing back on the Stripe cutover date” in cutover.star.md (line 14).',
      ],
      'cutover.star.md': [
        '5: 8 engineers here, 12 engineers in “Migrating billing to Stripe” in billing.star.md (line 8).',
        '14: p99 latency to 350 ms here, to 200 ms in “Migrating billing to Stripe” in billing.star.md (line 14).',
      ],
    });
  });

  it('with the résumé the config file names, relative to it', () => {
    writeFileSync(join(dir, 'cutover.star.md'), CUTOVER_CONSISTENT);
    writeFileSync(join(dir, 'resume.md'), RESUME_DIFFERENT);
    writeFileSync(join(dir, '.star-stories.json'), '{ "resume": "resume.md" }');
    const { code, out, err } = run('lint', dir, '--format', 'json');
    assert.equal(err, '');
    assert.deepEqual(factsByFile(JSON.parse(out))['billing.star.md'], [
      '8: “led” here, “Collaborated on” in resume.md (line 4).',
      '14: p99 latency to 200 ms here, to 250 ms in resume.md (line 4).',
    ]);
    assert.deepEqual(factsByFile(JSON.parse(out))['cutover.star.md'], ['14: p99 latency to 200 ms here, to 250 ms in resume.md (line 4).']);
    assert.equal(code, 0, 'warnings only');
  });

  it('a résumé that cannot be read: one line saying so, the stories still linted against each other', () => {
    writeFileSync(join(dir, 'cutover.star.md'), CUTOVER_DIFFERENT);
    writeFileSync(join(dir, '.star-stories.json'), '{ "resume": "missing.md" }');
    const { code, out, err } = run('lint', dir, '--format', 'json');
    assert.match(err.trim(), /^[^\n]*cannot read the résumé .*missing\.md \(setting "resume"\): no such file; [^\n]*$/);
    assert.equal(factsByFile(JSON.parse(out))['billing.star.md'].length, 2);
    assert.equal(code, 2);
  });
});
