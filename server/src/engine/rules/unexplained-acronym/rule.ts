import { parseFrontMatterYaml } from '../../config';
import { findFrontMatter } from '../../parse';
import type { Rule, Story, TextEdit } from '../../types';
import { eolOf, sectionsOf } from '../common/util';

/** Acronyms any interviewer knows without an expansion. Kept short on purpose: the config adds the rest. */
export const KNOWN_ACRONYMS: ReadonlySet<string> = new Set([
  'AI',
  'AM',
  'API',
  'ASAP',
  'AWS',
  'CEO',
  'CFO',
  'COO',
  'CPU',
  'CSV',
  'CTO',
  'DNS',
  'ETA',
  'EU',
  'FAQ',
  'GPU',
  'HR',
  'HTML',
  'HTTP',
  'HTTPS',
  'ID',
  'IP',
  'IT',
  'JSON',
  'KPI',
  'ML',
  'OK',
  'OS',
  'PC',
  'PDF',
  'PM',
  'PR',
  'QA',
  'RAM',
  'ROI',
  'SDK',
  'SQL',
  'TV',
  'UI',
  'UK',
  'URL',
  'US',
  'USA',
  'UX',
  'VP',
  // The roles, levels and working words of a loop at Amazon: every interviewer on the panel uses them daily.
  'SDE',
  'SDM',
  'TPM',
  'EM',
  'PMT',
  'LP',
  'BR',
  'OKR',
  'SLO',
  'MVP',
  'SRE',
  'B2B',
  'B2C',
  'CI',
  'CD',
  'NPS',
  'SEO',
  'CRM',
  'ERP',
  'VPN',
  'SMS',
  'PRFAQ',
  'QBR',
  'OP1',
  'OP2',
  'COE',
  'CR',
  'SOP',
  'IC',
  // Everyday outside tech too: a panel from any team reads them without pausing.
  'GPS',
  'NDA',
  'UTC',
  'SVP',
  'EVP',
  'CMO',
  'CIO',
  'CTR',
  'FAQ',
  'SaaS',
  'IOS',
  // Units and file formats: read as words, never as jargon.
  'KB',
  'MB',
  'GB',
  'TB',
  'PB',
  'ZIP',
  'PNG',
  'JPG',
  'JPEG',
  'GIF',
  'MP3',
  'MP4',
  'XML',
  'YAML',
  'USB',
  'PIN',
  'OTP',
  'ATM',
  'AA',
  'AAA',
]);

/**
 * One unknown acronym is polish; this many in one story is jargon the panel cannot follow, which
 * an interviewer marks down because the problem and the decision get lost in it.
 */
const JARGON_COUNT = 3;

/** Ordinary words written in capitals for emphasis ("I did NOT ship it"), not acronyms. */
const EMPHASIS = new Set([
  'ALL',
  'AND',
  'ANY',
  'ARE',
  'AS',
  'AT',
  'BE',
  'BUT',
  'BY',
  'DID',
  'DO',
  'EVER',
  'EVERY',
  'FIRST',
  'HE',
  'HOW',
  'IF',
  'IN',
  'IS',
  'LAST',
  'ME',
  'MUST',
  'MY',
  'NEVER',
  'NEW',
  'NO',
  'NOT',
  'NOW',
  'OF',
  'ON',
  'ONE',
  'ONLY',
  'OR',
  'OUT',
  'SHE',
  'SO',
  'STOP',
  'THE',
  'TO',
  'TWO',
  'UP',
  'VERY',
  'WAS',
  'WE',
  'WHAT',
  'WHY',
  'YES',
]);

// 2 to 6 capitals and digits, starting with a capital, with an optional plural "s" ("SLAs").
// "TF-IDF", "DCN-V2": a hyphenated acronym is one term.
const TOKEN = /(?<![\p{L}\p{N}_-])([A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,6})*)(s?)(?![\p{L}\p{N}_])/gu;
// II, IV, XII: a numeral in a list or a title, not an acronym.
const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/;
const HEADING_LINE = /^ {0,3}#/;

