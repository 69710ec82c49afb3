import type { Rule } from '../types';
import { blame } from './blame';
import { activityResult } from './activity-result';
import { buzzword } from './buzzword';
import { contradictoryNumbers } from './contradictory-numbers';
import { duplicateStory } from './duplicate-story';
import { emptySection } from './empty-section';
import { engineeringOnlyResult } from './engineering-only-result';
import { genericReflection } from './generic-reflection';
import { hedging } from './hedging';
import { hypothetical } from './hypothetical';
import { longSentence } from './long-sentence';
import { managerDirected } from './manager-directed';
import { metricNoBaseline } from './metric-no-baseline';
import { metricNoTimeframe } from './metric-no-timeframe';
import { missingPrinciples } from './missing-principles';
import { missingReflection } from './missing-reflection';
import { missingSection } from './missing-section';
import { noDecisionPoint } from './no-decision-point';
import { othersDidTheWork } from './others-did-the-work';
import { passiveVoice } from './passive-voice';
import { principleBeats } from './principle-beats';
import { principleNotShown } from './principle-not-shown';
import { resultNoMetric } from './result-no-metric';
import { sectionOrder } from './section-order';
import { setupTooLong } from './setup-too-long';
import { spunFailure } from './spun-failure';
import { tooLong } from './too-long';
import { tooManyPrinciples } from './too-many-principles';
import { trivialDisagreement } from './trivial-disagreement';
import { unexplainedAcronym } from './unexplained-acronym';
import { unknownPrinciple } from './unknown-principle';
import { vagueImpact } from './vague-impact';
import { weOverI } from './we-over-i';
import { weakVerb } from './weak-verb';

/** Every rule, grouped as the README's rule table lists them. */
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
  metricNoBaseline,
  metricNoTimeframe,
  vagueImpact,
  engineeringOnlyResult,
  noDecisionPoint,
  tooLong,
  setupTooLong,
  longSentence,
  hedging,
  buzzword,
  unexplainedAcronym,
  missingReflection,
  genericReflection,
  principleBeats,
  principleNotShown,
  trivialDisagreement,
  blame,
  othersDidTheWork,
  spunFailure,
  activityResult,
  contradictoryNumbers,
  // Bank rules last: their findings come from the story bank, not from one story.
  duplicateStory,
];

export const ruleNames: ReadonlySet<string> = new Set(rules.map((r) => r.name));

/** Path of a rule's doc page, relative to the extension root. */
export function ruleDocPath(name: string): string {
  return `docs/rules/${name}.md`;
}
