/**
 * Protocol tests for configuration and fix-on-save: the bundled server over stdio with a
 * workspace folder on disk holding a `.star-stories.json`.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { rules } from '../../server/src/engine/rules';
import { applyEdits, editsFor, LspClient, positionAt } from './lspClient';

const FIX_ALL_KIND = 'source.fixAll.starStories';
const CHANGED = 2;
const CREATED = 1;
const DELETED = 3;
const ERROR = 1;
const WARNING = 2;

/** A good story with findings of which two have safe fixes: unknown-principle and hypothetical (we-over-i only suggests). */
const FIXABLE = [
  '# Refund backlog',
  'Principles: Customer Obsesion, Dive Deep',
  '',
  '## Situation',
  'Refund requests at our marketplace were taking nine days to settle.',
  '',
  '## Task',
  'We had to bring settlement under two days within one quarter.',
  '',
  '## Action',
  'Each night I would run the export by hand. I pulled six weeks of refund logs, found that 70% of delays came from one carrier, and decided to pause that integration instead of waiting for the quarterly review.',
  '',
  '## Result',
  'Median settlement time fell from nine days to 1.5 days within six weeks, and refund complaints dropped by 40%.',
  '',
  '## Reflection',
  'I now read the raw logs before I trust a dashboard.',
  '',
].join('\n');

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const severityOf = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;
const hasFix = (d: Diagnostic) => (d.data as { hasFix: boolean }).hasFix;
const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

describe('protocol: configuration and fix tiers', function () {
  this.timeout(10_000);
  this.slow(1_000);
  let folder: string;
  let configPath: string;
  let configUri: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'star-workspace-'));
    configPath = join(folder, '.star-stories.json');
    configUri = pathToFileURL(configPath).href;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && client) console.error(client.report());
    await client?.stop();
    client = undefined;
    rmSync(folder, { recursive: true, force: true });
  });

  /** Rewrites (or, with `undefined`, deletes) the config file and tells the server, as the file watcher does. */
  async function writeConfig(text: string | undefined, type = CHANGED): Promise<void> {
    if (text === undefined) rmSync(configPath);
    else writeFileSync(configPath, text);
    await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type }] });
  }

  it('one source.fixAll.starStories action (what fix-on-save runs) applies every fix, and a second run changes nothing', async () => {
    // Only rules with safe fixes, so every finding in the story is fixable whatever rules are added later.
    const settings = { rules: Object.fromEntries(rules.filter((r) => r.fixable !== 'fix').map((r) => [r.name, 'off'])) };
    client = await LspClient.start({ settings, workspaceFolder: folder });
    const uri = pathToFileURL(join(folder, 'fix.star.md')).href;
    await client.open(uri, FIXABLE);
    const before = await client.diagnosticsFor(uri);
    assert.deepEqual(codes(before).sort(), ['hypothetical', 'unknown-principle']);
    assert.ok(before.diagnostics.every(hasFix), 'every finding is fixable');

    const range = { start: { line: 0, character: 0 }, end: positionAt(FIXABLE, FIXABLE.length) };
    const actions = await client.codeActions(uri, range, { only: [FIX_ALL_KIND], triggerKind: 2 });
    assert.equal(actions.length, 1);
    const expected = applyEdits(FIXABLE, editsFor(actions[0].edit, uri, 1));
    await client.applyWorkspaceEdit(uri, actions[0].edit!);
    assert.equal(client.text(uri), expected);
    assert.equal(
      expected,
      FIXABLE.replace('Customer Obsesion', 'Customer Obsession').replace('I would run', 'I ran'),
      'exactly the two fixes, nothing else changed',
    );
    const after = await client.diagnosticsFor(uri);
    assert.deepEqual(codes(after), [], 'nothing is left');

    const again = await client.codeActions(uri, range, { only: [FIX_ALL_KIND], triggerKind: 2 });
    assert.deepEqual(
      again.flatMap((a) => editsFor(a.edit, uri, client!.version(uri))),
      [],
      'the second run has no edits',
    );
  });

  it('a .star-stories.json in the workspace folder changes the diagnostics, and again when it changes or goes away', async () => {
    writeFileSync(configPath, '{ "rules": { "we-over-i": "error" } }');
    client = await LspClient.start({ workspaceFolder: folder });
    const uri = pathToFileURL(join(folder, 'bank', 'story.star.md')).href;
    await client.open(uri, FIXABLE);
    const strict = await client.diagnosticsFor(uri);
    assert.equal(severityOf(strict, 'we-over-i'), ERROR, 'the config file raises we-over-i to error');

    await writeConfig('{ "rules": { "we-over-i": "off" } }');
    await client.waitForDiagnostics(uri, (p) => !codes(p).includes('we-over-i'));

    await writeConfig(undefined, DELETED);
    const defaults = await client.waitForDiagnostics(uri, (p) => codes(p).includes('we-over-i'));
    assert.equal(severityOf(defaults, 'we-over-i'), WARNING, 'without the file: the default severity');

    await writeConfig('{ "rules": { "hypothetical": "off" } }', CREATED);
    await client.waitForDiagnostics(uri, (p) => !codes(p).includes('hypothetical') && codes(p).includes('we-over-i'));
  });

  it('a config file with a syntax error gets a diagnostic at the error; the story gets default diagnostics; fixing the file clears it', async () => {
    writeFileSync(configPath, '{ "rules": { "we-over-i": "off" } }');
    client = await LspClient.start({ workspaceFolder: folder });
    const uri = pathToFileURL(join(folder, 'story.star.md')).href;
    await client.open(uri, FIXABLE);
    await client.waitForDiagnostics(uri, (p) => !codes(p).includes('we-over-i'));

    const broken = '{\n  "rules": { "we-over-i": "off" }\n  "targetSeconds": 90\n}\n';
    await writeConfig(broken);
    const onConfig = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.equal(onConfig.diagnostics.length, 1);
    const [problem] = onConfig.diagnostics;
    assert.equal(problem.severity, ERROR);
    assert.equal(problem.source, 'star-stories');
    assert.deepEqual(problem.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 17 } });
    assert.equal(broken.split('\n')[2].slice(2, 17), '"targetSeconds"', 'the range is on the property after the missing comma');
    assert.match(messageOf(problem), /Not valid JSON: a comma is expected here/);
    const story = await client.waitForDiagnostics(uri, (p) => codes(p).includes('we-over-i'));
    assert.equal(severityOf(story, 'we-over-i'), WARNING, 'the story falls back to defaults');

    const typo = '{ "rules": { "we-over-i": "off" }, "targetSecond": 90 }';
    await writeConfig(typo);
    const warned = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.some((d) => /targetSecond"/.test(messageOf(d))));
    const at = typo.indexOf('"targetSecond"');
    assert.deepEqual(
      warned.diagnostics.map((d) => [d.severity, d.range.start.character, d.range.end.character]),
      [[WARNING, at, at + '"targetSecond"'.length]],
    );
    await client.waitForDiagnostics(uri, (p) => !codes(p).includes('we-over-i'));

    await writeConfig('{ "rules": { "we-over-i": "off" } }');
    await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0);
  });

  it('a problem that is in the file when the server starts is published at start', async () => {
    writeFileSync(configPath, '{ "rules": { "we-over-i": "loud" } }');
    client = await LspClient.start({ workspaceFolder: folder });
    const published = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.match(messageOf(published.diagnostics[0]), /must be off, hint, info, warning or error, not "loud"/);
    assert.deepEqual(published.diagnostics[0].range, { start: { line: 0, character: 26 }, end: { line: 0, character: 32 } });
  });
});
