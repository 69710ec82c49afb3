/**
 * What the build does to the bundles after esbuild (scripts/build.mjs): every non-ASCII character
 * escaped, so V8 keeps each bundle one byte a character, and the rules' patterns still match
 * the dashes, curly quotes and currency signs stories are written with. Run `npm run build` first.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli';

const dist = join(__dirname, '..', '..', 'dist');

const TYPESET = `# Checkout – the “slow page” story

Principles: Customer Obsession, Frugality

## S — Situation
Shoppers in Spain waited 4.2 s for the payment page — “it’s broken”, one wrote… and €1.3M a quarter was at stake.

## T – Task
I had to bring the page under 1 s within the quarter, with no new servers (£0 budget, ¥0 in Tokyo).

## A — Action
• I profiled the page myself – the card form loaded 14 scripts.
• I decided to defer 11 of them instead of buying a CDN tier, which cost a week of QA.

## R – Result
Every shopper got the page in under a second, worth €400K a quarter.
`;

function withoutDocLinks(json: string): unknown {
  return (JSON.parse(json) as Array<{ messages: Array<Record<string, unknown>> }>).map((file) => ({
    ...file,
    messages: file.messages.map((message) => Object.fromEntries(Object.entries(message).filter(([key]) => key !== 'docs'))),
  }));
}

describe('bundles', () => {
  it('are ASCII, so V8 keeps each one a byte a character', () => {
    for (const bundle of ['server.js', 'cli.js', join('web', 'server.js')]) {
      const text = readFileSync(join(dist, bundle), 'utf8');
      const at = text.search(/[\u0080-\uffff]/);
      assert.equal(at, -1, `${bundle}: non-ASCII at ${at}: …${text.slice(Math.max(0, at - 40), at + 10)}`);
    }
  });

  it('find what the sources find on a story typeset with dashes, curly quotes, bullets and currency signs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-bundle-'));
    try {
      const file = join(dir, 'typeset.star.md');
      writeFileSync(file, TYPESET);
      const args = ['lint', file, '--format', 'json', '--coaching', 'thorough'];
      let fromSources = '';
      main(
        args,
        (s) => (fromSources += s),
        () => undefined,
      );
      const fromBundle = execFileSync(process.execPath, [join(dist, 'cli.js'), ...args], { encoding: 'utf8' });
      const findings = withoutDocLinks(fromSources) as Array<{ messages: unknown[] }>;
      assert.ok(findings[0].messages.length > 0, 'the story has findings to compare');
      assert.deepEqual(withoutDocLinks(fromBundle), findings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
