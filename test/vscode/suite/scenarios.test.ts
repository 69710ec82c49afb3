/**
 * The e2e scenarios (test/e2e) through the `vscode` API, run inside desktop VS Code by
 * @vscode/test-electron (see ../runTest.ts). Expectations come from the CLI and the snippet
 * file, as in the Playwright suite.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { amazonPrinciples } from '../../../server/src/engine';
import {
  asProblems,
  buildBank,
  cliFix,
  cliLint,
  expandSnippet,
  restoreBank,
  ROOT,
  starSnippet,
  waitFor,
  type Problem,
} from '../../e2e/expected';

const workspace = process.env.STAR_WORKSPACE!;
const scratch = process.env.STAR_SCRATCH!;
const pristine = join(scratch, 'pristine');
const SEVERITY = ['error', 'warning', 'info', 'info'];

const pathOf = (rel: string) => join(workspace, rel);
const read = (rel: string) => readFileSync(pathOf(rel), 'utf8');
const original = (rel: string) => readFileSync(join(pristine, rel), 'utf8');

async function open(rel: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(pathOf(rel)));
  return vscode.window.showTextDocument(document);
}

function problems(uri: vscode.Uri): Problem[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'star-stories')
    .map((d) => ({
      severity: SEVERITY[d.severity],
      message: d.message,
      rule: String(typeof d.code === 'object' ? d.code.value : d.code),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Waits until the server has published `count` diagnostics for the document. */
const diagnosticsFor = (uri: vscode.Uri, count: number) =>
  waitFor(`${count} diagnostics for ${uri.fsPath}`, () => (problems(uri).length === count ? problems(uri) : undefined));

/** Language servers started from this extension (the path of its bundle is in the command line). */
function serverPids(): number[] {
  const bundle = join(ROOT, 'dist', 'server.js');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(bundle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('vscode: STAR Stories through the VS Code API', function () {
  before(async function () {
    buildBank(pristine);
    await vscode.extensions.getExtension('star-stories.star-stories')!.activate();
  });

  beforeEach(async function () {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    restoreBank(pristine, workspace);
  });

  it('a weak story gets the diagnostics `star-stories lint` reports', async function () {
    const file = 'onboarding-revamp.star.md';
    const expected = asProblems(cliLint(pathOf(file)));
    const editor = await open(file);
    assert.deepEqual(await diagnosticsFor(editor.document.uri, expected.length), expected);
  });

  it('hovering a principle name shows its definition', async function () {
    const editor = await open('onboarding-revamp.star.md');
    const position = editor.document.positionAt(editor.document.getText().indexOf('Deliver Results') + 3);
    const principle = amazonPrinciples.principles.find((p) => p.name === 'Deliver Results')!;
    const text = await waitFor('a hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes('Deliver Results') ? all : undefined;
    });
    assert.ok(text.includes(principle.definition), text);
  });

  it('a quick fix changes exactly the flagged text', async function () {
    const file = 'onboarding-revamp.star.md';
    const finding = cliLint(pathOf(file)).find((m) => m.ruleId === 'unknown-principle')!;
    const editor = await open(file);
    const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
    assert.equal(editor.document.getText(range), 'Customer Obsesion');
    await diagnosticsFor(editor.document.uri, cliLint(pathOf(file)).length);
    const action = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions.find((a) => a.title === 'Change to "Customer Obsession"');
    });
    const text = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    const start = editor.document.offsetAt(range.start);
    assert.equal(editor.document.getText(), text.slice(0, start) + 'Customer Obsession' + text.slice(start + 'Customer Obsesion'.length));
  });

  it('fix on save applies every safe fix, as `star-stories lint --fix` does', async function () {
    const file = 'search-timeouts.star.md';
    const editor = await open(file);
    await diagnosticsFor(editor.document.uri, cliLint(pathOf(file)).length);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the fixed file on disk', () => (read(file) !== original(file) ? true : undefined));
    assert.equal(read(file), cliFix(original(file), scratch));
  });

  it('the snippet `star` inserts a story skeleton', async function () {
    const snippet = starSnippet();
    const editor = await open('drafts/new-story.star.md');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'star-markdown', name: snippet.name });
    assert.equal(editor.document.getText(), expandSnippet(snippet.body));
  });

  it('killing the language server brings it back, with diagnostics for new text', async function () {
    const file = 'onboarding-revamp.star.md';
    const editor = await open(file);
    await diagnosticsFor(editor.document.uri, cliLint(pathOf(file)).length);
    const before = serverPids();
    assert.equal(before.length, 1, `one language server: ${before}`);
    process.kill(before[0], 'SIGKILL');
    await waitFor('the client to restart the server', () => {
      const now = serverPids();
      return now.length === 1 && now[0] !== before[0] ? true : undefined;
    });

    const action = original(file).split('\n').indexOf('## Action') + 1; // 0-based line after the heading
    const added = 'I would call every customer myself. ';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(action, 0), added);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = join(scratch, 'edited.star.md');
    writeFileSync(edited, editor.document.getText());
    const expected = asProblems(cliLint(edited));
    assert.ok(expected.some((p) => p.rule === 'hypothetical' && p.line === action + 1));
    const got = await waitFor('diagnostics for the new text', () => {
      const now = problems(editor.document.uri);
      return now.some((p) => p.rule === 'hypothetical' && p.line === action + 1) ? now : undefined;
    });
    assert.deepEqual(got, expected);
  });

  it('the coverage tree lists the principles with their story counts', function () {
    // The API cannot read another extension's tree items; the Playwright suite checks the rows.
    this.test!.title += ' (pending: tree rows are only visible in the UI; see test/e2e)';
    this.skip();
  });
});
