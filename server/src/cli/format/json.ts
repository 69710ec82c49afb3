import { escapeJson } from '../escape';
import type { FileReport } from '../report';

/** ESLint's JSON shape; `filePath` is always absolute. */
export function toJson(reports: readonly FileReport[]): string {
  return escapeJson(JSON.stringify(reports, null, 2)) + '\n';
}
