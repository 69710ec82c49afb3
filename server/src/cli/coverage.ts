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
import { flagSettings, type Options } from './options';

export function coverage(options: Options, io: Io): number {
  const loaded = loadBank(options, io);
  if (typeof loaded === 'number') return loaded;
  const rendered = renderCoverage(loaded.bank.snapshot(loaded.folders), options.format as CoverageFormat);
  printReport(io, rendered, options.format === 'json');
  return loaded.failed ? 2 : 0;
}

/** Titles come from the stories: in a table they must not move the cursor or start a line. */
export function printReport(io: Io, rendered: string, json: boolean): void {
  io.out(json ? escapeJson(rendered) : rendered.split('\n').map(escapeText).join('\n'));
}

/**
 * The bank of the files and folders given (the current folder by default), with the settings of
 * the first folder's `.star-stories.json` and each file's own; an exit code when a path is missing.
 */
export function loadBank(options: Options, io: Io): { bank: Bank; folders: string[]; failed: boolean } | number {
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const found = discover(paths);
  for (const m of found.missing) notice(io, `no such file, folder or match: ${m}`);
  if (found.missing.length > 0) return 2;
  for (const n of [...found.notices, ...found.unreadable]) notice(io, n);
  // Folders given are the bank's folders, as workspace folders are in the editor; otherwise the current folder.
  const folders = paths.filter((p) => !picomatch.scan(p).isGlob && isDirectory(p)).map(fileUri);
  const configs = new ConfigFinder();
  const bank = new Bank();
  // --role and --level win over the configuration, for the coverage and for each file's findings alike.
  const flags = flagSettings(options);
  bank.setSettings(
    { ...configs.forFile(join(folders.length > 0 ? fileURLToPath(folders[0]) : '.', CONFIG_FILE_NAME))?.config, ...flags },
    (uri) => ({ ...configs.forFile(fileURLToPath(uri))?.config, ...flags }),
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
  return { bank, folders: folders.length > 0 ? folders : [fileUri('.')], failed };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
