import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult, Span } from './engine';

export function documentSymbols(document: TextDocument, result: LintResult): DocumentSymbol[] {
  const range = (span: Span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  return result.stories.map((story) => ({
    name: story.title || 'Untitled story',
    detail: story.principles?.entries.map((e) => e.principle?.name ?? e.text).join(', ') ?? '',
    kind: SymbolKind.Module,
    range: range({ start: story.start, end: trimEnd(document, story.end, story.start) }),
    selectionRange: range(story.titleSpan.end > story.titleSpan.start ? story.titleSpan : story.heading),
    children: story.sections.map((section) => ({
      name: section.name || 'Section',
      kind: SymbolKind.Field,
      range: range({ start: section.heading.start, end: trimEnd(document, section.body.end, section.heading.start) }),
      selectionRange: range(section.nameSpan.end > section.nameSpan.start ? section.nameSpan : section.heading),
    })),
  }));
}

export function foldingRanges(document: TextDocument, result: LintResult): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    const startLine = document.positionAt(start).line;
    const endLine = document.positionAt(trimEnd(document, end, start)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const story of result.stories) {
    add(story.start, story.end);
    for (const section of story.sections) add(section.heading.start, section.body.end);
  }
  return ranges;
}

/** Ranges end at the last text, not on the blank lines before the next heading. */
function trimEnd(document: TextDocument, end: number, floor: number): number {
  const text = document.getText();
  let at = end;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}
