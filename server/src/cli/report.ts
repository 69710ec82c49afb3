/** One linted file as every output format reports it: 1-based UTF-16 positions, counts per severity. */
import { lineIndex, ruleNames, type Finding, type Severity } from '../engine';
import { ruleDocUri } from '../docs';

export interface Message {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  docs?: string;
}

export interface FileReport {
  /** Absolute, in every format's input; each format decides how to show it. */
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixed?: number;
}

/** Most severe first. A severity not listed here (one added to the engine later) sorts last and is never an error. */
const SEVERITY_ORDER: readonly string[] = ['error', 'warning', 'info', 'hint'];

export function severityRank(severity: string): number {
  const i = SEVERITY_ORDER.indexOf(severity);
  return i < 0 ? SEVERITY_ORDER.length : i;
}

export function buildReport(filePath: string, text: string, findings: readonly Finding[], fixed: number | undefined): FileReport {
  const lineOf = lineIndex(text);
  const position = (offset: number) => {
    const line = lineOf(offset);
    return { line: line + 1, column: offset - lineOf.lineStart(line) + 1 };
  };
  const messages = findings.map((f): Message => {
    const start = position(f.start);
    const end = position(f.end);
    return {
      ruleId: f.rule,
      severity: f.severity,
      message: f.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fixable: f.fix !== undefined,
      docs: ruleNames.has(f.rule) ? ruleDocUri(f.rule) : undefined,
    };
  });
  const count = (s: string) => messages.reduce((n, m) => n + (m.severity === s ? 1 : 0), 0);
  return { filePath, messages, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info'), fixed };
}
