import type { Rule } from '../types';
import { duplicateStory } from './duplicate-story';
import { emptySection } from './empty-section';
import { hypothetical } from './hypothetical';
import { missingPrinciples } from './missing-principles';
import { missingSection } from './missing-section';
import { resultNoMetric } from './result-no-metric';
import { tooLong } from './too-long';
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
  // Bank rules last: their findings come from the story bank, not from one story.
  duplicateStory,
];

export const ruleNames: ReadonlySet<string> = new Set(rules.map((r) => r.name));

/** Path of a rule's doc page, relative to the extension root. */
export function ruleDocPath(name: string): string {
  return `docs/rules/${name}.md`;
}
