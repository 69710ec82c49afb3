import type { Rule } from '../../types';
import { proseSentences, rel } from '../../text';
import { proseOf, sectionsOf } from '../common/util';

/** Lessons anyone could claim after any project. */
const GENERIC = new RegExp(
  '\\b(?:' +
    [
      '(?:communication|collaboration|teamwork|documentation|testing|planning|alignment|transparency|feedback|trust|listening|prioriti[sz]ation|patience|empathy|flexibility|attention to detail)(?: [\\w-]+){0,2}? (?:is|are) (?:so |very |really |extremely |super |always |incredibly )?(?:important|key|crucial|essential|critical|vital|everything|valuable|a must)',
      '(?:communication|teamwork|collaboration|documentation|testing|planning|details|people|culture) (?:really )?(?:matters?|counts?)',
      'makes? (?:a|all the) (?:big |huge |real |massive )?difference',
      'the (?:importance|value|power) of',
      'I learned (?:a lot|so much|a great deal|many things|a ton|lots|a (?:valuable|important|great|big|hard) lesson|(?:valuable|important) lessons|how important)',
      'learned a lot',
      '(?:a |an )?(?:great|valuable|good|important|amazing|huge|humbling|eye-opening|rewarding) (?:learning )?(?:experience|lessons?|opportunity)',
      'learning (?:experience|opportunity)',
      '(?:taught|showed|reminded) me (?:a lot|so much|that|the importance|how important)',
      'I grew (?:a lot|so much|as an? (?:engineer|person|leader|professional|developer))',
      '(?:always|should always|must always) (?:test|communicate|document|plan|ask|listen|double-check|check) (?:your|my|our|the|with|everything|early|more|first)',
      '(?:you|one|we|I) (?:should|must|need to|have to) always',
      'never give up',
      '(?:hard work|persistence|perseverance) pays off',
      '(?:I|we) (?:need|should|must|have) (?:to )?(?:communicate|collaborate) (?:more|better)',
      '(?:need|needs) to be handled (?:carefully|with care)',
      'lessons? learned',
      '(?:communication|collaboration|teamwork|transparency|trust|feedback|listening|empathy)(?: and \\w+)? (?:is|are) the (?:foundation|key|basis|cornerstone|heart)',
      'I learned (?:to|that|how to) (?:always |never )?(?:stand up for|speak up|trust|listen|communicate|be (?:more )?(?:patient|open|humble|flexible|proactive)|believe in|never give up|follow my)',
      // Maxims: a rule for everyone rather than a change in the candidate ("you must escalate early").
      // "…that it is important to look at the whole call path" names its lesson; "…that good communication is" does not.
      'I learned that (?!it )(?:[\\w-]+ ){1,6}?(?:is|are) (?:so |very |really |extremely |super |always )?(?:important|key|crucial|essential|critical|vital|everything)',
      "I learned that (?:sometimes |always |in the end )?(?:you|one|we|people|leaders|managers) (?:really )?(?:need|needs|have|has|must|should|can(?:not|'t)?)",
      'pays? off(?: in the (?:long run|end))?',
      'the most important thing',
      "(?:is|are)(?:n['\u2019]t| not) (?:just |only |really )?about [^.!?]{1,80}?(?:it['\u2019]s|it is|but) (?:really )?about",
    ].join('|') +
    ')\\b',
  'i',
);

/** Thinking verbs: "I now know" states a belief, not a behavior. */
const COGNITION = '(?:know|understand|realize|realise|believe|see|appreciate|think|feel|value|recognize|recognise|get|remember)';
/** A behavior that changed and is visible now: "I now…", "since then I…", "every design doc I write…". */
const CONCRETE = new RegExp(
  [
    `\\b(?:I|we) now(?! ${COGNITION}\\b)`,
    `\\b(?:now|today|nowadays|these days),? (?:I|we)\\b(?! ${COGNITION}\\b)`,
    '\\bnow,? (?:when|whenever|before|after|every|each|if|on|at|for (?:every|each|any))\\b',
    '\\b(?:since then|ever since|from then on|every time|each time|whenever I|I no longer|my (?:own )?checklist|checklist)\\b',
    '\\bI (?:stopped|started|began|quit|switched|changed how)\\b',
    '\\bI (?:start|begin|open|end) (?:every|each)\\b',
    '\\bevery (?:design|dashboard|doc|document|review|pull request|PR|project|service|sprint|launch|change|migration|incident|week|Monday|morning|plan|proposal|estimate|release|deploy|meeting|one-on-one|postmortem|retro|retrospective|new)\\b',
  ].join('|'),
  'i',
);

// What interviewers grade (docs/interviews.md): "A reflection that changed behavior. What the candidate now does differently, every
// time, not a generic lesson ('communication matters')."
export const genericReflection: Rule = {
  name: 'generic-reflection',
  description:
    'The Reflection has only generic lessons ("communication is important", "I learned a lot") and no concrete change in behavior.',
  group: 'reflection',
  defaultSeverity: 'info',
  messages: {
    generic: '"{phrase}" is a lesson anyone could claim; say what you now do differently, every time ("Now I … before …").',
  },
  check(story, context) {
    const reflections = sectionsOf(story, ['reflection']);
    if (reflections.some((s) => CONCRETE.test(proseOf(story, s.body)))) return;
    for (const section of reflections) {
      for (const sentence of proseSentences(story, rel(story, section.body))) {
        const m = GENERIC.exec(story.prose.slice(sentence.start, sentence.end));
        if (m)
          context.report({
            messageId: 'generic',
            data: { phrase: m[0] },
            start: story.start + sentence.start,
            end: story.start + sentence.end,
          });
      }
    }
  },
};
