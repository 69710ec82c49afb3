import type { Beat, Principle, PrincipleSet } from './types';
import type { Story } from '../types';
import { memoize, rel } from '../text';

interface CompiledBeat {
  beat: Beat;
  /** Every cue of the beat as one alternation; undefined when the beat has no usable cue. */
  cues: RegExp | undefined;
}

export interface BeatEvidence {
  beat: Beat;
  /** The story says something that counts as evidence for the beat. */
  shown: boolean;
}

// Compiled once per principle set: this runs on every keystroke, and a set from the config
// file is a new object (so a new cache entry) only when the config changes.
const compiled = new WeakMap<PrincipleSet, Map<Principle, CompiledBeat[]>>();

/** Which beats of a principle the story shows evidence for, by the beats' cue phrases. Beats without cues are left out. */
export function beatEvidence(story: Story, set: PrincipleSet, principle: Principle): BeatEvidence[] {
  // Tested once per story, set and principle: principle-beats and principle-not-shown both ask.
  const bySet = memoize(story, 'beatEvidence', () => new WeakMap<PrincipleSet, Map<Principle, BeatEvidence[]>>());
  let byPrinciple = bySet.get(set);
  if (!byPrinciple) bySet.set(set, (byPrinciple = new Map()));
  let evidence = byPrinciple.get(principle);
  if (!evidence) {
    const spoken = memoize(story, 'spokenText', () => spokenText(story));
    evidence = beatsOf(set, principle)
      .filter((b) => b.cues !== undefined)
      .map(({ beat, cues }) => ({ beat, shown: spoken.some((text) => cues!.test(text)) }));
    byPrinciple.set(principle, evidence);
  }
  // A copy of the list and its entries: callers may keep or change what they are given.
  return evidence.map((e) => ({ beat: e.beat, shown: e.shown }));
}

/**
 * The principles of the set whose beats the story shows best: each with at least two beats and
 * the highest share of its beats shown; at most two, in the set's order (most often probed first).
 */
export function bestShownPrinciples(story: Story, set: PrincipleSet): Principle[] {
  let best: Principle[] = [];
  let bestScore = 0;
  for (const principle of set.principles) {
    const evidence = beatEvidence(story, set, principle);
    const shown = evidence.filter((e) => e.shown).length;
    if (shown < 2) continue;
    const score = shown / evidence.length;
    if (score > bestScore) [best, bestScore] = [[principle], score];
    else if (score === bestScore) best.push(principle);
  }
  return best.slice(0, 2);
}

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
