import { parser as baseParser, GFM, type InlineContext, type InlineParser } from '@lezer/markdown';
import type { SyntaxNode, Tree } from '@lezer/common';
import { splitPrinciples } from './principles/match';
import type { PrincipleSet } from './principles/types';
import type { Directive, DirectiveKind, PrinciplesLine, Section, SectionKind, Span, Story } from './types';

/** Characters an inline parser can start on: escape, entity, code, tag, emphasis, strikethrough, links. */
const INLINE_START = new Uint8Array(128);
for (const c of '\\&`<*_~[!]') INLINE_START[c.charCodeAt(0)] = 1;
/** A GFM autolink needs one of these in the paragraph; without any, letters start nothing. */
const AUTOLINK_HINT = /www\.|https?:\/\/|@|mailto:|xmpp:/;
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
let hintedContext: InlineContext | undefined;
let mayAutolink = false;

/**
 * Lezer offers each of its eleven inline parsers every character, and in prose nearly every call
 * returns at once: that was over half of the bank's cold scan. Run first, this steps over a run of
 * characters no parser starts on, so the others are asked only where Markdown can begin. The tree
 * is the stock parser's, node for node (test/unit/parse.plainRun.test.ts).
 */
const plainRun: InlineParser = {
  name: 'PlainRun',
  before: 'Escape',
  parse(cx, _next, start) {
    if (cx !== hintedContext) {
      hintedContext = cx;
      mayAutolink = AUTOLINK_HINT.test(cx.text);
    }
    if (mayAutolink) return -1;
    const { text, offset } = cx;
    let at = start - offset;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === SPACE) {
        // Two or more spaces before a line break are a hard break: stop where the run starts.
        let runEnd = at + 1;
        while (text.charCodeAt(runEnd) === SPACE) runEnd++;
        if (text.charCodeAt(runEnd) === LF && runEnd >= at + 2) break;
        at = runEnd;
      } else if (code < 128 && INLINE_START[code]) break;
      else at++;
    }
    return at + offset > start ? at + offset : -1;
  },
};

/** GFM, as GitHub renders stories, with `plainRun` ahead of the inline parsers. */
export const markdown = baseParser.configure([GFM, { parseInline: [plainRun] }]);

/** Nodes whose whole text is never prose. */
const NON_PROSE = new Set([
  'FencedCode',
  'CodeBlock',
  'InlineCode',
  'Comment',
  'CommentBlock',
  'HTMLBlock',
  'HTMLTag',
  'ProcessingInstruction',
  'ProcessingInstructionBlock',
  'URL',
  'LinkReference',
  'Autolink',
  'LinkTitle',
  'LinkLabel',
]);
/** Markup characters that would otherwise glue to words ("**I**", "[link]"). */
const MARKUP = new Set([
  'HeaderMark',
  'EmphasisMark',
  'CodeMark',
  'LinkMark',
  'ListMark',
  'QuoteMark',
  'TaskMarker',
  'StrikethroughMark',
  'TableDelimiter',
  'Escape',
]);
const DIRECTIVE_NODES = new Set(['Comment', 'CommentBlock', 'HTMLBlock']);

const SECTION_NAMES: Record<string, SectionKind> = {
  situation: 'situation',
  context: 'situation',
  background: 'situation',
  task: 'task',
  tasks: 'task',
  goal: 'task',
  objective: 'task',
  action: 'action',
  actions: 'action',
  'what i did': 'action',
  result: 'result',
  results: 'result',
  outcome: 'result',
  outcomes: 'result',
  impact: 'result',
  reflection: 'reflection',
  reflections: 'reflection',
  learning: 'reflection',
  learnings: 'reflection',
  lesson: 'reflection',
  lessons: 'reflection',
  'lessons learned': 'reflection',
  'lessons learnt': 'reflection',
  takeaway: 'reflection',
  takeaways: 'reflection',
  'what i learned': 'reflection',
  'leadership principle lens': 'reflection',
  'principle lens': 'reflection',
  'lp lens': 'reflection',
};

