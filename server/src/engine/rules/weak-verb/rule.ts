import type { Fix, Rule, SectionKind, Story } from '../../types';
import { phraseListCache } from '../../lru';
import { matchCase } from '../../text';
import { compoundParts, pastTense } from '../../verbs';
import { clauseIn, sentenceIn, tokenIndexAt, type Clause, type Sentence, type Token } from '../../language';
import { sentencesToCheck } from '../common/phrases';
import { literalPhrases, matchesIn, sectionsOf } from '../common/util';

const WEAK_PHRASES = [
  'help(?:ed|ing|s)?(?! desk| center| centre| page| article| doc)',
  'assist(?:ed|ing)',
  'to assist',
  // "supporting data" is evidence, not a role.
  'support(?:ed|ing(?! (?:data|evidence|docs?|documents?|documentation|materials?|details|facts|analysis|numbers|metrics|charts?|graphs?|logs)\\b))',
  'to support',
  'participat(?:ed|ing)(?: in)?',
  '(?:was|were|got|been|being|am|is|are) (?:involved (?:in|with)|responsible for)',
  'work(?:ed|ing) on',
  'contribut(?:ed|ing) to',
];

const compiled = phraseListCache<RegExp>();

/** The config's `weakVerbs` (taken literally, any case; first, so "helped out" wins over "helped") plus the built-in phrases. */
function weakPattern(extra: readonly string[]): RegExp {
  return compiled(extra, () => new RegExp('\\b(?:' + [...literalPhrases(extra), ...WEAK_PHRASES].join('|') + ')\\b', 'gi'));
}

type Form = 'past' | 'base' | 'third' | 'ing';
/** Verbs that take a person as their object: "helped the new hires through" → "coached the new hires through". */
const PERSON_VERBS: Record<Form, string[]> = {
  past: ['led', 'coached', 'guided'],
  base: ['lead', 'coach', 'guide'],
  third: ['leads', 'coaches', 'guides'],
  ing: ['leading', 'coaching', 'guiding'],
};
/** Verbs that take an activity: "supported the launch" → "ran the launch". */
const ACTIVITY_VERBS: Record<Form, string[]> = {
  past: ['led', 'drove', 'ran', 'owned'],
  base: ['lead', 'drive', 'run', 'own'],
  third: ['leads', 'drives', 'runs', 'owns'],
  ing: ['leading', 'driving', 'running', 'owning'],
};
/** Verbs that take a thing made: "worked on the parser" → "built the parser". */
const ARTIFACT_VERBS: Record<Form, string[]> = {
  past: ['built', 'designed', 'wrote', 'owned'],
  base: ['build', 'design', 'write', 'own'],
  third: ['builds', 'designs', 'writes', 'owns'],
  ing: ['building', 'designing', 'writing', 'owning'],
};
/** Nouns of work done over time, which one leads or runs rather than builds. */
const ACTIVITY =
  /(?:tion|ment|sal|ing|ance|ence|ery)$|^(?:review|launch|rollout|cutover|cut-over|design|incident|project|effort|initiative|process|meeting|call|program|programme|push|response|rewrite|overhaul|redesign|audit|investigation|analysis|study|research|survey|experiment|trial|pilot|work|change|transition|upgrade|move|switch|sprint|release|outage|escalation|dry|run|test|tests|testing|hiring|interview|interviews|onboarding|on-call|planning|plan|roadmap|strategy|rfc|postmortem|post-mortem|retro|workshop|hackathon|demo|negotiation|deal|integration|evaluation|decision|refactor|cleanup|clean-up|backfill)$/;
/** "helped a lot", "helped out", "helped where I could": no object, so no verb fits in its place. */
const NO_OBJECT =
  /^(?:a\s+(?:lot|bit|little|ton|great deal)|out|much|more|where|how|when|as|here|there|wherever|whenever|in any way|by)\b/i;
/** Gerunds after "responsible for" that are themselves weak: "responsible for helping". */
const WEAK_GERUND = /^(?:helping|assisting|supporting|participating|contributing|working)\b/i;

const rel = (story: Story, offset: number) => offset - story.start;

