/** The `star-stories` command: parse the arguments, run the command, return the exit code. */
import { VERSION } from '../version';
import { coverage } from './coverage';
import { escapeText } from './escape';
import type { Io } from './io';
import { lint } from './lint';
import { parseArgs, USAGE } from './options';
import { plan } from './plan';

export function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  const parsed = parseArgs(argv);
  if (parsed.action === 'help') {
    out(USAGE + '\n');
    return parsed.code;
  }
  if (parsed.action === 'version') {
    out(VERSION + '\n');
    return 0;
  }
  if (parsed.action === 'error') {
    err(`star-stories: ${escapeText(parsed.message)}\n\n${USAGE}\n`);
    return 2;
  }
  const io: Io = { out, err };
  const { command } = parsed.options;
  if (command === 'lint') return lint(parsed.options, io);
  return command === 'coverage' ? coverage(parsed.options, io) : plan(parsed.options, io);
}