export function sectionKind(name: string): SectionKind | undefined {
  const key = name
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    // "1. Situation", "S - Situation", "(A) Action"
    .replace(/^(?:\d+[.)]|\(?[star]\)|[star](?= ?[-–—:.]))\s*[-–—:.]?\s*/, '')
    .replace(/^[\s\-–—:.]+|[\s\-–—:.]+$/g, '');
  if (SECTION_NAMES[key]) return SECTION_NAMES[key];
  // "Result: 30% fewer tickets", "Situation / Context", "Results & Impact", "Actions Taken"
  const head = /^([a-z]+(?: [a-z]+)?)\s*[:(\-–—/&,]/.exec(key)?.[1] ?? /^[a-z]+/.exec(key)?.[0];
  return head ? SECTION_NAMES[head] : undefined;
}

export interface FrontMatterBlock extends Span {
  /** The YAML between the fences. */
  content: Span;
}

export interface Chunk extends Span {
  /** True for a story chunk (starts at a level-1 heading); false for the text before the first story. */
  isStory: boolean;
}

const FRONT_MATTER_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;

export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  // Line by line rather than one regex with the m flag, which does not know a lone CR.
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = contentStart;
  let lineStart = contentStart;
  while (lineStart <= text.length) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) {
      return { start: 0, end: m ? m.index + m[0].length : text.length, content: { start: contentStart, end: lineStart } };
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return undefined;
}

/**
 * Splits a document at level-1 ATX headings outside fenced code and HTML comments.
 * Stories are independent units, so each chunk is parsed and linted on its own and a
 * keystroke only costs the chunk it touched.
 */
export function splitChunks(text: string, from: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = from;
  let isStory = false;
  let fence: string | undefined;
  let inComment = false;
  let pos = from;
  const lineFeed = new NextIndex(text, '\n');
  const carriageReturn = new NextIndex(text, '\r');
  const commentOpen = new NextIndex(text, '<!--');
  const commentClose = new NextIndex(text, '-->');
  const backtick = new NextIndex(text, '`');
  while (pos <= text.length) {
    // A line ends at "\r\n", "\r" or "\n".
    const lineEnd = Math.min(lineFeed.at(pos), carriageReturn.at(pos), text.length);
    // Every line test below starts with at most three spaces and then one of these characters:
    // the line is read as a string only when it may match.
    const markerPos = markerAt(text, pos, lineEnd);
    const marker = markerPos < lineEnd ? text.charCodeAt(markerPos) : -1;
    if (fence) {
      if (marker === fence.charCodeAt(0)) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text.slice(pos, lineEnd));
        if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
      }
    } else if (inComment) {
      if (commentClose.within(pos, lineEnd)) inComment = false;
    } else {
      const open = marker === BACKTICK || marker === TILDE ? /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(pos, lineEnd)) : null;
      if (open && !(open[1][0] === '`' && backtick.within(pos + open.index + open[0].length, lineEnd))) {
        fence = open[1];
      } else if (marker === HASH && isHeadingGap(text, markerPos + 1, lineEnd)) {
        if (pos > chunkStart || isStory) chunks.push({ start: chunkStart, end: pos, isStory });
        chunkStart = pos;
        isStory = true;
      } else if (commentOpen.within(pos, lineEnd)) {
        const commentAt = text.slice(pos, lineEnd).lastIndexOf('<!--');
        if (!commentClose.within(pos + commentAt + 4, lineEnd)) inComment = true;
      }
    }
    if (lineEnd === text.length) break;
    pos = lineEnd + (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
  }
  if (text.length > chunkStart || isStory) chunks.push({ start: chunkStart, end: text.length, isStory });
  return chunks;
}

