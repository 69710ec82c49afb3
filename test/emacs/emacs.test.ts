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
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface Shown {
  rule: string;
  line: number;
  column: number;
  type: string;
  message: string;
}

/** The ```elisp blocks of docs/editors.md's Emacs section, in order. */
function documentedElisp(): string[] {
  const doc = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Emacs'));
  assert.ok(section, 'docs/editors.md has no "## Emacs" section');
  return [...section.matchAll(/^```elisp\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** `star-stories lint --format json` on the file, as the Problems panel would show it in Emacs. */
function cliFindings(file: string, config?: string): Shown[] {
  const args = [join(ROOT, 'dist', 'cli.js'), 'lint', file, '--format', 'json', ...(config ? ['--config', config] : [])];
  let out: string;
  try {
    out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1: the story has errors
  }
  // Eglot 1.9 shows LSP errors as eglot-error, warnings as eglot-warning, information and hints as eglot-note.
  const type = (severity: string) => (severity === 'error' ? 'eglot-error' : severity === 'warning' ? 'eglot-warning' : 'eglot-note');
  return (
    JSON.parse(out) as Array<{ messages: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }> }>
  )[0].messages.map((m) => ({ rule: m.ruleId, line: m.line, column: m.column, type: type(m.severity), message: m.message }));
}

const order = (a: Shown, b: Shown) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

describe('emacs: the bundled server in Eglot, configured as docs/editors.md says', function () {
  this.timeout(90_000);
  let scratch: string;
  let blocks: string[];

  before(function () {
    try {
      execFileSync('emacs', ['--batch', '--no-init-file', '--eval', "(require 'eglot)"], { stdio: 'ignore' });
    } catch {
      throw new Error('emacs with eglot is not installed: `apt-get install emacs-nox elpa-eglot` (scripts/setup-e2e.sh does it)');
    }
    scratch = mkdtempSync(join(tmpdir(), 'star-emacs-'));
    mkdirSync(join(scratch, 'bin'));
    symlinkSync(join(ROOT, 'bin', 'star-stories-language-server.mjs'), join(scratch, 'bin', 'star-stories-language-server'));
    blocks = documentedElisp();
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
    const emacs = spawn('emacs', ['--batch', '--no-init-file', '-l', join(ROOT, 'test', 'emacs', 'run.el')], {
      cwd: folder,
      env: {
        ...process.env,
        PATH: `${join(scratch, 'bin')}${delimiter}${process.env.PATH}`,
        STAR_EMACS_CONFIG: blocks
          .slice(0, configs)
          .map((_, i) => join(scratch, `config-${i}.el`))
          .join(delimiter),
        STAR_EMACS_FILE: story,
        STAR_EMACS_OUT: out,
        STAR_EMACS_TIMEOUT: '60',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    emacs.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((res) => emacs.on('exit', res));
    assert.equal(code, 0, `emacs exited with ${code}: ${stderr}`);
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
