import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../../server/src/engine/lint';
import { amazonPrinciples } from '../../server/src/engine/principles/amazon';
import { beatEvidence, bestShownPrinciples, cueRegex, spokenText } from '../../server/src/engine/principles/evidence';
import type { Principle, PrincipleSet } from '../../server/src/engine/principles/types';
import type { Story } from '../../server/src/engine/types';
import { bank, random, storyFile } from '../../bench/corpus';

// Beats are found through an index of their cues' first words. What counts as shown must stay what
// each beat's cue alternation finds when it is tested over the story's spoken text, so every story
// here is compared with that reference, beat by beat.
function referenceShown(story: Story, principle: Principle): boolean[] {
  const texts = spokenText(story);
  return principle.beats.flatMap((beat) => {
    const cues = cueRegex(beat.cues);
    return cues ? [texts.some((text) => cues.test(text))] : [];
  });
}

/**
 * Each story is parsed twice, so each parse has its own memo: one is asked principle by principle
 * (each beat's pattern), the other for the best-shown principles first (the word index) and then
 * principle by principle, which then reads what the index found.
 */
/** The best-shown principles as their definition reads: at least two beats shown, the highest share, at most two. */
function referenceBest(story: Story, set: PrincipleSet): string[] {
  const scored = set.principles.map((p) => {
    const shown = referenceShown(story, p);
    const count = shown.filter(Boolean).length;
    return { id: p.id, score: count >= 2 ? count / shown.length : 0 };
  });
  const top = Math.max(...scored.map((s) => s.score));
  return top > 0
    ? scored
        .filter((s) => s.score === top)
        .map((s) => s.id)
        .slice(0, 2)
    : [];
}

function assertSameEvidence(text: string, set: PrincipleSet, label: string): number {
  let shown = 0;
  const byPattern = new Linter({ checkRules: false }).lint(text).stories;
  const byIndex = new Linter({ checkRules: false }).lint(text).stories;
  for (const story of byIndex) {
    const best = bestShownPrinciples(story, set).map((p) => p.id);
    assert.deepEqual(best, referenceBest(story, set), `${label}, "${story.title}": best-shown principles`);
  }
  for (const [path, stories] of [
    ['by pattern', byPattern],
    ['by index', byIndex],
  ] as const) {
    for (const story of stories) {
      for (const principle of set.principles) {
        const ours = beatEvidence(story, set, principle).map((e) => e.shown);
        const theirs = referenceShown(story, principle);
        assert.deepEqual(ours, theirs, `${label} (${path}), "${story.title}", ${principle.id}\n${JSON.stringify(story.prose)}`);
        shown += ours.filter(Boolean).length;
      }
    }
  }
  return shown;
}

/** Cues that cannot all be looked up by an ASCII first word: short prefixes, accents, punctuation first, numbers. */
const trickySet: PrincipleSet = {
  id: 'tricky',
  name: 'Tricky cues',
  principles: [
    {
      id: 'tricky',
      name: 'Tricky',
      aliases: [],
      definition: '',
      questions: [],
      rank: 1,
      beats: [
        { id: 'short', label: 'short', advice: '', cues: ['ab*', 'x', 'Q3'] },
        { id: 'accents', label: 'accents', advice: '', cues: ['naïve plan', 'éclair*', 'café'] },
        {
          id: 'punctuation',
          label: 'punctuation',
          advice: '',
          cues: ['$1M', '#1', '24/7', 'A/B test*', 'on-call*', "don't", 'don’t care'],
        },
        { id: 'case', label: 'case', advice: '', cues: ['kiss', 'STRESS test', 'Ownership*'] },
        { id: 'none', label: 'none', advice: '', cues: ['*', '  ', '-'] },
      ],
    },
  ],
};

/** Thirty beats whose cues all start on "the": too many for one key, so they are searched whole. */
const crowdedSet: PrincipleSet = {
  id: 'crowded',
  name: 'Crowded keys',
  principles: Array.from({ length: 3 }, (_, p) => ({
    id: `crowded-${p}`,
    name: `Crowded ${p}`,
    aliases: [],
    definition: '',
    questions: [],
    rank: p + 1,
    beats: Array.from({ length: 10 }, (_, b) => ({ id: `b${b}`, label: `b${b}`, advice: '', cues: ['the', `the-${p}${b}`, `ab${p}${b}`] })),
  })),
};

