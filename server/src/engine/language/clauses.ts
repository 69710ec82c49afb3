/**
 * Clauses of a tagged sentence: each verb group (auxiliaries + main verb) is one clause, with the
 * subject that performs it, found by walking back from the verb, or carried over from the clause
 * it is coordinated with, controlled by ("I asked Ana to test") or reduced from.
 */
import {
  CAUSATIVE,
  MONTHS,
  OBJECT_CONTROL,
  OTHER_PRON,
  PARTICLES,
  PEOPLE,
  PEOPLE_ACRONYMS,
  REPORTING,
  SELF,
  STATIVE,
  TEAM,
  TEAM_NOUNS,
  verbReadings,
} from './lexicon';
import { isAmbiguous } from './tag';
import type { Actor, Clause, Phrase, Token } from './types';

const NEGATIVE = new Set(['not', "n't", 'never']);
const POSSESSIVE = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their', 'whose']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
const SUBJECT_CASE = new Set([
  'i',
  'we',
  'he',
  'she',
  'they',
  'you',
  'it',
  'there',
  'who',
  'which',
  'this',
  'everyone',
  'nobody',
  'someone',
  'one',
  'everything',
  'nothing',
  'something',
  'that',
  'none',
  'anyone',
  'everybody',
  'somebody',
  'anybody',
]);
/** After "by": an amount, a time or a means, not who acted ("by 40%", "by Friday", "by rolling back"). */
const NOT_AGENT_WORD =
  /^(?:about|around|roughly|nearly|almost|over|under|more|less|up|half|far|much|then|now|noon|midnight|tomorrow|today|tonight|end|next|early|late|mid|hand|mistake|accident|default|design|chance|email|phone|mail|monday|tuesday|wednesday|thursday|friday|saturday|sunday|q[1-4]|[a-z]+ing|the|a|an)$/;

interface Group {
  /** Indices into tokens. */
  first: number;
  last: number;
  verbs: Token[];
  head: number;
  infinitive: boolean;
}

/** What `clausesOf` builds, handed from step to step in one object rather than in closures or returned tuples. */
interface Build {
  tokens: Token[];
  groups: Group[];
  clauses: Clause[];
  /** Index of each clause's first token (its subject's, or its verb group's). */
  starts: number[];
  /** Clauses whose subject is a relative pronoun standing for a noun before it. */
  relativeClauses: Set<number>;
}

export function clausesOf(tokens: Token[], sentenceText: string, sentenceStart: number): Clause[] {
  const b: Build = { tokens, groups: verbGroups(tokens), clauses: [], starts: [], relativeClauses: new Set<number>() };
  for (let g = 0; g < b.groups.length; g++) addClause(b, b.groups[g]);
  // Clauses without a written subject take one from the clause they hang on.
  for (let c = 0; c < b.clauses.length; c++) if (!b.clauses[c].subject) inheritSubject(b, c);
  markReported(b, sentenceText, sentenceStart);
  spanTokens(b);
  return b.clauses;
}

/** The clause of one verb group: its voice, aspect, negation, tense and written subject. */
function addClause(b: Build, group: Group): void {
  const tokens = b.tokens;
  const verb = tokens[group.head];
  const aux = group.verbs.filter((t) => t !== verb);
  const modalTok = group.verbs.find((t) => t.pos === 'modal');
  const agentAt = agentIndex(tokens, group.last + 1);
  // Before the aspect: it may mark the verb a participle, which "have" + participle reads.
  const voice = voiceOf(tokens, group, verb, aux, agentAt);
  const passive = voice === 'passive';
  const perfect = group.verbs.some(
    (t, k) =>
      t.lemma === 'have' &&
      t !== verb &&
      group.verbs[k + 1] &&
      (group.verbs[k + 1].form === 'participle' || group.verbs[k + 1].form === 'past' || group.verbs[k + 1].lower === 'been'),
  );
  if (perfect && verb.form === 'past') verb.form = 'participle';
  const progressive = group.verbs.some((t, k) => t.lemma === 'be' && t !== verb && group.verbs[k + 1]?.form === 'gerund');
  const negated = isNegated(tokens, group);
  // Before the subject: finding it can re-read the verb ("I had Ana run" makes "run" a base form); the tense reads it as tagged.
  const tense = tenseOf(group, modalTok);
  const subjectStart = subjectBefore(tokens, group.first);
  const subject = subjectStart?.phrase;
  const clauseStart = subjectStart ? subjectStart.from : group.first;
  if (subjectStart?.relative) b.relativeClauses.add(b.clauses.length);
  const nonFinite =
    group.infinitive || (aux.length === 0 && !modalTok && (verb.form === 'gerund' || (verb.form === 'participle' && !subject)));
  b.clauses.push({
    start: tokens[clauseStart].start,
    end: tokens[group.last].end,
    tokens: [],
    subject,
    subjectImplied: false,
    verbs: group.verbs,
    verb,
    passive,
    stative: voice === 'stative',
    agent: passive && agentAt >= 0 ? nounPhraseAt(tokens, agentAt + 1)?.phrase : undefined,
    negated,
    tense,
    modal: modalTok?.lemma,
    perfect,
    progressive,
    reported: false,
    nonFinite,
  });
  b.starts.push(clauseStart);
}