// "Helped" and "was involved in" leave the interviewer unable to write down what the candidate did.
export const weakVerb: Rule = {
  name: 'weak-verb',
  description:
    'A verb that hides your part: helped, assisted, supported, participated, was involved in, worked on, contributed to, was responsible for helping.',
  group: 'ownership',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  options: {
    weakVerbs: {
      type: 'phrases',
      default: [],
      topLevel: true,
      markdownDescription: 'Phrases `weak-verb` flags in addition to its built-in list (matched literally, ignoring case).',
    },
  },
  messages: {
    weak: '"{verb}" hides what you did; name your own action (led, owned, drove, built, designed, decided).',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['task', 'action', 'result'])) {
      // A pasted section too long to be told gets its weak verbs without the sentence reading.
      const analysed = sentencesToCheck(story, section);
      for (const m of matchesIn(story, section.body, weakPattern(context.options.weakVerbs as readonly string[]))) {
        const sentence = sentenceIn(analysed, m.start);
        const lower = m.text.toLowerCase().replace(/\s+/g, ' ');
        const after = story.prose.slice(rel(story, m.end), rel(story, m.end) + 60);
        if (sentence && !isCandidatesWeakVerb(sentence, m.start, m.end, lower, after, section.kind!)) continue;
        context.report({
          messageId: 'weak',
          data: { verb: m.text },
          start: m.start,
          end: m.end,
          suggestions: suggestionsFor(story, sentence, m.start, m.end, m.text, after),
        });
      }
    }
  },
};

/**
 * The weak verb hides the candidate's own part: its actor is the candidate (or, in the Task and
 * Action, the candidate's team, or nobody in a note), it is not passive, and the phrase is not an
 * ownership claim.
 */
function isCandidatesWeakVerb(sentence: Sentence, start: number, end: number, lower: string, after: string, kind: SectionKind): boolean {
  const at = tokenIndexAt(sentence, start);
  const token = sentence.tokens[at];
  // "to help", "to support": the verb is the word after "to".
  const verbToken = token?.lower === 'to' ? sentence.tokens[at + 1] : token;
  if (!verbToken) return true;
  const isHelpWord = /^(?:help|assist|support)/.test(verbToken.lower);
  // "asked for help", "the help desk", "support tickets": nouns; but "in a supporting role" is the candidate's role.
  if (isHelpWord && verbToken.pos !== 'verb' && !/^supporting\s+role/i.test(lower + after)) return false;
  const clause = clauseOf(sentence, verbToken, start, end);
  if (!clause) return true;
  // "Helped by Ana, I shipped", "the launch was supported by finance": someone helped the candidate.
  if (clause.passive && clause.verbs.includes(verbToken)) return false;
  // "asked Ana to help me", "Tomas supported us": whoever helps the candidate is not the candidate.
  if (isHelpWord && /^\s+(?:me|us)\b/i.test(after)) return false;
  // "I was responsible for the whole design and rollout" claims ownership of a named scope; "responsible for helping" does not.
  if (/responsible for$/.test(lower) && !WEAK_GERUND.test(after.trimStart()) && /^\s+\S/.test(after)) return false;
  const actor = clause.subject?.actor ?? 'none';
  if (actor === 'self' || actor === 'none') return true;
  return actor === 'team' && (kind === 'task' || kind === 'action');
}

/** The clause whose verb group holds the token, or the clause the phrase sits in. */
function clauseOf(sentence: Sentence, token: Token, start: number, end: number): Clause | undefined {
  // The clause holding the token, or the one just before it when the token is its verb's particle.
  const here = clauseIn(sentence, token.start);
  if (!here || here.verbs.includes(token) || here.verbs.some((v) => v.start >= start && v.end <= end)) return here;
  const i = sentence.clauses.indexOf(here);
  const prev = sentence.clauses[i - 1];
  return prev && prev.verbs.includes(token) ? prev : here;
}

/**
 * Verbs that can stand where the weak one stood, chosen by what follows it: a person ("helped the
 * new hires") takes led/coached/guided, an activity ("supported the launch") led/drove/ran, a thing
 * made ("worked on the parser") built/designed/wrote. "helped with X" drops its "with"; "helped cut
 * the backlog" drops "helped". Nothing is offered where no verb fits ("I helped a lot").
 */
