import type { Rule, Story } from '../types';
import { compoundParts, isAdverb, isPastParticiple, pastFromParticiple } from '../verbs';
import { matchesIn, sectionsOf } from './util';

const BE = /\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting|(?:is|are|was|were)n['\u2019]t)\b/gi;
const GET = /^(?:get|gets|got|gotten|getting)$/i;
/** Words that can sit between the auxiliary and the participle ("was quickly rolled back", "was being fixed"). */
const BETWEEN = new Set(['not', 'never', 'being', 'been', 'all', 'both', 'each', 'later', 'then', 'finally', 'eventually', 'also', 'first']);
/** Auxiliaries that belong to the phrase in front of "be"/"been" ("had to be rolled back", "has been deployed"). */
const LEAD_IN = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'should', 'must', 'might', 'may', 'can', 'to']);

/**
 * Participles that after "be" describe a state or a feeling, not an action someone took
 * ("I was interested", "the office was located", "30% of orders were affected").
 */
const STATES = new Set([
  'interested', 'excited', 'tired', 'located', 'based', 'situated', 'headquartered', 'concerned', 'worried', 'pleased',
  'surprised', 'satisfied', 'scared', 'bored', 'confused', 'frustrated', 'disappointed', 'impressed', 'convinced', 'determined',
  'committed', 'dedicated', 'prepared', 'qualified', 'experienced', 'skilled', 'talented', 'supposed', 'used', 'married',
  'related', 'limited', 'tied', 'aligned', 'opposed', 'entitled', 'obligated', 'obliged', 'stuck', 'gone', 'known', 'bound',
  'upset', 'hurt', 'lost', 'broken', 'thrilled', 'delighted', 'annoyed', 'embarrassed', 'ashamed', 'relieved', 'overwhelmed',
  'motivated', 'inspired', 'amazed', 'shocked', 'stressed', 'exhausted', 'puzzled', 'intrigued', 'fascinated', 'alarmed',
  'stunned', 'relaxed', 'engaged', 'invested', 'focused', 'focussed', 'blocked', 'required', 'needed', 'allowed', 'expected',
  'scheduled', 'affected', 'impacted', 'born', 'promoted', 'hired', 'elected', 'nominated', 'awarded', 'called', 'named',
  'titled', 'worth', 'crowded', 'complicated', 'outdated', 'detailed', 'varied', 'mixed', 'advanced', 'sophisticated',
  'aged', 'biased', 'distracted', 'isolated', 'overloaded', 'understaffed', 'overworked', 'paged',
  // "was involved in" is weak-verb's; "was asked to" is manager-directed's.
  'involved',
]);
/** Instructions belong to manager-directed ("the team was told to"); reporting one twice helps nobody. */
const DIRECTED = new Set(['asked', 'told', 'instructed', 'directed', 'ordered', 'assigned', 'tasked']);
/** "we got started": a phrasal verb, not a passive. */
const GET_PHRASAL = new Set(['started', 'used', 'rid', 'dressed', 'acquainted']);

/** After "by": an amount, a time, a means ("by 40%", "by Friday", "by rolling back", "by hand"), not the person who acted. */
const NOT_AGENT = new RegExp(
  '^(?:[\\d$€£¥~]|(?:about|around|roughly|nearly|almost|over|under|more|less|up|half|a\\s+(?:third|quarter|half|factor|fifth|tenth|lot|few|margin|wide|day|week|month|year)|an?\\s+(?:order|hour)|far|much|then|now|noon|midnight|tomorrow|today|tonight|end|the\\s+(?:end|time|deadline|next|following|start|middle|close|weekend|morning|afternoon|evening)|next|early|late|mid|hand|mistake|accident|default|design|chance|email|phone|mail|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|[a-z]+ing)\\b)',
  'i',
);
const CLAUSE_END = /[.,;:!?]|\n\s*\n|\s(?:but|because|while|which|whereas)\s/;
/** "was rolled back", "was set up": the particle is part of the verb. */
const PARTICLE = /^\s+(back|out|up|down|off|away)\b/i;

// Interviewers cannot credit "the fix was deployed": the sentence leaves out the one fact they
// need, who did it (domain.md: individual ownership).
export const passiveVoice: Rule = {
  name: 'passive-voice',
  description: 'In Task, Action and Result, a passive construction ("the fix was deployed", "it was decided") hides who acted.',
  group: 'ownership',
  defaultSeverity: 'info',
  advice: true,
  messages: {
    passive: '"{phrase}" hides who acted. If it was you, say so ("I {verb} …"); if it was someone else, name them.',
  },
  check(story, context) {
    // The Situation is background. The Task may state its goal passively ("checkout had to be
    // fixed by June"), but "the plan had been approved" hides who approved it as much as an
    // Action would; the Action and the Result are where the candidate's own work has to be visible.
    for (const section of sectionsOf(story, ['task', 'action', 'result'])) {
      let coveredUntil = -1;
      for (const m of matchesIn(story, section.body, BE)) {
        if (m.start < coveredUntil) continue;
        if (section.kind === 'task' && statesGoal(story, m.start, m.text)) continue;
        const found = passiveAt(story, m.start, m.end, m.text);
        if (!found) continue;
        coveredUntil = found.end;
        const phrase = story.prose.slice(found.start - story.start, found.end - story.start).replace(/\s+/g, ' ');
        context.report({ messageId: 'passive', data: { phrase, verb: found.verb }, start: found.start, end: found.end });
      }
    }
  },
};

