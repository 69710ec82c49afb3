/**
 * Protocol tests for what a user sees while editing: no finding flashes on a word still being
 * typed, code lenses follow settings and `.star-stories.json`, say where an overriding target
 * comes from, and rule links suit the client that asked for them.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BankChangedNotification, type BankSnapshot, type StorySummary } from '../../server/src/protocol';
import { LspClient, testUri, withServer } from './lspClient';

/** No "I" and no "we" in Task and Action: one "we" typed there is enough for we-over-i. */
const NO_PRONOUNS = [
  '# Pager rota',
  'Principles: Ownership',
  '',
  '## Situation',
  'Pages woke the on-call engineer every night.',
  '',
  '## Task',
  'The rota had to change within a month.',
  '',
  '## Action',
  'The rota moved to weekly shifts.',
  '',
  '## Result',
  'Night pages fell from 12 to 2 a week within a month.',
  '',
].join('\n');

const weOverI = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'we-over-i');

let counter = 0;
const freshUri = (name: string) => testUri(`editor-${name}-${++counter}.star.md`);

describe('protocol: a word being typed', function () {
  this.timeout(10_000);
  this.slow(2_000);
  let client: LspClient;
  let folder: string;

  before(() => {
    // An empty folder: no background indexing competes with the keystrokes.
    folder = mkdtempSync(join(tmpdir(), 'star-typing-'));
  });
  withServer(
    (started) => (client = started),
    () => ({ workspaceFolder: folder }),
  );
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Types `text` one character per didChange at `at`, as an editor sends keystrokes; `at` moves along. */
  async function type(uri: string, at: Position, text: string): Promise<void> {
    for (const ch of text) {
      await client.change(uri, [{ range: { start: at, end: at }, text: ch }]);
      at.character++;
    }
  }

  async function openAtActionEnd(name: string): Promise<{ uri: string; at: Position }> {
    const uri = freshUri(name);
    await client.open(uri, NO_PRONOUNS, 1);
    assert.deepEqual(weOverI(await client.diagnosticsFor(uri)), [], 'the story starts without we-over-i');
    const line = 'The rota moved to weekly shifts.';
    return { uri, at: client.positionOf(uri, line, line.length) };
  }

  it('typing "went" never shows we-over-i on the unfinished "we"', async () => {
    const { uri, at } = await openAtActionEnd('went');
    const before = client.published.length;
    await type(uri, at, ' It w');
    await type(uri, at, 'e');
    // Linted while the word reads "we": the server publishes this version, without the finding.
    const partial = await client.diagnosticsFor(uri);
    assert.equal(client.text(uri).split('\n')[10], 'The rota moved to weekly shifts. It we');
    assert.deepEqual(weOverI(partial), []);
    await type(uri, at, 'nt');
    await client.diagnosticsFor(uri);
    // A round trip, so anything the server still had queued has arrived.
    await client.documentSymbols(uri);
    const flagged = client.published.slice(before).filter((p) => p.uri === uri && weOverI(p).length > 0);
    assert.deepEqual(
      flagged.map((p) => p.version),
      [],
      'no publish flags the partial word',
    );
  });

  it('a finished "we", followed by a space, is reported at once', async () => {
    const { uri, at } = await openAtActionEnd('we-space');
    await type(uri, at, ' Then we ');
    const published = await client.diagnosticsFor(uri);
    assert.deepEqual(
      weOverI(published).map((d) => client.textAt(uri, d.range)),
      ['we'],
    );
  });

  it('a "we" left at the end of a line is reported once typing pauses', async () => {
    const { uri, at } = await openAtActionEnd('we-pause');
    await type(uri, at, ' Then we');
    const version = client.version(uri);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(weOverI(first), [], 'held back while the word may still grow');
    const later = await client.waitForDiagnostics(uri, (p) => p.version === version && weOverI(p).length > 0);
    assert.deepEqual(
      weOverI(later).map((d) => client.textAt(uri, d.range)),
      ['we'],
    );
  });
});

