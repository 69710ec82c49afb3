/**
 * `inconsistent-facts` findings of one file: each story against the stories told about the same
 * project and against the résumé lines about it. Every story reports its own side, so a
 * disagreement between two stories shows on both, each pointing at the other.
 */
import { disagreeingClaim, disagreeingNumbers, lineMatches, resumeLines, type Facts, type Quantity, type ResumeLine } from './facts';
import type { RelatedStory } from './bank';

/** A résumé or promotion packet, read by the server or the CLI and handed to the bank. */
export interface ResumeFile {
  uri: string;
  lines: ResumeLine[];
}

export function resumeFile(uri: string, text: string): ResumeFile {
  return { uri, lines: resumeLines(text) };
}

/** A story as the facts check needs it: where it is and what it says. */
export interface FactStory {
  uri: string;
  title: string;
  /** Its file's text and its start in it, to place the other side of a finding. */
  fileText: string;
  start: number;
  facts: Facts;
}

export type ReportFact = (
  at: { start: number; end: number },
  messageId: string,
  data: Record<string, string>,
  related: RelatedStory[],
) => void;

/** Reports what `story` says that its partners (same project) or the résumé lines about it contradict. */
export function reportFacts(
  story: FactStory,
  partners: readonly FactStory[],
  resumes: readonly ResumeFile[],
  fileNameOf: (uri: string) => string,
  report: ReportFact,
): void {
  const reported = new Set<string>();
  const once = (at: { start: number; end: number }, messageId: string, data: Record<string, string>, related: RelatedStory[]) => {
    const key = `${at.start}:${messageId}:${data.there}:${data.where}`;
    if (reported.has(key)) return;
    reported.add(key);
    report(at, messageId, data, related);
  };
  const at = (q: { start: number; end: number }) => ({ start: story.start + q.start, end: story.start + q.end });
  for (const other of partners) {
    for (const [mine, theirs] of disagreeingNumbers(story.facts, other.facts)) {
      const position = positionOf(other.fileText, other.start + theirs.start);
      const file = other.uri === story.uri ? '' : ` in ${fileNameOf(other.uri)}`;
      const where = `“${other.title}”${file} (line ${position.line + 1})`;
      const related = [{ uri: other.uri, ...position, title: other.title, text: theirs.text }];
      once(at(mine), 'number', { here: here(mine), there: there(theirs), where }, related);
    }
  }
  for (const resume of resumes) {
    for (const line of resume.lines) {
      if (!lineMatches(line.facts, story.facts)) continue;
      const where = `${fileNameOf(resume.uri)} (line ${line.line + 1})`;
      const related = (text: string, start: number) => [
        { uri: resume.uri, line: line.line, character: start, title: fileNameOf(resume.uri), text },
      ];
      for (const [mine, theirs] of disagreeingNumbers(story.facts, line.facts))
        once(at(mine), 'number', { here: here(mine), there: there(theirs), where }, related(theirs.text, theirs.start));
      const claim = disagreeingClaim(story.facts, line.facts);
      if (claim)
        once(
          at(claim.story),
          'ownership',
          { here: `“${claim.story.text}”`, there: `“${claim.line.text}”`, where },
          related(claim.line.text, claim.line.start),
        );
    }
  }
}

/** "12 engineers", or "p99 latency to 200 ms" when the number is one point of a change. */
function here(q: Quantity): string {
  return q.role === 'amount' ? q.text : `${q.thing} ${q.role} ${q.text}`;
}

function there(q: Quantity): string {
  return q.role === 'amount' ? q.text : `${q.role} ${q.text}`;
}

/** Zero-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
