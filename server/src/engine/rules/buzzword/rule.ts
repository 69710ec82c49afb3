import type { Rule, RuleReport } from '../../types';
import { phraseListCache } from '../../lru';
import { joined } from '../common/delete-phrase';
import { distinctPhrases, literalPhrases, matchesIn, reportGathered, toldSections } from '../common/util';

/** Each buzzword with the plain words to say instead. */
const BUZZWORDS: Array<[pattern: string, advice: string]> = [
  ['synerg(?:y|ies|istic|ize|ized|ise|ised)', 'say what each side gained, with a number'],
  ['leverag(?:e|ed|es|ing)', 'say "used"'],
  ['paradigm\\s+shifts?', 'say what changed, from what to what'],
  ['(?:move[sd]?|moving)\\s+the\\s+needle', 'say by how much it moved'],
  ['best[\\s-]in[\\s-]class', 'say how it compares, with a number'],
  ['world[\\s-]class', 'say how good, with a number'],
  ['(?:circle[sd]?|circling)\\s+back', 'say "followed up" or "came back to"'],
  ['low[\\s-]hanging\\s+fruits?', 'name the quick fixes'],
  ['game[\\s-]?(?:changers?|changing)', 'say what changed, with a number'],
  ['(?:bleeding|cutting)[\\s-]edge', 'name the technology'],
  ['(?:think(?:ing)?|thought)\\s+outside\\s+the\\s+box', 'say what you did differently'],
  ['holistic(?:ally)?', 'say "end to end" or name the parts'],
  ['value[\\s-]adds?', 'say what the benefit was'],
  ['(?:touch(?:ed|ing)?)\\s+base', 'say "talked to" or "met"'],
  ['win[\\s-]win', 'say what each side got'],
  ['north[\\s-]stars?', 'say the goal itself, with its number and date'],
  ['customer[\\s-](?:centric|centricity)', 'say which customers and what changed for them'],
  ['frictionless(?:ly)?', 'say which step got shorter, and by how much'],
  ['sociali[sz](?:e|ed|es|ing)', 'say who you showed it to and what changed because of it'],
  ['(?:drive|drove|driven|driving|drives)\\s+alignment', 'say who disagreed and what they agreed to'],
  ['(?:end[\\s-]to[\\s-]end|full|complete)\\s+visibility', 'say who saw what, and what they did with it'],
];

// "leverage" the noun ("we had no leverage with the vendor") is plain English; only the verb is jargon.
const NOUN_BEFORE =
  /\b(?:a|an|the|no|any|some|more|much|less|little|enough|our|my|their|his|her|its|your|of|with|financial|negotiating|real)\s+$/i;

const compiled = phraseListCache<{ pattern: RegExp; extra: string[] }>();

function buzzPattern(extra: readonly string[]): { pattern: RegExp; extra: string[] } {
  return compiled(extra, () => {
    const cleaned = extra.map((p) => p.trim()).filter((p) => p.length > 0);
    // One named group per built-in entry tells which advice to give; user phrases share the last group.
    const builtIn = BUZZWORDS.map(([p], i) => `(?<b${i}>${p})`);
    const user = literalPhrases(cleaned);
    const alternatives = user.length > 0 ? [...builtIn, `(?<user>${user.join('|')})`] : builtIn;
    return { pattern: new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi'), extra: cleaned };
  });
}

/** From this many in one story, the buzzwords are one finding: the story's register, not a word. */
const GATHER_AT = 3;

// Interviewers write down what the candidate did; "leveraged synergies" gives them nothing to write.
export const buzzword: Rule = {
  name: 'buzzword',
  description:
    'Corporate jargon (synergy, leverage, paradigm shift, move the needle, best-in-class…) where plain words would say what happened.',
  group: 'delivery',
  options: {
    buzzwords: {
      type: 'phrases',
      default: [],
      topLevel: true,
      markdownDescription: 'Phrases `buzzword` flags in addition to its built-in list (matched literally, ignoring case).',
    },
  },
  defaultSeverity: 'info',
  messages: {
    buzzwords:
      'This story leans on {count} buzzwords ({list}); an interviewer can write none of them down. Say what you did and what changed, in plain words.',
    buzzword: '"{phrase}" is a buzzword that says nothing an interviewer can write down; {advice}.',
  },
  check(story, context) {
    const { pattern } = buzzPattern(context.options.buzzwords as readonly string[]);
    const hits: RuleReport[] = [];
    for (const section of toldSections(story)) {
      for (const m of matchesIn(story, section.body, pattern)) {
        if (joined(story.prose, m.start - story.start, m.end - story.start)) continue;
        const groups = m.groups.groups ?? {};
        const index = BUZZWORDS.findIndex((_, i) => groups[`b${i}`] !== undefined);
        if (index === 1 && /^leverage$/i.test(m.text)) {
          const before = story.prose.slice(Math.max(0, m.start - story.start - 24), m.start - story.start);
          if (NOUN_BEFORE.test(before)) continue;
        }
        const advice = index >= 0 ? BUZZWORDS[index][1] : 'say in plain words what happened';
        hits.push({ messageId: 'buzzword', data: { phrase: m.text.replace(/\s+/g, ' '), advice }, start: m.start, end: m.end });
      }
    }
    const phrases = distinctPhrases(hits.map((h) => String(h.data!.phrase)));
    reportGathered(context, hits, {
      atLeast: GATHER_AT,
      count: phrases.length,
      messageId: 'buzzwords',
      data: { count: phrases.length, list: phrases.join(', ') },
      place: (h) => `"${h.data!.phrase}"`,
    });
  },
};
