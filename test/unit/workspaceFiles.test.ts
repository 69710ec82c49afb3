/**
 * The URI helpers of the server's file access (server/src/workspaceFiles.ts): the browser server
 * resolves the `resume` setting against a folder URI, and must land where Node's
 * `path.resolve` lands for a folder on disk.
 */
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveInFolder, shownPath } from '../../server/src/workspaceFiles';

describe('workspaceFiles: resolveInFolder and shownPath', () => {
  const folder = '/home/ana/stories';
  const folderUri = pathToFileURL(folder).href;

  for (const setting of [
    'resume.md',
    './cv/resume.md',
    '../resume.md',
    '/etc/resume.md',
    'my résumé #2 (100%).md',
    'a?b.md',
    'cv\\resume.md',
  ]) {
    it(`"${setting}" resolves as path.resolve does on disk`, () => {
      // A backslash is a folder separator in a setting, as on Windows.
      const expected = pathToFileURL(resolve(folder, setting.replace(/\\/g, '/'))).href;
      assert.equal(resolveInFolder(folderUri, setting), expected);
      assert.equal(resolveInFolder(`${folderUri}/`, setting), expected);
    });
  }

  it('takes a Windows path as absolute, not as a URI scheme', () => {
    assert.equal(resolveInFolder('file:///c%3A/Users/ana', 'D:\\cv\\resume.md'), 'file:///D:/cv/resume.md');
  });

  it('resolves against any scheme the editor uses', () => {
    assert.equal(resolveInFolder('vscode-vfs://github/ana/stories', 'docs/resume.md'), 'vscode-vfs://github/ana/stories/docs/resume.md');
  });

  it('shows a file URI as its path, and any other URI as it is', () => {
    assert.equal(shownPath(pathToFileURL('/home/ana/my résumé.md').href), '/home/ana/my résumé.md');
    assert.equal(shownPath('file:///c%3A/Users/ana/cv.md'), 'c:\\Users\\ana\\cv.md');
    assert.equal(shownPath('vscode-vfs://github/ana/stories/cv.md'), 'vscode-vfs://github/ana/stories/cv.md');
  });
});
