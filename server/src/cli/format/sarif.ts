/**
 * SARIF 2.1.0 for `star-stories lint --format sarif`, the format code-scanning services read, so
 * a story bank in a repository gets its findings as annotations. Columns are UTF-16 code units,
 * SARIF's default and what the other formats report.
 */
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules } from '../../engine';
import { ruleDocUri } from '../../docs';
import { escapeJson } from '../escape';
import type { FileReport } from '../report';

type Level = 'error' | 'warning' | 'note';

/** SARIF has four levels; a severity it has no word for (info, hint, one added later) is a note. */
function level(severity: string): Level {
  return severity === 'error' || severity === 'warning' ? severity : 'note';
}

export function toSarif(reports: readonly FileReport[], version: string, cwd = process.cwd()): string {
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
              defaultConfiguration: { level: level(r.defaultSeverity) },
              properties: { group: r.group },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.messages.map((m) => ({
            ruleId: m.ruleId,
            // Engine notices (front matter, config, file size) are not registry rules.
            ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
            level: level(m.severity),
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(report.filePath, cwd) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return escapeJson(JSON.stringify(log, null, 2)) + '\n';
}

/** Inside the working directory: a relative URI (what code scanning expects); elsewhere a file URI. */
function artifactUri(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(path).href;
  return rel.split(/[\\/]/).map(encodeURIComponent).join('/');
}
