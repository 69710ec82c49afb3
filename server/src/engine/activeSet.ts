import { mergeConfig, resolvePrincipleSet } from './config';
import { Linter, type LintResult } from './lint';
import { LruCache } from './lru';
import type { PrincipleSet } from './principles/types';
import type { EngineConfig } from './types';

/**
 * Lints `text` with the Linter of the principle set its configuration selects. A Linter is
 * built for one set, and the set can come from the file's own front matter, so the file is
 * linted again when the first pass shows that another set is active. `current` is the
 * Linter that served this document last time (usually already the right one).
 */
export function lintWithActiveSet(
  text: string,
  settings: Partial<EngineConfig>,
  linterFor: (set: PrincipleSet) => Linter,
  current?: Linter,
): { linter: Linter; result: LintResult } {
  let linter = current ?? linterFor(resolvePrincipleSet(mergeConfig(settings)).set);
  let result = linter.lint(text, settings);
  const { set } = resolvePrincipleSet(result.config);
  if (set !== linter.principleSet) {
    linter = linterFor(set);
    result = linter.lint(text, settings);
  }
  return { linter, result };
}

/** One Linter per principle set, for callers that lint many files in turn (the CLI). */
export class LinterPool {
  /**
   * A front matter that defines its own principle set makes a new set object at each lint of the
   * file, so the pool keeps the last few sets, not every one it has seen.
   */
  private readonly linters = new LruCache<PrincipleSet, Linter>(8);

  get(set: PrincipleSet): Linter {
    return this.linters.getOrCreate(set, () => new Linter({ principleSet: set }));
  }

  lint(text: string, settings: Partial<EngineConfig>): { linter: Linter; result: LintResult } {
    return lintWithActiveSet(text, settings, (set) => this.get(set));
  }
}
