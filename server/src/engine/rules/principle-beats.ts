import type { Beat, Principle, PrincipleSet } from '../principles/types';
import type { Rule, Story } from '../types';
import { rel, storyWords } from '../text';

interface CompiledBeat {
  beat: Beat;
  /** Every cue of the beat as one alternation; undefined when the beat has no usable cue. */
  cues: RegExp | undefined;
}

// Compiled once per principle set: this rule runs on every keystroke, and a set from the
// config file is a new object (so a new cache entry) only when the config changes.
const compiled = new WeakMap<PrincipleSet, Map<Principle, CompiledBeat[]>>();

// An interviewer writes "inclined" on a principle only with evidence for its beats; a
// backbone story without the commit scores poorly however good the disagreement was.
export const principleBeats: Rule = {
  name: 'principle-beats',
  description: 'For each principle the story targets, a beat (the evidence interviewers look for) the story shows no sign of.',
  group: 'principles',
  defaultSeverity: 'info',
  advice: true,
  wholeStory: true,
  messages: {
    missingBeat: '{principle}: no sign of {beat} in this story. {advice}',
  },
  check(story, context) {
    if (!story.principles) return;
    const spoken = spokenText(story);
    // A story with nothing written yet would get every beat of every principle: noise, not coaching.
    if (storyWords(story) === 0) return;
    const seen = new Set<Principle>();
    for (const entry of story.principles.entries) {
      const principle = entry.principle;
      if (!principle || seen.has(principle)) continue;
      seen.add(principle);
      for (const { beat, cues } of beatsOf(context.principleSet, principle)) {
        if (!cues || spoken.some((text) => cues.test(text))) continue;
        context.report({
          messageId: 'missingBeat',
          data: { principle: principle.name, beat: beat.label, advice: beat.advice },
          start: entry.start,
          end: entry.end,
        });
      }
    }
  },
};

/** What the candidate says: section bodies and any text before the first section, never the title or the Principles line. */
function spokenText(story: Story): string[] {
  const texts: string[] = [];
  const introStart = (story.principles?.line.end ?? story.heading.end) - story.start;
  const introEnd = (story.sections[0]?.heading.start ?? story.end) - story.start;
  if (introEnd > introStart) texts.push(story.prose.slice(introStart, introEnd));
  for (const section of story.sections) {
    const span = rel(story, section.body);
    texts.push(story.prose.slice(span.start, span.end));
  }
  return texts;
}

function beatsOf(set: PrincipleSet, principle: Principle): CompiledBeat[] {
  let bySet = compiled.get(set);
  if (!bySet) {
    bySet = new Map();
    compiled.set(set, bySet);
  }
  let beats = bySet.get(principle);
  if (!beats) {
    // A set from the config file is user data: tolerate missing or malformed beats and cues.
    const list = Array.isArray(principle.beats) ? principle.beats : [];
    beats = list.filter((b) => b && typeof b === 'object').map((beat) => ({ beat, cues: cueRegex(beat.cues) }));
    bySet.set(principle, beats);
  }
  return beats;
}

/**
 * Cues match case-insensitively on word boundaries; a trailing `*` matches any word ending.
 * Spaces match any run of white space (a cue may wrap across lines) and a straight apostrophe
 * also matches a curly one. Each alternative is a literal, so matching stays linear.
 */
export function cueRegex(cues: unknown): RegExp | undefined {
  if (!Array.isArray(cues)) return undefined;
  const alternatives: string[] = [];
  for (const cue of cues) {
    if (typeof cue !== 'string') continue;
    const trimmed = cue.trim();
    const open = trimmed.endsWith('*');
    const words = (open ? trimmed.slice(0, -1) : trimmed).trim();
    if (!/[\p{L}\p{N}]/u.test(words)) continue;
    const body = words
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/'/g, "['\u2019]"))
      .join('\\s+');
    alternatives.push(open ? `${body}[\\p{L}\\p{N}]*` : body);
  }
  if (alternatives.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}