// An interviewer from another team hears "we missed the SLA on the ETL" as noise, and a Bar
// Raiser is by design from another team: say the words once, then use the letters.
export const unexplainedAcronym: Rule = {
  name: 'unexplained-acronym',
  description: 'An all-caps acronym not expanded on first use ("service-level agreement (SLA)") and not in the allow-list.',
  group: 'delivery',
  defaultSeverity: 'info',
  advice: true,
  fixable: 'suggestion',
  options: {
    acronyms: {
      type: 'phrases',
      default: [],
      topLevel: true,
      markdownDescription:
        'Acronyms your interviewers know, accepted by `unexplained-acronym` without an expansion (exactly as written, e.g. `SLA`).',
    },
    jargonCount: {
      type: 'number',
      default: JARGON_COUNT,
      markdownDescription: 'Unexplained acronyms in one story from which they are shown as one jargon finding.',
    },
  },
  messages: {
    jargon:
      'This story uses {count} acronyms it never expands ({list}); an interviewer from another team will lose the problem in them. Say the plain words, or expand each the first time ("service-level agreement (SLA)").',
    unexplained:
      '"{acronym}" is not expanded; an interviewer from another team may not know it. Say the words it stands for the first time, with "({acronym})" after them, or add it to the acronym allow-list.',
  },
  check(story, context) {
    const allowed = new Set(context.options.acronyms as readonly string[]);
    const seen = new Set<string>();
    const unexplained: Array<{ acronym: string; start: number; end: number }> = [];
    for (const section of sectionsOf(story, ['situation', 'task', 'action', 'result', 'reflection'])) {
      const from = section.body.start - story.start;
      const to = section.body.end - story.start;
      // Searched a few characters past the section only (a token and its lookahead fit in ten):
      // a search left open to the end of the story made a story of many sections cost its square.
      const upToEnd = story.prose.slice(0, to + 10);
      TOKEN.lastIndex = from;
      for (let m = TOKEN.exec(upToEnd); m && m.index < to; m = TOKEN.exec(upToEnd)) {
        const acronym = m[1];
        if (seen.has(acronym) || onHeadingLine(story, context.text, m.index)) continue;
        seen.add(acronym);
        if ((acronym.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
        if (
          KNOWN_ACRONYMS.has(acronym) ||
          allowed.has(acronym) ||
          allowed.has(acronym + m[2]) ||
          EMPHASIS.has(acronym) ||
          ROMAN.test(acronym)
        )
          continue;
        const end = m.index + m[0].length;
        // "DON'T", "CAN'T": a shouted contraction; "DO NOT MERGE": the rest of a shouted phrase.
        if (/^['\u2019][A-Z]/.test(story.prose.slice(end, end + 2))) continue;
        const previous = /([A-Z]+)(?:['\u2019][A-Z]+)?[ \t]+$/.exec(story.prose.slice(Math.max(0, m.index - 12), m.index));
        if (previous && (EMPHASIS.has(previous[1]) || previous[0].includes("'") || previous[0].includes('\u2019'))) continue;
        if (isExpanded(story.prose, m.index, end, acronym)) continue;
        unexplained.push({ acronym, start: story.start + m.index, end: story.start + m.index + acronym.length });
      }
    }
    const jargonCount = typeof context.options.jargonCount === 'number' ? context.options.jargonCount : JARGON_COUNT;
    const dense = unexplained.length >= jargonCount;
    if (dense) {
      const [first] = unexplained;
      context.report({
        messageId: 'jargon',
        data: { count: unexplained.length, list: unexplained.map((u) => u.acronym).join(', ') },
        advice: false,
        start: first.start,
        end: first.end,
        relatedSpans: unexplained.map((u) => ({ start: u.start, end: u.end, message: `"${u.acronym}" is not expanded` })),
      });
    }
    for (const u of dense ? unexplained.slice(1) : unexplained) {
      context.report({ messageId: 'unexplained', data: { acronym: u.acronym }, start: u.start, end: u.end });
    }
  },
  documentSuggestions(finding, text) {
    const acronym = text.slice(finding.start, finding.end);
    const edit = allowListEditMemo(text, acronym);
    return edit ? [{ title: `Add "${acronym}" to this file's acronym allow-list`, edits: [edit] }] : [];
  },
};

function onHeadingLine(story: Story, raw: string, at: number): boolean {
  const lineStart = story.prose.lastIndexOf('\n', at - 1) + 1;
  return HEADING_LINE.test(raw.slice(story.start + lineStart, story.start + at));
}

/** "SLA (service-level agreement)" or "service-level agreement (SLA)": the letters appear in order in the words. */
function isExpanded(prose: string, start: number, end: number, acronym: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  const after = /^[ \t]*\(([^()\n]{2,80})\)/.exec(prose.slice(end, end + 90));
  if (after && spells(after[1], letters)) return true;
  if (!/\([ \t]*$/.test(prose.slice(Math.max(0, start - 4), start)) || !/^[ \t]*\)/.test(prose.slice(end, end + 4))) return false;
  const before = prose.slice(Math.max(0, start - 120), start).replace(/[ \t]*\([ \t]*$/, '');
  // Try each of the last few words as the start of the expansion.
  const words = [...before.matchAll(/[\p{L}\p{N}]+/gu)].slice(-(letters.length + 3));
  return words.some((w) => spells(before.slice(w.index), letters));
}

function spells(expansion: string, letters: string): boolean {
  const text = expansion.toLowerCase();
  if (!text.trimStart().startsWith(letters[0])) return false;
  let at = 0;
  for (const letter of letters) {
    at = text.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * The edit depends only on the file's front matter and line endings, so within one lint (the same
 * text) each acronym's edit is computed once instead of scanning the whole file per finding.
 */
let memo: { text: string; edits: Map<string, TextEdit | undefined> } | undefined;
function allowListEditMemo(text: string, acronym: string): TextEdit | undefined {
  if (memo?.text !== text) memo = { text, edits: new Map() };
  if (!memo.edits.has(acronym)) memo.edits.set(acronym, allowListEdit(text, acronym));
  return memo.edits.get(acronym);
}

const YAML_KEYWORD = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

/**
 * The edit that adds `acronym` to the file's front matter: to an existing `acronyms:` list (flow
 * `[A, B]` or block `- A` style), as a new key, or as new front matter at the top of the file.
 * Undefined when the front matter is written in a way it cannot safely extend.
 */
export function allowListEdit(text: string, acronym: string): TextEdit | undefined {
  const eol = eolOf(text);
  const value = YAML_KEYWORD.test(acronym) ? `"${acronym}"` : acronym;
  const frontMatter = findFrontMatter(text);
  if (!frontMatter) return { start: 0, end: 0, text: `---${eol}acronyms: [${value}]${eol}---${eol}` };
  const { start, end } = frontMatter.content;
  const parsed = parseFrontMatterYaml(text.slice(start, end));
  if (parsed.error) return undefined;
  if (parsed.value !== null && parsed.value !== undefined && (typeof parsed.value !== 'object' || Array.isArray(parsed.value)))
    return undefined;
  const current = (parsed.value as Record<string, unknown> | null | undefined)?.acronyms;
  if (current === undefined) return { start: end, end, text: `acronyms: [${value}]${eol}` };
  if (current !== null && !Array.isArray(current)) return undefined;
  const lines = linesOf(text, start, end);
  const keyIndex = lines.findIndex((l) => /^acronyms[ \t]*:/.test(l.text));
  if (keyIndex < 0) return undefined;
  const key = lines[keyIndex];
  const rest = key.text.slice(key.text.indexOf(':') + 1);
  const flow = /^([ \t]*\[)(.*?)([ \t]*\][ \t]*(?:#.*)?)$/.exec(rest);
  if (flow) {
    const at = key.start + key.text.indexOf(':') + 1 + flow[1].length + flow[2].length;
    return { start: at, end: at, text: flow[2].trim() ? `, ${value}` : value };
  }
  if (!/^[ \t]*$/.test(rest)) return undefined;
  const items: typeof lines = [];
  for (const line of lines.slice(keyIndex + 1)) {
    if (!/^[ \t]*-(?:[ \t]|$)/.test(line.text)) break;
    items.push(line);
  }
  if (items.length === 0) {
    const at = key.start + key.text.replace(/[ \t]+$/, '').length;
    return { start: at, end: at, text: ` [${value}]` };
  }
  const last = items[items.length - 1];
  const indent = /^[ \t]*/.exec(last.text)![0];
  return { start: last.next, end: last.next, text: `${indent}- ${value}${eol}` };
}

function linesOf(text: string, start: number, end: number): Array<{ start: number; text: string; next: number }> {
  const lines = [];
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = start;
  let pos = start;
  while (pos < end) {
    const m = lineBreak.exec(text);
    const lineEnd = m && m.index < end ? m.index : end;
    const next = m && m.index < end ? m.index + m[0].length : end;
    lines.push({ start: pos, text: text.slice(pos, lineEnd), next });
    if (next === pos) break;
    pos = next;
  }
  return lines;
}
