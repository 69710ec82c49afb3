import { strict as assert } from 'node:assert';
import { analyse, type Actor, type Clause, type Sentence } from '../../../server/src/engine/language';

interface Expect {
  /** The clause's main verb as written. */
  verb: string;
  actor?: Actor | 'none';
  passive?: boolean;
  stative?: boolean;
  agent?: Actor;
  tense?: Clause['tense'];
  modal?: string;
  negated?: boolean;
  reported?: boolean;
  perfect?: boolean;
  progressive?: boolean;
  implied?: boolean;
}

function sentence(text: string): Sentence {
  return analyse(text, 0, text.length);
}

function clauseOf(s: Sentence, verb: string): Clause {
  const found = s.clauses.find((c) => c.verb?.text === verb);
  assert.ok(found, `no clause with the verb "${verb}" in "${s.text}"; clauses: ${s.clauses.map((c) => c.verb?.text).join(', ')}`);
  return found;
}

function check(text: string, expects: Expect[]): void {
  const s = sentence(text);
  for (const e of expects) {
    const c = clauseOf(s, e.verb);
    const got = {
      actor: c.subject?.actor ?? 'none',
      passive: c.passive,
      stative: c.stative,
      agent: c.agent?.actor,
      tense: c.tense,
      modal: c.modal,
      negated: c.negated,
      reported: c.reported,
      perfect: c.perfect,
      progressive: c.progressive,
      implied: c.subjectImplied,
    };
    const want = Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'verb'));
    const picked = Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof typeof got]]));
    assert.deepEqual(picked, want, `"${e.verb}" in "${text}"`);
  }
}

// Who does each verb: the question every ownership rule asks.
const ACTORS: Array<[string, Expect[]]> = [
  ['I was responsible for the whole design and rollout.', [{ verb: 'was', actor: 'self', passive: false, tense: 'past' }]],
  [
    "The audit's thoroughness helped win the client back.",
    [
      { verb: 'helped', actor: 'thing' },
      { verb: 'win', actor: 'thing', implied: true },
    ],
  ],
  [
    'They helped lead the change while the other engineer worked on the UI.',
    [
      { verb: 'helped', actor: 'other' },
      { verb: 'lead', actor: 'other' },
      { verb: 'worked', actor: 'other' },
    ],
  ],
  ['Stakeholders from our ops team joined the call.', [{ verb: 'joined', actor: 'other' }]],
  [
    'I had Ana run the tests.',
    [
      { verb: 'had', actor: 'self' },
      { verb: 'run', actor: 'other' },
    ],
  ],
  [
    'The team I led shipped it in two weeks.',
    [
      { verb: 'led', actor: 'self' },
      { verb: 'shipped', actor: 'team' },
    ],
  ],
  ["We'd missed the deadline twice.", [{ verb: 'missed', actor: 'team', perfect: true, tense: 'past' }]],
  [
    'QA caught that we had missed a case.',
    [
      { verb: 'caught', actor: 'other' },
      { verb: 'missed', actor: 'team', perfect: true },
    ],
  ],
  [
    'Helped by Ana, I shipped the fix.',
    [
      { verb: 'Helped', passive: true, agent: 'other', actor: 'self' },
      { verb: 'shipped', actor: 'self', passive: false },
    ],
  ],
  ['I offered to help the cutover team.', [{ verb: 'help', actor: 'self', implied: true, tense: 'none' }]],
  [
    'I asked Ana to help me test both ideas.',
    [
      { verb: 'asked', actor: 'self' },
      { verb: 'help', actor: 'other' },
    ],
  ],
  [
    'It helped that the VP agreed, so I froze deploys.',
    [
      { verb: 'helped', actor: 'thing' },
      { verb: 'agreed', actor: 'other' },
      { verb: 'froze', actor: 'self' },
    ],
  ],
  ['I launched with the two carriers that already supported codes.', [{ verb: 'supported', actor: 'thing' }]],
  ['The engineer who helped me was new.', [{ verb: 'helped', actor: 'other' }]],
  ['My manager and the SMEs signed off.', [{ verb: 'signed', actor: 'other' }]],
  ['Ana and I fixed it overnight.', [{ verb: 'fixed', actor: 'team' }]],
  [
    'I pulled the logs and found the cause.',
    [
      { verb: 'pulled', actor: 'self' },
      { verb: 'found', actor: 'self', implied: true },
    ],
  ],
  ['I pulled logs and Ana fixed it.', [{ verb: 'fixed', actor: 'other' }]],
  [
    'Our team owned the ledger, and legal reviewed every change.',
    [
      { verb: 'owned', actor: 'team' },
      { verb: 'reviewed', actor: 'other' },
    ],
  ],
  ['The vendor delayed the patch.', [{ verb: 'delayed', actor: 'other' }]],
  ['Latency dropped after the fix.', [{ verb: 'dropped', actor: 'thing' }]],
  [
    'He told me the fix worked.',
    [
      { verb: 'told', actor: 'other' },
      { verb: 'worked', actor: 'thing', reported: true },
    ],
  ],
  ['She said we would miss the date.', [{ verb: 'miss', actor: 'team', modal: 'would', reported: true }]],
  ['The memo said "a decision was made" last week.', [{ verb: 'made', reported: true, passive: true }]],
  // Non-native English: dropped articles and agreement still find the actor.
  ['Me and Ana fix bug in two day.', [{ verb: 'fix', actor: 'team' }]],
  ['I am responsible for payment service since 2021.', [{ verb: 'am', actor: 'self', tense: 'present' }]],
  [
    'Manager ask me to take ownership of migration.',
    [
      { verb: 'ask', actor: 'other' },
      { verb: 'take', actor: 'self' },
    ],
  ],
];

