/**
 * docs/editors.md's Helix setup cannot be run here (Debian has no Helix), so its TOML is at least
 * parsed (Python's tomllib, which the package tests' python3 has) and checked for what Helix
 * needs to start the server on `*.star.md` files. The Neovim and Emacs blocks are run by their
 * smoke tests (test/neovim, test/emacs).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedBlocks } from '../editorSmoke';

const ROOT = join(__dirname, '..', '..');

interface HelixConfig {
  'language-server': Record<string, { command: string; args: string[]; config?: Record<string, unknown> }>;
  language: Array<{ name: string; scope: string; 'file-types': Array<string | { glob: string }>; 'language-servers': string[] }>;
}

describe('docs/editors.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');

  it("Helix's languages.toml parses and runs star-stories-language-server --stdio on *.star.md", () => {
    const [block] = documentedBlocks('Helix', 'toml');
    assert.ok(block, 'no toml block under "## Helix"');
    const parsed = JSON.parse(
      execFileSync('python3', ['-c', 'import json,sys,tomllib;print(json.dumps(tomllib.loads(sys.stdin.read())))'], {
        input: block,
        encoding: 'utf8',
      }),
    ) as HelixConfig;
    const server = parsed['language-server']['star-stories'];
    assert.deepEqual([server.command, ...server.args], ['star-stories-language-server', '--stdio']);
    assert.ok(server.config?.starStories, 'settings under the section the server asks for');
    const [language] = parsed.language;
    assert.deepEqual(language['file-types'], [{ glob: '*.star.md' }]);
    assert.deepEqual(language['language-servers'], ['star-stories']);
    assert.ok(language.name && language.scope);
  });

  it('gives the command package.json installs', () => {
    const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.ok(bin['star-stories-language-server']);
    assert.match(doc, /star-stories-language-server --stdio/);
  });
});
