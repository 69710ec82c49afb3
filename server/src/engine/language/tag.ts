/**
 * Tokens and parts of speech for one sentence: a word list lookup, then a few context rules for
 * the words English uses as both noun and verb ("help", "test", "review").
 */
import {
  ADP,
  APPROXIMATE_WORDS,
  ORDINALS,
  ADV,
  auxForm,
  CCONJ,
  DET,
  guessUnknown,
  isAdjective,
  isKnownNoun,
  isName,
  MODAL,
  MONTHS,
  NOUN_VERBS,
  NUMBER_WORDS,
  PEOPLE_ACRONYMS,
  PRON,
  SCONJ,
  verbReadings,
} from './lexicon';
import type { Pos, Token, VerbForm } from './types';

const TOKEN =
  /[$€£¥]|\d(?:[\d,]*\d)?(?:\.\d+)?(?:[kKmMbB]n?|bn|x|%)?(?![\p{L}\d])|[\p{L}\p{N}]+(?:[-.&/][\p{L}\p{N}]+)*(?:['\u2019][\p{L}]+)?|['\u2019](?:s|d|ll|ve|re|m|t)\b|\S/gu;
const CLITIC = /^(.+?)(n['\u2019]t|['\u2019](?:s|d|ll|ve|re|m))$/i;

/** Splits `text` (which starts at document offset `base`) into tokens, clitics apart: "I'd" → "I" "'d", "wasn't" → "was" "n't". */
export function tokenize(text: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = base + m.index;
    const word = m[0];
    const clitic = /[\p{L}]/u.test(word[0]) ? CLITIC.exec(word) : null;
    if (clitic) {
      const cut = clitic[1].length;
      out.push(token(word.slice(0, cut), start));
      out.push(token(word.slice(cut), start + cut));
    } else out.push(token(word, start));
  }
  return out;
}

function token(text: string, start: number): Token {
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  // Every field set up front, so all tokens share one shape.
  return { start, end: start + text.length, text, lower, lemma: lower, pos: 'other', form: undefined };
}

