/**
 * `npm run release -- patch|minor|major [--dry-run]`: bumps the version in package.json and
 * package-lock.json, moves CHANGELOG.md's Unreleased section under the new version with today's
 * date (UTC), commits and tags vX.Y.Z. `--dry-run` prints what it would do and changes nothing.
 * Publishing stays a separate, deliberate step (the commands are printed at the end).
 *
 * The text transformations are pure and exported for test/unit/release.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Part = 'patch' | 'minor' | 'major';
const PARTS: readonly Part[] = ['patch', 'minor', 'major'];

export function bumpVersion(version: string, part: Part): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  // A pre-release or build suffix needs a person to decide what comes next.
  if (!m) throw new Error(`version "${version}" is not MAJOR.MINOR.PATCH`);
  const [major, minor, patch] = m.slice(1).map(Number);
  if (part === 'major') return `${major + 1}.0.0`;
  if (part === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/im;

/** The changelog with Unreleased emptied into `## [version] - date`, and its compare links moved on. */
export function releaseChangelog(text: string, version: string, date: string): string {
  const heading = UNRELEASED.exec(text);
  if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const start = heading.index + heading[0].length;
  const next = text.slice(start).search(/^## \[|^\[[^\]]+\]: /m);
  const end = next < 0 ? text.length : start + next;
  const body = text.slice(start, end);
  if (!/^\s*[-*] /m.test(body)) throw new Error('the Unreleased section of CHANGELOG.md lists no change');
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) {
    throw new Error(`CHANGELOG.md already has a ${version} section`);
  }
  const released = `${text.slice(0, start)}\n## [${version}] - ${date}\n${body.replace(/^\n+/, '\n')}${text.slice(end)}`;
  // [unreleased]: …/compare/vOLD...HEAD becomes …/compare/vNEW...HEAD, plus [NEW]: …/compare/vOLD...vNEW.
  return released.replace(
    /^\[unreleased\]: (\S+)\/compare\/(v[^.\s]+\.[^.\s]+\.[^.\s]+)\.\.\.HEAD$/im,
    (_, base: string, previous: string) =>
      `[unreleased]: ${base}/compare/v${version}...HEAD\n[${version}]: ${base}/compare/${previous}...v${version}`,
  );
}

/** package.json with its top-level version replaced, the rest of the text untouched. */
export function setManifestVersion(text: string, version: string): string {
  const replaced = text.replace(/^( {2}"version": ")[^"]*(")/m, `$1${version}$2`);
  if (replaced === text && !text.includes(`  "version": "${version}"`)) throw new Error('package.json has no top-level "version"');
  return replaced;
}

/** package-lock.json's own version, in both places npm keeps it. */
export function setLockVersion(text: string, version: string): string {
  const lock = JSON.parse(text) as { version?: string; packages?: Record<string, { version?: string }> };
  // npm writes the lockfile as 2-space JSON; anything else would turn this edit into a rewrite.
  if (`${JSON.stringify(lock, null, 2)}\n` !== text) throw new Error('package-lock.json is not in the format npm writes');
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

const ROOT = resolve(__dirname, '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

function tagExists(tag: string): boolean {
  try {
    git('rev-parse', '-q', '--verify', `refs/tags/${tag}`);
    return true;
  } catch {
    return false;
  }
}

function main(argv: string[]): number {
  const part = argv.find((a) => !a.startsWith('-')) as Part | undefined;
  const dryRun = argv.includes('--dry-run');
  if (!part || !PARTS.includes(part) || argv.some((a) => a.startsWith('-') && a !== '--dry-run')) {
    console.error('Usage: npm run release -- patch|minor|major [--dry-run]');
    return 2;
  }
  const files = ['package.json', 'package-lock.json', 'CHANGELOG.md'].map((f) => join(ROOT, f));
  const [manifest, lock, changelog] = files.map((f) => readFileSync(f, 'utf8'));
  const current = (JSON.parse(manifest) as { version: string }).version;
  const version = bumpVersion(current, part);
  const tag = `v${version}`;
  const date = new Date().toISOString().slice(0, 10);
  const next = [setManifestVersion(manifest, version), setLockVersion(lock, version), releaseChangelog(changelog, version, date)];
  const problems = [
    ...(git('status', '--porcelain') ? ['the work tree has uncommitted changes'] : []),
    ...(tagExists(tag) ? [`tag ${tag} already exists`] : []),
  ];
  const commands = [
    `git add package.json package-lock.json CHANGELOG.md`,
    `git commit -m "Release ${tag}"`,
    `git tag -a ${tag} -m "STAR Stories ${version}"`,
  ];
  if (dryRun) {
    const from = next[2].indexOf(`## [${version}]`);
    const to = next[2].slice(from + 1).search(/^## \[|^\[[^\]]+\]: /m);
    console.log(`Would release ${current} → ${version} (${part}), dated ${date}:`);
    console.log(`  write package.json and package-lock.json (version ${version}), and in CHANGELOG.md:\n`);
    console.log(next[2].slice(from, to < 0 ? undefined : from + 1 + to).trimEnd() + '\n');
    for (const c of commands) console.log(`  ${c}`);
    for (const p of problems) console.log(`  but first: ${p}`);
    return problems.length ? 1 : 0;
  }
  if (problems.length) {
    for (const p of problems) console.error(`release: ${p}`);
    return 1;
  }
  files.forEach((f, i) => writeFileSync(f, next[i]));
  git('add', 'package.json', 'package-lock.json', 'CHANGELOG.md');
  git('commit', '-q', '-m', `Release ${tag}`);
  git('tag', '-a', tag, '-m', `STAR Stories ${version}`);
  console.log(`Released ${tag}. To publish: npm run package, then \`npx vsce publish --packagePath star-stories.vsix\`,`);
  console.log(`\`npx ovsx publish star-stories.vsix\` and \`git push --follow-tags\`.`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`release: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
