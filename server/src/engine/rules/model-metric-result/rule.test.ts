// The model-metric-result rule's table: in an ML profile, a Result measured only in model metrics is
// flagged on the metric; one that says what the model changed in the product stays quiet.
import { strict as assert } from 'node:assert';
import { modelMetricResult } from './rule';
import { engineeringOnlyResult } from '../engineering-only-result/rule';
import { Linter } from '../../lint';
import { story, testRule } from '../../../../../test/unit/ruleTester';

const ml = { role: 'ml' as const };
const result = (text: string) => story({ principles: 'Dive Deep, Deliver Results', result: text });
const modelOnly = result('The new model raised AUC from 0.81 to 0.86 on the holdout set within three weeks.');

testRule(modelMetricResult, {
  valid: [
    {
      name: 'a model metric tied to a business outcome',
      text: result('AUC rose from 0.81 to 0.86 within three weeks, and chargebacks fell by $40K a month after launch.'),
      config: ml,
    },
    {
      // From the independent review of the field corpus: the people acting on the model's flags are its users.
      name: 'a model metric tied to the workload of the people who act on its flags',
      text: result('Precision went back to 89%, and the share of flagged reviews that moderators found genuine fell from 29% to 11%.'),
      config: ml,
    },
    {
      name: 'a model metric tied to a product outcome',
      text: result('Precision went from 62% to 80% in four weeks, so manual reviews dropped from 900 to 350 a day.'),
      config: ml,
    },
    { name: 'the same Result outside an ML profile', text: modelOnly },
    { name: 'the user turned it off in an ML profile', text: modelOnly, config: { role: 'ml', rules: { 'model-metric-result': 'off' } } },
    {
      name: 'an engineering number that is not a model metric',
      text: result('Median scoring latency fell from 300 ms to 90 ms within two weeks.'),
      config: ml,
    },
    {
      name: '"fraud losses" is the business, not a model loss',
      text: result('Fraud losses fell from 2.1% to 0.9% of volume within a quarter.'),
      config: ml,
    },
  ],
  invalid: [
    { name: 'AUC alone', text: modelOnly, config: ml, findings: [{ messageId: 'modelOnly', text: 'AUC' }] },
    {
      name: 'F1 and log loss: the first measured model metric',
      text: result('F1 improved from 0.71 to 0.78 and log loss dropped by 12% over two sprints.'),
      config: ml,
      findings: [{ messageId: 'modelOnly', text: 'F1' }],
    },
    {
      name: 'a launch says the model shipped, not what it changed',
      text: result(
        'Offline NDCG@10 improved by 3.2% and AUC went from 0.81 to 0.83. The model was launched to 100% of home-goods traffic.',
      ),
      config: ml,
      findings: [{ messageId: 'modelOnly', text: 'NDCG@10' }],
    },
    {
      name: 'a custom profile can turn it on for another role',
      text: modelOnly,
      config: { role: 'pm', profile: { rules: ['model-metric-result'] } },
      findings: [{ messageId: 'modelOnly', text: 'AUC' }],
    },
  ],
});

describe('model-metric-result and engineering-only-result', () => {
  const linter = new Linter({ rules: [modelMetricResult, engineeringOnlyResult] });
  const rulesOn = (text: string, config = {}) => linter.lint(text, config).findings.map((f) => `${f.rule}: ${text.slice(f.start, f.end)}`);

  it('report a model-metric sentence once in an ML profile, with the ML message', () => {
    assert.deepEqual(rulesOn(modelOnly, ml), ['model-metric-result: AUC']);
  });

  it('leave it to engineering-only-result in other profiles', () => {
    assert.deepEqual(rulesOn(modelOnly), ['engineering-only-result: AUC']);
  });

  it('in an ML profile a model metric is never left unreported by both: a launch alone is no outcome', () => {
    const launched = result('AUC went from 0.81 to 0.83 within a month, and the model was launched to all traffic.');
    assert.deepEqual(rulesOn(launched, ml), ['model-metric-result: AUC']);
    assert.deepEqual(rulesOn(launched), ['engineering-only-result: AUC']);
  });

  it('still report an engineering number in another sentence of an ML Result', () => {
    const text = result('AUC rose from 0.81 to 0.86 within three weeks. Scoring latency fell from 300 ms to 90 ms.');
    assert.deepEqual(rulesOn(text, ml), ['model-metric-result: AUC', 'engineering-only-result: latency']);
  });
});
