/**
 * Simple-past forms for the hypothetical rule's rewrite. Irregular verbs are listed; the rest
 * follow the spelling rules for -ed. Words that are not verbs are never passed here: the rule
 * only rewrites the word right after "would"/"will".
 */
const IRREGULAR: Record<string, [past: string, participle: string]> = {
  be: ['was', 'been'],
  become: ['became', 'become'],
  begin: ['began', 'begun'],
  bring: ['brought', 'brought'],
  build: ['built', 'built'],
  buy: ['bought', 'bought'],
  catch: ['caught', 'caught'],
  choose: ['chose', 'chosen'],
  come: ['came', 'come'],
  cut: ['cut', 'cut'],
  deal: ['dealt', 'dealt'],
  do: ['did', 'done'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  eat: ['ate', 'eaten'],
  fall: ['fell', 'fallen'],
  feel: ['felt', 'felt'],
  fight: ['fought', 'fought'],
  find: ['found', 'found'],
  fly: ['flew', 'flown'],
  forget: ['forgot', 'forgotten'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  go: ['went', 'gone'],
  grow: ['grew', 'grown'],
  have: ['had', 'had'],
  hear: ['heard', 'heard'],
  hide: ['hid', 'hidden'],
  hold: ['held', 'held'],
  keep: ['kept', 'kept'],
  know: ['knew', 'known'],
  lay: ['laid', 'laid'],
  lead: ['led', 'led'],
  leave: ['left', 'left'],
  lend: ['lent', 'lent'],
  let: ['let', 'let'],
  lose: ['lost', 'lost'],
  make: ['made', 'made'],
  mean: ['meant', 'meant'],
  meet: ['met', 'met'],
  pay: ['paid', 'paid'],
  put: ['put', 'put'],
  quit: ['quit', 'quit'],
  read: ['read', 'read'],
  rebuild: ['rebuilt', 'rebuilt'],
  rewrite: ['rewrote', 'rewritten'],
  ring: ['rang', 'rung'],
  rise: ['rose', 'risen'],
  run: ['ran', 'run'],
  say: ['said', 'said'],
  see: ['saw', 'seen'],
  seek: ['sought', 'sought'],
  sell: ['sold', 'sold'],
  send: ['sent', 'sent'],
  set: ['set', 'set'],
  shut: ['shut', 'shut'],
  sit: ['sat', 'sat'],
  speak: ['spoke', 'spoken'],
  spend: ['spent', 'spent'],
  split: ['split', 'split'],
  spread: ['spread', 'spread'],
  stand: ['stood', 'stood'],
  steal: ['stole', 'stolen'],
  stick: ['stuck', 'stuck'],
  strike: ['struck', 'struck'],
  take: ['took', 'taken'],
  teach: ['taught', 'taught'],
  tell: ['told', 'told'],
  think: ['thought', 'thought'],
  throw: ['threw', 'thrown'],
  understand: ['understood', 'understood'],
  undertake: ['undertook', 'undertaken'],
  upset: ['upset', 'upset'],
  wake: ['woke', 'woken'],
  wear: ['wore', 'worn'],
  win: ['won', 'won'],
  withdraw: ['withdrew', 'withdrawn'],
  write: ['wrote', 'written'],
  overcome: ['overcame', 'overcome'],
  oversee: ['oversaw', 'overseen'],
  undergo: ['underwent', 'undergone'],
  broadcast: ['broadcast', 'broadcast'],
  forecast: ['forecast', 'forecast'],
  set_up: ['set up', 'set up'],
  sleep: ['slept', 'slept'],
  show: ['showed', 'shown'],
  shake: ['shook', 'shaken'],
  swim: ['swam', 'swum'],
  sing: ['sang', 'sung'],
  drink: ['drank', 'drunk'],
  bet: ['bet', 'bet'],
  bid: ['bid', 'bid'],
  cost: ['cost', 'cost'],
  hit: ['hit', 'hit'],
  hurt: ['hurt', 'hurt'],
  light: ['lit', 'lit'],
  prove: ['proved', 'proven'],
  slide: ['slid', 'slid'],
  tear: ['tore', 'torn'],
  break: ['broke', 'broken'],
  freeze: ['froze', 'frozen'],
  ride: ['rode', 'ridden'],
  shoot: ['shot', 'shot'],
  feed: ['fed', 'fed'],
  bind: ['bound', 'bound'],
};

/** Less common irregular verbs, and re-/over-/under-/out- compounds candidates use ("spin up", "rerun", "override"). */
const MORE_IRREGULAR: Record<string, [past: string, participle: string]> = {
  arise: ['arose', 'arisen'],
  bear: ['bore', 'borne'],
  beat: ['beat', 'beaten'],
  bend: ['bent', 'bent'],
  bite: ['bit', 'bitten'],
  bleed: ['bled', 'bled'],
  blow: ['blew', 'blown'],
  breed: ['bred', 'bred'],
  burst: ['burst', 'burst'],
  cast: ['cast', 'cast'],
  cling: ['clung', 'clung'],
  creep: ['crept', 'crept'],
  dig: ['dug', 'dug'],
  flee: ['fled', 'fled'],
  fling: ['flung', 'flung'],
  forbid: ['forbade', 'forbidden'],
  forgive: ['forgave', 'forgiven'],
  foresee: ['foresaw', 'foreseen'],
  grind: ['ground', 'ground'],
  hang: ['hung', 'hung'],
  input: ['input', 'input'],
  kneel: ['knelt', 'knelt'],
  mislead: ['misled', 'misled'],
  misread: ['misread', 'misread'],
  misunderstand: ['misunderstood', 'misunderstood'],
  offset: ['offset', 'offset'],
  outdo: ['outdid', 'outdone'],
  outgrow: ['outgrew', 'outgrown'],
  output: ['output', 'output'],
  outrun: ['outran', 'outrun'],
  overdo: ['overdid', 'overdone'],
  overhear: ['overheard', 'overheard'],
  override: ['overrode', 'overridden'],
  overrun: ['overran', 'overrun'],
  overtake: ['overtook', 'overtaken'],
  overthrow: ['overthrew', 'overthrown'],
  redo: ['redid', 'redone'],
  remake: ['remade', 'remade'],
  reread: ['reread', 'reread'],
  rerun: ['reran', 'rerun'],
  resend: ['resent', 'resent'],
  reset: ['reset', 'reset'],
  retell: ['retold', 'retold'],
  rethink: ['rethought', 'rethought'],
  rewind: ['rewound', 'rewound'],
  shed: ['shed', 'shed'],
  shine: ['shone', 'shone'],
  shrink: ['shrank', 'shrunk'],
  sink: ['sank', 'sunk'],
  sling: ['slung', 'slung'],
  speed: ['sped', 'sped'],
  spin: ['spun', 'spun'],
  spring: ['sprang', 'sprung'],
  sting: ['stung', 'stung'],
  stride: ['strode', 'stridden'],
  string: ['strung', 'strung'],
  strive: ['strove', 'striven'],
  swear: ['swore', 'sworn'],
  sweep: ['swept', 'swept'],
  swing: ['swung', 'swung'],
  thrust: ['thrust', 'thrust'],
  undercut: ['undercut', 'undercut'],
  undo: ['undid', 'undone'],
  unwind: ['unwound', 'unwound'],
  uphold: ['upheld', 'upheld'],
  weave: ['wove', 'woven'],
  weep: ['wept', 'wept'],
  wind: ['wound', 'wound'],
  withhold: ['withheld', 'withheld'],
  withstand: ['withstood', 'withstood'],
  wring: ['wrung', 'wrung'],
  mistake: ['mistook', 'mistaken'],
  forsake: ['forsook', 'forsaken'],
  browbeat: ['browbeat', 'browbeaten'],
  slit: ['slit', 'slit'],
  spit: ['spat', 'spat'],
  stink: ['stank', 'stunk'],
  tread: ['trod', 'trodden'],
  partake: ['partook', 'partaken'],
};
Object.assign(IRREGULAR, MORE_IRREGULAR);

/** Every irregular base form listed (not the prefixed compounds derived from them). */
export const IRREGULAR_BASES: readonly string[] = Object.keys(IRREGULAR).filter((w) => !w.includes('_'));

/**
 * A prefix on an irregular verb keeps it irregular ("overwrite" → "overwrote", "repay" →
 * "repaid"), so compounds are read as prefix + verb. Longest prefixes first ("under" before "un").
 */
const PREFIXES = [
  'under',
  'proof',
  'over',
  'with',
  'fore',
  'for',
  'hand',
  'baby',
  'type',
  'out',
  'mis',
  'pre',
  'sub',
  're',
  'un',
  'up',
  'be',
];
/** Compounds of an irregular verb that are regular: "relay" is not "re-lay". */
const REGULAR_COMPOUNDS = new Set(['relay', 'belay', 'resent', 'unwed', 'behave']);

/** The ways `word` reads as a known prefix and a verb of at least `minRest` letters, longest prefix first. */
function prefixSplits(word: string, minRest = 2): Array<[prefix: string, rest: string]> {
  if (REGULAR_COMPOUNDS.has(word)) return [];
  return PREFIXES.filter((p) => word.startsWith(p) && word.length - p.length >= minRest).map((p) => [p, word.slice(p.length)]);
}

/** [past, participle] of an irregular verb, prefixed compounds included; undefined for a regular one. */
export function irregularForms(word: string): [past: string, participle: string] | undefined {
  if (Object.prototype.hasOwnProperty.call(IRREGULAR, word)) return IRREGULAR[word];
  for (const [prefix, rest] of prefixSplits(word)) {
    if (!Object.prototype.hasOwnProperty.call(IRREGULAR, rest)) continue;
    const [past, participle] = IRREGULAR[rest];
    return [prefix + past, prefix + participle];
  }
  return undefined;
}

const PARTICIPLE_TO_PAST = new Map<string, string>();
for (const [, [past, participle]] of Object.entries(IRREGULAR)) PARTICIPLE_TO_PAST.set(participle, past);

/** The simple past of an irregular participle, prefixed ones included ("overwritten" → "overwrote"). */
function pastOfIrregularParticiple(word: string): string | undefined {
  const direct = PARTICIPLE_TO_PAST.get(word);
  if (direct !== undefined) return direct;
  for (const [prefix, rest] of prefixSplits(word)) {
    const past = PARTICIPLE_TO_PAST.get(rest);
    if (past !== undefined) return prefix + past;
  }
  return undefined;
}

// Verbs of more than one syllable that double their final consonant: stress on the last syllable
// ("commit"), plus the few everyday exceptions American spelling keeps ("program", "format").
const STRESS_FINAL = new Set([
  'admit',
  'commit',
  'control',
  'compel',
  'confer',
  'defer',
  'deter',
  'equip',
  'excel',
  'expel',
  'incur',
  'infer',
  'occur',
  'omit',
  'patrol',
  'permit',
  'prefer',
  'propel',
  'rebut',
  'recur',
  'refer',
  'regret',
  'submit',
  'transfer',
  'transmit',
  'upset',
  'debug',
  'embed',
  'format',
  'program',
  'unplug',
  'outfit',
  'refit',
  'acquit',
  'extol',
  'enrol',
  'instil',
  'kidnap',
  'handicap',
]);

/** Verbs in -ic take a k before -ed: "panicked". */
const ADD_K = new Set(['panic', 'mimic', 'picnic', 'traffic', 'frolic']);

/** Verbs that end in -ly; any other -ly word after "would" is an adverb ("I would gradually roll out"). */
const LY_VERBS = new Set([
  'apply',
  'reply',
  'supply',
  'rely',
  'comply',
  'multiply',
  'ally',
  'fly',
  'imply',
  'bully',
  'tally',
  'rally',
  'sully',
  'dally',
]);

/** Words that sit between "would" and the verb without changing it ("I would first gather"). */
export const ADVERBS = new Set([
  'first',
  'then',
  'also',
  'probably',
  'likely',
  'immediately',
  'quickly',
  'personally',
  'definitely',
  'still',
  'just',
  'really',
  'certainly',
  'simply',
  'actually',
  'directly',
  'carefully',
  'proactively',
  'always',
  'usually',
  'typically',
  'generally',
  'even',
  'only',
  'often',
  'sometimes',
  'ever',
  'now',
  'instead',
  'together',
  'once',
  'again',
  'soon',
  'already',
]);

/** Words that can follow "would" but are not a verb to put in the past. */
const NOT_VERBS = new Set([
  'rather',
  'like',
  'love',
  'prefer',
  'say',
  'not',
  'never',
  'be',
  'have',
  'and',
  'or',
  'to',
  'the',
  'a',
  'an',
  'it',
  'that',
  'this',
]);

/** An adverb that can sit between "would" and its verb: the listed ones, and -ly words that are not verbs. */
export function isAdverb(word: string): boolean {
  const w = word.toLowerCase();
  return ADVERBS.has(w) || (/^[a-z]{2,}ly$/.test(w) && !LY_VERBS.has(w));
}

export function isRewritableVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_VERBS.has(w) || isAdverb(w)) return false;
  if (irregularForms(w)) return true;
  // Already inflected forms are not a base verb; "need", "proceed" and "succeed" are.
  // Nothing else needs excluding: after "would" English puts a verb, never a noun ("implement", "mention").
  return /^[a-z]{2,}$/.test(w) && !/(?:[^e]ed|ing)$/.test(w);
}

