import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleNames, type Finding, type Severity } from './engine';
import { ruleDocUri } from './docs';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = { version: document.version, rule: finding.rule, hasFix: finding.fix !== undefined };
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: ruleNames.has(finding.rule) ? { href: ruleDocUri(finding.rule) } : undefined,
    message: finding.message,
    data,
  };
}
