import type { Rule, Story } from '../../types';
import { hasNumber } from '../../text';
import { hasBusinessTerm, modelMetricTerm, sectionSentences } from '../common/metrics';
import { PhraseList, sentencesToCheck } from '../common/phrases';
import { proseOf, sectionsOf } from '../common/util';
import words from './words.json';

const PRODUCT_OUTCOME = new PhraseList(words.productOutcome);
/** Principles whose outcome is a person, not a customer: their numbers measure growth, as in engineering-only-result. */
const PEOPLE_PRINCIPLES = new Set(['hire-and-develop-the-best', 'strive-to-be-earths-best-employer']);

// What interviewers grade (docs/interviews.md, "By role and level"): in an ML loop a model metric
// becomes a result only when it moves something in the product: conversion, cost, fraud losses,
// the customer's experience. "AUC went from 0.81 to 0.86" leaves the interviewer asking "and then?".
export const modelMetricResult: Rule = {
  name: 'model-metric-result',
  description:
    'In an ML profile, a Result whose numbers are model metrics (AUC, accuracy, F1, precision, recall, loss) with no product, customer or business outcome.',
  group: 'evidence',
  defaultSeverity: 'warning',
  optIn: true,
  messages: {
    modelOnly:
      '"{term}" is a model metric, and an ML interviewer counts it only when it moved the product. Say what the better model changed for customers or the business, e.g. "AUC rose from 0.81 to 0.86, and chargebacks fell by $40K a month."',
  },
  check(story, context) {
    if (story.principles?.entries.some((e) => e.principle && PEOPLE_PRINCIPLES.has(e.principle.id))) return;
    const results = sectionsOf(story, ['result']);
    const prose = results.map((s) => proseOf(story, s.body)).join('\n');
    if (!hasNumber(prose) || hasBusinessTerm(prose) || namesProductOutcome(story)) return;
    for (const section of results) {
      for (const sentence of sectionSentences(story, section)) {
        if (!hasNumber(sentence.text)) continue;
        const term = modelMetricTerm(sentence.text);
        if (!term) continue;
        context.report({
          messageId: 'modelOnly',
          data: { term: sentence.text.slice(term.start, term.end) },
          start: sentence.start + term.start,
          end: sentence.start + term.end,
        });
        return;
      }
    }
  },
};

function namesProductOutcome(story: Story): boolean {
  return sectionsOf(story, ['result']).some((section) => sentencesToCheck(story, section).some((s) => PRODUCT_OUTCOME.test(s.tokens)));
}
