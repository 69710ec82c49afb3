/**
 * Protocol tests for the story bank: the bundled server indexes a temporary workspace folder
 * passed in `initialize`, keeps it current from watched-file events and open documents, and
 * answers the bank requests of protocol.ts.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Diagnostic, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { storyTooltip } from '../../client/src/bankViewModel';
import { main } from '../../server/src/cli';
import { Bank } from '../../server/src/engine/bank';
import {
  BankChangedNotification,
  BankSnapshotRequest,
  CoverageReportRequest,
  NewStoryTemplateRequest,
  type BankSnapshot,
} from '../../server/src/protocol';
import { CHECKOUT, CHECKOUT_COPY, SEARCH_ACCENTS } from '../unit/bank/stories';
import { LspClient, withServer } from './lspClient';

const FILE_CREATED = 1;
const FILE_CHANGED = 2;
const FILE_DELETED = 3;

describe('protocol: story bank', function () {
  this.timeout(10_000);
  this.slow(1_000);
  let dir: string;
  let client: LspClient;
  const snapshots: BankSnapshot[] = [];
  let waiters: Array<{ predicate: (s: BankSnapshot) => boolean; resolve: (s: BankSnapshot) => void }> = [];
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  /**
   * The first bankChanged snapshot received from index `since` on (take `snapshots.length` before
   * acting) that matches, so a snapshot from before the action never satisfies the wait.
   */
  function bankChanged(since: number, predicate: (s: BankSnapshot) => boolean, what: string): Promise<BankSnapshot> {
    const seen = snapshots.slice(since).find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiters.push(waiter);
      setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        const last = snapshots[snapshots.length - 1];
        reject(
          new Error(
            `No bankChanged with ${what}; last had ${last ? last.stories.map((s) => s.title).join(', ') || 'no stories' : 'none received'}\n${client.report()}`,
          ),
        );
      }, 4000);
    });
  }

  let mark = 0;
  const titles = (s: BankSnapshot) => s.stories.map((story) => story.title);
  const principle = (s: BankSnapshot, name: string) => s.principles.find((p) => p.name === name)!;

  async function watched(name: string, type: number): Promise<void> {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type }] });
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-bank-'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'payments.star.md'), CHECKOUT);
    writeFileSync(join(dir, 'search.star.md'), SEARCH_ACCENTS);
    writeFileSync(join(dir, 'notes.md'), CHECKOUT);
    writeFileSync(join(dir, 'node_modules', 'pkg', 'vendored.star.md'), CHECKOUT_COPY);
    writeFileSync(join(dir, 'drafts', 'draft.star.md'), CHECKOUT_COPY);
  });

  withServer(
    (started) => {
      client = started;
      client.connection.onNotification(BankChangedNotification, (snapshot: BankSnapshot) => {
        snapshots.push(snapshot);
        const matched = waiters.filter((w) => w.predicate(snapshot));
        waiters = waiters.filter((w) => !matched.includes(w));
        for (const w of matched) w.resolve(snapshot);
      });
    },
    () => ({ workspaceFolder: dir, sections: { files: { exclude: { '**/drafts': true, '**/*.tmp': false } } } }),
  );

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('advertises workspace symbols and code lenses', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.ok(capabilities.workspaceSymbolProvider);
    assert.ok(capabilities.codeLensProvider);
  });

  it('indexes the folder: story files only, without node_modules and files.exclude, and sends bankChanged', async () => {
    const snapshot = await bankChanged(0, (s) => s.stories.length >= 2, 'two stories');
    assert.deepEqual(titles(snapshot), ['Checkout latency regression', 'Search that could not find accented names']);
    assert.deepEqual(snapshot.folders, [pathToFileURL(dir).href]);
    assert.equal(snapshot.principles.length, 16);
    assert.deepEqual(principle(snapshot, 'Customer Obsession').stories, [`${uriOf('payments.star.md')}#0`, `${uriOf('search.star.md')}#0`]);
    assert.equal(principle(snapshot, 'Customer Obsession').status, 'covered');
    assert.equal(principle(snapshot, 'Ownership').status, 'missing');
    const requested = await client.request(BankSnapshotRequest, null);
    assert.deepEqual(requested, snapshot);
  });

  it('coverage --format json from the CLI equals the server snapshot of the same folder', async () => {
    const server = await client.request(BankSnapshotRequest, null);
    let out = '';
    const code = main(
      ['coverage', dir, '--format', 'json'],
      (s) => (out += s),
      () => undefined,
    );
    assert.equal(code, 0);
    // The CLI walks node_modules-free folders but knows nothing of the editor's files.exclude.
    const cli = JSON.parse(out) as BankSnapshot;
    const draft = uriOf('drafts/draft.star.md');
    // The bank's composition counts the draft too; the profile and the checks made must still agree.
    assert.deepEqual(cli.profile, server.profile);
    assert.deepEqual(
      cli.composition?.map((c) => c.id),
      server.composition?.map((c) => c.id),
    );
    const withoutDraft: BankSnapshot = {
      ...cli,
      composition: server.composition,
      stories: cli.stories.filter((s) => s.uri !== draft),
      principles: cli.principles.map((p) => {
        const stories = p.stories.filter((id) => !id.startsWith(draft));
        return { ...p, stories, status: stories.length >= 2 ? 'covered' : stories.length === 1 ? 'thin' : 'missing' };
      }),
    };
    // The draft is a copy of the checkout story, so the CLI counts a duplicate-story problem the editor does not see,
    // and it lowers that story's readiness (and so maybe the bank's) there only.
    const problemsOf = (s: BankSnapshot) => s.stories.map((story) => ({ ...story, problems: 0, readiness: undefined }));
    const withoutReadiness = (s: BankSnapshot) => ({ ...s, stories: problemsOf(s), readiness: undefined });
    assert.deepEqual(withoutReadiness(withoutDraft), withoutReadiness(server));
    assert.deepEqual(
      server.stories.map((story) => story.readiness?.rating),
      ['strong inclined', 'strong inclined'],
      'the editor sees no duplicate, so both stories are rated on their own findings',
    );
    assert.deepEqual(
      server.principles.map((p) => [p.name, p.stories.length]),
      withoutDraft.principles.map((p) => [p.name, p.stories.length]),
    );
  });

  it('a created, changed and deleted file updates the snapshot', async () => {
    mark = snapshots.length;
    writeFileSync(
      join(dir, 'pager.star.md'),
      CHECKOUT_COPY.replace('# Payment page slowdown', '# Pager rota').replace(/Principles: .*/, 'Principles: Ownership'),
    );
    await watched('pager.star.md', FILE_CREATED);
    let snapshot = await bankChanged(mark, (s) => titles(s).includes('Pager rota'), 'Pager rota');
    assert.equal(principle(snapshot, 'Ownership').status, 'thin');

    mark = snapshots.length;
    writeFileSync(
      join(dir, 'pager.star.md'),
      SEARCH_ACCENTS.replace(/^# .*/, '# Pager rota').replace(/Principles: .*/, 'Principles: Ownership, Frugality'),
    );
    await watched('pager.star.md', FILE_CHANGED);
    snapshot = await bankChanged(mark, (s) => principle(s, 'Frugality').stories.length === 1, 'Frugality covered by the changed file');
    assert.deepEqual(principle(snapshot, 'Frugality').stories, [`${uriOf('pager.star.md')}#0`]);

    mark = snapshots.length;
    unlinkSync(join(dir, 'pager.star.md'));
    await watched('pager.star.md', FILE_DELETED);
    snapshot = await bankChanged(mark, (s) => !titles(s).includes('Pager rota'), 'Pager rota gone');
    assert.equal(principle(snapshot, 'Ownership').status, 'missing');
    // A file event for an excluded folder changes nothing.
    await watched('drafts/draft.star.md', FILE_CHANGED);
    const now = await client.request(BankSnapshotRequest, null);
    assert.deepEqual(titles(now), ['Checkout latency regression', 'Search that could not find accented names']);
  });

  it("sends each story's heaviest three reasons with the others counted, as the Stories view shows them", async () => {
    const weak = [
      '# Basically a migration',
      '',
      'Principles: Ownership',
      '',
      '## Situation',
      'We had a legacy billing system and basically things were slow.',
      '',
      '## Task',
      'We needed to move it, and the team worked on a plan.',
      '',
      '## Action',
      'We worked on the migration. I would usually just help the team. We basically helped with testing and we helped the rollout.',
      '',
      '## Result',
      'Things improved a lot and it went well.',
      '',
    ].join('\n');
    const inProcess = new Bank();
    inProcess.update(uriOf('weak.star.md'), weak);
    const all = inProcess.summaries()[0].readiness!;
    assert.ok(all.reasons.length > 3, `a story with more than three reasons (${all.reasons.length})`);
    mark = snapshots.length;
    writeFileSync(join(dir, 'weak.star.md'), weak);
    await watched('weak.star.md', FILE_CREATED);
    const snapshot = await bankChanged(
      mark,
      (s) => s.stories.some((story) => story.title === 'Basically a migration' && story.readiness),
      'the weak story rated',
    );
    const sent = snapshot.stories.find((story) => story.title === 'Basically a migration')!.readiness!;
    assert.deepEqual(sent, { ...all, reasons: all.reasons.slice(0, 3), omitted: all.reasons.length - 3 });
    assert.match(storyTooltip({ ...snapshot.stories[0], readiness: sent }), new RegExp(`- and ${all.reasons.length - 3} more`));
    unlinkSync(join(dir, 'weak.star.md'));
    mark = snapshots.length;
    await watched('weak.star.md', FILE_DELETED);
    await bankChanged(mark, (s) => !titles(s).includes('Basically a migration'), 'the weak story gone');
  });

  it('the role setting and .star-stories.json pick the profile the coverage follows', async () => {
    mark = snapshots.length;
    await client.setSettings({ role: 'em' });
    let snapshot = await bankChanged(mark, (s) => s.profile?.role === 'em', 'the em profile');
    assert.equal(snapshot.principles[0].name, 'Hire and Develop the Best');
    assert.equal(snapshot.principles[0].mustHave, true);

    mark = snapshots.length;
    const configPath = join(dir, '.star-stories.json');
    writeFileSync(configPath, '{ "level": "L7" }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath).href, type: FILE_CREATED }],
    });
    snapshot = await bankChanged(mark, (s) => s.profile?.level === 'L7', 'level L7 from the config file');
    assert.deepEqual(snapshot.profile, { role: 'em', level: 'L7', name: 'Engineering manager, L7' });

    mark = snapshots.length;
    unlinkSync(configPath);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath).href, type: FILE_DELETED }],
    });
    await client.setSettings({});
    snapshot = await bankChanged(mark, (s) => s.profile?.role === 'sde' && s.profile.level === 'L5', 'the default profile again');
    assert.equal(snapshot.principles[0].name, 'Customer Obsession');
  });

  it('an unsaved edit that adds a principle updates coverage; closing reverts to the file on disk', async () => {
    const uri = uriOf('search.star.md');
    await client.open(uri, SEARCH_ACCENTS);
    await client.diagnosticsFor(uri);
    mark = snapshots.length;
    await client.replace(
      uri,
      'Principles: Customer Obsession, Dive Deep',
      'Principles: Customer Obsession, Dive Deep, Invent and Simplify',
    );
    let snapshot = await bankChanged(
      mark,
      (s) => principle(s, 'Invent and Simplify').stories.length === 1,
      'Invent and Simplify from the unsaved edit',
    );
    assert.deepEqual(principle(snapshot, 'Invent and Simplify').stories, [`${uri}#0`]);
    assert.equal(principle(snapshot, 'Invent and Simplify').status, 'thin');
    mark = snapshots.length;
    await client.close(uri);
    snapshot = await bankChanged(mark, (s) => principle(s, 'Invent and Simplify').stories.length === 0, 'the disk version back');
    assert.equal(principle(snapshot, 'Invent and Simplify').status, 'missing');
  });

  it('two near-identical stories in different files each get duplicate-story naming the other', async () => {
    const original = uriOf('payments.star.md');
    await client.open(original, CHECKOUT);
    const before = await client.diagnosticsFor(original);
    assert.deepEqual(
      before.diagnostics.filter((d) => d.code === 'duplicate-story'),
      [],
    );

    writeFileSync(join(dir, 'copy.star.md'), CHECKOUT_COPY);
    await watched('copy.star.md', FILE_CREATED);
    const isDuplicate = (d: Diagnostic) => d.code === 'duplicate-story';
    const republished = await client.waitForDiagnostics(original, (p) => p.diagnostics.some(isDuplicate));
    const [onOriginal] = republished.diagnostics.filter(isDuplicate);
    assert.match(onOriginal.message as string, /^Near-duplicate of 'Payment page slowdown' in copy\.star\.md \(9\d% shared\)/);
    assert.equal(client.textAt(original, onOriginal.range), 'Checkout latency regression');
    assert.equal(onOriginal.severity, 2);
    assert.deepEqual(
      onOriginal.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[uriOf('copy.star.md'), 0]],
    );
    assert.match(onOriginal.codeDescription!.href, /docs\/rules\/duplicate-story\.md$/);

    const copy = uriOf('copy.star.md');
    await client.open(copy, CHECKOUT_COPY);
    const onCopy = (await client.diagnosticsFor(copy)).diagnostics.filter(isDuplicate);
    assert.deepEqual(
      onCopy.map((d) => (d.message as string).replace(/ \(.*/, '')),
      ["Near-duplicate of 'Checkout latency regression' in payments.star.md"],
    );

    // Rewriting the copy into another story clears the finding on both.
    const other =
      '# Payment page slowdown\nPrinciples: Ownership\n\n## Situation\nOn-call pages woke someone on my team four nights a week.\n\n## Task\nI owned the alerting and wanted nights quiet within a month.\n\n## Action\nI sorted ninety days of pages by rule, deleted eleven rules nobody acted on, and moved six to business hours after the service owners agreed.\n\n## Result\nNight pages fell from 19 a week to 3 within four weeks.\n';
    await client.change(copy, [{ text: other }]);
    assert.deepEqual((await client.diagnosticsFor(copy)).diagnostics.filter(isDuplicate), []);
    const cleared = await client.waitForDiagnostics(original, (p) => !p.diagnostics.some(isDuplicate));
    assert.equal(cleared.version, 1, 'the original is re-published for its own, unchanged version');
    await client.close(copy);
    await client.close(original);
    mark = snapshots.length;
    unlinkSync(join(dir, 'copy.star.md'));
    await watched('copy.star.md', FILE_DELETED);
    await bankChanged(mark, (s) => s.stories.length === 2, 'the copy deleted');
  });

  it('shows a code lens above each story: time against target, I and we, Action share, principles', async () => {
    const uri = uriOf('two.star.md');
    const second =
      '# Pager rota\nPrinciples: Ownership\n\n## Situation\nPages woke the team every night.\n\n## Task\nWe had to fix it.\n\n## Action\nWe met and we agreed. I wrote the rota.\n\n## Result\nNight pages fell from 12 to 2 a week.\n';
    await client.open(uri, CHECKOUT + '\n' + second);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [0, 'Strong inclined · 2:43 / 3:00 · I 11 · we 0 · Action 62% · 2 principles'],
        // 30 words; Task "We", Action "We … we … I": 1 to 3; the Action's 9 words are 31% of them.
        [CHECKOUT.split('\n').length, 'Not inclined · 0:12 / 3:00 · I 1 · we 3 · Action 31% · 1 principle'],
      ],
    );
    mark = snapshots.length;
    await client.close(uri);
    // Not on disk: closing drops it from the bank.
    await bankChanged(mark, (s) => !s.stories.some((story) => story.uri === uri), 'the closed unsaved file gone');
  });

  it("hovering a principle lists the bank's stories that serve it, as links to their titles", async () => {
    const uri = uriOf('search.star.md');
    await client.open(uri, SEARCH_ACCENTS);
    const hover = await client.hover(uri, client.positionOf(uri, 'Dive Deep', 2));
    const value = (hover!.contents as MarkupContent).value;
    assert.ok(value.includes(`**Your stories for it** (2)`), value);
    assert.ok(value.includes(`- [Checkout latency regression](${uriOf('payments.star.md')}#L1) · payments.star.md`), value);
    assert.ok(value.includes(`- [Search that could not find accented names](${uri}#L1) · search.star.md`), value);
    const none = await client.hover(uri, client.positionOf(uri, 'Dive Deep', 2));
    assert.ok(!(none!.contents as MarkupContent).value.includes('two.star.md'), 'closed unsaved files are not listed');
    await client.close(uri);
  });

  it('finds stories by title as workspace symbols', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'accnames' });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.location.uri, s.location.range.start.line, s.containerName]),
      [['Search that could not find accented names', uriOf('search.star.md'), 0, 'search.star.md']],
    );
    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.ok(all.length >= 2, JSON.stringify(all));
  });

  it('answers the coverage report and the new-story template', async () => {
    const report = await client.request(CoverageReportRequest, null);
    assert.match(report, /^# Story bank coverage\n/);
    assert.match(report, /\n\| 1 \| Customer Obsession \*must\* \| covered \(2\) \|/);
    const template = await client.request(NewStoryTemplateRequest, { principles: ['Ownership', 'Frugality'] });
    assert.match(template, /^# \$\{1:Story title\}\nPrinciples: Ownership, Frugality\n/);
    assert.match(template, /\n## Action\n\$\{4:<!-- [^\n]* -->\}\n/);
  });
});
