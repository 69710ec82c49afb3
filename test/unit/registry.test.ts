import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../server/src/engine/rules';
import { renderPackageJson, renderReadme } from '../../scripts/gen-docs';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('the rule registry', () => {
  it('has unique kebab-case names', () => {
    const names = rules.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const rule of rules) {
    describe(rule.name, () => {
      it('has a doc page with the sections users look for', () => {
        const doc = read(`docs/rules/${rule.name}.md`);
        assert.match(doc, new RegExp(`^# ${rule.name}\\b`));
        for (const heading of ['Why', 'Fires on', 'Stays quiet on', 'How to fix']) assert.ok(doc.includes(heading), `docs/rules/${rule.name}.md lacks "${heading}"`);
      });
      it('has a test table', () => {
        assert.ok(existsSync(join(root, `test/unit/rules/${rule.name}.test.ts`)));
      });
      it('can be configured in the settings schema', () => {
        const pkg = JSON.parse(read('package.json'));
        const schema = pkg.contributes.configuration.properties['starStories.rules'].properties;
        assert.deepEqual(schema[rule.name]?.enum, ['off', 'info', 'warning', 'error']);
      });
      it('has messages and a description', () => {
        assert.ok(rule.description.length > 10);
        assert.ok(Object.keys(rule.messages).length > 0);
      });
    });
  }

  it('is listed in the README table exactly as the registry says', () => {
    const readme = read('README.md');
    assert.equal(renderReadme(readme), readme, 'README.md rule table is stale: run `npm run docs`');
  });

  it('has the settings schema exactly as the registry says', () => {
    const pkg = read('package.json');
    assert.equal(renderPackageJson(pkg), pkg, 'package.json rule settings are stale: run `npm run docs`');
  });

  it('lists no setting for a rule that does not exist', () => {
    const pkg = JSON.parse(read('package.json'));
    const schemaNames = Object.keys(pkg.contributes.configuration.properties['starStories.rules'].properties);
    assert.deepEqual(schemaNames.sort(), rules.map((r) => r.name).sort());
  });
});