const PIECES = [
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '-',
  '/',
  "'",
  '’',
  '_',
  '.',
  ',',
  '7',
  '24',
  'é',
  'ï',
  '\u212a', // KELVIN SIGN: matches "k" case-insensitively
  '\u017f', // LONG S: matches "s" case-insensitively
  '\u0345', // COMBINING GREEK YPOGEGRAMMENI: a letter to a case-insensitive pattern (it folds to an iota)
  '😀',
  '$',
  '#',
  'a',
  'ab',
  'abc',
  'x',
  'Q3',
  'nai',
  've',
  'plan',
  'call',
  'on',
  'test',
  'tests',
  'A',
  'B',
  'don',
  't',
  'care',
  'ki',
  'ss',
  'stress',
  'STRESS',
  'owner',
  'ship',
  'Ownership',
];

const SPACES = [' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2003'];

function randomCueText(next: () => number, cues: readonly string[]): string {
  let text = '';
  const length = 5 + Math.floor(next() * 40);
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.35) {
      // A cue as written, cased at random, its open end completed, glued to its neighbours at times.
      let cue = cues[Math.floor(next() * cues.length)].replace(/\*$/, next() < 0.5 ? 'ed' : '');
      cue = next() < 0.3 ? cue.toUpperCase() : next() < 0.3 ? cue[0].toUpperCase() + cue.slice(1) : cue;
      // A cue's space matches any white space, a line break or a no-break space included.
      cue = cue.replace(/ /g, () => SPACES[Math.floor(next() * SPACES.length)]);
      text += next() < 0.2 ? cue : ` ${cue} `;
    } else {
      text += PIECES[Math.floor(next() * PIECES.length)];
    }
  }
  return text;
}

function asStory(title: string, body: string): string {
  return `# ${title}\nPrinciples: Ownership\n\n## Situation\n${body}\n\n## Action\n${body.split('').reverse().join('')}\n`;
}

describe('beat evidence through the cue index', function () {
  this.timeout(30_000);

  it('finds the beats each cue alternation finds, on the field corpus, the examples and the bench’s stories', () => {
    let shown = assertSameEvidence(storyFile(42, 20), amazonPrinciples, 'bench story file');
    for (const [path, text] of bank(7, 40)) shown += assertSameEvidence(text, amazonPrinciples, path);
    for (const dir of ['test/corpus/field', 'examples']) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        shown += assertSameEvidence(readFileSync(join(dir, name), 'utf8'), amazonPrinciples, join(dir, name));
      }
    }
    assert.ok(shown > 500, `only ${shown} beats shown: the comparison would prove little`);
  });

  it('finds the same beats on 1,500 random texts made of cues, their neighbours and odd characters', () => {
    const next = random(20261207);
    const amazonCues = amazonPrinciples.principles.flatMap((p) => p.beats.flatMap((b) => b.cues));
    const trickyCues = trickySet.principles[0].beats.flatMap((b) => b.cues).filter((c) => /\w/.test(c));
    let shown = 0;
    for (let doc = 0; doc < 1500; doc++) {
      const tricky = doc % 2 === 0;
      const body = randomCueText(next, tricky ? trickyCues : amazonCues);
      shown += assertSameEvidence(asStory(`Random ${doc}`, body), tricky ? trickySet : amazonPrinciples, `random text ${doc}`);
    }
    assert.ok(shown > 1500, `only ${shown} beats shown`);
  });

  it('reads a combining mark that folds to a letter as a letter, as the patterns do', () => {
    // "\u0345premortem" is one word to a case-insensitive pattern: "premortem" does not start it.
    assertSameEvidence('# T\n\n## Action\n\n\u0345premortem and \u0345ab zz\n', amazonPrinciples, 'U+0345 before a cue');
    assertSameEvidence('# T\n\n## Action\n\n\u0345ab x then the-12 and ab21\n', trickySet, 'U+0345 before a short prefix');
  });

  it('finds the beats of a set whose cues crowd one key, searched whole', () => {
    for (const text of ['the-05 and ab17', 'then the', 'ab2 the-29', 'nothing here']) {
      assertSameEvidence(asStory(text, text), crowdedSet, `crowded: ${text}`);
    }
  });

  it('shows a beat whose cue is said with a straight or a curly apostrophe, in any case, across a line break', () => {
    const text = asStory('Apostrophes', 'I said we DON’T\nCARE for that and the Ownership-minded team agreed.');
    const [story] = new Linter({ checkRules: false }).lint(text).stories;
    bestShownPrinciples(story, trickySet);
    const evidence = beatEvidence(story, trickySet, trickySet.principles[0]);
    assert.deepEqual(
      evidence.map((e) => [e.beat.id, e.shown]),
      [
        ['short', false],
        ['accents', false],
        ['punctuation', true],
        ['case', true],
      ],
    );
  });
});
