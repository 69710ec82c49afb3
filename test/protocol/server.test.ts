/**
 * Protocol tests: the bundled server (`dist/server.js`, from `npm run build`) driven over stdio
 * by a real JSON-RPC client, as VS Code drives it.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  Hover,
  MarkupContent,
  PublishDiagnosticsParams,
  TextDocumentSyncOptions,
} from 'vscode-languageserver-protocol';
import { amazonPrinciples } from '../../server/src/engine/principles/amazon';
import { billingMigration } from '../migrationStory';
import { applyEdits, editsFor, finding, LspClient, positionAt, testUri, withServer } from './lspClient';

const FIX_ALL_KIND = 'source.fixAll.starStories';

const WEAK_STORY = billingMigration({
  task: 'We had to move it before the contract ended.',
  action: 'We were asked to help with the migration and I would say it went well.',
  result: 'The migration finished and the team was happy.',
});

const PRINCIPLE_NAMES = [...amazonPrinciples.principles].sort((a, b) => a.rank - b.rank).map((p) => p.name);

let uriCounter = 0;
/** A fresh URI per use, so tests sharing one server never see each other's publishes. */
function freshUri(name: string): string {
  return testUri(`${name}-${++uriCounter}.star.md`);
}

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code));
}

function byCode(params: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return params.diagnostics.filter((d) => d.code === code);
}

function one(params: PublishDiagnosticsParams, code: string): Diagnostic {
  const found = byCode(params, code);
  assert.equal(found.length, 1, `expected one ${code} diagnostic, got ${found.length}: ${JSON.stringify(params.diagnostics, null, 1)}`);
  return found[0];
}

function dataOf(d: Diagnostic): { version: number; rule: string; hasFix: boolean } {
  return d.data as { version: number; rule: string; hasFix: boolean };
}

function titles(actions: CodeAction[]): string[] {
  return actions.map((a) => a.title);
}