describe('protocol: code lenses and the status bar follow the configuration', function () {
  this.timeout(10_000);
  this.slow(2_000);
  let folder: string;
  let client: LspClient;
  const snapshots: BankSnapshot[] = [];
  const waiters = new Set<(s: BankSnapshot) => void>();
  const configPath = () => join(folder, '.star-stories.json');

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'star-editor-'));
  });
  withServer(
    (started) => {
      client = started;
      client.connection.onNotification(BankChangedNotification, (s: BankSnapshot) => {
        snapshots.push(s);
        for (const waiter of [...waiters]) waiter(s);
      });
    },
    () => ({ workspaceFolder: folder, settings: { targetSeconds: 180 } }),
  );
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** The first code lens, its rating (which leads the title) set apart: these tests are about the target. */
  async function lens(uri: string): Promise<{ title: string; tooltip: string }> {
    const [first] = await client.codeLenses(uri);
    const title = first.command!.title;
    const rating = /^(?:Strong inclined|Inclined|Not inclined|Strong not inclined) · /.exec(title);
    assert.ok(rating, `the code lens leads with the story's rating: ${title}`);
    return { title: title.slice(rating[0].length), tooltip: first.command!.tooltip ?? '' };
  }

  /** The story for `uri` in the first bankChanged snapshot (already received or still to come) where `predicate` holds for it. */
  function story(uri: string, predicate: (s: StorySummary) => boolean): Promise<StorySummary> {
    const find = (snapshot: BankSnapshot) => snapshot.stories.find((s) => s.uri === uri && predicate(s));
    const seen = snapshots.map(find).find((s) => s);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = (snapshot: BankSnapshot) => {
        const found = find(snapshot);
        if (found) {
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `no bankChanged with the expected story; last: ${JSON.stringify(snapshots.at(-1)?.stories.find((s) => s.uri === uri))}\n${client.report()}`,
          ),
        );
      }, 3000);
      waiters.add(waiter);
    });
  }

  it('refreshes code lenses when a setting or .star-stories.json changes, and says which one set the target', async () => {
    const uri = pathToFileURL(join(folder, 'rota.star.md')).href;
    writeFileSync(join(folder, 'rota.star.md'), NO_PRONOUNS);
    await client.open(uri, NO_PRONOUNS, 1);
    assert.match((await lens(uri)).title, /^0:\d\d \/ 3:00 · /);

    let mark = client.codeLensRefreshes;
    await client.setSettings({ targetSeconds: 240 });
    await client.codeLensRefresh(mark);
    const fromSetting = await lens(uri);
    assert.match(fromSetting.title, /^0:\d\d \/ 4:00 · I 0 · we 0/);
    assert.match(fromSetting.tooltip, /target 4:00\./, 'the setting applies: nothing to explain');
    assert.doesNotMatch(fromSetting.tooltip, /setting says/);
    await story(uri, (s) => s.targetSeconds === 240 && s.targetOverride === undefined);

    mark = client.codeLensRefreshes;
    writeFileSync(configPath(), '{ "targetSeconds": 150 }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath()).href, type: 1 }],
    });
    await client.codeLensRefresh(mark);
    const fromFile = await lens(uri);
    assert.match(fromFile.title, /^0:\d\d \/ 2:30 \(\.star-stories\.json\) · I 0/);
    assert.match(fromFile.tooltip, /target 2:30 \(from \.star-stories\.json; your setting says 4:00\)/);
    // The status bar and the Stories view read the bank snapshot.
    const summary = await story(uri, (s) => s.targetSeconds === 150);
    assert.deepEqual(summary.targetOverride, { from: '.star-stories.json', settingSeconds: 240 });

    const version = await client.replace(uri, '# Pager rota', '---\ntargetSeconds: 120\n---\n# Pager rota');
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    const fromFrontMatter = await lens(uri);
    assert.match(fromFrontMatter.title, /^0:\d\d \/ 2:00 \(front matter\) · /);
    assert.match(fromFrontMatter.tooltip, /target 2:00 \(from this file's front matter; your setting says 4:00\)/);
  });
});

describe('protocol: rule links', function () {
  this.timeout(10_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('a client that names a rule command gets command links to it, with the rule as argument', async () => {
    client = await LspClient.start({ initializationOptions: { ruleDocCommand: 'starStories.openRuleDoc' } });
    const uri = freshUri('links');
    await client.open(uri, NO_PRONOUNS.replace('The rota moved', 'We moved'), 1);
    const published = await client.diagnosticsFor(uri);
    assert.ok(published.diagnostics.length > 0);
    for (const d of published.diagnostics) {
      const href = d.codeDescription?.href ?? '';
      const match = /^command:starStories\.openRuleDoc\?(.+)$/.exec(href);
      assert.ok(match, `${d.code}: ${href}`);
      assert.deepEqual(JSON.parse(decodeURIComponent(match[1])), [d.code]);
    }
  });

  it('a client that names no command (Neovim) keeps file links; a name that is not a command id is ignored', async () => {
    client = await LspClient.start({ initializationOptions: { ruleDocCommand: 'x"); alert(1' } });
    const uri = freshUri('file-links');
    await client.open(uri, NO_PRONOUNS.replace('The rota moved', 'We moved'), 1);
    const published = await client.diagnosticsFor(uri);
    assert.ok(published.diagnostics.length > 0);
    for (const d of published.diagnostics) assert.match(d.codeDescription?.href ?? '', new RegExp(`^file://.*/docs/rules/${d.code}\\.md$`));
  });
});