/**
 * Passive ("was rolled back", "got fixed"), stative ("was involved") or active; a verb read as
 * passive or stative is marked a participle. `agentAt` is the index of a "by" naming who acted, or -1.
 */
function voiceOf(tokens: Token[], group: Group, verb: Token, aux: Token[], agentAt: number): 'active' | 'passive' | 'stative' {
  const beIndex = group.verbs.findIndex((t) => t !== verb && (t.lemma === 'be' || t.lemma === 'get'));
  if (beIndex >= 0 && verb.pos === 'verb' && hasParticiple(verb) && group.verbs[beIndex + 1] !== undefined) {
    const between = group.verbs.slice(beIndex + 1).filter((t) => t !== verb && t.pos !== 'adv' && t.pos !== 'adp' && t.pos !== 'part');
    if (between.every((t) => t.lower === 'being' || t.lower === 'been')) {
      verb.form = 'participle';
      // A stative group has its "be" among the auxiliaries, so it never reaches the check below.
      return STATIVE.has(verb.lower) ? 'stative' : 'passive';
    }
  }
  // "Helped by Ana, I shipped", "the bug reported by QA": a participle on its own with its agent.
  if (aux.length === 0 && hasParticiple(verb) && agentAt >= 0 && !subjectBefore(tokens, group.first)) {
    verb.form = 'participle';
    return 'passive';
  }
  return 'active';
}

/** A negation inside the verb group ("did not escalate") or just before it ("I never escalated"). */
function isNegated(tokens: Token[], group: Group): boolean {
  let negated = negatedBetween(tokens, group.first, group.last);
  for (let k = group.first - 1; k >= 0 && (tokens[k].pos === 'adv' || tokens[k].pos === 'part') && tokens[k].lower !== 'to'; k--)
    if (NEGATIVE.has(tokens[k].lower)) negated = true;
  return negated;
}

/** Tense from the modal ("will" is the future) or the first verb of the group; an infinitive has none. */
function tenseOf(group: Group, modalTok: Token | undefined): Clause['tense'] {
  const first = group.verbs[0];
  if (modalTok) return modalTok.lemma === 'will' || modalTok.lemma === 'shall' ? 'future' : 'none';
  if (group.infinitive) return 'none';
  if (first.form === 'past') return 'past';
  if (first.form === 'third' || first.form === 'base') return 'present';
  if (first.lower === 'am' || first.lower === 'are' || first.lower === "'m" || first.lower === "'re") return 'present';
  return 'none';
}

