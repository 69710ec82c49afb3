import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from './engine';

let root: string | undefined;

/**
 * Rule docs ship inside the extension and are linked as local files: the user can read them
 * offline and no link ever leaves the machine.
 */
export function extensionRoot(): string {
  if (root === undefined) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'docs', 'rules')) && dirname(dir) !== dir) dir = dirname(dir);
    root = dir;
  }
  return root;
}

export function ruleDocUri(rule: string): string {
  return pathToFileURL(join(extensionRoot(), ruleDocPath(rule))).href;
}
