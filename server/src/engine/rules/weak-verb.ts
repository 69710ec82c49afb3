import type { Rule } from '../types';
import { phraseListCache } from '../lru';
import { matchCase } from '../text';
import { literalPhrases, matchesIn, sectionsOf } from './util';

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

const STRONG: Record<'past' | 'base' | 'third' | 'ing', string[]> = {
  past: ['led', 'owned', 'drove', 'built', 'designed', 'decided'],
  base: ['lead', 'own', 'drive', 'build', 'design', 'decide'],
  third: ['leads', 'owns', 'drives', 'builds', 'designs', 'decides'],
  ing: ['leading', 'owning', 'driving', 'building', 'designing', 'deciding'],
};
// "was supported by" is passive voice, which has a rule of its own.
const AUXILIARY_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got)\s+$/i;
// "Helped by Ana, I shipped" is passive too; "I helped by writing the tests" is not.
const PASSIVE_BY = /^\s+by\s+(?![a-z]+ing\b)/i;
// "asked for help", "with help from Ana": the noun, not the verb.
const NOUN_HELP_BEFORE = /\b(?:for|with|of|no|some|any|extra|more|little|the|your|my|our|their|his|her)\s+$/i;
// "asked Ana to help me", "the data supported us": whoever helps me is not me.
const HELPS_CANDIDATE_AFTER = /^\s+(?:me|us)\b/i;
// "It helped that the VP agreed", "carriers that already supported codes": a thing acted, not the candidate.
const THING_SUBJECT_BEFORE = /\b(?:it|this|that|which|what)\s+(?:(?:really|also|certainly|definitely|already|still|only)\s+)?$/i;

// "Helped" and "was involved in" leave the interviewer unable to write down what the candidate did.
export const weakVerb: Rule = {
  name: 'weak-verb',
  description: 'A verb that hides your part: helped, assisted, supported, participated, was involved in, worked on, contributed to, was responsible for.',
  group: 'ownership',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  messages: {
    weak: '"{verb}" hides what you did; name your own action (led, owned, drove, built, designed, decided).',
  },
  check(story, context) {
    for (const section of sectionsOf(story, ['task', 'action', 'result'])) {
      for (const m of matchesIn(story, section.body, weakPattern(context.config.weakVerbs))) {
        const before = story.prose.slice(Math.max(0, m.start - story.start - 24), m.start - story.start);
        const after = story.prose.slice(m.end - story.start, m.end - story.start + 24);
        const lower = m.text.toLowerCase().replace(/\s+/g, ' ');
        if (/^(?:help|assist|support)ed$/.test(lower) && (AUXILIARY_BEFORE.test(before) || PASSIVE_BY.test(after))) continue;
        if (lower === 'help' && NOUN_HELP_BEFORE.test(before)) continue;
        if (/^(?:to )?(?:help|assist|support)(?:ed|s|ing)?$/.test(lower) && HELPS_CANDIDATE_AFTER.test(after)) continue;
        if (/^(?:help(?:ed|s)|assisted|supported)$/.test(lower) && THING_SUBJECT_BEFORE.test(before)) continue;
        // Keep the suggestion in the verb's own form: "to help" becomes "to lead", "helping" becomes "leading".
        const prefix = lower.startsWith('to ') ? m.text.slice(0, 3) : '';
        const form = /ing\b/.test(lower) ? 'ing' : lower === 'helps' ? 'third' : /^(?:to |help$)/.test(lower) ? 'base' : 'past';
        context.report({
          messageId: 'weak',
          data: { verb: m.text },
          start: m.start,
          end: m.end,
          suggestions: STRONG[form].map((verb) => {
            const text = prefix + matchCase(m.text.slice(prefix.length), verb);
            return { title: `Replace "${m.text}" with "${text}"`, edits: [{ start: m.start, end: m.end, text }] };
          }),
        });
      }
    }
  },
};
