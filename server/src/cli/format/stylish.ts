/** The terminal format: findings grouped by file, most severe first, then a summary line. */
import { relative } from 'node:path';
import { escapeText } from '../escape';
import { severityRank, type FileReport, type Message } from '../report';

const COLOR: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };

export function stylish(reports: readonly FileReport[], color: boolean, cwd = process.cwd()): string {
  const paint = (code: string | undefined, s: string) => (color && code ? `\u001b[${code}m${s}\u001b[0m` : s);
  let out = '';
  let fixable = 0;
  const counts = new Map<string, number>();
  let hints = 0;
  for (const r of reports) {
    // Hints are advice the editor shows without a squiggle and keeps out of the Problems panel; so does this list.
    const shown = r.messages.filter((m) => m.severity !== 'hint');
    hints += r.messages.length - shown.length;
    for (const m of shown) {
      counts.set(m.severity, (counts.get(m.severity) ?? 0) + 1);
      if (m.fixable) fixable++;
    }
    if (shown.length > 0) out += `\n${paint('4', escapeText(displayPath(r.filePath, cwd)))}\n` + fileLines(shown, paint);
  }
  const hidden = hints > 0 ? `${plural(hints, 'hint')} not shown (advice; --coaching thorough shows it).\n` : '';
  const fixedTotal = reports.reduce((n, r) => n + (r.fixed ?? 0), 0);
  if (fixedTotal > 0) out += `\nFixed ${plural(fixedTotal, 'problem')}.\n`;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return out + `${plural(reports.length, 'file')} checked, no problems.\n` + hidden;
  const errors = counts.get('error') ?? 0;
  out += `\n${paint(errors > 0 ? '31' : '33', `✖ ${plural(total, 'problem')} (${summary(counts)})`)} in ${plural(reports.length, 'file')}\n`;
  if (fixable > 0) out += `  ${fixable} of them can be fixed with --fix.\n`;
  return out + hidden;
}

function fileLines(messages: readonly Message[], paint: (code: string | undefined, s: string) => string): string {
  // Errors and warnings first, so they are not lost under coaching notes; by position within a severity.
  const sorted = [...messages].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.line - b.line || a.column - b.column,
  );
  // A loop, not Math.max(...): spreading 100,000s of values overflows the stack.
  let width = 0;
  for (const m of sorted) width = Math.max(width, `${m.line}:${m.column}`.length);
  let out = '';
  for (const m of sorted) {
    const severity = escapeText(String(m.severity));
    out += `  ${paint('2', `${m.line}:${m.column}`.padEnd(width))}  ${paint(COLOR[severity], severity.padEnd(7))}  ${escapeText(m.message)}  ${paint('2', escapeText(m.ruleId))}\n`;
  }
  return out;
}

/** "1 error, 2 warnings, 3 info", then any other severity that occurred ("4 hints"). */
function summary(counts: ReadonlyMap<string, number>): string {
  const parts = [
    plural(counts.get('error') ?? 0, 'error'),
    plural(counts.get('warning') ?? 0, 'warning'),
    `${counts.get('info') ?? 0} info`,
  ];
  const others = [...counts.keys()]
    .filter((s) => s !== 'error' && s !== 'warning' && s !== 'info')
    .sort((a, b) => severityRank(a) - severityRank(b));
  for (const s of others) parts.push(plural(counts.get(s)!, escapeText(s)));
  return parts.join(', ');
}

/** Relative to the current folder when inside it, as a terminal user types paths; absolute otherwise. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || /^[a-zA-Z]:|^[\\/]/.test(rel) ? path : rel;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