export function pastTense(base: string): string {
  const w = base.toLowerCase();
  const irregular = irregularForms(w);
  if (irregular) return irregular[0];
  if (w.endsWith('e')) return w + 'd';
  if (ADD_K.has(w)) return w + 'ked';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ied';
  if (doublesFinalConsonant(w)) return w + w[w.length - 1] + 'ed';
  // The stress of a compound is on its verb: "overlap" → "overlapped", "replan" → "replanned".
  const [compound] = prefixSplits(w, 3);
  if (compound && doublesFinalConsonant(compound[1])) return w + w[w.length - 1] + 'ed';
  return w + 'ed';
}

function doublesFinalConsonant(w: string): boolean {
  return STRESS_FINAL.has(w) || /^[^aeiou]*[aeiou][bdgklmnprtvz]$/.test(w);
}

/** "would have escalated" says the same as "escalated"; irregular participles map back to the past. */
export function pastFromParticiple(participle: string): string {
  const w = participle.toLowerCase();
  return pastOfIrregularParticiple(w) ?? w;
}

export function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return w.endsWith('ed') || pastOfIrregularParticiple(w) !== undefined;
}

/** Words that end in -ed without being a past participle ("indeed", "hundred", "shed" as a noun). */
const ED_NOT_PARTICIPLE = new Set([
  'indeed',
  'hundred',
  'sacred',
  'naked',
  'wicked',
  'kindred',
  'hatred',
  'shred',
  'sled',
  'shed',
  'embed',
  'rugged',
  'ragged',
  'crooked',
  'beloved',
  'infrared',
  'unwed',
]);
/** -eed words that are participles of an -ee verb; every other -eed word is a base form ("need", "exceed"). */
const EED_PARTICIPLES = new Set(['agreed', 'disagreed', 'guaranteed', 'freed', 'decreed', 'refereed', 'foreseed', 'overseed']);

