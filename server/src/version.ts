/**
 * The product version, from package.json. The bundles get it from the build (esbuild `define`
 * in scripts/build.mjs), so they never read package.json at run time; sources run by the tests
 * read it from the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const STAR_STORIES_VERSION: string | undefined;

export const VERSION: string = typeof STAR_STORIES_VERSION === 'string' ? STAR_STORIES_VERSION : packageVersion();

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