function passiveAt(story: Story, start: number, end: number, auxiliary: string): { start: number; end: number; verb: string } | undefined {
  const rel = (offset: number) => offset - story.start;
  const after = story.prose.slice(rel(end), rel(end) + 80);
  const words = /^\s+([A-Za-z]+(?:-[A-Za-z]+)*)/;
  let pos = 0;
  let word: string | undefined;
  for (let i = 0; i < 4 && !word; i++) {
    const next = words.exec(after.slice(pos));
    if (!next) return undefined;
    pos += next[0].length;
    const lower = next[1].toLowerCase();
    // "the old version was still deployed": "still" makes it a state that lasts, not an act someone hid.
    if (lower === 'still') return undefined;
    if (BETWEEN.has(lower) || isAdverb(lower)) continue;
    // A capitalized word mid-sentence is a name ("the owner was Ahmed"), not a verb.
    if (next[1][0] !== lower[0]) return undefined;
    word = lower;
  }
  if (!word) return undefined;
  // "was re-deployed", "were double-charged": the last part is the verb.
  const { head, verb: participle } = compoundParts(word);
  if (!isPastParticiple(participle) || STATES.has(participle) || STATES.has(word) || /^un[a-z]+ed$/.test(word)) return undefined;
  if (GET.test(auxiliary) && GET_PHRASAL.has(participle)) return undefined;
  const rest = after.slice(pos);
  if (DIRECTED.has(participle) && /^\s+(?:by\s+[^.,;]*?\s)?(?:to|with)\b/i.test(rest.slice(0, 60))) return undefined;
  if (namesAgent(rest)) return undefined;
  const before = story.prose.slice(Math.max(0, rel(start) - 60), rel(start));
  // "so failed tasks could be retried": what a system allows, not an act someone hid.
  if (/^be$/i.test(auxiliary) && /\b(?:can|could|may|might)\s+$/i.test(before)) return undefined;
  if (subjectIsCandidate(before)) return undefined;
  if (insideQuote(lastSentence(before))) return undefined;
  let verb = head + pastFromParticiple(participle);
  const particle = PARTICLE.exec(rest);
  if (particle) {
    pos += particle[0].length;
    verb += ' ' + particle[1].toLowerCase();
  }
  return { start: leadIn(story, start, auxiliary), end: end + pos, verb };
}

/** "had to be cleared", "must be live": what the Task had to achieve, not an act someone hid. */
function statesGoal(story: Story, start: number, auxiliary: string): boolean {
  if (!/^be$/i.test(auxiliary)) return false;
  const before = story.prose.slice(Math.max(0, start - story.start - 12), start - story.start);
  return /\b(?:to|must|should|would|will|shall|could|can|may|might)\s+$/i.test(before);
}

/** "was approved by the VP" names who acted; "was cut by 40%" and "by Friday" do not. */
function namesAgent(rest: string): boolean {
  const cut = CLAUSE_END.exec(rest);
  const clause = cut ? rest.slice(0, cut.index) : rest;
  // The agent may wrap onto the next line ("cancelled by the final stock\ncheck").
  const by = /\bby\s+(\S[\s\S]*)$/i.exec(clause);
  return by !== null && !NOT_AGENT.test(by[1]);
}

/**
 * "I was paged", "we were acquired": the candidate is the one the action happened to, so
 * nothing the candidate did is hidden (and "I was asked to" is manager-directed's).
 */
function subjectIsCandidate(before: string): boolean {
  const tokens = before.match(/[A-Za-z]+(?:['\u2019][a-z]+)?/g) ?? [];
  for (let i = tokens.length - 1; i >= 0 && i >= tokens.length - 4; i--) {
    const t = tokens[i].toLowerCase().replace('\u2019', "'");
    if (/^(?:i|we|i'm|we're|i've|we've|i'd|we'd|i'll|we'll)$/.test(t)) return true;
    if (!LEAD_IN.has(t) && !BETWEEN.has(t) && !isAdverb(t)) return false;
  }
  return false;
}

/** Include "has"/"had to"/"will" before "be"/"been", so the flagged phrase reads as the reader wrote it. */
function leadIn(story: Story, start: number, auxiliary: string): number {
  if (!/^(?:be|been)$/i.test(auxiliary)) return start;
  const before = story.prose.slice(Math.max(0, start - story.start - 24), start - story.start);
  const m = /([A-Za-z]+)(\s+)$/.exec(before);
  if (!m || !LEAD_IN.has(m[1].toLowerCase())) return start;
  let at = start - m[0].length;
  // "had to be", "needed to be": take the verb before "to" as well.
  if (m[1].toLowerCase() === 'to') {
    const verb = /([A-Za-z]+)(\s+)$/.exec(before.slice(0, before.length - m[0].length));
    if (verb) at -= verb[0].length;
  }
  return at;
}

function lastSentence(text: string): string {
  const cut = Math.max(text.lastIndexOf('. '), text.lastIndexOf('! '), text.lastIndexOf('? '), text.lastIndexOf('\n\n'));
  return cut >= 0 ? text.slice(cut + 2) : text;
}

function insideQuote(text: string): boolean {
  return (text.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1;
}
