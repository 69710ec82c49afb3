/**
 * `star-stories lint`: the language server's engine adapted to the terminal, so CI and the
 * editor report the same findings.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixAll, LinterPool, lineIndex, ruleNames, CONFIG_FILE_NAME, type Finding, type LintResult, type Severity } from './engine';
import { Bank, renderCoverage, type CoverageFormat } from './engine/bank';
import { ConfigFinder, configFindings } from './configDiscovery';
import { ruleDocUri } from './docs';
import { toSarif, type SarifMessage } from './sarif';
import { bankKey } from './workspaceIndex';

const USAGE = `Usage: star-stories lint [paths or globs...] [options]
       star-stories coverage [paths or globs...] [--format text|json|markdown]

Lints STAR interview stories (*.star.md). With no path, every *.star.md under the current
folder is linted (node_modules and dot-folders skipped).

Options:
  --format stylish|json|sarif
                          Output format (default: stylish); sarif is SARIF 2.1.0
                          for code-scanning services
  --fix                   Apply every safe fix and write the files back
  --max-warnings N        Exit 1 when there are more than N warnings
  --config PATH           Use this config file for every file (default: the
                          .star-stories.json nearest above each file)
  -h, --help              Show this help
  -v, --version           Show the version

coverage prints the principles × stories matrix of the story bank, its gaps and the stories
over the principle limit; --format json gives the editor's bank snapshot.

Exit code: 0 clean, 1 errors found (or too many warnings), 2 bad usage or unreadable input.`;

const VERSION = '0.1.0';

interface Options {
  format: 'stylish' | 'json' | 'sarif';
  fix: boolean;
  maxWarnings: number;
  paths: string[];
  config?: string;
}

interface FileReport {
  filePath: string;
  messages: Array<SarifMessage & { fixable: boolean; docs?: string }>;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixed?: number;
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help') {
    out(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    out(VERSION + '\n');
    return 0;
  }
  if (command === 'coverage') return coverage(rest, out, err);
  if (command !== 'lint') {
    err(`star-stories: unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  const parsed = parseOptions(rest);
  if (typeof parsed === 'string') {
    err(`star-stories: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  const { files, missing } = collectFiles(parsed.paths.length > 0 ? parsed.paths : ['.']);
  for (const m of missing) err(`star-stories: no such file, folder or match: ${m}\n`);
  if (missing.length > 0) return 2;

  const configs = parsed.config ? ConfigFinder.fixed(parsed.config) : new ConfigFinder();
  if (typeof configs === 'string') {
    err(`star-stories: ${configs}\n`);
    return 2;
  }
  const linters = new LinterPool();
  const linted: Array<{ file: string; text: string; result: LintResult; fixed?: number }> = [];
  let unreadable = false;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      err(`star-stories: cannot read ${file}: ${(e as Error).message}\n`);
      unreadable = true;
      continue;
    }
    let text = bytes.toString('utf8');
    // Defaults < the nearest .star-stories.json < the file's front matter.
    const settings = configs.forFile(file)?.config ?? {};
    let fixed: number | undefined;
    if (parsed.fix) {
      const result = fixAll(linters.lint(text, settings).linter, text, settings);
      if (result.text !== text) {
        // Decoding replaced the invalid bytes with U+FFFD; writing the text back would lose them.
        if (!isUtf8(bytes)) {
          err(`star-stories: ${file} is not valid UTF-8; not fixed, so its bytes are kept.\n`);
        } else if (writeIfUnchanged(file, bytes, result.text, err)) {
          text = result.text;
          fixed = result.fixed;
        }
      }
    }
    linted.push({ file, text, result: linters.lint(text, settings).result, fixed });
  }
  // Stories are compared across every file linted, as the editor compares the workspace's.
  const bank = new Bank();
  for (const l of linted) bank.update(fileUri(l.file), l.text, l.result);
  const reports = linted.map((l) => {
    const extra = bank.findings(fileUri(l.file));
    const findings = extra.length > 0 ? [...l.result.findings, ...extra].sort((a, b) => a.start - b.start) : l.result.findings;
    return report(l.file, l.text, findings, l.fixed);
  });
  // A broken config file is a problem of that file, so CI fails on it; linting went on with defaults.
  reports.unshift(...configFindings(configs).map((c) => report(c.path, c.text, c.findings, undefined)));

  if (parsed.format === 'json') out(JSON.stringify(reports, null, 2) + '\n');
  else if (parsed.format === 'sarif') out(toSarif(reports, VERSION));
  else out(stylish(reports, process.stdout.isTTY && !process.env.NO_COLOR));
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  if (unreadable) return 2;
  return errors > 0 || warnings > parsed.maxWarnings ? 1 : 0;
}

/** `star-stories coverage`: the bank's principle × story matrix, as the editor's coverage tree sees it. */
function coverage(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  let format: CoverageFormat = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      out(USAGE + '\n');
      return 0;
    }
    if (arg === '--format' || arg === '-f' || arg.startsWith('--format=')) {
      const value = arg.startsWith('--format=') ? arg.slice('--format='.length) : args[++i];
      if (value !== 'text' && value !== 'json' && value !== 'markdown') {
        err(`star-stories: unknown format "${value ?? ''}" (use text, json or markdown).\n\n${USAGE}\n`);
        return 2;
      }
      format = value;
    } else if (arg.startsWith('-')) {
      err(`star-stories: unknown option "${arg}".\n\n${USAGE}\n`);
      return 2;
    } else {
      paths.push(arg);
    }
  }
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.']);
  for (const m of missing) err(`star-stories: no such file, folder or match: ${m}\n`);
  if (missing.length > 0) return 2;
  // Folders given are the bank's folders, as workspace folders are in the editor; otherwise the current folder.
  const folders = paths.filter((p) => !/[*?[]/.test(p) && isDirectory(p)).map(fileUri);
  const configs = new ConfigFinder();
  const bank = new Bank();
  bank.setSettings(configs.forFile(join(folders.length > 0 ? fileURLToPath(folders[0]) : '.', CONFIG_FILE_NAME))?.config ?? {}, (uri) => configs.forFile(fileURLToPath(uri))?.config ?? {});
  let unreadable = false;
  for (const file of files) {
    try {
      bank.update(fileUri(file), readFileSync(file, 'utf8'));
    } catch (e) {
      err(`star-stories: cannot read ${file}: ${(e as Error).message}\n`);
      unreadable = true;
    }
  }
  out(renderCoverage(bank.snapshot(folders.length > 0 ? folders : [fileUri('.')]), format));
  return unreadable ? 2 : 0;
}

