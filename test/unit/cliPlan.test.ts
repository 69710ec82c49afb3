import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './cliRun';
import { EXAMPLES } from './bank/stories';

describe('star-stories plan and sheet', function () {
  // Each case lints the whole example bank; a loaded machine can take more than mocha's 2 s default.
  this.timeout(20_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-plan-'));
    for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.star.md'))) {
      writeFileSync(join(dir, name), readFileSync(join(EXAMPLES, name)));
    }
  });

  it('plans the role’s loop over the examples: a story per principle, none twice, and names what is left uncovered', () => {
    const { code, out } = run('plan', dir);
    assert.equal(code, 0);
    assert.match(out, /^Loop plan for the Software engineer, L5 loop: 5 rounds, 8 of 10 principles with a story of their own\n/);
    assert.match(
      out,
      /\nRound 5: Bar Raiser\n {2}Earn Trust +The index migration that locked billing \(strong inclined\) +index-migration-outage\.star\.md:1\n/,
    );
    const told = out
      .split('\n')
      .filter((l) => /\.star\.md:\d+$/.test(l))
      .map((l) => l.trim().split(/ {2,}/)[1]);
    assert.equal(told.length, 8);
    assert.equal(new Set(told).size, 8, 'a story was planned twice');
    // Eight stories for ten principles: two stay uncovered, none that a story names.
    assert.match(out, /\nNot covered\n {2}Think Big \(Round 3: System design\)[^\n]*\n {2}Learn and Be Curious \(Round 4: Coding\)/);
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

  it('--role em --level L6 plans the engineering manager loop: Hire and Develop the Best first, the people round left short', () => {
    const { code, out } = run('plan', dir, '--role', 'em', '--level', 'L6', '--format', 'json');
    assert.equal(code, 0);
    const plan = JSON.parse(out);
    assert.equal(plan.profile, 'Engineering manager, L6');
    assert.equal(plan.rounds[0].name, 'Round 1: Hiring manager');
    assert.equal(plan.rounds[0].slots[0].principle, 'Hire and Develop the Best');
    assert.equal(plan.rounds[0].slots[0].story.title, 'Coaching a new engineer through code review');
    assert.ok(plan.uncovered.some((s: { principle: string }) => s.principle === "Strive to be Earth's Best Employer"));
    const told = plan.rounds.flatMap((r: { slots: Array<{ story?: { id: string } }> }) =>
      r.slots.flatMap((s) => (s.story ? [s.story.id] : [])),
    );
    assert.equal(new Set(told).size, told.length, 'a story was planned twice');
  });

  it('--format markdown gives a table', () => {
    const { out } = run('plan', dir, '--format=markdown');
    assert.match(out, /^# Loop plan\n/);
    assert.match(out, /\n\| Round 2: Coding \| Dive Deep \| Checkout latency regression \(strong inclined\) \|\n/);
  });

  it('sheet prints the loop sheet: hooks, key numbers and follow-ups, in Markdown or HTML', () => {
    const markdown = run('sheet', dir);
    assert.equal(markdown.code, 0);
    assert.match(
      markdown.out,
      /\n## Checkout latency regression\n\n\*Round 2: Coding: Dive Deep\* · strong inclined\n\n> For the slowest 1% of requests/,
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
