import type { Rule } from '../types';
import { emptySection } from './empty-section';
import { engineeringOnlyResult } from './engineering-only-result';
import { genericReflection } from './generic-reflection';
import { hypothetical } from './hypothetical';
import { metricNoBaseline } from './metric-no-baseline';
import { metricNoTimeframe } from './metric-no-timeframe';
import { missingPrinciples } from './missing-principles';
import { missingReflection } from './missing-reflection';
import { missingSection } from './missing-section';
import { noDecisionPoint } from './no-decision-point';
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
  metricNoBaseline,
  metricNoTimeframe,
  vagueImpact,
  engineeringOnlyResult,
  noDecisionPoint,
  tooLong,
  missingReflection,
  genericReflection,
];

export const ruleNames: ReadonlySet<string> = new Set(rules.map((r) => r.name));

/** Path of a rule's doc page, relative to the extension root. */
export function ruleDocPath(name: string): string {
  return `docs/rules/${name}.md`;
}
