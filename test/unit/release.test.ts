import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpVersion, releaseChangelog, setLockVersion, setManifestVersion } from '../../scripts/release';

const ROOT = join(__dirname, '..', '..');

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- A thing.

## [0.1.0] - 2026-12-05

- The first version.

[unreleased]: https://github.com/o/r/compare/v0.1.0...HEAD
[0.1.0]: https://github.com/o/r/releases/tag/v0.1.0
`;

describe('release script', () => {
  it('bumps each part and resets the parts below it', () => {
    assert.equal(bumpVersion('1.2.3', 'patch'), '1.2.4');
    assert.equal(bumpVersion('1.2.3', 'minor'), '1.3.0');
    assert.equal(bumpVersion('1.2.3', 'major'), '2.0.0');
    assert.equal(bumpVersion('0.9.9', 'patch'), '0.9.10');
  });

  it('refuses a version that is not MAJOR.MINOR.PATCH', () => {
    assert.throws(() => bumpVersion('1.2.3-beta.1', 'patch'), /not MAJOR\.MINOR\.PATCH/);
    assert.throws(() => bumpVersion('1.2', 'minor'), /not MAJOR\.MINOR\.PATCH/);
  });

  it('moves Unreleased under the new version with its date, leaving an empty Unreleased and moving the compare links on', () => {
    assert.equal(
      releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24'),
      `# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-24

### Added

- A thing.

## [0.1.0] - 2026-12-05

- The first version.

[unreleased]: https://github.com/o/r/compare/v0.2.0...HEAD
[0.2.0]: https://github.com/o/r/compare/v0.1.0...v0.2.0
[0.1.0]: https://github.com/o/r/releases/tag/v0.1.0
`,
    );
  });

  it('refuses an empty Unreleased section, a missing one, and a version already released', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24');
    assert.throws(() => releaseChangelog(released, '0.3.0', '2026-12-25'), /lists no change/);
    assert.throws(() => releaseChangelog('# Changelog\n\n## [0.1.0]\n\n- x\n', '0.2.0', '2026-12-25'), /no "## \[Unreleased\]"/);
    assert.throws(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-25'), /already has a 0\.1\.0 section/);
  });

  it("changes only the package's own version in package.json and package-lock.json", () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const bumped = setManifestVersion(manifest, '9.8.7');
    assert.equal(JSON.parse(bumped).version, '9.8.7');
    assert.equal(bumped.replace('"version": "9.8.7"', ''), manifest.replace(`"version": "${JSON.parse(manifest).version}"`, ''));

    const lock = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
    const lockBumped = JSON.parse(setLockVersion(lock, '9.8.7'));
    const original = JSON.parse(lock);
    assert.equal(lockBumped.version, '9.8.7');
    assert.equal(lockBumped.packages[''].version, '9.8.7');
    lockBumped.version = original.version;
    lockBumped.packages[''].version = original.packages[''].version;
    assert.deepEqual(lockBumped, original);
  });

  it('the repository CHANGELOG.md has an Unreleased section and a dated section for the current version', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.match(changelog, /^## \[Unreleased\]$/m);
    assert.match(changelog, new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});
