import type { BankSnapshot, CoverageStatus, PrincipleCoverage, StorySummary } from '../../../server/src/protocol';

/** A story summary with plausible defaults; tests override what they look at. */
export function storySummary(fields: Partial<StorySummary> & { title: string }): StorySummary {
  const uri = fields.uri ?? 'file:///bank/stories.star.md';
  const line = fields.line ?? 0;
  return {
    id: `${uri}#${line}`,
    uri,
    line,
    endLine: line + 15,
    principles: [],
    words: 300,
    seconds: 120,
    targetSeconds: 180,
    problems: 0,
    iCount: 5,
    weCount: 1,
    actionShare: 0.6,
    ...fields,
  };
}

function status(count: number): CoverageStatus {
  return count >= 2 ? 'covered' : count === 1 ? 'thin' : 'missing';
}

/**
 * A snapshot whose principles' stories and statuses follow from the stories' Principles lines,
 * as the server computes them. `principles` lists names in rank order.
 */
export function bankSnapshot(principles: string[], stories: StorySummary[], folders = ['file:///bank']): BankSnapshot {
  const coverage: PrincipleCoverage[] = principles.map((name, i) => {
    const ids = stories.filter((s) => s.principles.includes(name)).map((s) => s.id);
    return {
      id: name.toLowerCase().replace(/[^a-z]+/g, '-'),
      name,
      rank: i + 1,
      definition: `What ${name} means.`,
      questions: [`Tell me about a time you showed ${name}.`, `Give an example of ${name} under pressure.`],
      stories: ids,
      status: status(ids.length),
    };
  });
  return {
    principleSet: { id: 'amazon', name: 'Amazon Leadership Principles' },
    principles: coverage,
    stories,
    maxPrinciplesPerStory: 3,
    folders,
  };
}
