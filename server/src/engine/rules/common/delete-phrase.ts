import type { Fix, Story } from '../../types';

/** "well-probably", "maybe's", "naïvemaybe": part of a longer word. */
export function joined(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}'\u2019-]/u.test(text[start - 1] ?? ' ') || /[\p{L}\p{N}'\u2019-]/u.test(text[end] ?? ' ');
}

/**
 * A fix that deletes the phrase at `start`–`end` (document offsets) and the comma or space that
 * belongs to it, so the sentence still reads (`sentenceStart`: the phrase begins its sentence):
 * "Basically, the cache" → "The cache"; "It was, basically, a race" → "It was a race";
 * "It was kind of slow" → "It was slow"; "The cause was the cache, I think." → "The cause was the cache."
 * Anything else around it (a dash, a parenthesis, emphasis marks, a line break) gets no fix.
 * `trailing`, matched right after the phrase, is deleted with it up to its last character
 * (hedging: "I think that the cache" → "The cache").
 */
export function deletePhrase(
  story: Story,
  raw: string,
  start: number,
  end: number,
  sentenceStart: boolean,
  trailing?: RegExp,
): Fix | undefined {
  const prose = story.prose;
  const relStart = start - story.start;
  const relEnd = end - story.start;
  const phrase = raw.slice(start, end).replace(/\s+/g, ' ');
  const rest = prose.slice(relEnd, relEnd + 40);
  const that = trailing ? trailing.exec(rest) : null;
  // Up to, not including, the space after "that".
  const tail = that ? that[0].length - 1 : 0;
  const title = that ? `Delete "${phrase} ${that[0].trim().toLowerCase()}"` : `Delete "${phrase}"`;
  const edit = (from: number, to: number, text = ''): Fix | undefined => {
    // Only text the reader sees is deleted: never emphasis marks, code or a line break the prose blanked.
    if (raw.slice(story.start + from, story.start + to) !== prose.slice(from, to)) return undefined;
    return { title, edits: [{ start: story.start + from, end: story.start + to, text }] };
  };
  if (sentenceStart) {
    // "Basically, the cache…" / "I think the cache…": the next word takes the capital.
    const next = /^(,?[ \t]+)([\p{L}\p{N}])/u.exec(prose.slice(relEnd + tail, relEnd + tail + 4));
    if (!next) return undefined;
    const letterAt = relEnd + tail + next[1].length;
    // The letter may be two UTF-16 units ("𠀀"): replace all of it, never half a surrogate pair.
    return edit(relStart, letterAt + next[2].length, next[2].toUpperCase());
  }
  const commaBefore = /,[ \t]+$/.exec(prose.slice(Math.max(0, relStart - 4), relStart));
  if (commaBefore && !that) {
    const from = relStart - commaBefore[0].length;
    // "was, basically, a race" → "was a race"
    if (rest.startsWith(',')) return edit(from, relEnd + 1);
    // "the cache, I think." → "the cache."
    if (/^[.!?;:]/.test(rest)) return edit(from, relEnd);
  }
  // "was kind of slow" → "was slow"
  const space = /^[ \t]+(?=[\p{L}\p{N}])/u.exec(prose.slice(relEnd + tail, relEnd + tail + 4));
  if (space && /[ \t]/.test(prose[relStart - 1] ?? '')) return edit(relStart, relEnd + tail + space[0].length);
  // "It was slow maybe." → "It was slow."
  if (/^[.!?;:]/.test(rest) && /[\p{L}\p{N}][ \t]$/u.test(prose.slice(relStart - 2, relStart))) return edit(relStart - 1, relEnd);
  return undefined;
}