function suggestionsFor(story: Story, sentence: Sentence | undefined, start: number, end: number, written: string, after: string): Fix[] {
  const lower = written.toLowerCase().replace(/\s+/g, ' ');
  const prefix = lower.startsWith('to ') ? written.slice(0, 3) : '';
  const form: Form = /ing\b/.test(lower) ? 'ing' : lower === 'helps' ? 'third' : /^(?:to |help$)/.test(lower) ? 'base' : 'past';
  const replace = (to: number, verbs: string[], head = written.slice(prefix.length)) =>
    verbs.map((verb): Fix => {
      const text = prefix + matchCase(head, verb);
      const original = story.prose.slice(rel(story, start), rel(story, to)).replace(/\s+/g, ' ');
      return { title: `Replace "${original}" with "${text}"`, edits: [{ start, end: to, text }] };
    });
  if (NO_OBJECT.test(after.trimStart()) || /^\s*[.,;:!?)]|^\s*$/.test(after)) return [];
  if (/^supporting$/i.test(written) && /^\s+role\b/i.test(after)) return replace(end, ['leading']);
  // "helped with the migration" → "drove the migration": the "with" goes too.
  const withObject = /^(\s+(?:with|on|in)\b)/i.exec(after);
  if (withObject && /^(?:help|assist|support)/i.test(lower) && !/\s/.test(lower.replace(/^to /, ''))) {
    return replace(end + withObject[1].length, verbsFor(sentence, end + withObject[1].length, form, story) ?? ACTIVITY_VERBS[form]);
  }
  // "helped cut the backlog" → "cut the backlog": the second verb says what was done, so "helped" can go.
  const nextAt = sentence ? tokenIndexAt(sentence, end) : -1;
  const next = sentence?.tokens[nextAt];
  if (next && /^help/i.test(lower) && (next.lower === 'to' || (next.pos === 'verb' && next.form === 'base'))) {
    const verbAt = next.lower === 'to' ? sentence!.tokens[nextAt + 1] : next;
    if (!verbAt || verbAt.pos !== 'verb' || (form !== 'past' && form !== 'base')) return [];
    const { head, verb } = compoundParts(verbAt.lower);
    const text = prefix + matchCase(written.slice(prefix.length), form === 'past' ? head + pastTense(verb) : verbAt.lower);
    const original = story.prose.slice(rel(story, start), rel(story, verbAt.end)).replace(/\s+/g, ' ');
    return [{ title: `Replace "${original}" with "${text}"`, edits: [{ start, end: verbAt.end, text }] }];
  }
  if (
    !next ||
    !(
      next.pos === 'det' ||
      next.pos === 'noun' ||
      next.pos === 'propn' ||
      next.pos === 'adj' ||
      next.pos === 'num' ||
      next.pos === 'pron' ||
      /^(?:her|my|our|their|his|its)$/.test(next.lower)
    )
  )
    return [];
  const verbs = verbsFor(sentence, end, form, story);
  return verbs ? replace(end, verbs) : [];
}

/** The menu for the object that starts at `from`: person, activity or artifact; undefined when there is none. */
function verbsFor(sentence: Sentence | undefined, from: number, form: Form, story: Story): string[] | undefined {
  if (!sentence) return ACTIVITY_VERBS[form];
  const words: Token[] = [];
  for (let k = tokenIndexAt(sentence, from); k < sentence.tokens.length && words.length < 12; k++) {
    const t = sentence.tokens[k];
    if (
      t.pos === 'det' ||
      t.pos === 'adj' ||
      t.pos === 'num' ||
      t.pos === 'noun' ||
      t.pos === 'propn' ||
      t.lower === "'s" ||
      (t.pos === 'pron' && words.length === 0) ||
      (t.pos === 'verb' && words.length > 0 && t.form !== 'past')
    ) {
      words.push(t);
      if (t.pos === 'pron' && !/^(?:her|my|our|their|his|its|your)$/.test(t.lower)) break;
      continue;
    }
    break;
  }
  const head = [...words].reverse().find((t) => t.pos === 'noun' || t.pos === 'propn' || t.pos === 'pron' || t.pos === 'verb');
  if (!head) return undefined;
  void story;
  if (head.pos === 'pron' || head.pos === 'propn')
    return /^(?:it|this|that|them|these|those)$/.test(head.lower) ? ACTIVITY_VERBS[form] : PERSON_VERBS[form];
  if (isPersonNoun(head.lower)) return PERSON_VERBS[form];
  return ACTIVITY.test(head.lower) ? ACTIVITY_VERBS[form] : ARTIFACT_VERBS[form];
}

const PERSON_NOUN =
  /^(?:hires?|team|teams|engineers?|developers?|devs?|sres?|on-call|oncall|interns?|juniors?|newcomers?|colleagues?|peers?|teammates?|mentees?|customers?|clients?|users?|stakeholders?|managers?|analysts?|designers?|testers?|reports?|members?|people|folks|staff|squad|crew|group|org|agents?|reps?|admins?|dbas?|pms?|qa|ops|students?|volunteers?|partners?|vendors?)$/;

function isPersonNoun(lower: string): boolean {
  return PERSON_NOUN.test(lower);
}