function fileUri(path: string): string {
  return bankKey(pathToFileURL(resolve(path)).href);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function writeIfUnchanged(file: string, original: Buffer, text: string, err: (s: string) => void): boolean {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.star-stories-tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', mode: statSync(file).mode, flag: 'wx' });
    if (!readFileSync(file).equals(original)) {
      unlinkSync(temp);
      err(`star-stories: ${file} changed while it was being fixed; not fixed.\n`);
      return false;
    }
    renameSync(temp, file);
    return true;
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    err(`star-stories: cannot write ${file}: ${(e as Error).message}\n`);
    return false;
  }
}

function parseOptions(args: string[]): Options | string {
  const options: Options = { format: 'stylish', fix: false, maxWarnings: Infinity, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--format' || flag === '-f') {
      const format = value();
      if (format !== 'stylish' && format !== 'json' && format !== 'sarif') return `unknown format "${format ?? ''}" (use stylish, json or sarif).`;
      options.format = format;
    } else if (flag === '--fix') {
      options.fix = true;
    } else if (flag === '--max-warnings') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return '--max-warnings needs a whole number of 0 or more.';
      options.maxWarnings = n;
    } else if (flag === '--config' || flag === '-c') {
      options.config = value();
      if (!options.config) return '--config needs the path of a config file.';
    } else if (flag.startsWith('-')) {
      return `unknown option "${flag}".`;
    } else {
      options.paths.push(arg);
    }
  }
  return options;
}

const STORY_FILE = /\.star\.md$/i;

function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths) {
    if (/[*?[]/.test(p)) {
      const matches = globFiles(p);
      if (matches.length === 0) missing.push(p);
      for (const f of matches) files.add(f);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) for (const f of walk(p)) files.add(f);
    else files.add(p);
  }
  return { files: [...files].sort(), missing };
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && STORY_FILE.test(entry.name)) yield full;
  }
}

/** Globs for shells that do not expand them (Windows, quoted arguments): `*`, `**` and `?`. */
function globFiles(pattern: string): string[] {
  const normalized = pattern.split(sep).join('/');
  const firstMagic = normalized.search(/[*?[]/);
  const base = normalized.slice(0, normalized.lastIndexOf('/', firstMagic) + 1) || './';
  const source = normalized
    .slice(base === './' && !normalized.startsWith('./') ? 0 : base.length)
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '(?:.*/)?');
  let matcher: RegExp;
  try {
    matcher = new RegExp(`^${source}$`);
  } catch {
    // An unclosed "[" in the pattern: it matches nothing, and is reported like any empty glob.
    return [];
  }
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (matcher.test(relative(resolve(base), resolve(full)).split(sep).join('/'))) out.push(full);
    }
  };
  visit(base);
  return out;
}

function report(file: string, text: string, findings: Finding[], fixed: number | undefined): FileReport {
  const lineOf = lineIndex(text);
  const position = (offset: number) => {
    const line = lineOf(offset);
    return { line: line + 1, column: offset - lineOf.lineStart(line) + 1 };
  };
  const messages = findings.map((f) => {
    const start = position(f.start);
    const end = position(f.end);
    return {
      ruleId: f.rule,
      severity: f.severity,
      message: f.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fixable: f.fix !== undefined,
      docs: ruleNames.has(f.rule) ? ruleDocUri(f.rule) : undefined,
    };
  });
  const count = (s: Severity) => messages.filter((x) => x.severity === s).length;
  return { filePath: relative(process.cwd(), file) || file, messages, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info'), fixed };
}

function stylish(reports: FileReport[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const label: Record<Severity, string> = { error: paint('31', 'error'), warning: paint('33', 'warning'), info: paint('36', 'info'), hint: paint('2', 'hint') };
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of reports) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    if (r.messages.length === 0) continue;
    out += `\n${paint('4', r.filePath)}\n`;
    const width = Math.max(...r.messages.map((x) => `${x.line}:${x.column}`.length));
    for (const x of r.messages) {
      if (x.fixable) fixable++;
      const pos = `${x.line}:${x.column}`.padEnd(width);
      out += `  ${paint('2', pos)}  ${label[x.severity].padEnd(color ? 16 : 7)}  ${x.message}  ${paint('2', x.ruleId)}\n`;
    }
  }
  const total = errors + warnings + infos;
  const fixedTotal = reports.reduce((n, r) => n + (r.fixed ?? 0), 0);
  if (fixedTotal > 0) out += `\nFixed ${fixedTotal} problem${fixedTotal === 1 ? '' : 's'}.\n`;
  if (total === 0) return out + `${reports.length} file${reports.length === 1 ? '' : 's'} checked, no problems.\n`;
  out += `\n${paint(errors > 0 ? '31' : '33', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`)} in ${reports.length} file${reports.length === 1 ? '' : 's'}\n`;
  if (fixable > 0) out += `  ${fixable} of them can be fixed with --fix.\n`;
  return out;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
