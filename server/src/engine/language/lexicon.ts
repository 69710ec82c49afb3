/**
 * Word knowledge of the language layer: closed-class words, verb forms and suffix guesses. The
 * lists live in words.json; this file turns them into lookups and knows English inflection,
 * building on the irregular verbs of verbs.ts.
 */
import words from './words.json';
// IRREGULAR_BASES: every irregular verb verbs.ts knows, so "overseen" and "withheld" are verbs too.
import { IRREGULAR_BASES, irregularForms, pastTense } from '../verbs';
import type { Pos, VerbForm } from './types';

const set = (list: readonly string[]) => new Set(list);

export const PRON = set(words.pron);
export const DET = set(words.det);
export const ADP = set(words.adp);
export const CCONJ = set(words.cconj);
export const SCONJ = set(words.sconj);
export const MODAL = set(words.modal);
export const ADV = set(words.adv);
/** Particles a verb group takes ("rolled back", "set up"); "worked on" keeps its preposition apart. */
export const PARTICLES = set(words.particles);
export const SELF = set(words.self);
export const TEAM = set(words.team);
export const OTHER_PRON = set(words.otherPron);
export const TEAM_NOUNS = set(words.teamNouns);
export const PEOPLE = set(words.people);
export const PEOPLE_ACRONYMS = set(words.peopleAcronyms);
export const TIME_UNITS = set(words.timeUnits);
export const MEASURE_UNITS = set(words.measureUnits);
export const MONEY_UNITS = set(words.moneyUnits);
export const MONTHS = set(words.months);
export const NUMBER_WORDS: Readonly<Record<string, number>> = words.numberWords;
export const APPROXIMATE_WORDS = set(words.approximateWords);
/** Words that say a number aloud ("two", "hundreds", "halved", "twice"), for a quick "has a number" test; "one" is left out (a pronoun as often). */
export const SPOKEN_NUMBERS: readonly string[] = words.spokenNumbers;
/** Cardinals from zero to ninety, smallest first. */
export const CARDINALS: readonly string[] = Object.entries(words.numberWords)
  .filter(([w, v]) => v < 100 && w !== 'dozen' && w !== 'couple')
  .sort((a, b) => a[1] - b[1])
  .map(([w]) => w);
export const MULTIPLIER_WORDS: Readonly<Record<string, number>> = words.multiplierWords;
export const ORDINALS: Readonly<Record<string, number>> = words.ordinals;
export const FRACTIONS: Readonly<Record<string, number>> = words.fractions;
export const REPORTING = set(words.reporting);
export const OBJECT_CONTROL = set(words.objectControl);
export const CAUSATIVE = set(words.causative);
export const STATIVE = set(words.stative);
const ADJ = set(words.adj);
const NOUNS = set(words.nouns);
const NAMES = set(words.names);
const NOT_VERBS = set(words.notVerbs);
/** Words that are as often a noun as a verb ("help", "test", "review"): context decides. */
export const NOUN_VERBS = set(words.nounVerbs);

/** Auxiliary lemmas with the form of each of their words. */
const AUX_FORMS = new Map<string, { lemma: string; form: VerbForm | 'present' }>();
for (const lemma of ['be', 'have', 'do', 'get'] as const) {
  for (const [w, form] of Object.entries(words[lemma] as Record<string, string>))
    AUX_FORMS.set(w, { lemma, form: form as VerbForm | 'present' });
}

const VERB_LEMMAS = set(words.verbs);

/** Inflected form → [lemma, form] for irregular verbs, built from verbs.ts. */
const IRREGULAR_FORM = new Map<string, Array<[string, VerbForm]>>();
function addIrregular(form: string, lemma: string, kind: VerbForm) {
  const list = IRREGULAR_FORM.get(form) ?? [];
  if (!list.some(([l, k]) => l === lemma && k === kind)) list.push([lemma, kind]);
  IRREGULAR_FORM.set(form, list);
}

export function isVerbLemma(lemma: string): boolean {
  return VERB_LEMMAS.has(lemma) || irregularForms(lemma) !== undefined;
}

/** Register irregular verbs lazily: verbs.ts holds them as base → [past, participle]. */
let irregularReady = false;
function ensureIrregular() {
  if (irregularReady) return;
  irregularReady = true;
  for (const lemma of [...VERB_LEMMAS, ...IRREGULAR_BASES]) {
    const forms = irregularForms(lemma);
    if (!forms) continue;
    VERB_LEMMAS.add(lemma);
    addIrregular(forms[0], lemma, 'past');
    addIrregular(forms[1], lemma, 'participle');
  }
}

