import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './cliRun';
import { EXAMPLES } from './bank/stories';

describe('star-stories plan and sheet', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-plan-'));
    for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.star.md'))) {
      writeFileSync(join(dir, name), readFileSync(join(EXAMPLES, name)));
    }
  });

  it('plans the default loop over the examples: a story per principle, none twice, and names what is left uncovered', () => {
    const { code, out } = run('plan', dir);
    assert.equal(code, 0);
    assert.match(out, /^Loop plan for the default loop: 5 rounds, 8 of 10 principles with a story of their own\n/);
    assert.match(
      out,
      /\nBar Raiser\n {2}Earn Trust +The index migration that locked billing \(strong inclined\) +index-migration-outage\.star\.md:1\n/,
    );
    const told = out
      .split('\n')
      .filter((l) => /\.star\.md:\d+$/.test(l))
      .map((l) => l.trim().split(/ {2,}/)[1]);
    assert.equal(told.length, 8);
    assert.equal(new Set(told).size, 8, 'a story was planned twice');
    // Eight stories for ten principles: the two least-probed of them stay uncovered.
    assert.match(out, /\nNot covered\n {2}Learn and Be Curious \(Hiring manager\)[^\n]*\n {2}Invent and Simplify \(Peer engineer\)/);
  });

  it('plans the loop of .star-stories.json, and --format json gives the plan with its problems', () => {
    writeFileSync(join(dir, '.star-stories.json'), JSON.stringify({ loop: [{ name: 'Solo', principles: ['Frugality', 'Moonshots'] }] }));
    const { code, out, err } = run('plan', dir, '--format', 'json');
    assert.equal(code, 0);
    const plan = JSON.parse(out);
    assert.equal(plan.source, 'config');
    assert.deepEqual(
      plan.rounds.map((r: { slots: Array<{ principle: string; story?: { title: string } }> }) =>
        r.slots.map((s) => [s.principle, s.story?.title]),
      ),
      [[['Frugality', 'The logging bill nobody owned']]],
    );
    assert.match(plan.problems[0], /"Moonshots" is not a principle/);
    assert.match(err, /"Moonshots" is not a principle/);
  });

  it('--format markdown gives a table', () => {
    const { out } = run('plan', dir, '--format=markdown');
    assert.match(out, /^# Loop plan\n/);
    assert.match(out, /\n\| Senior engineer \| Dive Deep \| Checkout latency regression \(strong inclined\) \|\n/);
  });

  it('sheet prints the loop sheet: hooks, key numbers and follow-ups, in Markdown or HTML', () => {
    const markdown = run('sheet', dir);
    assert.equal(markdown.code, 0);
    assert.match(
      markdown.out,
      /\n## Checkout latency regression\n\n\*Senior engineer: Dive Deep\* · strong inclined\n\n> For the slowest 1% of requests/,
    );
    assert.match(markdown.out, /\n1\. How did you measure the \$140K\?\n/);
    const htmlSheet = run('sheet', dir, '--format', 'html');
    assert.match(htmlSheet.out, /^<!DOCTYPE html>/);
    assert.match(htmlSheet.out, /<li>How did you measure the \$140K\?<\/li>/);
  });

  it('answers bad usage with a message and exit code 2', () => {
    const format = run('plan', dir, '--format', 'html');
    assert.equal(format.code, 2);
    assert.match(format.err, /unknown format "html" \(use text, markdown or json\)/);
    assert.match(run('sheet', dir, '--fix').err, /--fix is an option of lint, not of sheet/);
    assert.equal(run('plan', join(dir, 'nope')).code, 2);
  });
});
