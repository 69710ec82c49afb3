import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from './engine';
import { principleMarkdown } from './hover';

const PRINCIPLES_PREFIX = /^[ \t]*(?:\*\*|__)?principles?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?/i;
const SECTION_PREFIX = /^##[ \t]+([A-Za-z]*)$/;
const SECTIONS = ['Situation', 'Task', 'Action', 'Result', 'Reflection'];

export function completion(document: TextDocument, position: Position, result: LintResult): CompletionItem[] {
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const label = PRINCIPLES_PREFIX.exec(before);
  if (label) return principleItems(before, label[0].length, position, result);
  const section = SECTION_PREFIX.exec(before);
  if (section) {
    const range = { start: { line: position.line, character: position.character - section[1].length }, end: position };
    return SECTIONS.map((name, i) => ({
      label: name,
      kind: CompletionItemKind.Keyword,
      sortText: String(i),
      textEdit: { range, newText: name },
    }));
  }
  return [];
}

function principleItems(before: string, valueStart: number, position: Position, result: LintResult): CompletionItem[] {
  // The entry being typed starts after the last separator; names already on the line are not offered again.
  const value = before.slice(valueStart);
  const lastSeparator = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'));
  let typedStart = valueStart + lastSeparator + 1;
  while (typedStart < before.length && /\s/.test(before[typedStart])) typedStart++;
  const typed = before.slice(typedStart);
  const lineText = before.toLowerCase();
  const range = { start: { line: position.line, character: typedStart }, end: position };
  const needsSpace = typedStart === before.length && !/\s$/.test(before) && typed === '';
  return result.principleSet.principles
    .filter((p) => !lineText.slice(valueStart, typedStart).includes(p.name.toLowerCase()))
    .map((p) => ({
      label: p.name,
      kind: CompletionItemKind.Value,
      detail: `#${p.rank} most often probed`,
      documentation: { kind: MarkupKind.Markdown, value: principleMarkdown(p) },
      // Abbreviations in the filter text let "DD" or "backbone" find their principle.
      filterText: [p.name, ...p.aliases].join(' '),
      sortText: String(p.rank).padStart(2, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: (needsSpace ? ' ' : '') + p.name },
    }));
}