/** Gives clause `c`, written without a subject, the subject of the clause it hangs on, if any. */
function inheritSubject(b: Build, c: number): void {
  const { tokens, groups, clauses } = b;
  const clause = clauses[c];
  const group = groups[c];
  const prev = clauses[c - 1];
  const prevGroup = groups[c - 1];
  const before = wordBefore(tokens, group.first);
  // "helped win", "helped lead": a bare verb right after another shares its subject.
  if (
    prev &&
    prevGroup &&
    prevGroup.last === group.first - 1 &&
    verb0(group, tokens).form !== 'past' &&
    verb0(group, tokens).form !== 'third'
  ) {
    clause.subject = prev.subject;
    clause.subjectImplied = clause.subject !== undefined;
    clause.nonFinite = true;
    clause.tense = 'none';
    return;
  }
  if (group.infinitive && prev) {
    // "I asked Ana to test" → Ana tests; "I offered to help" → I help.
    const object = prevGroup && OBJECT_CONTROL.has(prev.verb?.lemma ?? '') ? nounPhraseAt(tokens, prevGroup.last + 1) : undefined;
    const objectEndsBeforeTo = object && object.endIndex === group.first - 1;
    clause.subject = objectEndsBeforeTo ? object.phrase : prev.subject;
    clause.subjectImplied = clause.subject !== undefined;
    return;
  }
  if (
    prev &&
    before &&
    (before.pos === 'cconj' || before.lower === ',' || before.lower === 'then' || before.lower === 'also') &&
    !clause.nonFinite
  ) {
    clause.subject = prev.subject;
    clause.subjectImplied = clause.subject !== undefined;
    return;
  }
  // "The engineer who built the service left": after a relative clause, its antecedent acts again.
  if (prev && b.relativeClauses.has(c - 1) && !clause.nonFinite) {
    clause.subject = prev.subject;
    clause.subjectImplied = true;
    return;
  }
  if (prev && before && RELATIVE.has(before.lower)) {
    clause.subject = prev.subject;
    clause.subjectImplied = true;
    return;
  }
  if (clause.nonFinite && c === 0 && clauses[1]?.subject && !clauses[1].subjectImplied && commaBefore(b, group.last + 1, b.starts[1])) {
    // "Helped by Ana, I shipped", "Working nights, I found": the opening phrase shares the main subject.
    clause.subject = clauses[1].subject;
    clause.subjectImplied = true;
  }
}

/** Whether a comma stands among tokens `from` to `to` (exclusive). */
function commaBefore(b: Build, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (b.tokens[k].lower === ',') return true;
  return false;
}

/** Reported speech and quotations; quotes are counted once along the sentence. */
function markReported(b: Build, sentenceText: string, sentenceStart: number): void {
  const { tokens, groups, clauses, starts } = b;
  let quotes = 0;
  let counted = sentenceStart;
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c];
    quotes += (sentenceText.slice(counted - sentenceStart, clause.start - sentenceStart).match(/["\u201c\u201d]/g) ?? []).length;
    counted = Math.max(counted, clause.start);
    if (quotes % 2 === 1) clause.reported = true;
    const prev = clauses[c - 1];
    // "She said the launch slipped": a clause joined to a reporting verb by "that", its object or nothing.
    if (prev && prev.verb && REPORTING.has(prev.verb.lemma) && !clause.nonFinite && !clause.subjectImplied) {
      const between = tokens.slice(groups[c - 1].last + 1, starts[c]);
      const joined = between.every(
        (t) => t.lower === 'that' || t.pos === 'pron' || t.pos === 'propn' || t.pos === 'noun' || t.pos === 'det' || t.lower === ',',
      );
      if (joined) clause.reported = true;
    }
    if (prev?.reported && clause.subjectImplied) clause.reported = true;
  }
}

/** Each clause runs to where the next one starts; the first takes any opening words. */
function spanTokens(b: Build): void {
  const { tokens, clauses, starts } = b;
  for (let c = 0; c < clauses.length; c++) {
    const from = c === 0 ? 0 : starts[c];
    const to = c + 1 < clauses.length ? starts[c + 1] : tokens.length;
    clauses[c].tokens = tokens.slice(from, to);
    if (clauses[c].tokens.length) {
      clauses[c].start = clauses[c].tokens[0].start;
      clauses[c].end = clauses[c].tokens[clauses[c].tokens.length - 1].end;
    }
  }
}

function verb0(group: Group, tokens: Token[]): Token {
  return tokens[group.first].lower === 'to' ? tokens[group.first + 1] : tokens[group.first];
}

function hasParticiple(t: Token): boolean {
  if (t.form === 'participle') return true;
  if (t.form !== 'past') return false;
  return verbReadings(t.lower).some((r) => r.form === 'participle');
}

function negatedBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (NEGATIVE.has(tokens[k].lower)) return true;
  return false;
}

function wordBefore(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) {
    if (tokens[j].pos === 'adv' && tokens[j].lower !== 'then' && tokens[j].lower !== 'also') continue;
    return tokens[j];
  }
  return undefined;
}

