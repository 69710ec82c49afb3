/**
 * SARIF 2.1.0 for `star-stories lint --format sarif`, the format code-scanning services read, so
 * a story bank in a repository gets its findings as annotations. Columns are UTF-16 code units,
 * SARIF's default and what the other formats report.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { rules } from './engine';
import type { Severity } from './engine';
import { ruleDocUri } from './docs';

/** One finding with 1-based UTF-16 positions, as every output format reports it. */
export interface SarifMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(reports: ReadonlyArray<{ filePath: string; messages: SarifMessage[] }>, version: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.name, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'star-stories',
            version,
            informationUri: 'https://github.com/star-stories/star-stories',
            rules: rules.map((r) => ({
              id: r.name,
              shortDescription: { text: r.description },
              helpUri: ruleDocUri(r.name),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { group: r.group },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.messages.map((m) => ({
            ruleId: m.ruleId,
            // Engine notices (front matter, config, file size) are not registry rules.
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(report.filePath) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Paths relative to the working directory stay relative (what code scanning expects); others become file URIs. */
function relativeUri(path: string): string {
  if (path.startsWith('..') || resolve(path) === path) return pathToFileURL(resolve(path)).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
