import { closest, distance } from 'fastest-levenshtein';
import type { Span } from '../types';
import { CONFIG_LIMITS } from './keys';

/** A key or index path from the root of a configuration value, e.g. `['rules', 'we-over-i', 1]`. */
export type ConfigPath = Array<string | number>;

export interface ConfigProblem {
  message: string;
  /** Where in the source the problem is, when known. */
  span?: Span;
  /** Where in the value the problem is; `key: true` when the property name itself is wrong. */
  path?: ConfigPath;
  key?: boolean;
}

export type Dict = Record<string, unknown>;

/** Collects problems for one configuration layer, capped so a hostile file cannot flood the editor. */
export class Problems {
  private readonly problems: ConfigProblem[] = [];
  private dropped = 0;
  constructor(private readonly source: string) {}

  add(path: ConfigPath, message: string, key = false): void {
    if (this.problems.length >= CONFIG_LIMITS.problems) {
      this.dropped++;
      return;
    }
    this.problems.push({ message: this.source ? `${this.source}: ${message}` : capitalize(message), path, ...(key ? { key } : {}) });
  }

  list(): ConfigProblem[] {
    if (this.dropped === 0) return this.problems;
    const more = `${this.dropped} more problem${this.dropped === 1 ? '' : 's'} not shown.`;
    return [...this.problems, { message: this.source ? `${this.source}: ${more}` : more, path: [] }];
  }
}

export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** " (did you mean "x"?)" when a known name is close enough to be the intended one. */
export function didYouMean(name: string, known: readonly string[]): string {
  if (known.length === 0 || name.length > CONFIG_LIMITS.phraseLength) return '';
  const best = closest(name, known as string[]);
  return distance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);
}

export function describePath(path: ConfigPath): string {
  return `"${path.filter((p) => typeof p === 'string').slice(-1)[0] ?? 'value'}"`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return quote(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

export function article(type: string): string {
  return type === 'boolean' ? 'true or false' : `a ${type}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function kebab(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}