/** Verb groups: modal/auxiliaries, adverbs and negation between, the main verb and a particle; "to" + verb too. */
function verbGroups(tokens: Token[]): Group[] {
  const groups: Group[] = [];
  // One scan reused for every group, so that finding groups allocates only their verb lists.
  const scan: Scan = { verbs: [], head: -1, last: 0, firstVerb: -1, end: 0 };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const infinitive = t.lower === 'to' && t.pos === 'part';
    if (!infinitive && !(t.pos === 'modal' || t.pos === 'aux' || t.pos === 'verb')) {
      i++;
      continue;
    }
    scanGroup(tokens, infinitive ? i + 1 : i, scan);
    if (scan.verbs.length === 0) {
      i = Math.max(i + 1, scan.end);
      continue;
    }
    // A particle right after the main verb: "rolled back", "set up", "helped out".
    const p = tokens[scan.last + 1];
    if (p && PARTICLES.has(p.lower) && tokens[scan.head].pos === 'verb' && particleEnds(tokens, scan.last + 2)) {
      scan.verbs.push(p);
      scan.last = scan.last + 1;
    }
    const first = infinitive ? i : scan.firstVerb;
    groups.push({ first, last: scan.last, verbs: scan.verbs, head: headOf(tokens, first, scan.last), infinitive });
    i = scan.last + 1;
  }
  return groups;
}

/** Where `scanGroup` leaves a verb group: its verbs, the indices of its head, last and first verb, and where the scan stopped. */
interface Scan {
  verbs: Token[];
  head: number;
  last: number;
  firstVerb: number;
  end: number;
}

/** Reads the modal, auxiliaries and main verb from token `j`, with adverbs and negation between them. */
function scanGroup(tokens: Token[], j: number, scan: Scan): void {
  const verbs: Token[] = [];
  scan.verbs = verbs;
  scan.head = -1;
  scan.last = j;
  scan.firstVerb = -1;
  while (j < tokens.length) {
    const u = tokens[j];
    if (scan.firstVerb < 0 && (u.pos === 'modal' || u.pos === 'aux' || u.pos === 'verb')) scan.firstVerb = j;
    if (u.pos === 'adv' || (u.pos === 'part' && NEGATIVE.has(u.lower))) {
      // Only inside the group: "was quickly rolled back", not "shipped quickly".
      if (verbs.length > 0 && continues(tokens, j + 1)) {
        j++;
        continue;
      }
      break;
    }
    if (u.pos === 'modal' || u.pos === 'aux') {
      verbs.push(u);
      scan.head = j;
      scan.last = j;
      j++;
      continue;
    }
    if (u.pos === 'verb') {
      verbs.push(u);
      scan.head = j;
      scan.last = j;
      j++;
      // "got fixed": get + participle continues the group; any other verb ends it.
      if (u.lemma === 'get' && j < tokens.length && tokens[j].pos === 'verb' && hasParticiple(tokens[j])) continue;
      break;
    }
    break;
  }
  scan.end = j;
}

/**
 * The head is the last verb or auxiliary, not a particle; an auxiliary with no verb after it is the
 * main verb ("I was responsible", "I had the team").
 */
function headOf(tokens: Token[], first: number, last: number): number {
  let h = last;
  while (h > first && !(tokens[h].pos === 'verb' || tokens[h].pos === 'aux' || tokens[h].pos === 'modal')) h--;
  return h;
}

function continues(tokens: Token[], j: number): boolean {
  for (const stop = j + 6; j < tokens.length && j < stop; j++) {
    const u = tokens[j];
    if (u.pos === 'adv' || (u.pos === 'part' && NEGATIVE.has(u.lower))) continue;
    return u.pos === 'verb' || u.pos === 'aux' || (u.pos === 'modal' && false);
  }
  return false;
}

function particleEnds(tokens: Token[], j: number): boolean {
  const u = tokens[j];
  return (
    !u ||
    u.pos === 'det' ||
    u.pos === 'punct' ||
    u.pos === 'pron' ||
    u.pos === 'adp' ||
    u.pos === 'cconj' ||
    u.pos === 'num' ||
    POSSESSIVE.has(u.lower) ||
    u.pos === 'noun' ||
    u.pos === 'propn'
  );
}

