import type { Rule } from '../types';
import { buzzword } from './buzzword';
import { emptySection } from './empty-section';
import { hedging } from './hedging';
import { hypothetical } from './hypothetical';
import { longSentence } from './long-sentence';
import { missingPrinciples } from './missing-principles';
import { missingSection } from './missing-section';
import { resultNoMetric } from './result-no-metric';
import { setupTooLong } from './setup-too-long';
import { tooLong } from './too-long';
import { unexplainedAcronym } from './unexplained-acronym';
import { unknownPrinciple } from './unknown-principle';
import { vagueImpact } from './vague-impact';
import { weakVerb } from './weak-verb';
import { weOverI } from './we-over-i';

/** Every rule, in the order of the catalogue in product.md §4. */
export const rules: readonly Rule[] = [
  missingSection,
  emptySection,
  missingPrinciples,
  unknownPrinciple,
  weOverI,
  weakVerb,
  hypothetical,
  resultNoMetric,
  vagueImpact,
  tooLong,
  setupTooLong,
  longSentence,
  hedging,
  buzzword,
  unexplainedAcronym,
];

export const ruleNames: ReadonlySet<string> = new Set(rules.map((r) => r.name));

/** Path of a rule's doc page, relative to the extension root. */
export function ruleDocPath(name: string): string {
  return `docs/rules/${name}.md`;
}
