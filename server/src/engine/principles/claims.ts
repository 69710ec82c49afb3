import type { Principle } from './types';
import type { EngineConfig, PrincipleEntry, Story } from '../types';

const DEFAULT_MAX = 3;

/** `maxPrinciplesPerStory` as a usable whole number, whatever a hand-written config holds. */
export function principleLimit(config: Pick<EngineConfig, 'maxPrinciplesPerStory'>): number {
  const setting = config.maxPrinciplesPerStory;
  return typeof setting === 'number' && Number.isFinite(setting) && setting >= 1 ? Math.floor(setting) : DEFAULT_MAX;
}

/**
 * The known principles a story claims on its `Principles:` line, each once, with the entry that
 * first names it. Unknown names are unknown-principle's business.
 */
export function claimedPrinciples(story: Story): Array<{ principle: Principle; entry: PrincipleEntry }> {
  const claims: Array<{ principle: Principle; entry: PrincipleEntry }> = [];
  const seen = new Set<Principle>();
  for (const entry of story.principles?.entries ?? []) {
    if (!entry.principle || seen.has(entry.principle)) continue;
    seen.add(entry.principle);
    claims.push({ principle: entry.principle, entry });
  }
  return claims;
}