/** Where a line's first character stands after up to three spaces; `lineEnd` when the line ends first. */
function markerAt(text: string, lineStart: number, lineEnd: number): number {
  let at = lineStart;
  while (at < lineEnd && at - lineStart < 3 && text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** "#" followed by a space, a tab or the line's end: a level-1 heading. */
function isHeadingGap(text: string, afterHash: number, lineEnd: number): boolean {
  if (afterHash >= lineEnd) return true;
  const c = text.charCodeAt(afterHash);
  return c === SPACE || c === TAB;
}

/**
 * The next place of a string, for positions asked in increasing order: a search runs only once
 * the last place found lies behind, so a document is searched once however many lines ask.
 */
class NextIndex {
  private next = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Where the string next starts at or after `from`; Infinity when it does not. */
  at(from: number): number {
    if (this.next < from) {
      const found = this.text.indexOf(this.needle, from);
      this.next = found < 0 ? Infinity : found;
    }
    return this.next;
  }

  /** Whether the string lies wholly in [from, lineEnd). */
  within(from: number, lineEnd: number): boolean {
    return this.at(from) + this.needle.length <= lineEnd;
  }
}

/** Below this many, the extra scans cost nothing a user would notice. */
const UNCLOSABLE_HTML_LIMIT = 32;
/** What may stand before a block-level "<" on its line: indentation, quote and list markers. */
const BLOCK_PREFIX = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*$/;

/**
 * Lezer tries each "<!--", "<?" and "<!X" in a paragraph as inline HTML by searching the rest of
 * the paragraph for its end, so a long run of them with no end (a corrupted or hostile file) costs
 * the square of its length: minutes for a megabyte. Those that no later text can close are plain
 * text to Markdown either way; past a few, their "<" becomes a space (same length, not a word, so
 * offsets and findings stay put). A "<" that can open a block keeps its meaning.
 */
function defuseUnclosableHtml(text: string): string {
  const lastCommentEnd = text.lastIndexOf('-->');
  const lastInstructionEnd = text.lastIndexOf('?>');
  const lastCdataEnd = text.lastIndexOf(']]>');
  const lastAngle = text.lastIndexOf('>');
  const unclosable: number[] = [];
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const next = text[at + 1];
    let closable: boolean;
    if (text.startsWith('!--', at + 1)) closable = lastCommentEnd >= at + 2;
    else if (text.startsWith('![CDATA[', at + 1)) closable = lastCdataEnd > at;
    else if (next === '?') closable = lastInstructionEnd > at + 1;
    else if (next === '!') closable = lastAngle > at;
    else continue;
    if (!closable) unclosable.push(at);
  }
  if (unclosable.length < UNCLOSABLE_HTML_LIMIT) return text;
  let out = '';
  let from = 0;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const at of unclosable) {
    while (nextBreak >= 0 && nextBreak < at) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (BLOCK_PREFIX.test(text.slice(lineStart, at))) continue;
    out += text.slice(from, at) + ' ';
    from = at + 1;
  }
  return out + text.slice(from);
}

/**
 * Container markers (quote ">", list "-", "+", "*", "1." or "1)") a line may open before the rest
 * of it is read as text. Real stories nest three or four deep; Lezer's time grows with the square
 * of a line's nesting, so "- - - - … x" fifty thousand deep took seconds.
 */
const MAX_NESTING = 16;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Lines opening more than MAX_NESTING containers keep the first ones; each character of the
 * markers past them becomes a no-break space (same length, not a marker, not a word, so offsets
 * stay put). Their spans are returned to be blanked in the prose, as the markers they replace
 * would have been. Thematic breaks ("- - - -") are not nesting and stay as they are.
 */
