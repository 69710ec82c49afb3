import type { Rule } from '../types';
import { blame } from './blame/rule';
import { activityResult } from './activity-result/rule';
import { buzzword } from './buzzword/rule';
import { contradictoryNumbers } from './contradictory-numbers/rule';
import { duplicateStory } from './duplicate-story/rule';
import { emptySection } from './empty-section/rule';
import { engineeringOnlyResult } from './engineering-only-result/rule';
import { genericReflection } from './generic-reflection/rule';
import { habitualAnswer } from './habitual-answer/rule';
import { hedging } from './hedging/rule';
import { hypothetical } from './hypothetical/rule';
import { inconsistentFacts } from './inconsistent-facts/rule';
import { longSentence } from './long-sentence/rule';
import { managerDirected } from './manager-directed/rule';
import { metricNoBaseline } from './metric-no-baseline/rule';
import { metricNoTimeframe } from './metric-no-timeframe/rule';
import { missingPrinciples } from './missing-principles/rule';
import { missingReflection } from './missing-reflection/rule';
import { missingSection } from './missing-section/rule';
import { modelMetricResult } from './model-metric-result/rule';
import { noDecisionPoint } from './no-decision-point/rule';
import { noteFragments } from './note-fragments/rule';
import { othersDidTheWork } from './others-did-the-work/rule';
import { passiveVoice } from './passive-voice/rule';
import { peopleStory } from './people-story/rule';
import { principleBeats } from './principle-beats/rule';
import { principleNotShown } from './principle-not-shown/rule';
import { resultNoMetric } from './result-no-metric/rule';
import { scope } from './scope/rule';
import { sectionOrder } from './section-order/rule';
import { setupTooLong } from './setup-too-long/rule';
import { spunFailure } from './spun-failure/rule';
import { tooLong } from './too-long/rule';
import { tooManyPrinciples } from './too-many-principles/rule';
import { trivialDisagreement } from './trivial-disagreement/rule';
import { unexplainedAcronym } from './unexplained-acronym/rule';
import { unknownPrinciple } from './unknown-principle/rule';
import { vagueImpact } from './vague-impact/rule';
import { weOverI } from './we-over-i/rule';
import { weakVerb } from './weak-verb/rule';

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
  modelMetricResult,
  noDecisionPoint,
  scope,
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
  peopleStory,
  trivialDisagreement,
  blame,
  othersDidTheWork,
  spunFailure,
  activityResult,
  contradictoryNumbers,
  habitualAnswer,
  noteFragments,
  // Bank rules last: their findings come from the story bank, not from one story.
  duplicateStory,
  inconsistentFacts,
];

export const ruleNames: ReadonlySet<string> = new Set(rules.map((r) => r.name));

/**
 * Path of a rule's doc page as shipped, relative to the bundles' folder (`dist/`): the build
 * copies each rule's `doc.md` there (scripts/build.mjs).
 */
export function ruleDocPath(name: string): string {
  return `docs/rules/${name}.md`;
}

/** Path of a rule's doc page in the repository: it lives in the rule's folder. */
export function ruleDocSource(name: string): string {
  return `server/src/engine/rules/${name}/doc.md`;
}