describe('protocol: bundled server over stdio', function () {
  this.timeout(10_000);
  this.slow(1_000);
  let client: LspClient;
  withServer((started) => (client = started));

  describe('initialize', () => {
    it('returns capabilities for hover, completion, code actions, symbols and incremental sync', () => {
      const capabilities = client.initializeResult!.capabilities;
      const sync = capabilities.textDocumentSync;
      const change = typeof sync === 'number' ? sync : (sync as TextDocumentSyncOptions | undefined)?.change;
      assert.equal(change, 2, 'textDocumentSync must be Incremental (2)');
      assert.ok(capabilities.hoverProvider, 'hoverProvider');
      assert.ok(capabilities.completionProvider, 'completionProvider');
      assert.ok(capabilities.documentSymbolProvider, 'documentSymbolProvider');
      const codeAction = capabilities.codeActionProvider;
      assert.ok(codeAction && typeof codeAction === 'object', 'codeActionProvider must list its kinds');
      assert.ok(codeAction.codeActionKinds?.includes('quickfix'), `kinds: ${codeAction.codeActionKinds}`);
      assert.ok(codeAction.codeActionKinds?.includes(FIX_ALL_KIND), `kinds: ${codeAction.codeActionKinds}`);
    });
  });

  describe('diagnostics', () => {
    it('didOpen of a weak story publishes the expected findings, linked, versioned and on the flagged words', async () => {
      const uri = freshUri('weak');
      await client.open(uri, WEAK_STORY, 1);
      const published = await client.diagnosticsFor(uri);
      assert.equal(published.version, 1);
      for (const code of ['we-over-i', 'weak-verb', 'hypothetical', 'vague-impact', 'result-no-metric']) {
        assert.ok(codes(published).includes(code), `missing ${code}; got ${codes(published).join(', ')}`);
      }
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'star-stories', `source of ${d.code}`);
        const href = d.codeDescription?.href;
        assert.ok(href, `${d.code} has no codeDescription`);
        assert.ok(href.startsWith('file://'), `${d.code}: ${href} is not a file URI`);
        assert.ok(href.endsWith(`docs/rules/${d.code}.md`), `${d.code}: ${href}`);
        assert.equal(dataOf(d).version, 1, `data.version of ${d.code}`);
        assert.equal(dataOf(d).rule, d.code);
      }
      assert.deepEqual(
        byCode(published, 'we-over-i').map((d) => client.textAt(uri, d.range)),
        ['We', 'We'],
      );
      assert.equal(byCode(published, 'we-over-i')[0].range.start.line, 7, 'first "We" is in the Task');
      assert.equal(byCode(published, 'we-over-i')[1].range.start.line, 10, 'second "We" is in the Action');
      assert.equal(client.textAt(uri, one(published, 'weak-verb').range), 'help');
      assert.equal(client.textAt(uri, one(published, 'hypothetical').range), 'I would say');
      assert.equal(client.textAt(uri, one(published, 'vague-impact').range), 'went well');
      assert.equal(client.textAt(uri, one(published, 'result-no-metric').range), 'Result');
      assert.equal(one(published, 'result-no-metric').range.start.line, 12);
    });

    it('codeDescription links point at existing rule pages', async () => {
      const uri = freshUri('docs');
      await client.open(uri, WEAK_STORY, 1);
      const published = await client.diagnosticsFor(uri);
      const missing = [...new Set(published.diagnostics.map((d) => d.codeDescription?.href ?? `(no link for ${d.code})`))]
        .filter((href) => !href.startsWith('file://') || !existsSync(fileURLToPath(href)))
        .map((href) => (href.startsWith('file://') ? fileURLToPath(href) : href));
      assert.deepEqual(missing, [], 'rule pages that do not exist');
    });

    it('didChange publishes diagnostics for the new version, without the fixed hypothetical', async () => {
      const uri = freshUri('change');
      await client.open(uri, WEAK_STORY, 1);
      await client.diagnosticsFor(uri);
      const version = await client.replace(uri, 'I would say', 'I said');
      assert.equal(version, 2);
      const published = await client.diagnosticsFor(uri);
      assert.equal(published.version, 2);
      assert.ok(!codes(published).includes('hypothetical'), `still flagged: ${codes(published).join(', ')}`);
      for (const code of ['we-over-i', 'weak-verb', 'vague-impact', 'result-no-metric'])
        assert.ok(codes(published).includes(code), `lost ${code}`);
      for (const d of published.diagnostics) assert.equal(dataOf(d).version, 2, `data.version of ${d.code}`);
      assert.equal(client.textAt(uri, one(published, 'vague-impact').range), 'went well', 'ranges follow the edit');
    });

    it('several rapid changes end with diagnostics for the last version, equal to a fresh open of the final text', async () => {
      const uri = freshUri('rapid');
      await client.open(uri, WEAK_STORY, 1);
      await client.diagnosticsFor(uri);
      const before = client.published.length;
      // Typed without waiting: a burst the server may coalesce.
      await client.replace(uri, 'I would say', 'I said');
      await client.replace(uri, 'help with', 'lead');
      await client.replace(uri, 'it went well', 'it finished two weeks early');
      await client.replace(uri, 'We had', 'I had');
      const typed = 'The migration finished and the team was happy.';
      const end = client.positionOf(uri, typed, typed.length);
      for (const ch of ' Costs fell 30%.') {
        await client.change(uri, [{ range: { start: end, end }, text: ch }]);
        end.character++;
      }
      const last = client.version(uri);
      const published = await client.diagnosticsFor(uri);
      // A round trip, so any publish the server still had queued has arrived.
      await client.documentSymbols(uri);
      const burst = client.published.slice(before).filter((p) => p.uri === uri);
      assert.equal(burst[burst.length - 1], published, 'nothing is published after the last version');
      assert.equal(published.version, last);
      for (const p of burst) {
        for (const d of p.diagnostics) assert.equal(dataOf(d).version, p.version, 'data.version matches the published version');
      }
      const versions = burst.map((p) => p.version ?? -1);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        `versions never go back: ${versions}`,
      );

      const fresh = freshUri('rapid-fresh');
      await client.open(fresh, client.text(uri), last);
      const expected = await client.diagnosticsFor(fresh);
      assert.deepEqual(published.diagnostics.map(finding), expected.diagnostics.map(finding));
      assert.ok(!codes(published).includes('hypothetical') && !codes(published).includes('result-no-metric'), codes(published).join(', '));
    });

    it('CRLF line endings and emoji before a finding give UTF-16 ranges on the right text', async () => {
      const lines = [
        '# Launch week 🚀',
        'Principles: Ownership',
        '',
        '## Situation',
        'Our app 📱 crashed for 👩‍💻 users on launch day.',
        '',
        '## Task',
        'I owned the fix.',
        '',
        '## Action',
        '🚀🎉 Then I helped the on-call engineer and I would say it went well.',
        '',
        '## Result',
        'Crash rate 📉 fell from 2% to 0.5% in 3 weeks.',
        '',
      ];
      const text = lines.join('\r\n');
      assert.ok(lines[10].startsWith('🚀🎉 Then I helped'));
      const uri = freshUri('crlf-emoji');
      await client.open(uri, text, 1);
      const published = await client.diagnosticsFor(uri);
      const expectations: Array<[string, string]> = [
        ['weak-verb', 'helped'],
        ['hypothetical', 'I would say'],
        ['vague-impact', 'went well'],
      ];
      for (const [code, word] of expectations) {
        const d = one(published, code);
        const line = 10; // the Action's line, after the heading line, three CRLF-ended sections and blank lines
        assert.deepEqual(
          d.range,
          { start: { line, character: lines[line].indexOf(word) }, end: { line, character: lines[line].indexOf(word) + word.length } },
          `${code}: range in UTF-16 code units on line ${line}`,
        );
        assert.equal(client.textAt(uri, d.range), word);
      }
      // Two emoji are four UTF-16 code units: the server must not count code points.
      assert.equal(one(published, 'weak-verb').range.start.character, '🚀🎉 Then I '.length);
      for (const d of published.diagnostics) {
        assert.ok(d.range.start.line < lines.length && d.range.end.line < lines.length, `${d.code} range inside the document`);
        assert.ok(!client.textAt(uri, d.range).includes('\r'), `${d.code} range does not split or include a CRLF`);
      }
    });
  });

  describe('hover', () => {
    /** Opens the weak story and hovers `delta` characters into the first `find`. */
    async function hoverIn(name: string, find: string, delta: number) {
      const uri = freshUri(name);
      await client.open(uri, WEAK_STORY, 1);
      return { uri, hover: await client.hover(uri, client.positionOf(uri, find, delta)) };
    }

    /** The hover's Markdown text; it must have one. */
    function markdownOf(hover: Hover | null): MarkupContent {
      assert.ok(hover, 'expected a hover');
      const contents = hover.contents as MarkupContent;
      assert.equal(contents.kind, 'markdown');
      return contents;
    }

    it('on a principle name on the Principles: line shows its definition in markdown', async () => {
      const { uri, hover } = await hoverIn('hover', 'Ownership', 3);
      const contents = markdownOf(hover);
      const ownership = amazonPrinciples.principles.find((p) => p.name === 'Ownership')!;
      assert.ok(contents.value.includes('Ownership'), contents.value);
      assert.ok(contents.value.includes(ownership.definition), `definition missing from:\n${contents.value}`);
      if (hover?.range) assert.equal(client.textAt(uri, hover.range), 'Ownership');
    });

    it('on a "## Action" heading shows its words and spoken seconds', async () => {
      const contents = markdownOf((await hoverIn('hover-section', '## Action', 5)).hover);
      // "We were asked to help with the migration and I would say it went well." is 15 words, 6 s at 150 wpm.
      assert.match(contents.value, /\b15 words\b/);
      assert.match(contents.value, /0:06 spoken/);
    });

    it('in plain prose with no principle returns null', async () => {
      assert.equal((await hoverIn('hover-prose', 'billing service', 3)).hover, null);
    });
  });

  describe('code actions', () => {
    it('unknown-principle "Customer Obsesion" gets a preferred fix changing exactly that text', async () => {
      const uri = freshUri('typo');
      const text = WEAK_STORY.replace('Principles: Ownership', 'Principles: Customer Obsesion, Ownership');
      await client.open(uri, text, 1);
      const published = await client.diagnosticsFor(uri);
      const diagnostic = one(published, 'unknown-principle');
      assert.equal(client.textAt(uri, diagnostic.range), 'Customer Obsesion');
      const actions = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] });
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, `one preferred fix among ${titles(actions).join(' | ')}`);
      assert.equal(preferred[0].kind, 'quickfix');
      assert.deepEqual(preferred[0].diagnostics, [diagnostic]);
      const fixed = applyEdits(text, editsFor(preferred[0].edit, uri, 1));
      assert.equal(fixed, text.replace('Customer Obsesion', 'Customer Obsession'));
    });

    it('we-over-i offers its rewrite as a suggestion, never as a preferred fix, and disabling for the line or the file', async () => {
      const uri = freshUri('we');
      await client.open(uri, WEAK_STORY, 1);
      const published = await client.diagnosticsFor(uri);
      const diagnostic = byCode(published, 'we-over-i')[1]; // "We were" in the Action
      const actions = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
      const names = titles(actions);
      // "We" → "I" changes who did what: only the writer can say it was them.
      assert.ok(!actions.some((a) => a.isPreferred), `a preferred fix in ${names.join(' | ')}`);
      assert.ok(!actions.some((a) => /^Fix all /.test(a.title)), names.join(' | '));
      const suggestion = actions.find((a) => a.title.startsWith('Tell it in the first person'));
      assert.ok(suggestion, names.join(' | '));
      assert.equal(applyEdits(WEAK_STORY, editsFor(suggestion.edit, uri, 1)), WEAK_STORY.replace('We were asked', 'I was asked'));
      assert.ok(
        actions.some((a) => a.title === 'Disable we-over-i for this file'),
        names.join(' | '),
      );
      const disableFile = actions.find((a) => a.title === 'Disable we-over-i for this file')!;
      assert.equal(
        applyEdits(WEAK_STORY, editsFor(disableFile.edit, uri, 1)),
        '<!-- star-stories-disable-file we-over-i -->\n' + WEAK_STORY,
      );
      for (const a of actions) assert.equal(a.kind, 'quickfix', `${a.title} is a quickfix`);

      const disableLine = actions.find((a) => a.title === 'Disable we-over-i for this line');
      assert.ok(disableLine, names.join(' | '));
      const actionLine = 'We were asked to help with the migration and I would say it went well.';
      assert.equal(
        applyEdits(WEAK_STORY, editsFor(disableLine.edit, uri, 1)),
        WEAK_STORY.replace(actionLine, `<!-- star-stories-disable-next-line we-over-i -->\n${actionLine}`),
      );
      const version = await client.applyWorkspaceEdit(uri, disableLine.edit!);
      assert.equal(version, 2);
      const after = await client.diagnosticsFor(uri);
      const remaining = byCode(after, 'we-over-i');
      assert.deepEqual(
        remaining.map((d) => d.range.start.line),
        [7],
        'only the Task\'s "We" is left',
      );
      assert.ok(codes(after).includes('weak-verb'), 'other rules on that line still fire');
    });

    it('"Disable for this file" goes after front matter, which must stay first', async () => {
      const uri = freshUri('front-matter');
      const text = '---\ntargetSeconds: 150\n---\n' + WEAK_STORY;
      await client.open(uri, text, 1);
      const diagnostic = byCode(await client.diagnosticsFor(uri), 'we-over-i')[0];
      const actions = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] });
      const disableFile = actions.find((a) => a.title === 'Disable we-over-i for this file');
      assert.ok(disableFile, titles(actions).join(' | '));
      const edited = applyEdits(text, editsFor(disableFile.edit, uri, 1));
      assert.equal(edited, '---\ntargetSeconds: 150\n---\n<!-- star-stories-disable-file we-over-i -->\n' + WEAK_STORY);
      await client.applyWorkspaceEdit(uri, disableFile.edit!);
      const after = await client.diagnosticsFor(uri);
      assert.deepEqual(byCode(after, 'we-over-i'), []);
      assert.ok(!codes(after).includes('front-matter'), 'front matter still parses');
    });

    it('a diagnostic whose data.version is stale gets no fix', async () => {
      const uri = freshUri('stale');
      const text = WEAK_STORY.replace('Principles: Ownership', 'Principles: Customer Obsesion');
      await client.open(uri, text, 1);
      const old = await client.diagnosticsFor(uri);
      const staleDiagnostic = byCode(old, 'unknown-principle')[0];
      // An edit elsewhere (the end of the file): the stale diagnostic's range still holds the same text.
      const end = positionAt(text, text.length);
      await client.change(uri, [{ range: { start: end, end }, text: '\n' }]);
      const current = await client.diagnosticsFor(uri);
      assert.equal(client.textAt(uri, staleDiagnostic.range), 'Customer Obsesion');
      const stale = await client.codeActions(uri, staleDiagnostic.range, { diagnostics: [staleDiagnostic] });
      assert.deepEqual(
        stale.filter((a) => a.edit),
        [],
        `stale diagnostic got ${titles(stale).join(' | ')}`,
      );
      const fresh = await client.codeActions(uri, staleDiagnostic.range, { diagnostics: [byCode(current, 'unknown-principle')[0]] });
      assert.ok(
        fresh.some((a) => a.isPreferred && a.edit),
        `the current diagnostic gets its fix: ${titles(fresh).join(' | ')}`,
      );
    });

    it('source.fixAll.starStories leaves no fixable finding and reaches a fixed point', async () => {
      const uri = freshUri('fixall');
      // Rules with safe fixes: unknown-principle and hypothetical ("I would run" becomes "I ran"); "We" stays the author's call.
      const text = WEAK_STORY.replace('Principles: Ownership', 'Principles: Customer Obsesion, Ownership').replace(
        'out of support.',
        'out of support. Each night I would run the export by hand.',
      );
      await client.open(uri, text, 1);
      const before = await client.diagnosticsFor(uri);
      assert.ok(
        before.diagnostics.some((d) => dataOf(d).hasFix),
        'the story starts with fixable findings',
      );
      const range = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
      const actions = await client.codeActions(uri, range, { only: [FIX_ALL_KIND], triggerKind: 2 });
      assert.equal(actions.length, 1, titles(actions).join(' | '));
      assert.equal(actions[0].kind, FIX_ALL_KIND);
      const edits = editsFor(actions[0].edit, uri, 1);
      assert.ok(edits.length > 0, 'fix-all has edits');
      const expected = applyEdits(text, edits);
      const version = await client.applyWorkspaceEdit(uri, actions[0].edit!);
      assert.equal(client.text(uri), expected);
      assert.ok(expected.includes('Principles: Customer Obsession, Ownership'), expected);
      assert.ok(expected.includes('We had to move it'), expected);
      assert.ok(expected.includes('Each night I ran the export by hand.'), expected);
      // "I would say" is a filler: the fix deletes it rather than putting it in the past; "We" is the author's call.
      assert.ok(expected.includes('We were asked to help with the migration and it went well.'), expected);
      const after = await client.diagnosticsFor(uri);
      assert.equal(after.version, version);
      const fixable = after.diagnostics.filter((d) => dataOf(d).hasFix);
      assert.deepEqual(
        fixable.map((d) => `${d.code}: ${client.textAt(uri, d.range)}`),
        [],
        'no fixable finding is left',
      );

      const again = await client.codeActions(uri, range, { only: [FIX_ALL_KIND], triggerKind: 2 });
      const secondEdits = again.flatMap((a) => editsFor(a.edit, uri, version));
      assert.equal(applyEdits(client.text(uri), secondEdits), client.text(uri), 'a second fix-all changes nothing');
    });
  });

  describe('completion', () => {
    const text = ['# Completion', 'Principles: ', '', '## Re', ''].join('\n');

    it('after "Principles: " lists all 16 principles in rank order', async () => {
      const uri = freshUri('complete');
      await client.open(uri, text, 1);
      const items = await client.completion(uri, { line: 1, character: 'Principles: '.length }, ' ');
      const ordered = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
      assert.deepEqual(
        ordered.map((i) => i.label),
        PRINCIPLE_NAMES,
      );
      assert.equal(PRINCIPLE_NAMES.length, 16);
    });

    it('after "Principles: Customer Obsession, " does not offer Customer Obsession again', async () => {
      const uri = freshUri('complete-again');
      await client.open(uri, text.replace('Principles: ', 'Principles: Customer Obsession, '), 1);
      const items = await client.completion(uri, { line: 1, character: 'Principles: Customer Obsession, '.length }, ' ');
      const labels = items.map((i) => i.label);
      assert.ok(!labels.includes('Customer Obsession'), labels.join(', '));
      assert.ok(labels.includes('Ownership') && labels.includes('Dive Deep'), labels.join(', '));
      assert.equal(labels.length, 15);
    });

    it('after "## Re" offers Result and Reflection, replacing the typed prefix', async () => {
      const uri = freshUri('complete-section');
      await client.open(uri, text, 1);
      const items = await client.completion(uri, { line: 3, character: '## Re'.length });
      const labels = items.map((i) => i.label);
      for (const label of ['Result', 'Reflection']) {
        const item = items.find((i) => i.label === label);
        assert.ok(item, `${label} missing from ${labels.join(', ')}`);
        const edit = item.textEdit;
        assert.ok(edit && 'range' in edit, `${label} has a TextEdit`);
        const inserted = applyEdits(text, [edit]);
        assert.ok(inserted.includes(`\n## ${label}\n`), `${label} inserts to:\n${inserted}`);
      }
    });
  });

  describe('document symbols', () => {
    it('returns stories with their sections as children', async () => {
      const uri = freshUri('symbols');
      const second = WEAK_STORY.replace('# Billing migration', '# Pager fatigue');
      await client.open(uri, `${WEAK_STORY}\n${second}`, 1);
      const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
      assert.ok(symbols && symbols.length === 2, JSON.stringify(symbols));
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['Billing migration', 'Pager fatigue'],
      );
      for (const story of symbols) {
        assert.ok('children' in story, 'hierarchical DocumentSymbol');
        assert.deepEqual(
          story.children!.map((c) => c.name),
          ['Situation', 'Task', 'Action', 'Result'],
        );
        assert.equal(client.textAt(uri, story.selectionRange), story.name);
        for (const child of story.children!) {
          assert.equal(client.textAt(uri, child.selectionRange), child.name);
          assert.ok(
            child.range.start.line >= story.range.start.line && child.range.end.line <= story.range.end.line,
            `${child.name} inside ${story.name}`,
          );
        }
      }
      assert.ok(symbols[0].range.end.line < symbols[1].range.start.line, 'stories do not overlap');
    });
  });
});

describe('protocol: lifecycle', function () {
  this.timeout(10_000);

  it('shutdown then exit ends the process with code 0', async () => {
    const client = await LspClient.start();
    try {
      const result = await client.request('shutdown', null);
      assert.equal(result, null);
      await client.connection.sendNotification('exit');
      const exit = await client.waitForExit(3000);
      assert.deepEqual(exit, { code: 0, signal: null }, client.report());
    } finally {
      client.kill();
    }
  });
});
