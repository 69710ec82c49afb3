/**
 * `npx tsx bench/language-eval.ts [path/to/node_modules]`: scores the language layer against the
 * hand-labeled sentences of language-labeled.ts (part of speech of key words; who performs key
 * verbs; passive), and times it on the 452-word bench story. Given a folder where `wink-nlp` and
 * `wink-eng-lite-web-model` are installed, it does the same with wink-nlp's tags fed into the same
 * clause logic, so the two taggers are compared on equal terms. Figures go to docs/language.md.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyse, type Pos, type Sentence, type Token } from '../server/src/engine/language';
import { clausesOf } from '../server/src/engine/language/clauses';
import { MODAL } from '../server/src/engine/language/lexicon';
import { tag, tokenize } from '../server/src/engine/language/tag';
import { sentences } from '../server/src/engine/text';
import { story450 } from './corpus';
import { HELD_OUT, LABELED, type Labeled } from './language-labeled';

type Analyser = (text: string) => Sentence;

function score(name: string, analyser: Analyser, set: Labeled[] = LABELED): void {
  let pos = 0,
    posTotal = 0,
    actor = 0,
    passive = 0,
    verbs = 0;
  const misses: string[] = [];
  for (const row of set) {
    const s = analyser(row.text);
    for (const [word, want] of Object.entries(row.pos)) {
      posTotal++;
      const got = s.tokens.find((t) => t.text === word)?.pos;
      if (got === want) pos++;
      else misses.push(`pos ${word}=${got} (want ${want}) in "${row.text}"`);
    }
    for (const [verb, [wantActor, wantPassive]] of Object.entries(row.verbs)) {
      verbs++;
      const c = s.clauses.find((x) => x.verb?.text === verb);
      const gotActor = c ? (c.subject?.actor ?? 'none') : 'missing';
      if (gotActor === wantActor) actor++;
      else misses.push(`actor ${verb}=${gotActor} (want ${wantActor}) in "${row.text}"`);
      if (c && c.passive === wantPassive) passive++;
      else misses.push(`passive ${verb}=${c?.passive} (want ${wantPassive}) in "${row.text}"`);
    }
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}% (${a}/${b})`;
  console.log(`${name}: sentences ${set.length}; POS ${pct(pos, posTotal)}; actor ${pct(actor, verbs)}; passive ${pct(passive, verbs)}`);
  if (process.argv.includes('--misses')) for (const m of misses) console.log('  ' + m);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function timeStory(name: string, run: (text: string, spans: Array<{ start: number; end: number }>) => void): void {
  const text = story450();
  const spans = sentences(text, { start: 0, end: text.length });
  for (let i = 0; i < 50; i++) run(text, spans);
  const samples: number[] = [];
  for (let i = 0; i < 400; i++) {
    const t = performance.now();
    run(text, spans);
    samples.push(performance.now() - t);
  }
  console.log(`${name}: one 452-word story, every sentence: median ${median(samples).toFixed(3)} ms`);
}

score('lexicon (ours)', (text) => analyse(text, 0, text.length));
score('lexicon (ours), held out', (text) => analyse(text, 0, text.length), HELD_OUT);
timeStory('lexicon (ours)', (text, spans) => {
  for (const s of spans) analyse(text, s.start, s.end);
});

const winkHome = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (winkHome) {
  const require = createRequire(join(winkHome, 'package.json'));
  const t0 = performance.now();
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  nlp.readDoc('Warm up.');
  console.log(`wink-nlp: load ${(performance.now() - t0).toFixed(0)} ms`);
  const UD: Record<string, Pos> = {
    NOUN: 'noun',
    PROPN: 'propn',
    VERB: 'verb',
    AUX: 'aux',
    ADJ: 'adj',
    ADV: 'adv',
    PRON: 'pron',
    DET: 'det',
    ADP: 'adp',
    CCONJ: 'cconj',
    SCONJ: 'sconj',
    NUM: 'num',
    PART: 'part',
    PUNCT: 'punct',
    SYM: 'sym',
    X: 'other',
    INTJ: 'other',
    SPACE: 'other',
  };
  // wink's tags, aligned by text onto our tokens; verb forms and lemmas stay ours, the clause logic is shared.
  const winkAnalyse: Analyser = (text) => {
    const tokens: Token[] = tag(tokenize(text, 0));
    const doc = nlp.readDoc(text);
    const words: string[] = doc.tokens().out();
    const tags: string[] = doc.tokens().out(its.pos);
    let at = 0;
    const byStart = new Map<number, Pos>();
    words.forEach((w, k) => {
      const i = text.indexOf(w, at);
      if (i < 0) return;
      at = i + w.length;
      let p = UD[tags[k]] ?? 'other';
      if (p === 'aux' && MODAL.has(w.toLowerCase())) p = 'modal';
      byStart.set(i, p);
    });
    for (const t of tokens) {
      const p = byStart.get(t.start);
      if (p) t.pos = p;
    }
    const clauses = clausesOf(tokens, text, 0);
    return { start: 0, end: text.length, text, tokens, clauses, numbers: [], fragment: false, listItem: false };
  };
  score('wink-nlp tags + our clauses', winkAnalyse);
  score('wink-nlp tags + our clauses, held out', winkAnalyse, HELD_OUT);
  timeStory('wink-nlp (tagging only)', (text) => {
    nlp.readDoc(text).tokens().out(its.pos);
  });
}
