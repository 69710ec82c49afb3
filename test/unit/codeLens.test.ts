import { strict as assert } from 'node:assert';
import { codeLensTitle, codeLensTooltip } from '../../server/src/codeLens';
import type { Readiness } from '../../server/src/protocol';
import { storySummary } from './client/snapshot';

describe('code lens above a story', () => {
  const readiness: Readiness = {
    rating: 'not inclined',
    score: 7,
    reasons: [
      { rule: 'result-no-metric', message: 'The Result has no number.', weight: 4 },
      { rule: 'we-over-i', message: '"we" outnumbers "I".', weight: 3 },
    ],
  };

  it('leads with the rating an interviewer would give, when the bank has rated the story', () => {
    assert.match(codeLensTitle({ ...storySummary({ title: 'Billing' }), readiness }), /^Not inclined · \d+:\d\d \//);
    assert.doesNotMatch(codeLensTitle(storySummary({ title: 'Billing' })), /inclined/i);
  });

  it('says in its hover what lowers the rating, heaviest first', () => {
    const tooltip = codeLensTooltip({ ...storySummary({ title: 'Billing' }), readiness });
    assert.match(
      tooltip,
      /"not inclined"\. What lowers it:\n- The Result has no number\. \(result-no-metric, −4\)\n- "we" outnumbers "I"\./,
    );
  });

  it('says a story with nothing to mark has nothing lowering it', () => {
    const tooltip = codeLensTooltip({
      ...storySummary({ title: 'Billing' }),
      readiness: { rating: 'strong inclined', score: 0, reasons: [] },
    });
    assert.match(tooltip, /"strong inclined": nothing they would mark/);
  });
});
