import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { amazonPrinciples } from '../../server/src/engine/principles/amazon';
import { generateSnippets, renderSnippets, SNIPPETS_PATH } from '../../scripts/gen-snippets';
import { Linter } from '../../server/src/engine';
import { summarizeStories } from '../../server/src/engine/bank';
import { expandSnippet } from '../e2e/expected';

const principles = amazonPrinciples.principles;

const CANONICAL_NAMES = [
  'Customer Obsession',
  'Ownership',
  'Bias for Action',
  'Dive Deep',
  'Deliver Results',
  'Have Backbone; Disagree and Commit',
  'Earn Trust',
  'Insist on the Highest Standards',
  'Invent and Simplify',
  'Learn and Be Curious',
  'Are Right, A Lot',
  'Think Big',
  'Frugality',
  'Hire and Develop the Best',
  "Strive to be Earth's Best Employer",
  'Success and Scale Bring Broad Responsibility',
];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface SnippetShape {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * Returns the offset of the first `${` that is never closed, or of a stray unescaped `}`
 * closing nothing inside a placeholder context, or -1 when the body is balanced.
 * Backslash escapes the next character, as in VS Code snippet syntax.
 */
function unbalancedAt(text: string): number {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      open.push(i);
      i++;
    } else if (c === '}' && open.length > 0) {
      open.pop();
    }
  }
  return open.length > 0 ? open[0] : -1;
}

