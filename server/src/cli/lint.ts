/** `star-stories lint`: the language server's engine adapted to the terminal, so CI and the editor report the same findings. */
import { isUtf8 } from 'node:buffer';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixAll, LinterPool, type LintResult } from '../engine';
import { Bank } from '../engine/bank';
import { ConfigFinder, configFindings } from '../configDiscovery';
import { readResumeSync, resumePath } from '../resumeFile';
import { decodeStory, encodeStory, NotRegularFileError, readRegularFileSync } from '../storyFile';
import { VERSION } from '../version';
import { bankKey } from '../workspaceIndex';
import { discover } from './files';
import { writeFixed } from './fixWrite';
import { stylish, toJson, toSarif } from './format';
import { notice, type Io } from './io';
import { flagSettings, type Options } from './options';
import { buildReport, type FileReport } from './report';

interface Linted {
  file: string;
  text: string;
  result: LintResult;
  fixed?: number;
}

interface Run {
  options: Options;
  io: Io;
  configs: ConfigFinder;
  linters: LinterPool;
  /** Something could not be read or written: the run exits 2. */
  failed: boolean;
}

export function lint(options: Options, io: Io): number {
  const found = discover(options.paths.length > 0 ? options.paths : ['.']);
  for (const m of found.missing) notice(io, `no such file, folder or match: ${m}`);
  if (found.missing.length > 0) return 2;
  for (const n of found.notices) notice(io, n);
  for (const u of found.unreadable) notice(io, u);
  const configs = options.config ? ConfigFinder.fixed(options.config) : new ConfigFinder();
  if (typeof configs === 'string') {
    notice(io, configs);
    return 2;
  }
  const run: Run = { options, io, configs, linters: new LinterPool(), failed: found.unreadable.length > 0 };
  const linted = found.files.map((file) => lintFile(file, run)).filter((l): l is Linted => l !== undefined);
  for (const n of configs.notices) notice(io, n);
  const resumes = readResumes(run);
  // A broken config file is a problem of that file, so CI fails on it; linting went on with defaults.
  const reports = configFindings(configs)
    .map((c) => buildReport(c.path, c.text, c.findings, undefined))
    .concat(withBank(linted, resumes));
  io.out(format(reports, options.format));
  if (run.failed) return 2;
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  return errors > 0 || warnings > options.maxWarnings ? 1 : 0;
}

function lintFile(file: string, run: Run): Linted | undefined {
  let read;
  try {
    read = readRegularFileSync(file);
  } catch (e) {
    if (e instanceof NotRegularFileError) {
      notice(run.io, `skipping ${file}: it is ${e.kind}, not a regular file.`);
    } else {
      notice(run.io, `cannot read ${file}: ${(e as Error).message}`);
      run.failed = true;
    }
    return undefined;
  }
  // The editor strips a byte order mark; linting the text without it gives the editor's findings and positions.
  const { text, bom } = decodeStory(read.bytes);
  // Defaults < the nearest .star-stories.json < the file's front matter.
  const configured = run.configs.forFile(file)?.config ?? {};
  const settings = { ...configured, ...flagSettings(run.options) };
  if (!run.options.fix) return { file, text, result: run.linters.lint(text, settings).result };
  const fixed = fixAll(run.linters.lint(text, settings).linter, text, settings);
  if (fixed.text === text) return { file, text, result: run.linters.lint(text, settings).result };
  if (!isUtf8(read.bytes)) {
    // Decoding replaced the invalid bytes with U+FFFD; writing the text back would lose them.
    notice(run.io, `${file} is not valid UTF-8; not fixed, so its bytes are kept.`);
    return { file, text, result: run.linters.lint(text, settings).result };
  }
  const outcome = writeFixed(file, read, encodeStory(fixed.text, bom));
  if (!outcome.written) {
    notice(run.io, outcome.message);
    run.failed ||= outcome.fatal;
    return { file, text, result: run.linters.lint(text, settings).result };
  }
  return { file, text: fixed.text, result: run.linters.lint(fixed.text, settings).result, fixed: fixed.fixed };
}

/**
 * The résumés the config files in use name (`resume`, relative to the file naming it), read once
 * each; one that cannot be read is a notice and fails the run, as an unreadable story does.
 */
function readResumes(run: Run): Array<{ uri: string; text: string }> {
  const paths = new Set<string>();
  for (const found of run.configs.used()) {
    const path = resumePath(found.config.resume, dirname(found.path));
    if (path) paths.add(path);
  }
  const out: Array<{ uri: string; text: string }> = [];
  for (const path of paths) {
    const read = readResumeSync(path);
    if ('text' in read) out.push({ uri: fileUri(path), text: read.text });
    else {
      notice(run.io, read.error);
      run.failed = true;
    }
  }
  return out;
}

/** Stories are compared across every file linted, as the editor compares the workspace's, and with the résumé. */
function withBank(linted: readonly Linted[], resumes: ReadonlyArray<{ uri: string; text: string }>): FileReport[] {
  const bank = new Bank();
  for (const l of linted) bank.update(fileUri(l.file), l.text, l.result);
  bank.setResume(resumes);
  return linted.map((l) => {
    const extra = bank.findings(fileUri(l.file));
    const findings = extra.length > 0 ? [...l.result.findings, ...extra].sort((a, b) => a.start - b.start) : l.result.findings;
    return buildReport(resolve(l.file), l.text, findings, l.fixed);
  });
}

function format(reports: FileReport[], name: string): string {
  if (name === 'json') return toJson(reports);
  if (name === 'sarif') return toSarif(reports, VERSION);
  return stylish(reports, process.stdout.isTTY === true && !process.env.NO_COLOR);
}

export function fileUri(path: string): string {
  return bankKey(pathToFileURL(resolve(path)).href);
}
