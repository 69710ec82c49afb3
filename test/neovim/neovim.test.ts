/**
 * A second LSP client: Debian's Neovim, headless, runs the tested Neovim configuration of
 * docs/editors.md (test/neovim/init.lua loads it), so the documented setup is the tested one,
 * and writes the diagnostics it shows for a weak story. They must be the findings
 * `star-stories lint` reports for the same file with the same settings.
 *
 * The server is started the documented way, as `star-stories-language-server --stdio` from PATH
 * (a link to the bin, as `npm link` or `npm install -g` makes it).
 *
 * Run with `npm run test:neovim` (needs `nvim`: `apt-get install neovim`; scripts/setup-e2e.sh
 * installs it).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** vim.diagnostic.severity: ERROR 1, WARN 2, INFO 3, HINT 4, as LSP numbers them. */
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

interface Shown {
  rule: string;
  line: number;
  column: number;
  severity: number;
  message: string;
}

/** The first ```lua block of docs/editors.md's Neovim section: the one that runs on Neovim 0.7. */
function documentedLua(): string {
  const section = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8')
    .split(/^## /m)
    .find((s) => s.startsWith('Neovim'));
  const block = section && /^```lua\n([\s\S]*?)^```$/m.exec(section);
  assert.ok(block, 'docs/editors.md has no Lua block under "## Neovim"');
  return block[1];
}

describe('neovim: the bundled server in a second LSP client, configured as docs/editors.md says', function () {
  this.timeout(60_000);
  let scratch: string;

  before(function () {
    try {
      execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('nvim is not installed: `apt-get install neovim` (scripts/setup-e2e.sh does it)');
    }
    scratch = mkdtempSync(join(tmpdir(), 'star-nvim-'));
    mkdirSync(join(scratch, 'bin'));
    symlinkSync(join(ROOT, 'bin', 'star-stories-language-server.mjs'), join(scratch, 'bin', 'star-stories-language-server'));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('shows the CLI findings of a weak story, with the settings of the configuration', async function () {
    const config = documentedLua();
    // The settings the CLI is given below; if the documented ones change, so must they.
    assert.match(config, /local star_settings = \{ targetSeconds = 150, rules = \{ \['weak-verb'\] = 'info' \} \}/);
    writeFileSync(join(scratch, 'config.lua'), config);
    writeFileSync(join(scratch, 'settings.json'), JSON.stringify({ targetSeconds: 150, rules: { 'weak-verb': 'info' } }));
    const story = join(scratch, 'onboarding-revamp.star.md');
    copyFileSync(join(ROOT, 'examples', 'onboarding-revamp.star.md'), story);
    const out = join(scratch, 'diagnostics.json');

    const nvim = spawn('nvim', ['--headless', '-u', join(ROOT, 'test', 'neovim', 'init.lua'), story], {
      cwd: scratch,
      env: {
        ...process.env,
        PATH: `${join(scratch, 'bin')}${delimiter}${process.env.PATH}`,
        STAR_NVIM_CONFIG: join(scratch, 'config.lua'),
        STAR_NVIM_OUT: out,
        STAR_NVIM_TIMEOUT_MS: '30000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    nvim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((res) => nvim.on('exit', res));
    assert.equal(code, 0, `nvim exited with ${code}: ${stderr}`);

    const received = JSON.parse(readFileSync(out, 'utf8')) as {
      error?: string;
      clients?: string[];
      diagnostics?: Array<{ line: number; column: number; severity: number; code: string; source: string; message: string }>;
    };
    assert.equal(received.error, undefined);
    assert.deepEqual(received.clients, ['star-stories']);
    assert.ok(received.diagnostics!.every((d) => d.source === 'star-stories'));
    const shown: Shown[] = received.diagnostics!.map((d) => ({
      rule: d.code,
      line: d.line,
      column: d.column,
      severity: d.severity,
      message: d.message,
    }));

    let cli: string;
    try {
      cli = execFileSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli.js'), 'lint', story, '--format', 'json', '--config', join(scratch, 'settings.json')],
        {
          encoding: 'utf8',
        },
      );
    } catch (e) {
      cli = (e as { stdout: string }).stdout; // exit 1: the story has errors
    }
    const expected = (
      JSON.parse(cli) as Array<{ messages: Array<{ ruleId: string; severity: string; line: number; column: number; message: string }> }>
    )[0].messages.map((m) => ({ rule: m.ruleId, line: m.line, column: m.column, severity: SEVERITY[m.severity], message: m.message }));
    assert.ok(expected.length > 10, 'the weak example story has many findings');
    assert.ok(
      shown.some((d) => d.rule === 'weak-verb') && shown.every((d) => d.rule !== 'weak-verb' || d.severity === 3),
      'weak-verb shown as info',
    );
    const order = (a: Shown, b: Shown) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
    assert.deepEqual(shown.sort(order), expected.sort(order));
  });

  it("every Lua block of docs/editors.md's Neovim section is valid Lua (the ones for newer Neovims are not run)", () => {
    const section = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8')
      .split(/^## /m)
      .find((s) => s.startsWith('Neovim'))!;
    const files = [...section.matchAll(/^```lua\n([\s\S]*?)^```$/gm)].map((m, i) => {
      const file = join(scratch, `block-${i}.lua`);
      writeFileSync(file, m[1]);
      return file;
    });
    assert.ok(files.length >= 3, `${files.length} Lua blocks`);
    const check =
      "local bad = {} for _, f in ipairs(vim.split(os.getenv('STAR_LUA_FILES'), '\\n')) do local fn, err = loadfile(f) " +
      "if not fn then table.insert(bad, err) end end io.stderr:write(table.concat(bad, '\\n')) vim.cmd(#bad == 0 and 'qall!' or 'cquit 1')";
    execFileSync('nvim', ['--headless', '-u', 'NONE', '-c', `lua ${check}`], {
      env: { ...process.env, STAR_LUA_FILES: files.join('\n') },
      stdio: 'pipe',
    });
  });
});
