/**
 * The sentence cache that makes typing cheap: a keystroke re-lints one story and finds the other
 * sentences already analysed. The story bank lints whole workspaces in the background; it must not
 * push the open story's sentences out, nor hold the workspace's analyses for no keystroke.
 */
import { strict as assert } from 'node:assert';
import { Linter } from '../../../server/src/engine';
import { Bank } from '../../../server/src/engine/bank';
import { sentencesOf } from '../../../server/src/engine/language';
import { CHECKOUT } from '../bank/stories';

function firstSentenceOfAction(text: string) {
  const story = new Linter().lint(text).stories[0];
  const action = story.sections.find((s) => s.kind === 'action')!;
  return sentencesOf(story, action.body)[0];
}

describe('language: the sentence cache', function () {
  this.timeout(30_000);
  it('a story linted again finds its sentences analysed', () => {
    assert.equal(firstSentenceOfAction(CHECKOUT), firstSentenceOfAction(CHECKOUT));
  });

  it("keeps the open story's sentences while the bank lints hundreds of other files", () => {
    const before = firstSentenceOfAction(CHECKOUT);
    const bank = new Bank();
    // 6,000 different sentences: past the 5,000 at which the editor's cache starts over.
    for (let file = 0; file < 200; file++) {
      const sentences = Array.from({ length: 30 }, (_, n) => `I checked batch ${file}-${n} of the invoices before review ${n}.`);
      bank.update(`file:///bank/${file}.star.md`, `# Invoices ${file}\n\nPrinciples: Dive Deep\n\n## Action\n${sentences.join(' ')}\n`);
    }
    assert.equal(bank.summaries().length, 200);
    assert.equal(firstSentenceOfAction(CHECKOUT), before, 'the same analysis, not a new one');
  });
});
