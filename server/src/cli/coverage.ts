/** `star-stories coverage`: each principle of the bank with its stories, as the editor's coverage tree sees it. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME } from '../engine';
import { Bank, renderCoverage, type CoverageFormat } from '../engine/bank';
import { ConfigFinder } from '../configDiscovery';
import { decodeStory, NotRegularFileError, readRegularFileSync } from '../storyFile';
import { escapeJson, escapeText } from './escape';
import { discover } from './files';
import { notice, type Io } from './io';
import { fileUri } from './lint';
import type { Options } from './options';

export function coverage(options: Options, io: Io): number {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const found = discover(paths);
  for (const m of found.missing) notice(io, `no such file, folder or match: ${m}`);
  if (found.missing.length > 0) return 2;
  for (const n of [...found.notices, ...found.unreadable]) notice(io, n);
  // Folders given are the bank's folders, as workspace folders are in the editor; otherwise the current folder.
  const folders = paths.filter((p) => !picomatch.scan(p).isGlob && isDirectory(p)).map(fileUri);
  const configs = new ConfigFinder();
  const bank = new Bank();
  bank.setSettings(
    configs.forFile(join(folders.length > 0 ? fileURLToPath(folders[0]) : '.', CONFIG_FILE_NAME))?.config ?? {},
    (uri) => configs.forFile(fileURLToPath(uri))?.config ?? {},
  );
  let failed = found.unreadable.length > 0;
  for (const file of found.files) {
    try {
      bank.update(fileUri(file), decodeStory(readRegularFileSync(file).bytes).text);
    } catch (e) {
      if (e instanceof NotRegularFileError) notice(io, `skipping ${file}: it is ${e.kind}, not a regular file.`);
      else {
        notice(io, `cannot read ${file}: ${(e as Error).message}`);
        failed = true;
      }
    }
  }
  for (const n of configs.notices) notice(io, n);
  const rendered = renderCoverage(bank.snapshot(folders.length > 0 ? folders : [fileUri('.')]), options.format as CoverageFormat);
  // Titles come from the stories: in a table they must not move the cursor or start a line.
  io.out(options.format === 'json' ? escapeJson(rendered) : rendered.split('\n').map(escapeText).join('\n'));
  return failed ? 2 : 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