describe('Amazon principle catalogue', () => {
  it('has the 16 principles with the canonical names, in interview-frequency order', () => {
    assert.equal(amazonPrinciples.id, 'amazon');
    assert.deepEqual(
      principles.map((p) => p.name),
      CANONICAL_NAMES,
    );
  });

  it('has unique kebab-case ids', () => {
    const ids = principles.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
    for (const id of ids) assert.match(id, KEBAB);
  });

  it('ranks the principles 1..16 in list order', () => {
    assert.deepEqual(
      principles.map((p) => p.rank),
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
  });

  it('resolves every alias to exactly one principle (no alias collides with another name or alias)', () => {
    const owner = new Map<string, string>();
    for (const p of principles) {
      const spellings = new Set([p.name, ...p.aliases].map((s) => s.trim().toLowerCase()));
      for (const s of spellings) {
        assert.ok(s.length > 0, `${p.id} has an empty alias`);
        const prev = owner.get(s);
        assert.ok(prev === undefined, `"${s}" is used by both ${prev} and ${p.id}`);
        owner.set(s, p.id);
      }
    }
  });

  it('knows the abbreviations and partial names users type', () => {
    const resolve = (s: string): string | undefined =>
      principles.find((p) => [p.name, ...p.aliases].some((a) => a.toLowerCase() === s.toLowerCase()))?.id;
    const expected: Record<string, string> = {
      CO: 'customer-obsession',
      DD: 'dive-deep',
      BfA: 'bias-for-action',
      'Bias to action': 'bias-for-action',
      DR: 'deliver-results',
      Backbone: 'have-backbone',
      'Disagree and Commit': 'have-backbone',
      IHS: 'insist-on-the-highest-standards',
      'Highest Standards': 'insist-on-the-highest-standards',
      'Invent & Simplify': 'invent-and-simplify',
      'Learn & Be Curious': 'learn-and-be-curious',
      'Are Right A Lot': 'are-right-a-lot',
      ARAL: 'are-right-a-lot',
      TB: 'think-big',
      'Hire and Develop': 'hire-and-develop-the-best',
      "Earth's Best Employer": 'strive-to-be-earths-best-employer',
      'Broad Responsibility': 'success-and-scale-bring-broad-responsibility',
    };
    for (const [typed, id] of Object.entries(expected)) assert.equal(resolve(typed), id, typed);
  });

  for (const p of principles) {
    describe(p.name, () => {
      it('has a definition and at least 3 "Tell me about a time" questions', () => {
        assert.ok(p.definition.trim().length > 20);
        assert.ok(p.questions.length >= 3, `${p.questions.length} questions`);
        for (const q of p.questions) assert.match(q, /^Tell me about /);
      });

      it('has at least 2 beats, each with a unique kebab-case id, at least 5 cues and advice', () => {
        assert.ok(p.beats.length >= 2, `${p.beats.length} beats`);
        assert.equal(new Set(p.beats.map((b) => b.id)).size, p.beats.length, 'duplicate beat ids');
        for (const b of p.beats) {
          assert.match(b.id, KEBAB);
          assert.ok(b.label.trim().length > 0, `${b.id}: empty label`);
          assert.ok(b.cues.length >= 5, `${b.id}: only ${b.cues.length} cues`);
          assert.ok(b.advice.trim().length > 0, `${b.id}: empty advice`);
          const cues = b.cues.map((c) => c.toLowerCase());
          assert.equal(new Set(cues).size, cues.length, `${b.id}: duplicate cues`);
          for (const c of b.cues) {
            assert.equal(c, c.trim(), `${b.id}: cue "${c}" has surrounding spaces`);
            assert.ok(!c.slice(0, -1).includes('*'), `${b.id}: "*" only allowed at the end of "${c}"`);
          }
        }
      });
    });
  }

  it('gives Have Backbone a commit beat', () => {
    const backbone = principles.find((p) => p.id === 'have-backbone');
    assert.ok(backbone?.beats.some((b) => b.id === 'commit'));
  });
});

describe('snippets/star-markdown.json', () => {
  const snippets = generateSnippets() as Record<string, SnippetShape>;
  const all = Object.values(snippets);

  it('is up to date with the catalogue (run `npm run gen`)', () => {
    assert.equal(readFileSync(SNIPPETS_PATH, 'utf8'), renderSnippets());
  });

  it('has a full-story snippet whose Principles choice lists all 16 names', () => {
    const star = all.find((s) => s.prefix === 'star');
    assert.ok(star, 'no `star` snippet');
    const body = star.body.join('\n');
    for (const heading of ['## Situation', '## Task', '## Action', '## Result', '## Reflection']) {
      assert.ok(body.includes(heading), `missing ${heading}`);
    }
    const choice = /Principles: \$\{2\|(.*)\|\}/.exec(body);
    assert.ok(choice, 'Principles line is not a choice');
    const options = choice[1].split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
    assert.deepEqual(options, CANONICAL_NAMES);
  });

  it('has one snippet per principle with its name and first question', () => {
    for (const p of principles) {
      const s = all.find((x) => x.prefix === `star-${p.id}`);
      assert.ok(s, `no snippet star-${p.id}`);
      assert.equal(s.description, `STAR story for ${p.name}`);
      assert.ok(s.body.includes(`Principles: ${p.name}`), `${p.id}: no Principles line`);
      assert.ok(s.body.includes(`<!-- Question: ${p.questions[0]} -->`), `${p.id}: no question comment`);
      const body = s.body.join('\n');
      for (const b of p.beats) assert.ok(body.includes(b.label), `${p.id}: beat "${b.label}" not prompted`);
    }
  });

  it('gives no finding and no speaking time for any story snippet before anything is typed: every prompt is a comment', () => {
    const stories = Object.entries(snippets).filter(([, s]) => s.prefix === 'star' || principles.some((p) => s.prefix === `star-${p.id}`));
    assert.equal(stories.length, principles.length + 1);
    for (const [name, s] of stories) {
      const text = expandSnippet(s.body);
      const result = new Linter().lint(text);
      assert.deepEqual(
        result.findings.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`),
        [],
        name,
      );
      assert.equal(summarizeStories('x', text, result)[0].words, 0, `${name}: placeholder text is timed`);
    }
    // The metric phrase's blanks are comments too: Tab selects each, and an unfilled one is not read as prose.
    const metric = expandSnippet(all.find((s) => s.prefix === 'star-metric')!.body);
    assert.match(metric, /^<!-- metric --> went from <!-- baseline --> to/);
  });

  it('has the metric and reflection snippets', () => {
    assert.ok(all.some((s) => s.prefix === 'star-metric'));
    assert.ok(all.some((s) => s.prefix === 'star-reflection'));
  });

  it('has unique prefixes', () => {
    const prefixes = all.map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('has no unbalanced `${` in any snippet body', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = s.body.join('\n');
      const at = unbalancedAt(body);
      assert.equal(at, -1, `${name}: unclosed placeholder near "${body.slice(at, at + 40)}"`);
    }
  });
});