/**
 * A past participle, for passive voice: stricter than `isParticiple`, because there a wrong yes
 * is a false alarm ("it was indeed", "what we need"), not a skipped rewrite.
 */
export function isPastParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (pastOfIrregularParticiple(w) !== undefined) return true;
  if (!/^[a-z]{2,}ed$/.test(w) || ED_NOT_PARTICIPLE.has(w)) return false;
  return !w.endsWith('eed') || EED_PARTICIPLES.has(w);
}

/**
 * Regular verbs common in stories. A word after "and" can be a noun ("the doc and test plan"), so
 * the hypothetical rule only rewrites a coordinated word it knows to be a verb: these or an irregular one.
 */
const COMMON_REGULAR_VERBS = new Set([
  'accept',
  'add',
  'agree',
  'alert',
  'align',
  'analyse',
  'analyze',
  'announce',
  'approve',
  'archive',
  'ask',
  'assign',
  'automate',
  'backfill',
  'benchmark',
  'calculate',
  'call',
  'capture',
  'change',
  'check',
  'clean',
  'close',
  'coach',
  'collect',
  'compare',
  'compile',
  'configure',
  'confirm',
  'contact',
  'convince',
  'coordinate',
  'create',
  'decide',
  'delegate',
  'delete',
  'deploy',
  'design',
  'disable',
  'discuss',
  'document',
  'downgrade',
  'draft',
  'email',
  'enable',
  'escalate',
  'estimate',
  'explain',
  'fix',
  'flag',
  'follow',
  'gather',
  'hire',
  'identify',
  'implement',
  'inform',
  'install',
  'interview',
  'investigate',
  'invite',
  'isolate',
  'launch',
  'learn',
  'list',
  'listen',
  'look',
  'measure',
  'mentor',
  'merge',
  'migrate',
  'mitigate',
  'monitor',
  'move',
  'negotiate',
  'notify',
  'offer',
  'open',
  'own',
  'page',
  'pair',
  'patch',
  'pause',
  'persuade',
  'plan',
  'prepare',
  'present',
  'prioritise',
  'prioritize',
  'profile',
  'propose',
  'publish',
  'pull',
  'push',
  'quantify',
  'raise',
  'reach',
  'recommend',
  'record',
  'refactor',
  'reject',
  'release',
  'remove',
  'replace',
  'report',
  'reproduce',
  'restart',
  'retry',
  'revert',
  'review',
  'roll',
  'schedule',
  'share',
  'ship',
  'sign',
  'simplify',
  'start',
  'stop',
  'suggest',
  'summarise',
  'summarize',
  'talk',
  'test',
  'trace',
  'track',
  'train',
  'try',
  'update',
  'upgrade',
  'use',
  'validate',
  'verify',
  'wait',
  'walk',
  'watch',
  'work',
]);

/** The verb of a hyphenated compound is its last part: "re-run" → "re-ran", "double-check" → "double-checked". */
export function compoundParts(word: string): { head: string; verb: string } {
  const cut = word.lastIndexOf('-') + 1;
  return { head: word.slice(0, cut), verb: word.slice(cut) };
}

/** A base-form verb the rewrite can trust even where a noun could stand. */
export function isKnownVerb(word: string): boolean {
  return COMMON_REGULAR_VERBS.has(word) || (irregularForms(word) !== undefined && !word.includes('_'));
}
