import type { RuleContext, RuleReport, Section, SectionKind, Span, Story } from '../../types';

export function sectionsOf(story: Story, kinds: readonly SectionKind[]): Section[] {
  return story.sections.filter((s) => s.kind !== undefined && kinds.includes(s.kind));
}

export interface Match {
  start: number;
  end: number;
  text: string;
  groups: RegExpExecArray;
}

/** Each pattern's global copy, compiled once rather than at every call (a nested search of the same pattern compiles its own). */
const globalCopies = new WeakMap<RegExp, { re: RegExp; busy: boolean }>();

/** Runs a global regex over the prose of one section; offsets are in story coordinates. */

export function* matchesIn(story: Story, span: Span, pattern: RegExp): Generator<Match> {
  let copy = globalCopies.get(pattern);
  if (!copy)
    globalCopies.set(
      pattern,
      (copy = { re: new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'), busy: false }),
    );
  const shared = !copy.busy;
  const re = shared ? copy.re : new RegExp(pattern.source, copy.re.flags);
  if (shared) copy.busy = true;
  try {
    yield* matchesWith(re, story, span);
  } finally {
    if (shared) copy.busy = false;
  }
}

function* matchesWith(re: RegExp, story: Story, span: Span): Generator<Match> {
  const from = span.start - story.start;
  const to = span.end - story.start;
  re.lastIndex = from;
  // Cut at the section's end: a regex with no match left in the section would otherwise scan the rest of the story.
  const text = story.prose.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index + m[0].length > to) break;
    yield { start: m.index + story.start, end: m.index + m[0].length + story.start, text: m[0], groups: m };
  }
}

/** The text of a section's prose, for cheap whole-section tests. */
export function proseOf(story: Story, span: Span): string {
  return story.prose.slice(span.start - story.start, span.end - story.start);
}

/**
 * The span holds a comment that is not a directive: a template's or snippet's placeholder
 * ("<!-- What you did -->"), which marks the section as being written, not forgotten.
 */
export function hasPlaceholder(text: string, span: Span): boolean {
  return /<!--(?!\s*star-stories-)/.test(text.slice(span.start, span.end));
}

/** The line break style the document already uses, so inserted lines match it. */
export function eolOf(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

export const SECTION_TITLES: Record<SectionKind, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  reflection: 'Reflection',
};

/** The heading to point at when a finding is about the whole story. */
export function storySpan(story: Pick<Story, 'titleSpan' | 'heading'>): Span {
  return story.titleSpan.end > story.titleSpan.start ? story.titleSpan : story.heading;
}

/**
 * True when the document text over [start, end) is plain words on one line, as the prose shows
 * it: a rewrite of that span can swallow no line break, markup or comment of the user's.
 */
export function isPlainRun(story: Story, text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  return !/[\r\n]/.test(written) && written === story.prose.slice(start - story.start, end - story.start);
}

/**
 * Phrases (built in or from the user's config) as regex alternatives: matched literally, with any
 * run of spaces between words; config lists are data, never patterns.
 */
export function literalPhrases(phrases: readonly string[]): string[] {
  return phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
}

const STAR_KINDS: readonly SectionKind[] = ['situation', 'task', 'action', 'result', 'reflection'];

/**
 * The sections a rule reads for how the story is told: its STAR sections, or, in an answer written
 * with no STAR headings at all, the prose after the title and Principles line as one section.
 */
export function toldSections(story: Story): Section[] {
  const star = sectionsOf(story, STAR_KINDS);
  if (star.length > 0) return star;
  const start = story.principles?.line.end ?? story.heading.end;
  const end = story.sections[0]?.heading.start ?? story.end;
  if (end <= start) return [];
  return [{ kind: undefined, name: '', heading: story.heading, nameSpan: story.titleSpan, body: { start, end } }];
}

/**
 * Many of one small slip in a story are one problem to an interviewer ("hedges throughout"): the
 * first is shown with every place as related information, and the rest become advice (hints under
 * focused coaching) that keep their own fixes. Fewer than `atLeast` are reported one by one, as they are.
 */
export function reportGathered(
  context: RuleContext,
  hits: readonly RuleReport[],
  gathered: {
    atLeast: number;
    /** What is compared with `atLeast`; the number of hits unless given (distinct words, say). */
    count?: number;
    messageId: string;
    data: Record<string, string | number>;
    place: (hit: RuleReport) => string;
  },
): void {
  if ((gathered.count ?? hits.length) < gathered.atLeast) {
    for (const hit of hits) context.report(hit);
    return;
  }
  const [first, ...rest] = hits;
  context.report({
    ...first,
    messageId: gathered.messageId,
    data: gathered.data,
    advice: false,
    relatedSpans: hits.map((h) => ({ start: h.start, end: h.end, message: gathered.place(h) })),
  });
  for (const hit of rest) context.report({ ...hit, advice: true });
}

/** Phrases as first written, each once however it recurs ("north-star", "North Star" → "north-star"). */
export function distinctPhrases(phrases: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const p of phrases) {
    const key = p.toLowerCase().replace(/[\s-]+/g, ' ');
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}
