import type { Rule } from '../../types';
import { hasNumber } from '../../text';
import { engineeringTerm, hasBusinessTerm, MODEL_METRIC_RULE, modelMetricTerm, sectionSentences } from '../common/metrics';
import { ruleTurnedOn } from '../../profiles';
import { proseOf, sectionsOf } from '../common/util';

/** Principles whose outcome is a person (docs/interviews.md: "a named person who grew", "the team's environment"), not a customer. */
const PEOPLE_PRINCIPLES = new Set(['hire-and-develop-the-best', 'strive-to-be-earths-best-employer']);

// What interviewers grade (docs/interviews.md): "An engineering number (latency, accuracy) should be tied to what it meant for
// customers or the business (conversion, churn, cost, revenue, hours saved)."
export const engineeringOnlyResult: Rule = {
  name: 'engineering-only-result',
  description:
    'The Result measures only engineering units (latency, ms, p99, QPS, accuracy, bugs, uptime) with no customer or business term.',
  group: 'evidence',
  defaultSeverity: 'info',
  advice: true,
  messages: {
    engineeringOnly:
      'Your Result measures "{term}" but nothing a customer or the business feels; say what the number meant for them (conversion, tickets, cost, revenue, hours saved).',
  },
  check(story, context) {
    // In a people story the numbers measure a person's growth ("Jun led 11 incidents on his own");
    // asking what they meant for customers would pull the story away from its principle.
    if (story.principles?.entries.some((e) => e.principle && PEOPLE_PRINCIPLES.has(e.principle.id))) return;
    const results = sectionsOf(story, ['result']);
    const prose = results.map((s) => proseOf(story, s.body)).join('\n');
    if (!hasNumber(prose) || hasBusinessTerm(prose)) return;
    // An ML profile's model-metric-result says it sharper for a model metric: one finding per sentence.
    const modelRuleOn = ruleTurnedOn(context.config, { name: MODEL_METRIC_RULE, optIn: true });
    for (const section of results) {
      for (const sentence of sectionSentences(story, section)) {
        // Only a measured sentence is a metric; "latency" with no number is not one.
        if (!hasNumber(sentence.text) || (modelRuleOn && modelMetricTerm(sentence.text))) continue;
        const term = engineeringTerm(sentence.text);
        if (!term) continue;
        context.report({
          messageId: 'engineeringOnly',
          data: { term: sentence.text.slice(term.start, term.end) },
          start: sentence.start + term.start,
          end: sentence.start + term.end,
        });
        return;
      }
    }
  },
};
