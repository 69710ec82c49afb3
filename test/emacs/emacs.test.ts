/**
 * A third LSP client: Debian's Emacs with Eglot, headless (`emacs --batch`), loads the Emacs
 * configuration docs/editors.md gives, so the documented setup is the tested one, and visits a
 * weak story. What Flymake then shows must be the findings `star-stories lint` reports for the
 * same file, with the same settings.
 *
 * The server is started the documented way, as `star-stories-language-server --stdio` from PATH
 * (a link to the bin, as `npm link` or `npm install -g` makes it).
 *
 * Run with `npm run test:emacs` (needs `emacs` and Eglot: `apt-get install emacs-nox elpa-eglot`;
 * scripts/setup-e2e.sh installs them).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cliLint, ROOT } from '../e2e/expected';
import { documentedBlocks, runHeadless, serverOnPath } from '../editorSmoke';

interface Shown {
  rule: string;
  line: number;
  column: number;
  type: string;
  message: string;
}

/** `star-stories lint --format json` on the file, as the Problems panel would show it in Emacs. */
function cliFindings(file: string, config?: string): Shown[] {
  // Eglot 1.9 shows LSP errors as eglot-error, warnings as eglot-warning, information and hints as eglot-note.
  const type = (severity: string) => (severity === 'error' ? 'eglot-error' : severity === 'warning' ? 'eglot-warning' : 'eglot-note');
  return cliLint(file, undefined, config).map((m) => ({
    rule: m.ruleId,
    line: m.line,
    column: m.column,
    type: type(m.severity),
    message: m.message,
  }));
}

const order = (a: Shown, b: Shown) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

describe('emacs: the bundled server in Eglot, configured as docs/editors.md says', function () {
  this.timeout(90_000);
  let scratch: string;
  let path: string;
  let blocks: string[];

  before(function () {
    try {
      execFileSync('emacs', ['--batch', '--no-init-file', '--eval', "(require 'eglot)"], { stdio: 'ignore' });
    } catch {
      throw new Error('emacs with eglot is not installed: `apt-get install emacs-nox elpa-eglot` (scripts/setup-e2e.sh does it)');
    }
    scratch = mkdtempSync(join(tmpdir(), 'star-emacs-'));
    path = serverOnPath(scratch);
    blocks = documentedBlocks('Emacs', 'elisp');
    assert.equal(blocks.length, 2, 'the Emacs section has a setup block and a settings block');
    blocks.forEach((text, i) => writeFileSync(join(scratch, `config-${i}.el`), text));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** Runs headless Emacs with the first `configs` documented blocks on a copy of the weak example story. */
  async function shownInEmacs(name: string, configs: number): Promise<Shown[]> {
    const folder = join(scratch, name);
    mkdirSync(folder);
    const story = join(folder, 'onboarding-revamp.star.md');
    copyFileSync(join(ROOT, 'examples', 'onboarding-revamp.star.md'), story);
    const out = join(folder, 'shown.json');
    const stderr = await runHeadless('emacs', ['--batch', '--no-init-file', '-l', join(ROOT, 'test', 'emacs', 'run.el')], {
      cwd: folder,
      env: {
        ...process.env,
        PATH: path,
        STAR_EMACS_CONFIG: blocks
          .slice(0, configs)
          .map((_, i) => join(scratch, `config-${i}.el`))
          .join(delimiter),
        STAR_EMACS_FILE: story,
        STAR_EMACS_OUT: out,
        STAR_EMACS_TIMEOUT: '60',
      },
    });
    const received = JSON.parse(readFileSync(out, 'utf8')) as {
      error?: string;
      events?: string;
      server?: string;
      diagnostics?: Array<{ line: number; column: number; type: string; text: string }>;
    };
    assert.equal(received.error, undefined, `${received.error}\n${received.events ?? ''}\n${stderr}`);
    assert.equal(received.server, 'star-stories');
    // Eglot echoes each registration it cannot take as a warning the user sees at every start.
    assert.doesNotMatch(stderr, /unsupported capability/);
    return received.diagnostics!.map((d) => {
      // Eglot writes each one as "SOURCE [CODE]: MESSAGE".
      const parts = /^star-stories \[([\w-]+)\]: ([\s\S]*)$/.exec(d.text);
      assert.ok(parts, `unexpected Flymake text: ${d.text}`);
      return { rule: parts[1], line: d.line, column: d.column, type: d.type, message: parts[2] };
    });
  }

  it('shows the CLI findings of a weak story in Flymake', async () => {
    const shown = await shownInEmacs('defaults', 1);
    const expected = cliFindings(join(scratch, 'defaults', 'onboarding-revamp.star.md'));
    assert.ok(expected.length > 10, 'the weak example story has many findings');
    assert.deepEqual(shown.sort(order), expected.sort(order));
  });

  it('applies the documented eglot-workspace-configuration as the CLI applies the same .star-stories.json', async () => {
    assert.match(blocks[1], /:rules \(:weak-verb "info"\)/, 'the settings block this test mirrors has changed');
    const shown = await shownInEmacs('settings', 2);
    const config = join(scratch, 'settings.json');
    writeFileSync(config, JSON.stringify({ targetSeconds: 150, rules: { 'weak-verb': 'info' } }));
    const expected = cliFindings(join(scratch, 'settings', 'onboarding-revamp.star.md'), config);
    const weakVerbs = shown.filter((d) => d.rule === 'weak-verb');
    assert.ok(weakVerbs.length > 0 && weakVerbs.every((d) => d.type === 'eglot-note'), 'weak-verb is shown as a note');
    assert.deepEqual(shown.sort(order), expected.sort(order));
  });
});
