import { strict as assert } from 'node:assert';
import { Linter, type Rule } from '../../server/src/engine';
import { story } from './ruleTester';

// A rule that raises one finding to a warning for the stories that need it, like missing-reflection.
const raising: Rule = {
  name: 'raising-rule',
  description: 'Test rule whose findings may carry their own severity.',
  group: 'reflection',
  defaultSeverity: 'info',
  messages: { plain: 'plain', raised: 'raised' },
  check(s, context) {
    context.report({ messageId: 'plain', start: s.titleSpan.start, end: s.titleSpan.end });
    context.report({ messageId: 'raised', severity: 'warning', start: s.titleSpan.start, end: s.titleSpan.end });
  },
};

const severities = (rules: Record<string, 'off' | 'info' | 'warning' | 'error'> | undefined, text = story({})) =>
  new Linter({ rules: [raising] }).lint(text, rules && { rules }).findings.map((f) => `${f.messageId}:${f.severity}`);

describe('a severity reported by the rule', () => {
  it('applies when the user has not configured the rule', () => {
    assert.deepEqual(severities(undefined), ['plain:info', 'raised:warning']);
  });

  it('gives way to a severity the user configured, for every finding of the rule', () => {
    assert.deepEqual(severities({ 'raising-rule': 'error' }), ['plain:error', 'raised:error']);
    assert.deepEqual(severities({ 'raising-rule': 'info' }), ['plain:info', 'raised:info']);
  });

  it('gives way to a severity configured in front matter', () => {
    const text = '---\nrules:\n  raising-rule: info\n---\n' + story({});
    assert.deepEqual(severities(undefined, text), ['plain:info', 'raised:info']);
  });

  it('never revives a rule the user turned off', () => {
    assert.deepEqual(severities({ 'raising-rule': 'off' }), []);
  });
});
