import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('the packaged extension', function () {
  this.timeout(120_000);
  let vsix: string;
  let files: string[];

  before(() => {
    vsix = join(mkdtempSync(join(tmpdir(), 'star-vsix-')), 'star-stories.vsix');
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--skip-license', '-o', vsix], {
      cwd: root,
      stdio: 'pipe',
    });
    // A .vsix is a zip; `unzip -Z1` lists it without extracting.
    files = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
  });

  it('is at most 1 MB', () => {
    const size = statSync(vsix).size;
    assert.ok(size <= 1024 * 1024, `${size} bytes`);
  });

  it('holds the bundles, grammar, snippets, config schema, every rule doc, the view icon and the walkthrough', () => {
    for (const f of [
      'extension/dist/client.js',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/start.js',
      'extension/dist/cli.js',
      'extension/dist/web/client.js',
      'extension/dist/web/server.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/syntaxes/star-markdown.tmLanguage.json',
      'extension/snippets/star-markdown.json',
      'extension/language-configuration.json',
      'extension/dist/docs/rules/we-over-i.md',
      'extension/dist/docs/profiles.md',
      'extension/schemas/star-stories.schema.json',
      'extension/media/star-stories.svg',
    ]) {
      assert.ok(files.includes(f), `${f} missing from the .vsix`);
    }
  });

  it('holds every file package.json points to (the desktop and browser entry points, view icons, walkthrough pages)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const referenced = new Set<string>([manifest.main, manifest.browser]);
    for (const c of manifest.contributes.viewsContainers.activitybar) referenced.add(c.icon);
    for (const v of Object.values(manifest.contributes.views).flat() as { icon?: string }[]) if (v.icon) referenced.add(v.icon);
    for (const w of manifest.contributes.walkthroughs) for (const step of w.steps) referenced.add(step.media.markdown);
    assert.ok(referenced.size >= 7, `only ${referenced.size} referenced files`);
    const missing = [...referenced].map((f) => `extension/${f.replace(/^\.\//, '')}`).filter((f) => !files.includes(f));
    assert.deepEqual(missing, []);
  });

  it('holds no sources, tests, examples or node_modules', () => {
    const leaked = files.filter((f) => /^extension\/(?:node_modules|server\/src|client\/src|test|examples|scripts|\.e2e-tools)\//.test(f));
    assert.deepEqual(leaked, []);
  });
});
