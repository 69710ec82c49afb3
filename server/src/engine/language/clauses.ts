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

export function clausesOf(tokens: Token[], sentenceText: string, sentenceStart: number): Clause[] {
  const groups = verbGroups(tokens);
  const clauses: Clause[] = [];
  const starts: number[] = [];
  /** Clauses whose subject is a relative pronoun standing for a noun before it. */
  const relativeClauses = new Set<number>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const verb = tokens[group.head];
    const aux = group.verbs.filter((t) => t !== verb);
    const modalTok = group.verbs.find((t) => t.pos === 'modal');
    let passive = false;
    let stative = false;
    const beIndex = group.verbs.findIndex((t) => t !== verb && (t.lemma === 'be' || t.lemma === 'get'));
    if (beIndex >= 0 && verb.pos === 'verb' && hasParticiple(verb) && group.verbs[beIndex + 1] !== undefined) {
      const between = group.verbs.slice(beIndex + 1).filter((t) => t !== verb && t.pos !== 'adv' && t.pos !== 'adp' && t.pos !== 'part');
      if (between.every((t) => t.lower === 'being' || t.lower === 'been')) {
        verb.form = 'participle';
        if (STATIVE.has(verb.lower)) stative = true;
        else passive = true;
      }
    }
    // "Helped by Ana, I shipped", "the bug reported by QA": a participle on its own with its agent.
    const agentAt = agentIndex(tokens, group.last + 1);
    if (!passive && aux.length === 0 && hasParticiple(verb) && agentAt >= 0 && !subjectBefore(tokens, group.first)) {
      verb.form = 'participle';
      passive = true;
    }
    const perfect = group.verbs.some(
      (t, k) =>
        t.lemma === 'have' &&
        t !== verb &&
        group.verbs[k + 1] &&
        (group.verbs[k + 1].form === 'participle' || group.verbs[k + 1].form === 'past' || group.verbs[k + 1].lower === 'been'),
    );
    if (perfect && verb.form === 'past') verb.form = 'participle';
    const progressive = group.verbs.some((t, k) => t.lemma === 'be' && t !== verb && group.verbs[k + 1]?.form === 'gerund');
    let negated = negatedBetween(tokens, group.first, group.last);
    // "I never escalated": the negation sits before the verb group.
    for (let k = group.first - 1; k >= 0 && (tokens[k].pos === 'adv' || tokens[k].pos === 'part') && tokens[k].lower !== 'to'; k--)
      if (NEGATIVE.has(tokens[k].lower)) negated = true;
    const first = group.verbs[0];
    let tense: Clause['tense'] = 'none';
    if (modalTok) tense = modalTok.lemma === 'will' || modalTok.lemma === 'shall' ? 'future' : 'none';
    else if (group.infinitive) tense = 'none';
    else if (first.form === 'past') tense = 'past';
    else if (first.form === 'third' || first.form === 'base') tense = 'present';
    else if (first.lower === 'am' || first.lower === 'are' || first.lower === "'m" || first.lower === "'re") tense = 'present';
    const subjectStart = subjectBefore(tokens, group.first);
    let subject: Phrase | undefined;
    const implied = false;
    let clauseStart = group.first;
    if (subjectStart) {
      subject = subjectStart.phrase;
      clauseStart = subjectStart.from;
      if (subjectStart.relative) relativeClauses.add(clauses.length);
    }
    const nonFinite =
      group.infinitive || (aux.length === 0 && !modalTok && (verb.form === 'gerund' || (verb.form === 'participle' && !subject)));
    const agent = passive && agentAt >= 0 ? nounPhraseAt(tokens, agentAt + 1)?.phrase : undefined;
    clauses.push({
      start: tokens[clauseStart].start,
      end: tokens[group.last].end,
      tokens: [],
      subject,
      subjectImplied: implied,
      verbs: group.verbs,
      verb,
      passive,
      stative,
      agent,
      negated,
      tense,
      modal: modalTok?.lemma,
      perfect,
      progressive,
      reported: false,
      nonFinite,
    });
    starts.push(clauseStart);
  }
  // Clauses without a written subject take one from the clause they hang on.
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c];
    if (clause.subject) continue;
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
      continue;
    }
    if (group.infinitive && prev) {
      // "I asked Ana to test" → Ana tests; "I offered to help" → I help.
      const object = prevGroup && OBJECT_CONTROL.has(prev.verb?.lemma ?? '') ? nounPhraseAt(tokens, prevGroup.last + 1) : undefined;
      const objectEndsBeforeTo = object && object.endIndex === group.first - 1;
      clause.subject = objectEndsBeforeTo ? object.phrase : prev.subject;
      clause.subjectImplied = clause.subject !== undefined;
      continue;
    }
    if (
      prev &&
      before &&
      (before.pos === 'cconj' || before.lower === ',' || before.lower === 'then' || before.lower === 'also') &&
      !clause.nonFinite
    ) {
      clause.subject = prev.subject;
      clause.subjectImplied = clause.subject !== undefined;
      continue;
    }
    // "The engineer who built the service left": after a relative clause, its antecedent acts again.
    if (prev && relativeClauses.has(c - 1) && !clause.nonFinite) {
      clause.subject = prev.subject;
      clause.subjectImplied = true;
      continue;
    }
    if (prev && before && RELATIVE.has(before.lower)) {
      clause.subject = prev.subject;
      clause.subjectImplied = true;
      continue;
    }
    if (clause.nonFinite && c === 0 && clauses[1]?.subject && !clauses[1].subjectImplied) {
      // "Helped by Ana, I shipped", "Working nights, I found": the opening phrase shares the main subject.
      let comma = -1;
      for (let k = group.last + 1; k < starts[1]; k++) if (tokens[k].lower === ',') comma = k;
      if (comma >= 0) {
        clause.subject = clauses[1].subject;
        clause.subjectImplied = true;
      }
    }
  }
  // Reported speech and quotations; quotes are counted once along the sentence.
  let quotes = 0;
  let counted = sentenceStart;
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c];
    quotes += (sentenceText.slice(counted - sentenceStart, clause.start - sentenceStart).match(/["\u201c\u201d]/g) ?? []).length;
    counted = Math.max(counted, clause.start);
    if (quotes % 2 === 1) clause.reported = true;
    const prev = clauses[c - 1];
    if (prev && prev.verb && REPORTING.has(prev.verb.lemma) && !clause.nonFinite && !clause.subjectImplied) {
      const between = tokens.slice(groups[c - 1].last + 1, starts[c]);
      const joined = between.every(
        (t) => t.lower === 'that' || t.pos === 'pron' || t.pos === 'propn' || t.pos === 'noun' || t.pos === 'det' || t.lower === ',',
      );
      if (joined) clause.reported = true;
    }
    if (prev?.reported && clause.subjectImplied) clause.reported = true;
  }
  // Each clause runs to where the next one starts; the first takes any opening words.
  for (let c = 0; c < clauses.length; c++) {
    const from = c === 0 ? 0 : starts[c];
    const to = c + 1 < clauses.length ? starts[c + 1] : tokens.length;
    clauses[c].tokens = tokens.slice(from, to);
    if (clauses[c].tokens.length) {
      clauses[c].start = clauses[c].tokens[0].start;
      clauses[c].end = clauses[c].tokens[clauses[c].tokens.length - 1].end;
    }
  }
  return clauses;
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
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    let infinitive = false;
    let j = i;
    if (t.lower === 'to' && t.pos === 'part') {
      infinitive = true;
      j = i + 1;
    } else if (!(t.pos === 'modal' || t.pos === 'aux' || t.pos === 'verb')) {
      i++;
      continue;
    }
    const verbs: Token[] = [];
    let head = -1;
    let last = j;
    let firstVerb = -1;
    while (j < tokens.length) {
      const u = tokens[j];
      if (firstVerb < 0 && (u.pos === 'modal' || u.pos === 'aux' || u.pos === 'verb')) firstVerb = j;
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
        head = j;
        last = j;
        j++;
        continue;
      }
      if (u.pos === 'verb') {
        verbs.push(u);
        head = j;
        last = j;
        j++;
        // "got fixed": get + participle continues the group; any other verb ends it.
        if (u.lemma === 'get' && j < tokens.length && tokens[j].pos === 'verb' && hasParticiple(tokens[j])) continue;
        break;
      }
      break;
    }
    if (verbs.length === 0) {
      i = Math.max(i + 1, j);
      continue;
    }
    // A particle right after the main verb: "rolled back", "set up", "helped out".
    const p = tokens[last + 1];
    if (p && PARTICLES.has(p.lower) && tokens[head].pos === 'verb' && particleEnds(tokens, last + 2)) {
      verbs.push(p);
      last = last + 1;
    }
    // An auxiliary with no verb after it is the main verb: "I was responsible", "I had the team".
    const headTok = tokens[head];
    groups.push({
      first: infinitive ? i : firstVerb,
      last,
      verbs,
      head: headTok.pos === 'part' || PARTICLES.has(headTok.lower) ? head - 1 : head,
      infinitive,
    });
    i = last + 1;
  }
  for (const g of groups) {
    // The head is the last verb or auxiliary, not a particle.
    let h = g.last;
    while (h > g.first && !(tokens[h].pos === 'verb' || tokens[h].pos === 'aux' || tokens[h].pos === 'modal')) h--;
    g.head = h;
  }
  return groups;
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
