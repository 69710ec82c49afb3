/**
 * The repository stands alone: every relative link in its Markdown points at a file it holds, and
 * the rule pages the package ships (dist/docs) link only to pages shipped beside them.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** `[text](target)` with a target that is neither a URL nor an anchor; the title and anchor dropped. */
const LINK = /\]\(((?!https?:|mailto:|#|command:|vscode:)[^)\s#]+)(?:#[^)\s]*)?(?:\s+"[^"]*")?\)/g;

function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(LINK)].map((m) => decodeURI(m[1])).filter((target) => !existsSync(join(dirname(file), target)));
}

describe('links', () => {
  it("every relative link in the repository's Markdown names a file the repository holds", () => {
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    assert.ok(files.length > 40, `${files.length} Markdown files`);
    const broken = files.flatMap((f) => brokenLinks(join(ROOT, f)).map((t) => `${f} → ${t}`));
    assert.deepEqual(broken, []);
  });

  it('the rule pages shipped in dist/docs link only to pages shipped beside them', function () {
    const docs = join(ROOT, 'dist/docs');
    if (!existsSync(join(docs, 'rules'))) this.skip(); // npm test builds first; a bare mocha run may not have
    const files = [
      join(docs, 'interviews.md'),
      join(docs, 'profiles.md'),
      ...readdirSync(join(docs, 'rules')).map((f) => join(docs, 'rules', f)),
    ];
    const broken = files.flatMap((f) => brokenLinks(f).map((t) => `${f.slice(ROOT.length + 1)} → ${t}`));
    assert.deepEqual(broken, []);
  });
});
