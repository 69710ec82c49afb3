/**
 * ESLint-style rule tables: `valid` texts must stay quiet; each `invalid` text must give
 * exactly the listed findings (message id and flagged text, in document order) and, when
 * the rule can fix them, exactly the listed output after fixing.
 */
import { strict as assert } from 'node:assert';
import { fixAll, Linter, type EngineConfig, type Finding, type PrincipleSet, type Rule, type Severity } from '../../server/src/engine';

export interface ExpectedFinding {
  messageId: string;
  /** The exact text the finding underlines. */
  text: string;
  /** 1-based line, when the same text occurs twice. */
  /** When the finding's severity differs from the rule's default (a strong case of an advice rule). */
  severity?: Severity;
  line?: number;
  /** Titles of the suggestions offered, in order. */
  suggestions?: string[];
  /** The document after applying the first suggestion. */
  suggestionOutput?: string;
}

export interface ValidCase {
  name?: string;
  text: string;
  config?: Partial<EngineConfig>;
  /** A principle set other than the built-in Amazon one. */
  principleSet?: PrincipleSet;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** The document after fixing every finding of this rule; omit when the rule offers no fix here. */
  output?: string;
}

export function testRule(rule: Rule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.name}`, () => {
    const linter = (c: ValidCase) => new Linter({ rules: [rule], principleSet: c.principleSet });
    const lint = (c: ValidCase, text = c.text) => linter(c).lint(text, c.config).findings;

    describe('stays quiet on', () => {
      for (const item of cases.valid) {
        const c = typeof item === 'string' ? { text: item } : item;
        it(c.name ?? firstLine(c.text), () => {
          const findings = lint(c);
          assert.deepEqual(
            findings.map((f) => describeFinding(c.text, f)),
            [],
            'expected no findings',
          );
        });
      }
    });

    describe('fires on', () => {
      for (const c of cases.invalid) {
        it(c.name ?? firstLine(c.text), () => {
          const findings = lint(c);
          assert.deepEqual(
            findings.map((f) => ({ messageId: f.messageId, text: c.text.slice(f.start, f.end) })),
            c.findings.map((e) => ({ messageId: e.messageId, text: e.text })),
          );
          findings.forEach((f, i) => {
            const expected = c.findings[i];
            assert.equal(f.rule, rule.name);
            assert.equal(f.severity, expected.severity ?? expectedSeverity(rule, c.config));
            assert.ok(f.message.length > 0 && !/\{\w+\}/.test(f.message), `message has unfilled placeholders: ${f.message}`);
            if (expected.line !== undefined) assert.equal(lineOf(c.text, f.start), expected.line, `line of "${expected.text}"`);
            if (expected.suggestions)
              assert.deepEqual(
                (f.suggestions ?? []).map((s) => s.title),
                expected.suggestions,
              );
            if (expected.suggestionOutput !== undefined) {
              const suggestion = f.suggestions?.[0];
              assert.ok(suggestion, 'expected a suggestion');
              assert.equal(applyEdits(c.text, suggestion.edits), expected.suggestionOutput);
            }
          });
          const fixed = fixAll(linter(c), c.text, c.config);
          if (c.output === undefined) {
            assert.equal(fixed.text, c.text, 'the rule fixed something but the case has no expected output');
          } else {
            assert.equal(fixed.text, c.output);
            // Fixes leave nothing fixable behind.
            assert.deepEqual(
              lint(c, fixed.text)
                .filter((f) => f.fix)
                .map((f) => describeFinding(fixed.text, f)),
              [],
            );
          }
        });
      }
    });
  });
}

export function applyEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; text: string }>): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

/** A complete story whose sections can be replaced one at a time. */
export function story(parts: {
  title?: string;
  principles?: string | null;
  situation?: string | null;
  task?: string | null;
  action?: string | null;
  result?: string | null;
  reflection?: string | null;
}): string {
  const lines = [`# ${parts.title ?? 'Refund backlog'}`];
  if (parts.principles !== null) lines.push(`Principles: ${parts.principles ?? 'Ownership, Dive Deep'}`);
  const section = (name: string, body: string | null | undefined, fallback: string) => {
    if (body === null) return;
    lines.push('', `## ${name}`, '', body ?? fallback);
  };
  section('Situation', parts.situation, 'Refund requests at our marketplace were taking nine days to settle.');
  section('Task', parts.task, 'I owned the refund service and had one quarter to bring settlement under two days.');
  section(
    'Action',
    parts.action,
    'I pulled six weeks of refund logs, found that 70% of delays came from one carrier, and decided to pause that integration instead of waiting for the quarterly review.',
  );
  section(
    'Result',
    parts.result,
    'Median settlement time fell from nine days to 1.5 days within six weeks, and refund complaints dropped by 40%.',
  );
  section('Reflection', parts.reflection, 'I now read the raw logs before I trust a dashboard.');
  return lines.join('\n') + '\n';
}

function describeFinding(text: string, f: Finding): string {
  return `${f.rule}/${f.messageId} at line ${lineOf(text, f.start)}: "${text.slice(f.start, f.end)}" (${f.message})`;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** A severity the user set wins; otherwise advice is a hint under the default, focused coaching. */
function expectedSeverity(rule: Rule, config: Partial<EngineConfig> | undefined): string {
  const setting = config?.rules?.[rule.name];
  if (setting !== undefined) return Array.isArray(setting) ? setting[0] : setting;
  const focused = (config?.coaching ?? 'focused') === 'focused';
  return rule.advice && focused && rule.defaultSeverity === 'info' ? 'hint' : rule.defaultSeverity;
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() && !l.startsWith('#') && !l.startsWith('Principles')) ?? text;
  return line.length > 70 ? line.slice(0, 67) + '…' : line;
}
