/**
 * What the Visual Studio Marketplace and Open VSX need from the package, checked offline (the
 * `ovsx` client cannot reach its registry here): the manifest fields Open VSX requires, a
 * 128×128 PNG icon, the license and changelog shipped, a README whose images resolve once
 * published, and a `vsce package` that warns about nothing.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const root = join(__dirname, '..', '..');

/** One entry of a zip, read with Python's zipfile as package.test.ts lists it. */
function readEntry(zip: string, name: string): Buffer {
  return execFileSync('python3', [
    '-c',
    'import sys,zipfile;sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))',
    zip,
    name,
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Width, height and colour type of a PNG whose every chunk's CRC checks out and whose image data inflates to its size. */
function readPng(png: Buffer): { width: number; height: number; colourType: number; pixels: Buffer } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const body = png.subarray(at + 4, at + 8 + length);
    assert.equal(png.readUInt32BE(at + 8 + length), crc32(body), `CRC of chunk ${chunks.length}`);
    chunks.push({ type: body.subarray(0, 4).toString('ascii'), data: body.subarray(4) });
    at += 12 + length;
  }
  assert.equal(chunks[0].type, 'IHDR');
  assert.equal(chunks.at(-1)!.type, 'IEND');
  const [width, height, depth, colourType] = [
    chunks[0].data.readUInt32BE(0),
    chunks[0].data.readUInt32BE(4),
    chunks[0].data[8],
    chunks[0].data[9],
  ];
  assert.equal(depth, 8);
  const channels = ({ 2: 3, 6: 4 } as Record<number, number>)[colourType];
  assert.ok(channels, `colour type ${colourType} (expected RGB or RGBA)`);
  const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  assert.equal(pixels.length, (width * channels + 1) * height, 'image data size');
  return { width, height, colourType, pixels };
}

describe('ready for the Marketplace and Open VSX', function () {
  this.timeout(120_000);
  let pkg: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let vsix: string;
  let files: string[];
  let warnings: string;

  before(() => {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    vsix = join(mkdtempSync(join(tmpdir(), 'star-market-')), 'star-stories.vsix');
    const run = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    warnings = `${run.stdout}\n${run.stderr}`;
    files = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
  });

  it('has the manifest fields Open VSX requires: publisher, name, version, license, repository, engines', () => {
    assert.match(pkg.publisher, /^[a-z0-9][a-z0-9-]*$/i);
    assert.match(pkg.name, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
    assert.equal(pkg.license, 'MIT');
    assert.match(pkg.repository.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    assert.match(pkg.engines.vscode, /^\^\d+\.\d+\.\d+$/);
    assert.ok(pkg.displayName && pkg.description, 'displayName and description');
  });

  it('has what the Marketplace page shows: homepage, issues link, gallery banner, known categories, at most 30 keywords', () => {
    assert.equal(pkg.homepage, `${pkg.repository.url}#readme`);
    assert.equal(pkg.bugs.url, `${pkg.repository.url}/issues`);
    assert.match(pkg.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    const known = [
      'Programming Languages',
      'Snippets',
      'Linters',
      'Themes',
      'Debuggers',
      'Formatters',
      'Keymaps',
      'SCM Providers',
      'Other',
      'Extension Packs',
      'Language Packs',
      'Data Science',
      'Machine Learning',
      'Visualization',
      'Notebooks',
      'Education',
      'Testing',
      'AI',
      'Chat',
      'Azure',
    ];
    assert.deepEqual(
      pkg.categories.filter((c: string) => !known.includes(c)),
      [],
    );
    assert.ok(pkg.categories.includes('Linters') && pkg.categories.includes('Education'));
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, `${pkg.keywords.length} keywords`);
  });

  it('ships its icon, a 128×128 PNG', () => {
    assert.match(pkg.icon, /\.png$/);
    const icon = `extension/${pkg.icon}`;
    assert.ok(files.includes(icon), `${icon} missing from the .vsix`);
    const { width, height } = readPng(readEntry(vsix, icon));
    assert.deepEqual([width, height], [128, 128]);
  });

  it('ships the icon scripts/icon.mjs draws (compared as pixels: deflate output may differ between zlib builds)', () => {
    const drawn = join(mkdtempSync(join(tmpdir(), 'star-icon-')), 'icon.png');
    execFileSync(process.execPath, [join(root, 'scripts', 'icon.mjs'), drawn]);
    assert.ok(
      readPng(readEntry(vsix, `extension/${pkg.icon}`)).pixels.equals(readPng(readFileSync(drawn)).pixels),
      'run `node scripts/icon.mjs`',
    );
  });

  it('ships the license and the changelog', () => {
    assert.ok(files.includes('extension/LICENSE.txt'), 'LICENSE');
    assert.match(
      readEntry(vsix, 'extension/changelog.md').toString('utf8'),
      new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'),
    );
  });

  it('points every README image at a file of the repository by https (the screenshots stay out of the 1 MB package)', () => {
    const readme = readEntry(vsix, 'extension/readme.md').toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(images.length >= 9, `${images.length} images`);
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n'));
    const prefix = `${pkg.repository.url}/raw/HEAD/`;
    const unresolved = images.filter((url) => !url.startsWith(prefix) || !tracked.has(url.slice(prefix.length)) || /\.svg$/i.test(url));
    assert.deepEqual(unresolved, []);
  });

  it('packages without a warning (and without --skip-license)', () => {
    // vsce prints each as " WARNING  …" (a missing repository, relative image links, a missing LICENSE…).
    assert.doesNotMatch(warnings, /^\s*WARNING\b/m);
  });
});
