import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocSource, rules } from '../../server/src/engine/rules';
import { renderConfigSchema, renderPackageJson, renderReadme } from '../../scripts/gen-docs';
import { configKeys } from '../../server/src/engine/config';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('the rule registry', () => {
  it('has unique kebab-case names', () => {
    const names = rules.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^[a-z]+(?:-[a-z]+)*$/);
  });

  it('registers every rule folder (a folder is a rule once its line is in rules/index.ts)', () => {
    const dir = join(root, 'server/src/engine/rules');
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'common' && !e.name.startsWith('_'))
      .map((e) => e.name);
    assert.deepEqual(folders.sort(), rules.map((r) => r.name).sort());
  });

  for (const rule of rules) {
    describe(rule.name, () => {
      it('has a doc page with the sections users look for', () => {
        const doc = read(ruleDocSource(rule.name));
        assert.match(doc, new RegExp(`^# ${rule.name}\\b`));
        for (const heading of ['Why', 'Fires on', 'Stays quiet on', 'How to fix'])
          assert.ok(doc.includes(heading), `${ruleDocSource(rule.name)} lacks "${heading}"`);
      });
      it('has a test table', () => {
        assert.ok(existsSync(join(root, `server/src/engine/rules/${rule.name}/rule.test.ts`)));
      });
      it('can be configured in the settings schema', () => {
        const pkg = JSON.parse(read('package.json'));
        const schema = pkg.contributes.configuration.properties['starStories.rules'].properties;
        assert.deepEqual(schema[rule.name]?.enum, ['off', 'hint', 'info', 'warning', 'error']);
      });
      it('is listed in the config file schema', () => {
        const schema = JSON.parse(read('schemas/star-stories.schema.json'));
        const entry = schema.properties.rules.properties[rule.name];
        assert.ok(entry, `schemas/star-stories.schema.json lacks ${rule.name}`);
        const severity = entry.enum ? entry : entry.anyOf[0];
        assert.deepEqual(severity.enum, ['off', 'hint', 'info', 'warning', 'error']);
        if (rule.options) assert.deepEqual(Object.keys(entry.anyOf[1].items[1].properties).sort(), Object.keys(rule.options).sort());
      });
      it('imports no other rule (shared code lives in rules/common/ or the language layer)', () => {
        const source = read(`server/src/engine/rules/${rule.name}/rule.ts`);
        const others = [...source.matchAll(/from '\.\.\/([\w-]+)\//g)].map((m) => m[1]).filter((dir) => dir !== 'common' && dir !== '..');
        assert.deepEqual(others, []);
      });
      it('has messages and a description', () => {
        assert.ok(rule.description.length > 10);
        assert.ok(Object.keys(rule.messages).length > 0);
      });
    });
  }

  it('is listed in the README table exactly as the registry says', () => {
    const readme = read('README.md');
    assert.equal(renderReadme(readme), readme, 'README.md rule table is stale: run `npm run gen`');
  });

  it('has the settings schema exactly as the registry says', () => {
    const pkg = read('package.json');
    assert.equal(renderPackageJson(pkg), pkg, 'package.json rule settings are stale: run `npm run gen`');
  });

  it('lists no setting for a rule that does not exist', () => {
    const pkg = JSON.parse(read('package.json'));
    const schemaNames = Object.keys(pkg.contributes.configuration.properties['starStories.rules'].properties);
    assert.deepEqual(schemaNames.sort(), rules.map((r) => r.name).sort());
  });

  it('has the config file schema exactly as the registry and config keys say', () => {
    assert.equal(
      renderConfigSchema(),
      read('schemas/star-stories.schema.json'),
      'schemas/star-stories.schema.json is stale: run `npm run gen`',
    );
  });

  it('lists every config key in the config file schema and as a VS Code setting with a description', () => {
    const schema = JSON.parse(read('schemas/star-stories.schema.json'));
    const settings = JSON.parse(read('package.json')).contributes.configuration.properties;
    for (const key of configKeys(rules).keys()) {
      assert.ok(schema.properties[key]?.markdownDescription, `schema lacks ${key}`);
      assert.ok(settings[`starStories.${key}`]?.markdownDescription, `package.json lacks the setting starStories.${key}`);
    }
    assert.equal(schema.additionalProperties, false, 'unknown keys are flagged in the editor');
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', ...configKeys(rules).keys()].sort());
  });

  it('contributes the schema for .star-stories.json and ships it in the package', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.star-stories.json', url: './schemas/star-stories.schema.json' }]);
    assert.ok(read('.vscodeignore').split('\n').includes('!schemas/*.json'));
  });
});
