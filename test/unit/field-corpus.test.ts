/**
 * The field corpus (test/corpus/field/): whole stories written the way candidates write them,
 * with every visible finding labelled by a reviewer who did not write the rules. These floors keep
 * the coaching from drifting back to many findings, wrong ones, or noise on strong stories.
 * `npm run accuracy` prints the full table.
 */
import { strict as assert } from 'node:assert';
import { measureField, precisionOf, renderField } from '../corpus/field';

/** Floors under today's figures, not targets: a change that lowers them needs a reason. */
const MIN_STORIES = 40;
const MIN_MODEL_STORIES = 5;
const MAX_VISIBLE_PER_STORY = 3.5;
const MIN_PRECISION_SEVERE = 0.9;
const MIN_PRECISION_INFO = 0.85;
// 0.72 until round 6: ten stories written later by a reviewer, where missing baselines and
// principles told but not shown went uncaught (13 of 23), brought the whole corpus to 0.71.
const MIN_WEAKNESSES_CAUGHT = 0.7;
/** A rule change makes new findings; past this share unlabelled, the precision figure says too little. */
const MAX_UNLABELLED = 0.25;

describe('field corpus', () => {
  const result = measureField();
  before(() => console.log('\n' + renderField(result) + '\n'));

  it(`has at least ${MIN_STORIES} stories, ${MIN_MODEL_STORIES} of them of model quality`, () => {
    assert.ok(result.stories >= MIN_STORIES, `${result.stories} stories`);
    assert.ok(result.models.length >= MIN_MODEL_STORIES, `${result.models.length} model stories`);
  });

  it(`shows at most ${MAX_VISIBLE_PER_STORY} visible findings per story on average`, () => {
    assert.ok(
      result.findings.length / result.stories <= MAX_VISIBLE_PER_STORY,
      `${(result.findings.length / result.stories).toFixed(2)} per story`,
    );
  });

  it('gives a model story no error or warning and at most one info finding', () => {
    const noisy = result.models.filter((m) => m.errors + m.warnings > 0 || m.infos > 1).map((m) => m.story.file);
    assert.deepEqual(noisy, []);
  });

  it(`is right at least ${MIN_PRECISION_SEVERE * 100}% of the time at warning and error, ${MIN_PRECISION_INFO * 100}% at info (debatable counts as wrong)`, () => {
    const severe = precisionOf(result.findings.filter((f) => f.finding.severity !== 'info'));
    const info = precisionOf(result.findings.filter((f) => f.finding.severity === 'info'));
    assert.ok(severe.value >= MIN_PRECISION_SEVERE, `warning and error: ${(severe.value * 100).toFixed(1)}%`);
    assert.ok(info.value >= MIN_PRECISION_INFO, `info: ${(info.value * 100).toFixed(1)}%`);
  });

  it(`has a reviewer's label on at least ${(1 - MAX_UNLABELLED) * 100}% of its visible findings`, () => {
    const unlabelled = result.findings.filter((f) => !f.label).length;
    assert.ok(
      unlabelled <= MAX_UNLABELLED * result.findings.length,
      `${unlabelled} of ${result.findings.length} unlabelled: label them (npm run accuracy -- --unlabelled)`,
    );
  });

  it(`catches at least ${MIN_WEAKNESSES_CAUGHT * 100}% of the weaknesses a Bar Raiser would mark`, () => {
    const caught = result.caught.filter((c) => c.by).length;
    assert.ok(caught >= MIN_WEAKNESSES_CAUGHT * result.weaknesses, `${caught} of ${result.weaknesses}`);
  });
});

describe('field corpus, each story with its candidate’s role and level', () => {
  // As users who set role and level see it: the profile checks (scope, people-story,
  // model-metric-result) run where the candidate's loop asks for them.
  const result = measureField(undefined, true);
  const severe = precisionOf(result.findings.filter((f) => f.finding.severity !== 'info'));

  it(`stays at ${MAX_VISIBLE_PER_STORY} visible findings per story or fewer, and right at least ${MIN_PRECISION_SEVERE * 100}% at warning and error`, () => {
    assert.ok(
      result.findings.length / result.stories <= MAX_VISIBLE_PER_STORY,
      `${(result.findings.length / result.stories).toFixed(2)} per story`,
    );
    assert.ok(severe.value >= MIN_PRECISION_SEVERE, `warning and error: ${(severe.value * 100).toFixed(1)}%`);
  });

  it('catches the weaknesses only a profile looks for: no escalation marker at L6, a people story with no person, model metrics alone', () => {
    const profileKinds = result.caught.filter((c) => ['scope', 'people', 'model-metric'].includes(c.weakness.kind));
    assert.ok(profileKinds.length >= 3, `${profileKinds.length} such weaknesses in the corpus`);
    assert.deepEqual(
      profileKinds.filter((c) => !c.by).map((c) => `${c.story.file} ${c.weakness.kind}`),
      [],
    );
  });

  it('gives a model story no error or warning', () => {
    assert.deepEqual(
      result.models.filter((m) => m.errors + m.warnings > 0).map((m) => m.story.file),
      [],
    );
  });
});