export interface Analysis {
  lemma: string;
  form: VerbForm;
}

/** Every reading of a word as a verb form ("led" → lead/past, lead/participle). */
const readingsCache = new Map<string, Analysis[]>();

export function verbReadings(lower: string): Analysis[] {
  let cached = readingsCache.get(lower);
  if (!cached) {
    cached = computeReadings(lower);
    if (readingsCache.size > 20000) readingsCache.clear();
    readingsCache.set(lower, cached);
  }
  return cached;
}

function computeReadings(lower: string): Analysis[] {
  ensureIrregular();
  const out: Analysis[] = [];
  const irregular = IRREGULAR_FORM.get(lower);
  if (irregular) for (const [lemma, form] of irregular) out.push({ lemma, form });
  if (VERB_LEMMAS.has(lower)) out.push({ lemma: lower, form: 'base' });
  // Hyphenated compounds inflect on their last part: "re-ran", "double-checked".
  const dash = lower.lastIndexOf('-');
  if (dash > 0 && out.length === 0) {
    const head = lower.slice(0, dash + 1);
    for (const r of computeReadings(lower.slice(dash + 1))) out.push({ lemma: head + r.lemma, form: r.form });
    return out;
  }
  if (NOT_VERBS.has(lower)) return out;
  const add = (lemma: string, form: VerbForm) => {
    if (isVerbLemma(lemma) && !out.some((o) => o.lemma === lemma && o.form === form)) out.push({ lemma, form });
  };
  if (lower.endsWith('ing') && lower.length > 4) {
    const stem = lower.slice(0, -3);
    add(stem, 'gerund');
    add(stem + 'e', 'gerund');
    if (/(.)\1$/.test(stem)) add(stem.slice(0, -1), 'gerund');
    if (stem.endsWith('y')) add(stem.slice(0, -1) + 'ie', 'gerund');
  } else if (lower.endsWith('ed') && lower.length > 3) {
    for (const lemma of edLemmas(lower)) {
      add(lemma, 'past');
      add(lemma, 'participle');
    }
  } else if (lower.endsWith('s') && lower.length > 2 && !lower.endsWith('ss')) {
    if (lower.endsWith('ies')) add(lower.slice(0, -3) + 'y', 'third');
    if (lower.endsWith('es')) add(lower.slice(0, -2), 'third');
    add(lower.slice(0, -1), 'third');
  }
  return out;
}

function edLemmas(lower: string): string[] {
  const stem = lower.slice(0, -2);
  const out = [stem, stem + 'e'];
  if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  if (stem.endsWith('i')) out.push(stem.slice(0, -1) + 'y');
  if (stem.endsWith('ck')) out.push(stem.slice(0, -1));
  return out.filter((l) => pastTense(l) === lower || irregularForms(l) === undefined);
}

/** A guess for a word the lists do not know, from its shape. */
export function guessUnknown(lower: string): { pos: Pos; form?: VerbForm; lemma: string } {
  // Suffix tests on the word's last letters only: a regex such as /[a-z]{3,}ed$/ is quadratic on a 50,000-letter "word".
  const tail = lower.slice(-6);
  const letters = /^[a-z]+$/.test(tail);
  if (tail.endsWith('ly') && lower.length > 4) return { pos: 'adv', lemma: lower };
  if (/(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ist|ure|age|cy|ery|dom|hood|ics|er|or|ers|ors)$/.test(tail))
    return { pos: 'noun', lemma: lower };
  if (/(?:ous|ful|less|able|ible|ive|al|ic|ary|ish|ant|ent|y)$/.test(tail) && lower.length > 4) return { pos: 'adj', lemma: lower };
  if (letters && lower.length > 4 && tail.endsWith('ed')) return { pos: 'verb', form: 'participle', lemma: lower.slice(0, -2) };
  if (letters && lower.length > 5 && tail.endsWith('ing')) return { pos: 'verb', form: 'gerund', lemma: lower.slice(0, -3) };
  return { pos: 'noun', lemma: lower };
}

export function auxForm(lower: string): { lemma: string; form: VerbForm | 'present' } | undefined {
  return AUX_FORMS.get(lower);
}

export const isAdjective = (lower: string) => ADJ.has(lower);
export const isKnownNoun = (lower: string) => NOUNS.has(lower) || NOUNS.has(lower.replace(/s$/, ''));
export const isName = (lower: string) => NAMES.has(lower);
export const isNotVerb = (lower: string) => NOT_VERBS.has(lower);
