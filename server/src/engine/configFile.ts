/**
 * `.star-stories.json`: the workspace's configuration file, shared by the editor and the CLI.
 * Pure: text in, configuration and problems (with exact offsets) out.
 */
import {
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  SyntaxKind,
  type Node,
  type ParseError,
  ParseErrorCode,
} from 'jsonc-parser';
import { readConfig, type ReadConfigOptions } from './config';
import { withThousands } from './text';
import type { EngineConfig, Rule, Severity, Span } from './types';

export const CONFIG_FILE_NAME = '.star-stories.json';

/** A configuration is a few kilobytes; past this the file is not one, and is not parsed. */
export const MAX_CONFIG_FILE_LENGTH = 1_000_000;

/** The configuration's own shape is 7 levels deep; deeper input is never walked. */
const MAX_DEPTH = 16;

export interface ConfigFileProblem {
  message: string;
  /** Offsets into the file text (UTF-16 code units). */
  span: Span;
  /** `error` for a file that cannot be read as JSON (all its settings are ignored), `warning` for one ignored value. */
  severity: Severity;
}

export interface ConfigFileResult {
  config: Partial<EngineConfig>;
  problems: ConfigFileProblem[];
}

const FALLBACK = 'STAR Stories uses its defaults until this is fixed.';

/**
 * Parses and validates the text of a `.star-stories.json`. Comments and trailing commas are
 * tolerated (the file is JSON with comments, like VS Code's own settings). A file that is not
 * valid JSON gives one problem per syntax error and no settings at all, so a half-read file
 * never applies half its intent; a valid file with bad values keeps every good value.
 */
export function parseConfigFile(
  text: string,
  rules: readonly Rule[] | ReadonlySet<string>,
  options: ReadConfigOptions = {},
): ConfigFileResult {
  if (text.length > MAX_CONFIG_FILE_LENGTH) {
    return fail([
      {
        message: `This file has ${withThousands(text.length)} characters, more than a configuration can have (${withThousands(MAX_CONFIG_FILE_LENGTH)}); it is ignored. ${FALLBACK}`,
        span: { start: 0, end: Math.min(text.length, 1) },
        severity: 'error',
      },
    ]);
  }
  // Same length, so every offset still points into the user's text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;

  const tooDeep = firstTooDeep(source);
  if (tooDeep !== undefined) {
    return fail([
      {
        message: `Values are nested more than ${MAX_DEPTH} levels deep, deeper than any setting; the file is ignored. ${FALLBACK}`,
        span: { start: tooDeep, end: tooDeep + 1 },
        severity: 'error',
      },
    ]);
  }

  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    // An unclosed object inside another gives the same error twice at the end of the file: say it once.
    const seen = new Set<string>();
    const problems = errors
      .map((e) => ({
        message: `Not valid JSON: ${SYNTAX_MESSAGES[e.error] ?? 'unexpected text'}. ${FALLBACK}`,
        span: errorSpan(source, e),
        severity: 'error' as const,
      }))
      .filter((p) => {
        const key = `${p.span.start}:${p.span.end}:${p.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    return fail(problems.slice(0, 20));
  }
  if (!tree) return { config: {}, problems: [] };

  const { config, problems } = readConfig(getNodeValue(tree), '', rules, {
    ...options,
    ignoredKeys: ['$schema', ...(options.ignoredKeys ?? [])],
  });
  return {
    config,
    problems: problems
      .map((p) => ({ message: p.message, span: spanOf(tree, p.path ?? [], p.key === true), severity: 'warning' as const }))
      .sort((a, b) => a.span.start - b.span.start),
  };
}

function fail(problems: ConfigFileProblem[]): ConfigFileResult {
  return { config: {}, problems };
}

/** Offset of the first bracket nested deeper than MAX_DEPTH, scanning tokens without recursion. */
function firstTooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * The node a problem's path names: the property's name for an unknown key, else its value.
 * A path that is not in the tree (a missing field) falls back to the nearest enclosing node.
 */
function spanOf(tree: Node, path: Array<string | number>, key: boolean): Span {
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (!node) continue;
    const target = key && length === path.length && node.parent?.type === 'property' ? (node.parent.children?.[0] ?? node) : node;
    return { start: target.offset, end: target.offset + target.length };
  }
  return { start: tree.offset, end: tree.offset + tree.length };
}

function errorSpan(text: string, error: ParseError): Span {
  const start = Math.min(error.offset, text.length);
  const end = Math.min(start + Math.max(error.length, 1), text.length);
  return { start, end: Math.max(start, end) };
}

const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected here',
  [ParseErrorCode.ValueExpected]: 'a value is expected here',
  [ParseErrorCode.ColonExpected]: 'a colon is expected here',
  [ParseErrorCode.CommaExpected]: 'a comma is expected here',
  [ParseErrorCode.CloseBraceExpected]: 'a closing brace "}" is expected here',
  [ParseErrorCode.CloseBracketExpected]: 'a closing bracket "]" is expected here',
  [ParseErrorCode.EndOfFileExpected]: 'text after the end of the settings',
  [ParseErrorCode.InvalidCommentToken]: 'invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a comment is not closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string is not closed',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number is cut short',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in a string',
};
