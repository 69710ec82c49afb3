import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../../server/src/engine/lint';
import { sentencesOf, type Token } from '../../server/src/engine/language';
import { PhraseList, type PhraseMatch } from '../../server/src/engine/rules/common/phrases';
import { bank, random, storyFile } from '../../bench/corpus';

// A list asks its own maps only at the tokens the shared vocabulary says one of its phrases can
// start on. What it finds must stay what trying every token finds (`longestAt` at each token,
// the lists' definition), so every list the rules build from their word files is compared with
// that, sentence by sentence.
function everyToken(list: PhraseList, tokens: readonly Token[], from: number, to: number): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = from; i < to; i++) {
    const m = list.longestAt(tokens, i);
    if (m) {
      out.push(m);
      i = m.last;
    }
  }
  return out;
}

const described = (ms: readonly PhraseMatch[]) => ms.map((m) => `${m.phrase.source}@${m.first}-${m.last}`);

/** Every list of words in the rules' word files that a PhraseList is built from, and a few with the edge cases. */
function lists(): Array<[string, PhraseList]> {
  const out: Array<[string, PhraseList]> = [];
  for (const rule of ['blame', 'spun-failure', 'trivial-disagreement', 'model-metric-result', 'scope']) {
    const words = JSON.parse(readFileSync(join('server/src/engine/rules', rule, 'words.json'), 'utf8')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(words)) {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out.push([`${rule}.${name}`, new PhraseList(value)]);
    }
  }
  out.push(['short prefixes', new PhraseList(['a*', 'de*', 'the team', 'drop the ball'])]);
  out.push(['irregular verbs by prefix', new PhraseList(['think*', 'bring*', 'tak*'])]);
  out.push(['lemmas and contractions', new PhraseList(["didn't listen", 'be late', 'go over', 'snake_case', "lead's call"])]);
  out.push(['names, case-sensitive', new PhraseList(['Go', 'Rust', 'React Native'], true)]);
  return out;
}

function sentencesIn(text: string): Token[][] {
  const out: Token[][] = [];
  for (const story of new Linter({ checkRules: false }).lint(text).stories) {
    for (const section of story.sections) for (const sentence of sentencesOf(story, section.body)) out.push(sentence.tokens);
  }
  return out;
}

describe('phrase lists through the shared vocabulary', function () {
  this.timeout(60_000);

  it('find what trying every token finds, in every list, on the corpora and the bench’s stories', () => {
    const texts = [storyFile(42, 30), ...bank(7, 30).map(([, t]) => t)];
    for (const dir of ['test/corpus/field', 'examples']) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) texts.push(readFileSync(join(dir, name), 'utf8'));
    }
    const sentences = texts.flatMap(sentencesIn);
    const next = random(20261208);
    let found = 0;
    for (const [name, list] of lists()) {
      for (const tokens of sentences) {
        const theirs = everyToken(list, tokens, 0, tokens.length);
        assert.deepEqual(described(list.matches(tokens)), described(theirs), `${name}: ${tokens.map((t) => t.text).join(' ')}`);
        found += theirs.length;
        // A window, as the rules ask for one ("within eight words of the lead").
        const from = Math.floor(next() * (tokens.length + 1));
        const to = from + Math.floor(next() * (tokens.length - from + 1));
        const window = everyToken(list, tokens, from, to);
        assert.deepEqual(described(list.matches(tokens, from, to)), described(window), `${name} [${from}, ${to})`);
        assert.equal(list.first(tokens, from, to)?.phrase.source, window[0]?.phrase.source, `${name} first in [${from}, ${to})`);
      }
    }
    assert.ok(found > 2000, `only ${found} matches: the comparison would prove little`);
  });

  it('finds a phrase by its lemma, its prefix and across an adverb, and a list built later still finds its words', () => {
    const [tokens] = sentencesIn(
      '# Late\n\n## Action\nThe vendor kept dropping the ball, I thought, and disagreed quietly with the team.\n',
    );
    const early = new PhraseList(['drop the ball', 'disagre*', 'think*']);
    assert.deepEqual(
      early.matches(tokens).map((m) => m.phrase.source),
      ['drop the ball', 'think*', 'disagre*'],
    );
    // Its words are new to the vocabulary, after the sentence's words were numbered above.
    const later = new PhraseList(['vendor keep', 'quietly']);
    assert.deepEqual(
      later.matches(tokens).map((m) => m.phrase.source),
      ['vendor keep', 'quietly'],
    );
  });
});