/** Index of a "by" that names who acted, after a verb group (within the clause); -1 when none. */
function agentIndex(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const t = tokens[k];
    if (t.lower === 'by') {
      const next = tokens[k + 1];
      if (!next || next.pos === 'num' || next.pos === 'sym' || (next.pos === 'verb' && next.form === 'gerund')) return -1;
      if (NOT_AGENT_WORD.test(next.lower)) {
        // "by the VP" is an agent; "by the end" is a time.
        if (/^(?:the|a|an)$/.test(next.lower)) {
          const after = tokens[k + 2]?.lower ?? '';
          if (/^(?:end|time|deadline|next|following|start|middle|close|weekend|morning|afternoon|evening|way|book|numbers?)$/.test(after))
            return -1;
          return k;
        }
        return -1;
      }
      if (MONTHS.has(next.text)) return -1;
      return k;
    }
    if (t.pos === 'punct' || t.pos === 'cconj' || t.pos === 'sconj' || t.pos === 'verb' || t.pos === 'aux' || t.pos === 'modal') return -1;
  }
  return -1;
}

interface Found {
  phrase: Phrase;
  from: number;
  /** The subject is a relative pronoun ("who", "that") or a reduced relative ("the tests I added"). */
  relative?: boolean;
}

/** The subject written just before a verb group, if any; "Ana and I" is one subject. */
function subjectBefore(tokens: Token[], groupFirst: number): Found | undefined {
  const found = simpleSubjectBefore(tokens, groupFirst);
  if (!found) return undefined;
  const and = tokens[found.from - 1];
  if (!and || (and.lower !== 'and' && and.lower !== '&')) return found;
  const k = found.from - 2;
  const first =
    tokens[k] && tokens[k].pos === 'pron' && (SUBJECT_CASE.has(tokens[k].lower) || tokens[k].lower === 'me')
      ? { phrase: phrase(tokens, k, k, actorOfPronoun(tokens[k].lower)), startIndex: k }
      : nounPhraseEndingAt(tokens, k);
  const opener = first ? tokens[first.startIndex - 1] : undefined;
  // "I pulled logs and Ana fixed it": "logs" is an object, not half of the subject.
  if (!first || (opener && !(opener.pos === 'punct' || opener.pos === 'sconj' || opener.pos === 'cconj' || opener.pos === 'adv')))
    return found;
  // "Me and Ana fixed it": the candidate with someone else is a team.
  const actors = [first.phrase.actor, found.phrase.actor];
  const actor: Actor = actors.includes('self') || actors.includes('team') ? 'team' : actors.includes('other') ? 'other' : 'thing';
  let last = found.from;
  while (last + 1 < tokens.length && tokens[last].end < found.phrase.end) last++;
  return { phrase: phrase(tokens, first.startIndex, last, actor), from: first.startIndex };
}