function capNesting(text: string): { text: string; neutralized: Span[] } {
  const neutralized: Span[] = [];
  let out = '';
  let from = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let depth = 0;
    let at = lineStart;
    let cutFrom = -1;
    for (;;) {
      while (at < lineEnd && (text[at] === ' ' || text[at] === '\t')) at++;
      let end = at;
      const c = text[at];
      if (c === '>') end = at + 1;
      else if ((c === '-' || c === '+' || c === '*') && (text[at + 1] === ' ' || text[at + 1] === '\t')) end = at + 1;
      else {
        while (end < lineEnd && end - at < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
        if (end === at || (text[end] !== '.' && text[end] !== ')') || (text[end + 1] !== ' ' && text[end + 1] !== '\t')) break;
        end++;
      }
      if (end > lineEnd) break;
      depth++;
      if (depth === MAX_NESTING + 1) cutFrom = at;
      if (depth > MAX_NESTING) neutralized.push({ start: at, end });
      at = end;
    }
    if (cutFrom >= 0 && THEMATIC_BREAK.test(text.slice(lineStart, lineEnd))) {
      while (neutralized.length > 0 && neutralized[neutralized.length - 1].start >= lineStart) neutralized.pop();
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (neutralized.length === 0) return { text, neutralized };
  for (const { start, end } of neutralized) {
    out += text.slice(from, start) + '\u00a0'.repeat(end - start);
    from = end;
  }
  return { text: out + text.slice(from), neutralized };
}

/**
 * Link openers ("[", "![") a paragraph may hold before the rest are read as text. Lezer, on closing
 * each link, walks every element of the paragraph before it, so a paragraph of thousands of
 * "[a]" costs the square of their number; a real story has a handful.
 */
const MAX_LINKS_PER_PARAGRAPH = 256;
const BLANK_LINE = /\n[ \t]*\n/;

/** Past MAX_LINKS_PER_PARAGRAPH, a paragraph's "[" become no-break spaces, blanked in the prose (same length, as for nesting). */
function capLinks(text: string): { text: string; neutralized: Span[] } {
  const neutralized: Span[] = [];
  let total = 0;
  for (let at = text.indexOf('['); at >= 0 && total <= MAX_LINKS_PER_PARAGRAPH; at = text.indexOf('[', at + 1)) total++;
  if (total <= MAX_LINKS_PER_PARAGRAPH) return { text, neutralized };
  let count = 0;
  let last = 0;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
    if (BLANK_LINE.test(text.slice(last, at))) count = 0;
    last = at;
    if (++count <= MAX_LINKS_PER_PARAGRAPH) continue;
    // A run of brackets is one span: a million of them must not cost a million objects.
    const previous = neutralized[neutralized.length - 1];
    if (previous?.end === at) previous.end = at + 1;
    else neutralized.push({ start: at, end: at + 1 });
  }
  if (neutralized.length === 0) return { text, neutralized };
  let out = '';
  let from = 0;
  for (const { start, end } of neutralized) {
    out += text.slice(from, start) + '\u00a0'.repeat(end - start);
    from = end;
  }
  return { text: out + text.slice(from), neutralized };
}

/**
 * A story has five to eight sections; past this many, further headings are read as part of the
 * last section's text, so that a story of 100,000 headings costs the rules what 100 sections do.
 */
export const MAX_SECTIONS = 100;

export interface ParsedChunk {
  story: Story | undefined;
  directives: Directive[];
}

/**
 * Parses one chunk. Offsets in the result are relative to the chunk start; `shiftChunk`
 * moves them when an edit earlier in the document moves the chunk.
 */
export function parseChunk(raw: string, isStory: boolean, principleSet: PrincipleSet): ParsedChunk {
  const { text, neutralized } = lezerSafeText(raw);
  const tree = markdown.parse(text);
  const { blanks, directives } = walkMarkup(text, tree, neutralized);
  const top = tree.topNode;
  // Text before the first title that already has STAR sections is a story whose title was
  // forgotten: lint it, rather than stay silent on the user's first draft.
  const firstSection = isStory
    ? undefined
    : top.getChildren('ATXHeading2').find((h) => {
        const name = headingText(text, h, { start: h.from, end: h.to });
        return sectionKind(text.slice(name.start, name.end)) !== undefined;
      });
  if (!isStory && !firstSection) return { story: undefined, directives };

  const prose = blankOut(text, blanks);
  let heading: SyntaxNode | null = isStory ? top.firstChild : null;
  while (heading && heading.name !== 'ATXHeading1') heading = heading.nextSibling;
  const headingStart = firstSection ? firstSection.from : 0;
  const headingLineEnd = lineEndAt(text, headingStart);
  const titleSpan = firstSection
    ? { start: headingStart, end: headingStart }
    : headingText(text, heading ?? undefined, { start: 0, end: headingLineEnd });
  const firstBlock = heading ? heading.nextSibling : top.firstChild;
  const { sections, principles } = readSections(text, prose, firstBlock, principleSet);
  const story: Story = {
    start: 0,
    end: text.length,
    title: text.slice(titleSpan.start, titleSpan.end),
    heading: { start: headingStart, end: trimEndAt(text, headingLineEnd, headingStart) },
    titleSpan,
    principles,
    sections,
    prose: labelledProse(text, prose, firstBlock, sections),
    untitled: firstSection !== undefined,
  };
  return { story, directives };
}

/**
 * The chunk as Lezer is given it. Lezer splits lines on \n only, and its time grows with the
 * square of a run of spaces, of a line's nesting and of a paragraph's links; these replacements
 * keep every offset in place and the Markdown meaning the same. `neutralized` are the spans to
 * blank in the prose, as the markers they replace would have been.
 */
function lezerSafeText(raw: string): { text: string; neutralized: Span[] } {
  const nesting = capNesting(
    defuseUnclosableHtml(
      raw
        .replace(/\r\n?/g, (crlf) => (crlf.length === 2 ? ' \n' : '\n'))
        .replace(/ {64,}/g, (run) => '    ' + '\t'.repeat(run.length - 6) + '  '),
    ),
  );
  const links = capLinks(nesting.text);
  return { text: links.text, neutralized: [...nesting.neutralized, ...links.neutralized] };
}

/** What is not prose (code, HTML, comments, URLs, markup), to be blanked, and the directives in comments. */
function walkMarkup(text: string, tree: Tree, neutralized: Span[]): { blanks: Span[]; directives: Directive[] } {
  const blanks: Span[] = neutralized;
  const directives: Directive[] = [];
  tree.iterate({
    enter(node) {
      if (node.name === 'CommentBlock') {
        blankComments(text, node.from, node.to, blanks);
        collectDirectives(text, node.from, node.to, directives);
        return false;
      }
      if (NON_PROSE.has(node.name)) {
        blanks.push({ start: node.from, end: node.to });
        if (DIRECTIVE_NODES.has(node.name)) collectDirectives(text, node.from, node.to, directives);
        return false;
      }
      if (node.name === 'HTMLBlock') {
        collectDirectives(text, node.from, node.to, directives);
      }
      if (node.name === 'Escape') {
        blanks.push({ start: node.from, end: node.from + 1 });
        return false;
      }
      if (MARKUP.has(node.name)) blanks.push({ start: node.from, end: node.to });
      return undefined;
    },
  });
  return { blanks, directives };
}

/** The `##` sections after the title (at most MAX_SECTIONS) and the Principles line before them. */
function readSections(
  text: string,
  prose: string,
  firstBlock: SyntaxNode | null,
  principleSet: PrincipleSet,
): { sections: Section[]; principles: PrinciplesLine | undefined } {
  const sections: Section[] = [];
  let principles: PrinciplesLine | undefined;
  for (let node = firstBlock; node; node = node.nextSibling) {
    if ((node.name === 'ATXHeading2' || node.name === 'SetextHeading2') && sections.length < MAX_SECTIONS) {
      const nameSpan = headingText(text, node, { start: node.from, end: node.to });
      const name = text.slice(nameSpan.start, nameSpan.end);
      const previous = sections[sections.length - 1];
      if (previous) previous.body.end = node.from;
      sections.push({
        kind: sectionKind(name),
        name,
        heading: { start: node.from, end: trimEndAt(text, node.to, node.from) },
        nameSpan,
        body: { start: lineBreakEnd(text, node.to), end: text.length },
      });
    } else if (!principles && sections.length === 0 && node.name === 'Paragraph') {
      principles = parsePrinciplesLine(prose, node.from, principleSet);
    }
  }
  return { sections, principles };
}

/**
 * A story with no STAR heading may mark its sections with labels ("**Situation:** …"): they are
 * added to `sections`, and the prose is returned with the labels blanked (structure, not
 * something the candidate says: no words, no findings on it).
 */
function labelledProse(text: string, prose: string, firstBlock: SyntaxNode | null, sections: Section[]): string {
  if (sections.some((s) => s.kind !== undefined)) return prose;
  const labelled = labelSections(text, firstBlock);
  if (!labelled.some((s) => s.kind !== undefined && s.kind !== 'reflection')) return prose;
  sections.push(...labelled);
  return blankOut(
    prose,
    labelled.map((s) => ({ ...s.heading })),
  );
}

/** "Situation:", "**Task**", "What I did:" or a bare "Action" opening a paragraph: a section written without "##". */
const SECTION_LABEL = /^[ \t]*(?:\*\*|__)?[ \t]*([A-Za-z][A-Za-z ]{2,30}?)[ \t]*(?:(?:\*\*|__)[ \t]*:?|:[ \t]*(?:\*\*|__)?|$)[ \t]*/;

/**
 * Sections marked by labels instead of level-2 headings, as many candidates write them: a
 * paragraph whose first line starts with a section name followed by a colon, or is only that name
 * (bold or plain). Used only when the story has no "##" sections at all.
 */
function labelSections(text: string, first: SyntaxNode | null): Section[] {
  const sections: Section[] = [];
  for (let node = first; node; node = node.nextSibling) {
    if (node.name !== 'Paragraph') continue;
    const lineEnd = lineEndAt(text, node.from);
    const line = text.slice(node.from, lineEnd);
    const m = SECTION_LABEL.exec(line);
    if (!m) continue;
    // Only a section's own name: "Action items were late:" is prose.
    const kind = SECTION_NAMES[m[1].toLowerCase().replace(/\s+/g, ' ')];
    const alone = m[0].length >= line.trimEnd().length;
    // "Action items were late" is prose: a label needs its colon, or a line of its own.
    if (!kind || (!alone && !m[0].includes(':'))) continue;
    const labelEnd = alone ? trimEndAt(text, lineEnd, node.from) : node.from + m[0].trimEnd().length;
    const previous = sections[sections.length - 1];
    if (previous) previous.body.end = node.from;
    const nameStart = node.from + m[0].indexOf(m[1]);
    sections.push({
      kind,
      name: m[1],
      heading: { start: node.from, end: labelEnd },
      nameSpan: { start: nameStart, end: nameStart + m[1].length },
      body: { start: alone ? lineBreakEnd(text, lineEnd) : labelEnd, end: text.length },
    });
  }
  return sections;
}

const PRINCIPLES_LABEL = /^[ \t]*principles?[ \t]*:/i;

/** Reads the prose (markup and comments blanked), so "**Principles:**" and trailing comments need no special case. */
function parsePrinciplesLine(text: string, from: number, principleSet: PrincipleSet): PrinciplesLine | undefined {
  const end = lineEndAt(text, from);
  const line = text.slice(from, end);
  const label = PRINCIPLES_LABEL.exec(line);
  if (!label) return undefined;
  const entries = splitPrinciples(principleSet, line, label[0].length).map((e) => ({
    start: from + e.start,
    end: from + e.end,
    text: e.text,
    principle: e.principle,
  }));
  return { line: { start: from, end: trimEndAt(text, end, from) }, entries };
}

function headingText(text: string, node: SyntaxNode | undefined, fallback: Span): Span {
  let start = fallback.start;
  let end = node ? node.to : fallback.end;
  if (node) {
    const mark = node.getChild('HeaderMark');
    if (node.name.startsWith('ATX') && mark && mark.from === node.from) start = mark.to;
    const marks = node.getChildren('HeaderMark');
    const last = marks[marks.length - 1];
    if (node.name.startsWith('ATX') && last && last.from > start) end = last.from;
    if (node.name.startsWith('Setext')) end = lineEndAt(text, node.from);
    // A trailing comment ("# Title <!-- draft -->") is not part of the title.
    for (const comment of node.getChildren('Comment')) end = Math.min(end, comment.from);
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function lineEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Spans end before the space that stands in for a CR, so they never cover a line break. */
function trimEndAt(text: string, end: number, floor: number): number {
  while (end > floor && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

function lineBreakEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

function blankOut(text: string, blanks: Span[]): string {
  if (blanks.length === 0) return text;
  blanks.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const { start, end } of blanks) {
    if (end <= pos) continue;
    const from = Math.max(start, pos);
    out += text.slice(pos, from);
    // Keep line breaks so line-based logic still holds inside blanked code blocks.
    out += text.slice(from, end).replace(/[^\n]/g, ' ');
    pos = end;
  }
  return out + text.slice(pos);
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * A comment block ends at the line holding "-->", and CommonMark passes the rest of that line
 * through as raw HTML, which the preview shows: "<!-- note --> I now sample…" is read aloud
 * from "I". So only the comments themselves are blanked; an unclosed one runs to the block's end.
 */
function blankComments(text: string, from: number, to: number, into: Span[]): void {
  const slice = text.slice(from, to);
  COMMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMENT.exec(slice))) into.push({ start: from + m.index, end: from + m.index + m[0].length });
}

const DIRECTIVE = /<!--\s*star-stories-(disable-next-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

function collectDirectives(text: string, from: number, to: number, into: Directive[]): void {
  const slice = text.slice(from, to);
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(slice))) {
    const rules = m[2].split(/[\s,]+/).filter((r) => r.length > 0);
    into.push({ kind: m[1] as DirectiveKind, rules, start: from + m.index, end: from + m.index + m[0].length });
  }
}
