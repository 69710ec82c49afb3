import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatSeconds, type LintResult } from './engine';
import { summarizeStories } from './engine/bank';
import type { StorySummary } from './protocol';

/** One line above each story with what an interviewer would notice first: time, "I" against "we", the Action's share. */
export function codeLenses(document: TextDocument, result: LintResult): CodeLens[] {
  return summarizeStories(document.uri, document.getText(), result).map((story) => {
    const position = { line: story.line, character: 0 };
    // An empty command id makes the lens a label: there is nothing to run, only something to read.
    return { range: { start: position, end: position }, command: { title: codeLensTitle(story), command: '' } };
  });
}

export function codeLensTitle(story: StorySummary): string {
  const principles = story.principles.length;
  return [
    `${formatSeconds(story.seconds)} / ${formatSeconds(story.targetSeconds)}`,
    `I ${story.iCount}`,
    `we ${story.weCount}`,
    `Action ${Math.round(story.actionShare * 100)}%`,
    `${principles} principle${principles === 1 ? '' : 's'}`,
  ].join(' · ');
}
