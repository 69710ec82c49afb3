import { main } from '../../server/src/cli';

/** `star-stories` run in-process, as the CLI tests call it: its exit code and what it printed. */
export function runCli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(
    args,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}