// Voice, tense and modality.
const VERB_GROUPS: Array<[string, Expect[]]> = [
  ['Metrics were being delayed.', [{ verb: 'delayed', passive: true, progressive: true, actor: 'thing', tense: 'past' }]],
  ['The fix was quickly rolled back.', [{ verb: 'rolled', passive: true }]],
  ["It wasn't tested.", [{ verb: 'tested', passive: true, negated: true }]],
  ['The ledger has been migrated.', [{ verb: 'migrated', passive: true, perfect: true, tense: 'present' }]],
  ['The bug got fixed.', [{ verb: 'fixed', passive: true }]],
  ['The plan was approved by the VP.', [{ verb: 'approved', passive: true, agent: 'other' }]],
  ['Latency was reduced by 40%.', [{ verb: 'reduced', passive: true, agent: undefined }]],
  ['I was interested in the data.', [{ verb: 'interested', passive: false, stative: true }]],
  ['I was involved in the design.', [{ verb: 'involved', passive: false, stative: true, actor: 'self' }]],
  ['I would first gather data.', [{ verb: 'gather', modal: 'would', tense: 'none', actor: 'self' }]],
  [
    "I'd say it went well.",
    [
      { verb: 'say', modal: 'would', actor: 'self' },
      { verb: 'went', actor: 'thing' },
    ],
  ],
  ["I'd already shipped it.", [{ verb: 'shipped', perfect: true, tense: 'past', modal: undefined }]],
  ['I will present it next quarter.', [{ verb: 'present', tense: 'future', modal: 'will' }]],
  ["I didn't wait.", [{ verb: 'wait', negated: true, tense: 'past' }]],
  ['We usually release monthly.', [{ verb: 'release', tense: 'present', actor: 'team' }]],
  ['I never escalated.', [{ verb: 'escalated', negated: true, tense: 'past' }]],
];

// Notes that cannot be said aloud as written.
const FRAGMENTS: Array<[string, boolean]> = [
  ['Analyzed logs.', true],
  ['Checked dashboards, found nothing.', true],
  ['Found root cause', true],
  ['I analyzed the logs.', false],
  ['Helped by Ana, I shipped the fix.', false],
  ['Support tickets fell by 40%.', false],
  ['Orders grew from 450 a day.', false],
];

describe('language: who acts, in every clause', () => {
  for (const [text, expects] of ACTORS) it(text, () => check(text, expects));
});

describe('language: voice, tense and modality', () => {
  for (const [text, expects] of VERB_GROUPS) it(text, () => check(text, expects));
});

describe('language: note fragments', () => {
  for (const [text, fragment] of FRAGMENTS)
    it(`${text} → ${fragment ? 'fragment' : 'sentence'}`, () => assert.equal(sentence(text).fragment, fragment));
});
