import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { eolOf, findFrontMatter, fixAll, type Finding, type Fix, type TextEdit } from './engine';
import type { DocumentLints } from './documents';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type DiagnosticData } from './protocol';

export interface CodeActionOptions {
  /** The client accepts snippet edits (LSP 3.18), so inserted placeholders become tab stops. */
  snippetEdits: boolean;
}

export function codeActions(
  document: TextDocument,
  params: CodeActionParams,
  lints: DocumentLints,
  options: CodeActionOptions,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  const result = lints.get(document);

  if (wants(CodeActionKind.QuickFix)) {
    const seenRules = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const data = diagnostic.data as DiagnosticData | undefined;
      // A diagnostic from an older version points at text that may have moved: refuse it.
      if (!data || data.version !== document.version) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = result.findings.find((f) => f.rule === data.rule && f.start === start && f.end === end);
      if (!finding) continue;
      if (finding.fix) actions.push(fixAction(document, finding.fix, diagnostic, true, options));
      for (const suggestion of finding.suggestions ?? []) actions.push(fixAction(document, suggestion, diagnostic, false, options));
      if (!seenRules.has(finding.rule)) {
        seenRules.add(finding.rule);
        const fixable = result.findings.filter((f) => f.rule === finding.rule && f.fix);
        if (fixable.length > 1) actions.push(fixAllOfRule(document, lints, finding.rule, fixable.length));
      }
      actions.push(disableForLine(document, finding, diagnostic), disableForFile(document, finding, diagnostic));
    }
  }
  if (wants(FIX_ALL_KIND) && only) {
    const action = fixAllAction(document, lints, undefined, 'Fix all STAR Stories problems', FIX_ALL_KIND);
    if (action) actions.push(action);
  }
  return actions;
}

export function fixAllEdits(document: TextDocument, lints: DocumentLints, rule?: string): LspTextEdit[] {
  const { linter, settings } = lints.linterFor(document);
  const original = document.getText();
  const result = fixAll(linter, original, settings, rule);
  if (result.edits) {
    return result.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
  }
  return spanningEdit(document, original, result.text);
}

function fixAction(document: TextDocument, fix: Fix, diagnostic: Diagnostic, preferred: boolean, options: CodeActionOptions): CodeAction {
  const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  action.edit = toWorkspaceEdit(document, fix.edits, options);
  return action;
}

function fixAllOfRule(document: TextDocument, lints: DocumentLints, rule: string, count: number): CodeAction {
  const action = fixAllAction(document, lints, rule, `Fix all ${count} "${rule}" problems in this file`, CodeActionKind.QuickFix);
  return action ?? CodeAction.create(`No "${rule}" problems left to fix`, CodeActionKind.QuickFix);
}

function fixAllAction(
  document: TextDocument,
  lints: DocumentLints,
  rule: string | undefined,
  title: string,
  kind: string,
): CodeAction | undefined {
  const edits = fixAllEdits(document, lints, rule);
  if (edits.length === 0) return kind === FIX_ALL_KIND ? CodeAction.create(title, { changes: {} }, kind) : undefined;
  return CodeAction.create(title, { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }, kind);
}

function disableForLine(document: TextDocument, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const line = document.positionAt(finding.start).line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const action = CodeAction.create(`Disable ${finding.rule} for this line`, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = versioned(document, [
    {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      newText: `${indent}<!-- star-stories-disable-next-line ${finding.rule} -->${eolOf(document.getText())}`,
    },
  ]);
  return action;
}

function disableForFile(document: TextDocument, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const text = document.getText();
  // After front matter, which must stay the first thing in the file.
  const frontMatter = findFrontMatter(text);
  const at = document.positionAt(frontMatter ? frontMatter.end : 0);
  const action = CodeAction.create(`Disable ${finding.rule} for this file`, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  const eol = eolOf(text);
  const prefix = frontMatter && !/[\r\n]$/.test(text.slice(0, frontMatter.end)) ? eol : '';
  action.edit = versioned(document, [
    { range: { start: at, end: at }, newText: `${prefix}<!-- star-stories-disable-file ${finding.rule} -->${eol}` },
  ]);
  return action;
}

function toWorkspaceEdit(document: TextDocument, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  const lspEdits = edits.map((e) => {
    const range = { start: document.positionAt(e.start), end: document.positionAt(e.end) };
    if (e.snippet !== undefined && options.snippetEdits) return { range, snippet: { kind: 'snippet' as const, value: e.snippet } };
    return { range, newText: e.text };
  });
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits as LspTextEdit[] }] };
}

function versioned(document: TextDocument, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}

/** Fixes that took several passes become one edit over the changed region; text outside it is untouched. */
function spanningEdit(document: TextDocument, original: string, fixed: string): LspTextEdit[] {
  if (original === fixed) return [];
  let start = 0;
  while (start < original.length && start < fixed.length && original[start] === fixed[start]) start++;
  let endOriginal = original.length;
  let endFixed = fixed.length;
  while (endOriginal > start && endFixed > start && original[endOriginal - 1] === fixed[endFixed - 1]) {
    endOriginal--;
    endFixed--;
  }
  return [{ range: { start: document.positionAt(start), end: document.positionAt(endOriginal) }, newText: fixed.slice(start, endFixed) }];
}