function simpleSubjectBefore(tokens: Token[], groupFirst: number): Found | undefined {
  let j = groupFirst - 1;
  while (j >= 0 && j >= groupFirst - 6 && tokens[j].pos === 'adv' && tokens[j].lower !== 'then') j--;
  if (j < 0) return undefined;
  const t = tokens[j];
  if (t.pos === 'pron') {
    if (RELATIVE.has(t.lower)) {
      // "the engineer who helped": the antecedent acts.
      const ante = nounPhraseEndingAt(tokens, j - 1);
      if (ante) return { phrase: { ...ante.phrase }, from: j, relative: true };
      return t.lower === 'who' ? { phrase: phrase(tokens, j, j, 'other'), from: j } : { phrase: phrase(tokens, j, j, 'thing'), from: j };
    }
    if (!SUBJECT_CASE.has(t.lower)) {
      // "helped me", "told them": an object pronoun after a verb is not a subject, but "had them run" is.
      const v = tokens[j - 1];
      if (v && v.pos === 'verb' && CAUSATIVE.has(v.lemma)) return { phrase: phrase(tokens, j, j, actorOfPronoun(t.lower)), from: j };
      if (t.lower === 'me' || t.lower === 'us' || t.lower === 'them' || t.lower === 'him' || t.lower === 'her') return undefined;
    }
    return { phrase: phrase(tokens, j, j, actorOfPronoun(t.lower)), from: j };
  }
  if (t.lower === 'that' && t.pos !== 'sconj') {
    const ante = nounPhraseEndingAt(tokens, j - 1);
    if (ante) return { phrase: ante.phrase, from: j, relative: true };
    return { phrase: phrase(tokens, j, j, 'thing'), from: j };
  }
  // "the team I led shipped it": skip the reduced relative clause back to its noun.
  if (t.pos === 'verb' && tokens[j - 1]?.pos === 'pron' && SUBJECT_CASE.has(tokens[j - 1].lower)) {
    // "the tests that I added caught": past the relative pronoun too.
    const k = tokens[j - 2] && RELATIVE.has(tokens[j - 2].lower) ? j - 3 : j - 2;
    const ante = nounPhraseEndingAt(tokens, k);
    if (ante) return { phrase: ante.phrase, from: ante.startIndex };
  }
  const np = nounPhraseEndingAt(tokens, j);
  if (!np) return undefined;
  const verbHere = tokens[groupFirst];
  const causer = tokens[np.startIndex - 1];
  if (causer && (causer.pos === 'verb' || causer.pos === 'aux') && CAUSATIVE.has(causer.lemma) && verbHere.pos === 'verb') {
    // "I had Ana run the tests": Ana runs them, in the bare infinitive.
    if (verbReadings(verbHere.lower).some((r) => r.form === 'base')) verbHere.form = 'base';
    return { phrase: np.phrase, from: np.startIndex };
  }
  // An object of the previous verb is not a subject ("I pulled the logs then found"), unless the verb
  // makes it act ("I had Ana run the tests", "I helped the new hires ship").
  const before = tokens[np.startIndex - 1];
  if (before && (before.pos === 'verb' || before.pos === 'adp') && !(before.pos === 'verb' && CAUSATIVE.has(before.lemma))) {
    const g = tokens[groupFirst];
    if (!(before.pos === 'adp' && (g.pos === 'aux' || g.pos === 'modal' || g.form === 'past' || g.form === 'third'))) return undefined;
    // "In Q3 the team shipped", "After the outage the VP asked": a fronted phrase, then the subject.
    if (before.pos === 'adp') return { phrase: np.phrase, from: np.startIndex };
  }
  return { phrase: np.phrase, from: np.startIndex };
}

const NP_POS = new Set(['noun', 'propn', 'adj', 'det', 'num', 'pron']);

interface NP {
  phrase: Phrase;
  startIndex: number;
  endIndex: number;
}

/** The noun phrase ending at token `end` ("the audit's thoroughness", "the head of engineering"). */
function nounPhraseEndingAt(tokens: Token[], end: number): NP | undefined {
  if (end < 0) return undefined;
  const last = tokens[end];
  if (!(
    last.pos === 'noun' ||
    last.pos === 'propn' ||
    (last.pos === 'pron' && !RELATIVE.has(last.lower)) ||
    last.pos === 'num' ||
    (last.pos === 'adj' && /ed$/.test(last.lower)) ||
    (last.pos === 'verb' && isAmbiguous(last) && last.form !== 'past')
  ))
    return undefined;
  let start = end;
  // A subject is a few words long; the bound keeps a run-on line linear.
  for (let k = end - 1; k >= 0 && k >= end - 12; k--) {
    const u = tokens[k];
    // "everyone on the call", "none of us": a pronoun heading a phrase.
    if (
      u.pos === 'pron' &&
      !POSSESSIVE.has(u.lower) &&
      /^(?:of|on|in|from)$/.test(tokens[k + 1]?.lower ?? '') &&
      !/^(?:i|we|he|she|they|it)$/.test(u.lower)
    ) {
      start = k;
      break;
    }
    if (NP_POS.has(u.pos) && !(u.pos === 'pron' && !POSSESSIVE.has(u.lower) && u.lower !== 'one')) {
      if (u.pos === 'pron' && SUBJECT_CASE.has(u.lower) && u.lower !== 'one') break;
      start = k;
      continue;
    }
    if (u.lower === "'s" || u.lower === '-' || u.lower === '&' || u.pos === 'det') {
      start = k;
      continue;
    }
    // "the head of engineering", "one of the SMEs", "stakeholders from our ops team".
    if (
      (u.lower === 'of' || u.lower === 'from' || u.lower === 'on' || u.lower === 'in') &&
      k - 1 >= 0 &&
      (tokens[k - 1].pos === 'noun' ||
        tokens[k - 1].pos === 'propn' ||
        tokens[k - 1].pos === 'num' ||
        tokens[k - 1].lower === 'one' ||
        tokens[k - 1].pos === 'pron')
    ) {
      start = k;
      continue;
    }
    break;
  }
  while (start < end && tokens[start].pos === 'adp') start++;
  return { phrase: phrase(tokens, start, end, actorOfPhrase(tokens.slice(start, end + 1))), startIndex: start, endIndex: end };
}

