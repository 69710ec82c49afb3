/**
 * `npm run test:vscode`: the editor scenarios through the `vscode` API, in desktop VS Code
 * started by @vscode/test-electron with this repository as the extension under development
 * (dist/ from `npm run package`).
 *
 * It needs a VS Code build: set VSCODE_EXECUTABLE to an installed desktop VS Code, or let
 * @vscode/test-electron download one (internet required). Neither exists in this project's CI,
 * which runs the same scenarios in code-server with Playwright instead (test/e2e).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildBank, ROOT } from '../e2e/expected';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'star-vscode-'));
  const workspace = join(scratch, 'workspace');
  buildBank(workspace);
  try {
    const exitCode = await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        join(scratch, 'user-data'),
        '--skip-welcome',
        '--skip-release-notes',
      ],
      extensionTestsEnv: { STAR_WORKSPACE: workspace, STAR_SCRATCH: scratch },
    });
    process.exitCode = exitCode;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`test:vscode could not run: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
