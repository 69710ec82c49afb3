import { Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleNames, type Finding, type Severity } from './engine';
import type { BankFinding } from './engine/bank';
import { DIAGNOSTIC_SOURCE, ruleDocCommandUri, type DiagnosticData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Each rule's doc link, built once: `pathToFileURL` per diagnostic was a tenth of a keystroke in a large file. */
const docLinks = new Map<string, { href: string }>();
let ruleDocCommand: string | undefined;
let ruleDocFile: ((rule: string) => string) | undefined;
function docLink(rule: string): { href: string } | undefined {
  if (!ruleNames.has(rule)) return undefined;
  let link = docLinks.get(rule);
  if (!link) {
    const href = ruleDocCommand ? ruleDocCommandUri(ruleDocCommand, rule) : ruleDocFile?.(rule);
    if (href === undefined) return undefined;
    docLinks.set(rule, (link = { href }));
  }
  return link;
}

/**
 * The client's command for rule pages (see InitializationOptions.ruleDocCommand); without one,
 * links to the page's file where the server has one (docs.ts: the Node server only).
 */
export function useRuleDocLinks(command: string | undefined, file?: (rule: string) => string): void {
  ruleDocCommand = command;
  ruleDocFile = file;
  docLinks.clear();
}

export function toDiagnostic(document: TextDocument, finding: Finding | BankFinding): Diagnostic {
  const data: DiagnosticData = { version: document.version, rule: finding.rule, hasFix: finding.fix !== undefined };
  const range = { start: document.positionAt(finding.start), end: document.positionAt(finding.end) };
  const severity = SEVERITY[finding.severity];
  const codeDescription = docLink(finding.rule);
  const related = relatedOf(document, finding);
  // Two fixed shapes rather than a spread: every finding of the document goes through here at each keystroke.
  return related
    ? {
        range,
        severity,
        source: DIAGNOSTIC_SOURCE,
        code: finding.rule,
        codeDescription,
        message: finding.message,
        relatedInformation: related,
        data,
      }
    : { range, severity, source: DIAGNOSTIC_SOURCE, code: finding.rule, codeDescription, message: finding.message, data };
}

/** The other stories a bank finding names, then the places in this document a finding is about; undefined when none. */
function relatedOf(document: TextDocument, finding: Finding | BankFinding): DiagnosticRelatedInformation[] | undefined {
  let related: DiagnosticRelatedInformation[] | undefined;
  if ('related' in finding && finding.related.length > 0) related = finding.related.map(relatedInformation);
  if (finding.relatedSpans && finding.relatedSpans.length > 0) {
    related ??= [];
    for (const r of finding.relatedSpans) {
      related.push({
        location: { uri: document.uri, range: { start: document.positionAt(r.start), end: document.positionAt(r.end) } },
        message: r.message,
      });
    }
  }
  return related;
}

/** A document's lint findings with the bank's findings about it, in document order. */
export function documentDiagnostics(document: TextDocument, lint: readonly Finding[], bank: readonly BankFinding[]): Diagnostic[] {
  const all: Array<Finding | BankFinding> = bank.length === 0 ? [...lint] : [...lint, ...bank].sort((a, b) => a.start - b.start);
  return all.map((f) => toDiagnostic(document, f));
}

function relatedInformation(story: {
  uri: string;
  line: number;
  character?: number;
  title: string;
  text?: string;
}): DiagnosticRelatedInformation {
  // The title's own text (or the words named), so the editor underlines them and not the "# " before.
  const start = { line: story.line, character: story.character ?? 0 };
  const end = { line: story.line, character: start.character + (story.text ?? story.title).length };
  const message = story.text === undefined ? `'${story.title}'` : `'${story.title}': ${story.text}`;
  return { location: { uri: story.uri, range: { start, end } }, message };
}
