import type { Rule } from '../types';
import { emptySection } from './empty-section';
import { hypothetical } from './hypothetical';
import { managerDirected } from './manager-directed';
import { missingPrinciples } from './missing-principles';
import { missingSection } from './missing-section';
import { passiveVoice } from './passive-voice';
import { principleBeats } from './principle-beats';
import { resultNoMetric } from './result-no-metric';
import { sectionOrder } from './section-order';
import { tooManyPrinciples } from './too-many-principles';
import { tooLong } from './too-long';
import { unknownPrinciple } from './unknown-principle';
import { vagueImpact } from './vague-impact';
import { weakVerb } from './weak-verb';
import { weOverI } from './we-over-i';

/** Every rule, in the order of the catalogue in product.md §4. */
export const rules: readonly Rule[] = [
  missingSection,
  emptySection,
  sectionOrder,
  missingPrinciples,
  unknownPrinciple,
  tooManyPrinciples,
  weOverI,
  managerDirected,
  weakVerb,
  passiveVoice,
  hypothetical,
  resultNoMetric,
  vagueImpact,
  tooLong,
  principleBeats,
];

export const ruleNames: ReadonlySet<string> = new Set(rules.map((r) => r.name));

/** Path of a rule's doc page, relative to the extension root. */
export function ruleDocPath(name: string): string {
  return `docs/rules/${name}.md`;
}
