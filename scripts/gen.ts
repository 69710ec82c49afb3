/**
 * `npm run gen`: regenerates everything derived from the rule registry and the engine-wide
 * settings, so a new rule or option needs no hand edits outside its folder:
 *
 * - README.md's rule table, the `starStories.*` settings in package.json and
 *   schemas/star-stories.schema.json (scripts/gen-docs.ts);
 * - snippets/star-markdown.json (scripts/gen-snippets.ts).
 *
 * (The accuracy corpus needs nothing generated: its catalogue is the registry and each rule's
 * passages are read from its folder.) `--check` writes nothing and exits 1 when a file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DOC_TARGETS } from './gen-docs';
import { renderSnippets, SNIPPETS_PATH } from './gen-snippets';

export const GENERATED: ReadonlyArray<readonly [string, (current: string) => string]> = [
  ...DOC_TARGETS,
  [SNIPPETS_PATH, () => renderSnippets()],
];

/** The generated files that differ from what `npm run gen` would write. */
export function staleFiles(): string[] {
  return GENERATED.filter(([file, render]) => {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return render(current) !== current;
  }).map(([file]) => file);
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  let stale = 0;
  for (const [file, render] of GENERATED) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const next = render(current);
    if (next === current) continue;
    stale++;
    if (check) console.error(`${relative(process.cwd(), file)} is stale: run \`npm run gen\`.`);
    else writeFileSync(file, next);
  }
  if (!check) console.log(stale === 0 ? 'Everything generated is up to date.' : `Regenerated ${stale} file${stale === 1 ? '' : 's'}.`);
  return check && stale > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