/** The noun phrase starting at token `from` (an object, an agent). */
function nounPhraseAt(tokens: Token[], from: number): NP | undefined {
  let k = from;
  let end = -1;
  while (k < tokens.length && k < from + 12) {
    const u = tokens[k];
    if (NP_POS.has(u.pos) || u.lower === "'s" || (u.pos === 'verb' && isAmbiguous(u) && end >= 0 && u.form !== 'past')) {
      if (u.pos === 'pron' && !POSSESSIVE.has(u.lower) && end >= 0) break;
      end = k;
      k++;
      if (u.pos === 'pron' && !POSSESSIVE.has(u.lower)) break;
      continue;
    }
    if (u.lower === 'of' && end >= 0) {
      k++;
      continue;
    }
    break;
  }
  if (end < from) return undefined;
  return { phrase: phrase(tokens, from, end, actorOfPhrase(tokens.slice(from, end + 1))), startIndex: from, endIndex: end };
}

function phrase(tokens: Token[], from: number, to: number, actor: Actor): Phrase {
  const start = tokens[from].start;
  const end = tokens[to].end;
  return {
    start,
    end,
    text: tokens
      .slice(from, to + 1)
      .map((t, k, all) => (k > 0 && t.start > all[k - 1].end ? ' ' : '') + t.text)
      .join(''),
    actor,
  };
}

export function actorOfPronoun(lower: string): Actor {
  if (SELF.has(lower)) return 'self';
  if (TEAM.has(lower)) return 'team';
  if (OTHER_PRON.has(lower) || lower === 'one') return 'other';
  return 'thing';
}

/** Who a noun phrase names: the candidate, the candidate's team, another person or group, or a thing. */
export function actorOfPhrase(words: Token[]): Actor {
  // The head is the last noun before "of"/"from", unless it only counts ("one of the SMEs", "most of the team").
  const cut = words.findIndex((t) => t.lower === 'of' || t.lower === 'from' || t.lower === 'on' || t.lower === 'in');
  let head = words.slice(0, cut < 0 ? undefined : cut);
  const counting =
    head.length > 0 &&
    head.every(
      (t) =>
        t.pos === 'num' ||
        t.pos === 'det' ||
        /^(?:one|some|most|all|none|each|half|many|few|several|both|either|neither|rest|majority|part|half|%)$/.test(t.lower) ||
        t.pos === 'sym',
    );
  if (cut >= 0 && counting) head = words.slice(cut + 1);
  // A possessive hands the head its owner only for the team: "our team" is the team, "the audit's thoroughness" is a thing.
  const possessive = head.findIndex((t) => t.lower === "'s");
  const owner = possessive > 0 ? head.slice(0, possessive) : [];
  if (possessive >= 0) head = head.slice(possessive + 1);
  const nouns = head.filter((t) => t.pos !== 'det' && t.pos !== 'adj' && t.lower !== "'s");
  const last = nouns[nouns.length - 1] ?? head[head.length - 1];
  if (!last) return 'thing';
  if (last.pos === 'pron' && !POSSESSIVE.has(last.lower)) return actorOfPronoun(last.lower);
  const determiner = head.find((t) => POSSESSIVE.has(t.lower));
  if (TEAM_NOUNS.has(last.lower)) {
    if (
      determiner?.lower === 'our' ||
      determiner?.lower === 'my' ||
      (!determiner && head.some((t) => t.lower === 'the') && head.length <= 2 && owner.length === 0)
    )
      return 'team';
    return 'other';
  }
  if (last.pos === 'propn') {
    if (MONTHS.has(last.text)) return 'thing';
    if (PEOPLE_ACRONYMS.has(last.text) || /^[A-Z][a-z]+$/.test(last.text)) return 'other';
    if (/^[A-Z]{2,}s?$/.test(last.text)) return PEOPLE_ACRONYMS.has(last.text) ? 'other' : 'thing';
    return 'other';
  }
  if (PEOPLE.has(last.lower)) return 'other';
  if (owner.length) void owner;
  return 'thing';
}
