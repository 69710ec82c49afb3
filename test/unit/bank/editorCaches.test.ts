/**
 * The story bank reads every file of the workspace; the editor's caches are for the documents
 * being typed in. A bank pass must neither push the open document's paragraphs out of the
 * editor's cache nor keep what it read once the pass is over.
 */
import { strict as assert } from 'node:assert';
import { Bank } from '../../../server/src/engine/bank';
import { Linter } from '../../../server/src/engine';
import { EDITOR_PARAGRAPHS } from '../../../server/src/engine/text';
import { storyFile } from '../../../bench/corpus';
import { CHECKOUT } from './stories';

describe('the bank and the editor’s caches', () => {
  it('a bank of many files leaves the editor’s paragraph cache as the open document left it', () => {
    EDITOR_PARAGRAPHS.clear();
    new Linter().lint(CHECKOUT);
    const typed = EDITOR_PARAGRAPHS.size;
    assert.ok(typed > 0, 'the open story’s paragraphs are cached for typing');
    const bank = new Bank();
    for (let i = 0; i < 40; i++) bank.update(`file:///bank/story-${i}.star.md`, storyFile(i + 1, 3));
    assert.ok(bank.summaries().length >= 100);
    assert.equal(EDITOR_PARAGRAPHS.size, typed);
  });

  it('what the bank read is let go when its pass ends, and a change after reads its file again', () => {
    const bank = new Bank();
    for (let i = 0; i < 10; i++) bank.update(`file:///bank/story-${i}.star.md`, storyFile(i + 1, 3));
    const analyses = (bank as unknown as { analyses: { sentences: Map<string, unknown>; paragraphs: { size: number } } }).analyses;
    assert.ok(analyses.sentences.size > 0 && analyses.paragraphs.size > 0);
    bank.releaseAnalyses();
    assert.equal(analyses.sentences.size, 0);
    assert.equal(analyses.paragraphs.size, 0);
    const before = bank.summaries().find((s) => s.uri.endsWith('story-3.star.md'))!;
    bank.update('file:///bank/story-3.star.md', storyFile(4, 3).replace(/^# .*$/m, '# Renamed'));
    const after = bank.summaries().filter((s) => s.uri.endsWith('story-3.star.md'));
    assert.equal(after[0].title, 'Renamed');
    assert.equal(after[0].problems, before.problems);
  });
});
