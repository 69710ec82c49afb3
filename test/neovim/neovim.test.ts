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
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliLint, ROOT } from '../e2e/expected';
import { documentedBlocks, runHeadless, serverOnPath } from '../editorSmoke';
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
  const [block] = documentedBlocks('Neovim', 'lua');
  assert.ok(block, 'docs/editors.md has no Lua block under "## Neovim"');
  return block;
}

describe('neovim: the bundled server in a second LSP client, configured as docs/editors.md says', function () {
  this.timeout(60_000);
  let scratch: string;
  let path: string;

  before(function () {
    try {
      execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('nvim is not installed: `apt-get install neovim` (scripts/setup-e2e.sh does it)');
    }
    scratch = mkdtempSync(join(tmpdir(), 'star-nvim-'));
    path = serverOnPath(scratch);
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

    await runHeadless('nvim', ['--headless', '-u', join(ROOT, 'test', 'neovim', 'init.lua'), story], {
      cwd: scratch,
      env: {
        ...process.env,
        PATH: path,
        STAR_NVIM_CONFIG: join(scratch, 'config.lua'),
        STAR_NVIM_OUT: out,
        STAR_NVIM_TIMEOUT_MS: '30000',
      },
    });

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

    const expected = cliLint(story, undefined, join(scratch, 'settings.json')).map((m) => ({
      rule: m.ruleId,
      line: m.line,
      column: m.column,
      severity: SEVERITY[m.severity],
      message: m.message,
    }));
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