const SUBJECT_PRON = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'it',
  'who',
  'which',
  'there',
  'this',
  'that',
  'everyone',
  'nobody',
  'someone',
  'one',
]);
const POSSESSIVE = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their', 'whose']);
const PUNCT = /^[.,;:!?()[\]{}"“”'‘’—–…-]$/;
const NEGATIVE = new Set(['not', "n't", 'never']);

/** Tags every token of a sentence in place. */
export function tag(tokens: Token[]): Token[] {
  let opening = true;
  for (let i = 0; i < tokens.length; i++) {
    lexical(tokens, i, opening);
    if (tokens[i].pos !== 'punct' && tokens[i].pos !== 'sym') opening = false;
  }
  for (let i = 0; i < tokens.length; i++) contextual(tokens, i);
  return tokens;
}

const AMBIGUOUS = new WeakSet<Token>();

function set(t: Token, pos: Pos, lemma = t.lower, form?: VerbForm) {
  t.pos = pos;
  t.lemma = lemma;
  t.form = form;
}

interface Entry {
  pos: Pos;
  lemma: string;
  form: VerbForm | undefined;
  ambiguous: boolean;
}
/** Lexical readings by word and position (opening the sentence or not); a story repeats most of its words. */
const entries = new Map<string, Entry>();

function lexical(tokens: Token[], i: number, opening: boolean): void {
  const t = tokens[i];
  const w = t.lower;
  if (w === 'wo' || w === 'ca') return lexicalUncached(tokens, i, opening);
  const key = (opening ? 's' : 'm') + t.text;
  let e = entries.get(key);
  if (!e) {
    lexicalUncached(tokens, i, opening);
    e = { pos: t.pos, lemma: t.lemma, form: t.form, ambiguous: AMBIGUOUS.has(t) };
    if (entries.size > 20000) entries.clear();
    entries.set(key, e);
    return;
  }
  t.pos = e.pos;
  t.lemma = e.lemma;
  t.form = e.form;
  if (e.ambiguous) AMBIGUOUS.add(t);
}

function lexicalUncached(tokens: Token[], i: number, opening: boolean): void {
  const t = tokens[i];
  const w = t.lower;
  if (PUNCT.test(t.text)) return set(t, 'punct');
  if (/^[$€£¥%&/+=#*<>@~^|\\]$/.test(t.text)) return set(t, 'sym');
  if (/^\d/.test(w)) return set(t, /^[\d,.]+(?:[kmb]n?|bn|x|%)?$/.test(w) ? 'num' : 'propn');
  // "p99", "EC2", "Q3": a name with a number in it.
  if (/\d/.test(w)) return set(t, 'propn');
  if (w === "n't") return set(t, 'part', 'not');
  if (w === "'s") return set(t, 'part');
  if (w === "'d") return set(t, 'modal', 'would');
  if (w === "'ll") return set(t, 'modal', 'will');
  if (w === 'wo' || w === 'ca') {
    if (tokens[i + 1]?.lower === "n't") return set(t, 'modal', w === 'wo' ? 'will' : 'can');
  }
  const aux = auxForm(w);
  if (aux) {
    const form = aux.form === 'present' ? (w === 'is' || w === "'s" ? 'third' : 'base') : aux.form;
    return set(t, aux.lemma === 'get' ? 'verb' : 'aux', aux.lemma, form as VerbForm);
  }
  if (MODAL.has(w)) return set(t, 'modal', w);
  if (w === 'to') return set(t, 'part');
  if (w === 'not' || w === 'never') return set(t, 'part', 'not');
  if (w === 'that' || w === 'her' || w === 'one') return set(t, w === 'one' ? 'num' : 'det');
  if (PRON.has(w)) return set(t, 'pron');
  if (DET.has(w) && !isAdjective(w)) return set(t, 'det');
  if (CCONJ.has(w) && w !== 'so' && w !== 'yet') return set(t, 'cconj');
  if (SCONJ.has(w) && !ADP.has(w)) return set(t, w === 'so' ? 'cconj' : 'sconj');
  if (ADP.has(w)) return set(t, 'adp');
  if (Object.prototype.hasOwnProperty.call(NUMBER_WORDS, w) || APPROXIMATE_WORDS.has(w)) return set(t, 'num');
  const capital = /^\p{Lu}/u.test(t.text);
  const midSentence = !opening;
  if (capital && (PEOPLE_ACRONYMS.has(t.text) || isName(w) || MONTHS.has(t.text))) return set(t, 'propn');
  if (capital && t.text.length > 1 && t.text === t.text.toUpperCase()) return set(t, 'propn');
  const readings = verbReadings(w);
  if (readings.length > 0) {
    const noun = NOUN_VERBS.has(w) || NOUN_VERBS.has(readings[0].lemma) || isKnownNoun(w) || isAdjective(w);
    const r = readings[0];
    set(t, 'verb', r.lemma, r.form);
    // An -s word of a noun-verb ("tests", "reviews") is as often a plural noun.
    if (noun || r.form === 'third') AMBIGUOUS.add(t);
    if (capital && midSentence && !noun) set(t, 'propn');
    return;
  }
  if (ADV.has(w)) return set(t, 'adv');
  if (isAdjective(w)) return set(t, 'adj');
  if (isKnownNoun(w)) return set(t, 'noun', w.replace(/s$/, ''));
  if (capital && midSentence) return set(t, 'propn');
  const guess = guessUnknown(w);
  // An unknown capitalized word opening a sentence that does not look derived is most likely a name.
  if (capital && guess.pos === 'noun' && !/(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|er|or|cy)s?$/.test(w)) return set(t, 'propn');
  set(t, guess.pos, guess.lemma, guess.form);
  if (guess.pos === 'verb') AMBIGUOUS.add(t);
}

function prevWord(tokens: Token[], i: number, skipAdverbs = false): Token | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const t = tokens[j];
    if (skipAdverbs && (t.pos === 'adv' || (t.pos === 'part' && NEGATIVE.has(t.lower)))) continue;
    return t;
  }
  return undefined;
}

/** "'s", "'d" and "to", read from the words around them; true when `tokens[i]` is one of them. */
function contractionOrTo(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const w = t.lower;
  if (w === "'s") {
    // "it's", "that's", "she's": is/has; otherwise a possessive.
    if (prev && /^(?:it|he|she|that|there|what|who|here|where|everything|nothing|this)$/.test(prev.lower)) {
      const hasReading = next && (next.lower === 'been' || next.form === 'participle');
      set(t, 'aux', hasReading ? 'have' : 'be', 'third');
    }
    return true;
  }
  if (w === "'d") {
    // "I'd shipped" is "I had"; "I'd ship" is "I would".
    const after = nextWord(tokens, i);
    if (
      after &&
      after.pos === 'verb' &&
      (after.form === 'past' || after.form === 'participle') &&
      verbReadings(after.lower).some((r) => r.form === 'participle')
    )
      set(t, 'aux', 'have', 'past');
    else if (after?.lower === 'been' || after?.lower === 'better')
      set(
        t,
        after.lower === 'been' ? 'aux' : 'modal',
        after.lower === 'been' ? 'have' : 'would',
        after.lower === 'been' ? 'past' : undefined,
      );
    return true;
  }
  if (w !== 'to') return false;
  const after = nextWord(tokens, i);
  if (after && after === next && after.pos === 'noun' && !isKnownNoun(after.lower) && !/s$/.test(after.lower)) {
    // "to fund a team": a word the lists do not know, right after "to" and before its object, is a verb.
    const object = tokens[i + 2];
    if (!object || object.pos === 'det' || object.pos === 'pron' || object.pos === 'num' || object.pos === 'punct') {
      set(after, 'verb', after.lower, 'base');
      return true;
    }
  }
  // "to the team" vs "to help": a noun-verb after "to" reads as a verb unless a determiner came first.
  if (!after || !(after.pos === 'verb' || after.pos === 'aux') || after.form !== 'base') set(t, 'adp');
  return true;
}

function contextual(tokens: Token[], i: number): void {
  if (contractionOrTo(tokens, i)) return;
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const w = t.lower;
  if (w === 'that') {
    if (!next) return set(t, 'pron');
    if (
      next.pos === 'pron' ||
      next.pos === 'propn' ||
      next.lower === 'the' ||
      next.lower === 'a' ||
      next.lower === 'our' ||
      next.lower === 'my'
    ) {
      // "caught that we had missed", "said that the fix": a complementizer; "that the" after a noun is too.
      return set(t, 'sconj');
    }
    if (next.pos === 'verb' || next.pos === 'aux' || next.pos === 'modal' || next.pos === 'adv') return set(t, 'pron');
    if (next.pos === 'noun' || next.pos === 'adj' || next.pos === 'num') return set(t, 'det');
    return set(t, 'pron');
  }
  if (w === 'her') {
    return set(
      t,
      next &&
        (next.pos === 'noun' ||
          next.pos === 'adj' ||
          (next.pos === 'verb' && AMBIGUOUS.has(next) && nextWord(tokens, i + 1)?.pos !== 'det'))
        ? 'det'
        : 'pron',
    );
  }
  if (w === 'one') {
    // "one can scroll", "one of the most": a pronoun; "one carrier": a number.
    if (next && (next.pos === 'modal' || next.lower === 'of' || next.pos === 'aux' || next.pos === 'punct')) return set(t, 'pron');
    if (prev && /^(?:no|any|some|every|each|which|that|the|this)$/.test(prev.lower)) return set(t, 'pron');
    return;
  }
  if (t.pos === 'noun' && !isKnownNoun(w)) {
    // "one can scroll": after a modal or "to", a word the lists do not know as a verb still is one.
    const p = prevWord(tokens, i, true);
    if (p && (p.pos === 'modal' || (p.lower === 'to' && p.pos === 'part'))) return set(t, 'verb', w, 'base');
  }
  if (
    t.pos === 'verb' &&
    !AMBIGUOUS.has(t) &&
    prev &&
    (prev.pos === 'det' || POSSESSIVE.has(prev.lower) || (prev.pos === 'adp' && prev.lower !== 'to'))
  ) {
    // "on leave", "the run", "a rewrite": a noun, whatever else the word can be; "by rolling back" stays a verb.
    if (t.form === 'base' || t.form === 'third') return set(t, 'noun', w);
    if ((t.form === 'past' || t.form === 'participle') && prev.pos === 'det') return set(t, 'adj', w);
  }
  if (t.pos !== 'verb' || !AMBIGUOUS.has(t)) return;
  disambiguate(tokens, i);
}

function nextWord(tokens: Token[], i: number): Token | undefined {
  for (let j = i + 1; j < tokens.length && j <= i + 8; j++) {
    const t = tokens[j];
    if (t.pos === 'adv' || (t.pos === 'part' && NEGATIVE.has(t.lower))) continue;
    return t;
  }
  return undefined;
}

/** Noun or verb, for a word that can be either. */
function disambiguate(tokens: Token[], i: number): void {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const p = prevWord(tokens, i, true);
  const pl = p?.lower;
  // The word before decides; each kind of previous word has its own step below.
  // "their first on-call": an ordinal between a determiner and its noun.
  if (
    prev &&
    Object.prototype.hasOwnProperty.call(ORDINALS, prev.lower) &&
    tokens[i - 2] &&
    (tokens[i - 2].pos === 'det' || POSSESSIVE.has(tokens[i - 2].lower))
  )
    return readAsNoun(t);
  // After a determiner, possessive, adjective, number or preposition: a noun ("the help", "for review").
  if (prev && (prev.pos === 'det' || POSSESSIVE.has(prev.lower) || prev.pos === 'adj' || prev.pos === 'num' || prev.lower === "'s")) {
    // "the updated doc", "its tests"; but "that helped" after a relative "that" stays a verb.
    return readAsNoun(t);
  }
  if (prev && prev.pos === 'adp') {
    // "after fixing it", "by rolling back": a gerund after a preposition is a verb.
    if (t.form === 'gerund') return;
    return readAsNoun(t);
  }
  if (!p) return atSentenceStart(tokens, i, t, next);
  if (p.pos === 'modal' || (p.pos === 'part' && (pl === 'to' || pl === 'not')) || (p.pos === 'aux' && p.lemma === 'do')) {
    // "will tests" is not English: a third-person form there is a plural noun; a base form or gerund stays a verb.
    if (t.form === 'third') readAsNoun(t);
    return;
  }
  if (p.pos === 'aux' && (p.lemma === 'be' || p.lemma === 'have')) {
    // "was helped", "were helping", "has supported": verbs; "is work" is not a verb.
    if (t.form === 'participle' || t.form === 'past' || t.form === 'gerund') return;
    return readAsNoun(t);
  }
  if (p.pos === 'pron' && SUBJECT_PRON.has(pl!)) return;
  if (p.pos === 'pron' || p.pos === 'propn' || p.pos === 'noun') return afterSubject(t, p, next);
  if (p.pos === 'cconj' || (p.pos === 'punct' && p.lower === ',')) return afterConjunction(t, next);
  if (p.pos === 'verb' || p.pos === 'aux') return afterVerb(t, p, prev, next);
}

/** A noun-verb opening the sentence: "Analyzed logs", "Review the doc" (a verb), "Support tickets fell" (a noun). */
function atSentenceStart(tokens: Token[], i: number, t: Token, next: Token | undefined): void {
  if (next && (next.pos === 'noun' || (next.pos === 'verb' && AMBIGUOUS.has(next))) && finiteLater(tokens, i + 2)) return readAsNoun(t);
  // "Orders grew", "Tests passed": a plural noun before a clear verb.
  if (
    t.form === 'third' &&
    next &&
    (next.pos === 'aux' ||
      next.pos === 'modal' ||
      (next.pos === 'verb' && (next.form === 'past' || (!AMBIGUOUS.has(next) && next.form === 'base'))))
  )
    return readAsNoun(t);
}

/** A noun-verb after a noun or pronoun `p` that may be its subject: "Ana reviews the doc", or a compound noun ("release notes"). */
function afterSubject(t: Token, p: Token, next: Token | undefined): void {
  // "Ana reviews the doc", "the fix shipped": a verb after its subject; "release notes were": a compound noun.
  if (t.form === 'gerund' && p.pos !== 'pron') return;
  // "refund logs and", "tests passed": a plural noun unless an object follows ("Ana reviews the doc").
  if (
    t.form === 'third' &&
    p.pos !== 'pron' &&
    !(
      next &&
      (next.pos === 'det' ||
        next.pos === 'pron' ||
        next.pos === 'num' ||
        next.pos === 'propn' ||
        next.pos === 'adv' ||
        POSSESSIVE.has(next.lower))
    )
  )
    return readAsNoun(t);
  // "my colleague fix the bug": a bare verb with its object, in non-native English.
  if (t.form === 'base' && p.pos === 'noun' && next && (next.pos === 'det' || POSSESSIVE.has(next.lower))) return;
  if (t.form === 'base' && !(p.pos === 'pron' || (p.pos === 'noun' && /s$/.test(p.lower)) || p.pos === 'propn')) return readAsNoun(t);
  if (next && (next.pos === 'aux' || next.pos === 'modal' || (next.pos === 'verb' && !AMBIGUOUS.has(next)))) return readAsNoun(t);
}

/** A noun-verb after "and" or a comma: "wrote the doc and tested it" (a verb when an object follows), "the doc and test plan" (a noun). */
function afterConjunction(t: Token, next: Token | undefined): void {
  if (t.form === 'past' || t.form === 'gerund') return;
  if (
    next &&
    (next.pos === 'det' ||
      next.pos === 'pron' ||
      next.pos === 'num' ||
      next.lower === 'up' ||
      next.lower === 'out' ||
      POSSESSIVE.has(next.lower))
  )
    return;
  return readAsNoun(t);
}

/** The noun (or, for a participle, adjective) reading of a word that can be a noun or a verb. */
function readAsNoun(t: Token): void {
  if (t.form === 'past' || t.form === 'participle') return set(t, 'adj', t.lower);
  if (t.form === 'gerund') return set(t, 'noun', t.lower);
  const lemma = t.form === 'third' && !isKnownNoun(t.lower) ? t.lower.replace(/s$/, '') : t.lower.replace(/s$/, '');
  set(t, 'noun', t.form === 'third' ? lemma : t.lower);
}

/** A noun-verb right after a verb `p`: a bare verb ("helped test"), a participle, or a noun ("found tests"). */
function afterVerb(t: Token, p: Token, prev: Token | undefined, next: Token | undefined): void {
  // "helped test", "had Ana run": a bare verb after a verb; "found tests": a noun.
  if (t.form === 'base' && next && (next.pos === 'det' || next.pos === 'pron')) return;
  // "helped cut settlement", "let them ship": "help" and "let" take a bare verb.
  if ((p.lemma === 'help' || p.lemma === 'let') && prev === p && verbReadings(t.lower).some((r) => r.form === 'base')) {
    t.form = 'base';
    return;
  }
  if (t.form === 'gerund') return;
  // "the team I led shipped it": a past verb; "found updated docs": an adjective before its noun.
  if ((t.form === 'past' || t.form === 'participle') && !(next && next.pos === 'noun')) return;
  readAsNoun(t);
}

/** A clearly finite verb appears later in the sentence: "Support tickets fell". */
function finiteLater(tokens: Token[], from: number): boolean {
  for (let j = from; j < tokens.length && j < from + 4; j++) {
    const t = tokens[j];
    if (t.pos === 'punct') return false;
    if (t.pos === 'aux' || t.pos === 'modal') return true;
    if (t.pos === 'verb' && (t.form === 'past' || t.form === 'third')) return true;
  }
  return false;
}

export function isAmbiguous(t: Token): boolean {
  return AMBIGUOUS.has(t);
}
